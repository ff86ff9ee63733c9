import TallyCore

extension Reconciler {
    /// How many days before its document's publication an undated claim looks for a dated tally to join.
    public static let undatedReach = 3

    /// The place part of a family: the GeoNames id when known, else the name in lower case.
    public static func placeKey(_ place: Place?) -> String? {
        guard let place else { return nil }
        return place.geonameID.map { "geo:\($0)" } ?? place.name.lowercased()
    }

    /// The family a claim belongs to, as text: kind, people and place (`detained|people|geo:524901`).
    /// A family's tallies depend on its own claims only.
    public static func familyKey(_ claim: Claim) -> String {
        "\(claim.kind.rawValue)|\(claim.who.rawValue)|" + (placeKey(claim.place).map { "p" + $0 } ?? "-")
    }

    /// The dated tally an undated claim joins: the latest of `datedDays` within the three days up to its
    /// document's publication, or nil (it stays undated).
    public static func joinedDay(published: Day?, datedDays: Set<Day>) -> Day? {
        guard let published else { return nil }
        var best: Day?
        for d in datedDays where d <= published && d.ordinal >= published.ordinal - undatedReach {
            if best == nil || d > best! { best = d }
        }
        return best
    }

    /// The tallies of one family (claims of one kind, people and place, in the order they were stored).
    ///
    /// `datedDays` are all the days the family has dated claims on (undated claims join one of them);
    /// `only`, when given, limits the result to those tallies (`nil` inside it: the undated tally), and
    /// `members` then need only hold the claims those tallies can contain: the dated claims of those
    /// days and the undated claims published on or up to three days after them (all undated claims
    /// for the undated tally). Claims of other tallies among `members` are left out.
    public static func familyTallies(_ members: [ReconcileInput], datedDays: Set<Day>, only: Set<Day?>? = nil,
                                     options: ReconcileOptions = ReconcileOptions()) -> [Tally] {
        guard let first = members.first?.claim else { return [] }
        return familyGroups(members, datedDays: datedDays, only: only).map { day, group in
            tally(kind: first.kind, who: first.who, date: day, group, options)
        }
    }

    /// The claims of each of one family's tallies, by day (nil: the undated tally), as
    /// `familyTallies` groups them.
    public static func familyGroups(_ members: [ReconcileInput], datedDays: Set<Day>,
                                    only: Set<Day?>? = nil) -> [(day: Day?, members: [ReconcileInput])] {
        var groups: [Day?: [ReconcileInput]] = [:]
        var order: [Day?] = []
        func add(_ m: ReconcileInput, to day: Day?) {
            if let only, !only.contains(day) { return }
            if groups[day] == nil { order.append(day) }
            groups[day, default: []].append(m)
        }
        for m in members where m.claim.date != nil { add(m, to: m.claim.date) }
        for m in members where m.claim.date == nil { add(m, to: joinedDay(published: m.published, datedDays: datedDays)) }
        return order.map { ($0, groups[$0]!) }
    }

    /// Which tallies of one family a batch of new claims changes.
    public struct FamilyChange: Sendable, Hashable {
        /// Dated tallies to redo (new, grown, or losing undated claims to a new day).
        public var days: Set<Day> = []
        /// Whether the undated tally is to be redone.
        public var undated = false
        /// Every day the family has dated claims on, the new ones included.
        public var datedDays: Set<Day> = []
        /// The tallies among `tallies` whose claims may change other than by gaining new ones (a new
        /// day takes undated claims from the undated tally and the three days before): these are
        /// made again from all their claims; the others only add the new claims to what they keep.
        public var rebuilt: Set<Day?> = []

        public init() {}

        /// The tallies to redo, as `familyTallies(only:)` takes them.
        public var tallies: Set<Day?> {
            var set = Set<Day?>(days.map { Optional($0) })
            if undated { set.insert(nil) }
            return set
        }

        /// The publication days of the undated claims that may join the dated tallies to redo.
        public var undatedPublished: Set<Day> {
            var set = Set<Day>()
            for d in days { for k in 0...Reconciler.undatedReach { set.insert(Day(ordinal: d.ordinal + k)) } }
            return set
        }

        /// The same for the dated tallies to make again from all their claims (`rebuilt`).
        public var rebuiltUndatedPublished: Set<Day> {
            var set = Set<Day>()
            for case let d? in rebuilt { for k in 0...Reconciler.undatedReach { set.insert(Day(ordinal: d.ordinal + k)) } }
            return set
        }
    }

    /// The tallies of one family that new claims change, given the days it had dated claims on before.
    ///
    /// A dated claim changes its day's tally; on a day new to the family it may also take undated
    /// claims from the tallies of the three days before and from the undated tally. An undated claim
    /// changes the tally it joins.
    public static func changedTallies(existingDays: Set<Day>, new: [ReconcileInput]) -> FamilyChange {
        var change = FamilyChange()
        change.datedDays = existingDays
        for m in new { if let d = m.claim.date { change.datedDays.insert(d) } }
        for m in new {
            if let d = m.claim.date {
                change.days.insert(d)
                if !existingDays.contains(d) {
                    change.undated = true
                    change.rebuilt.insert(d)
                    change.rebuilt.insert(nil)
                    for k in 1...undatedReach where existingDays.contains(Day(ordinal: d.ordinal - k)) {
                        change.days.insert(Day(ordinal: d.ordinal - k))
                        change.rebuilt.insert(Day(ordinal: d.ordinal - k))
                    }
                }
            } else if let joined = joinedDay(published: m.published, datedDays: change.datedDays) {
                change.days.insert(joined)
            } else {
                change.undated = true
            }
        }
        return change
    }
}
