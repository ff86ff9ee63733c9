import TallyCore
import TallyReconcile

/// Keeping the `tallies` table right after a batch, inside the batch's transaction.
///
/// The steps are pure; each backend runs the reads and writes between them in its own way
/// (`SQLiteStore+Tallies.swift`, `PostgresStore+Tallies.swift`):
///
/// 1. `families`: the families (kind, who, place) the batch's new claims belong to;
/// 2. the backend reads the days each already has dated tallies on (those of `probedDays`; all of
///    them for `needingAllDays`) → `plan(existingDays:)` says which
///    tallies change (`Reconciler.changedTallies`). Most only gain the new claims (`grown`): the
///    backend reads what they keep (`TallyState`: each source's figure, from `tally_sources`) and
///    the new claims are added to it. The few whose claims may move (a day new to the family takes
///    undated claims from its neighbours) are made again from all their claims (`reads`);
/// 3. `rows(members:states:)` makes the changed tallies' rows and the `tally_sources` rows to write
///    (every source of a rebuilt tally, the changed sources of a grown one);
/// 4. the backend replaces the rows, records new national places, and reads the tallies of every
///    country check the changes touch → `checkWrites` redoes them (`Reconciler.countryCheck`).
///
/// So a batch costs in proportion to its claims and the sources of the tallies they touch, not to
/// the claims already stored.
struct TallyRefresh {
    /// The new claims of the batch, by family, in the order they were stored.
    let new: [String: [ReconcileInput]]
    /// Families in sorted order (PostgreSQL locks them in this order).
    let families: [String]
    private(set) var changes: [String: Reconciler.FamilyChange] = [:]
    /// The tallies that only gain claims, with the claims each gains (made by `plan`).
    private(set) var grown: [Grown] = []

    init(new inputs: [ReconcileInput]) {
        var byFamily: [String: [ReconcileInput]] = [:]
        for input in inputs { byFamily[Reconciler.familyKey(input.claim), default: []].append(input) }
        new = byFamily
        families = byFamily.keys.sorted()
    }

    /// Places the new claims name at country level.
    var nationalPlaces: Set<Int> { Reconciler.nationalPlaces(new.values.flatMap { $0.map(\.claim) }) }

    /// The countries of the new claims (PostgreSQL locks their checks).
    var countries: Set<String> { Set(new.values.flatMap { $0.compactMap(\.claim.place?.country) }) }

    /// The days to look up in each family before `plan` (as `YYYY-MM-DD`, sorted): each dated new
    /// claim's day, and the days an undated one may join (its publication day and the three before).
    /// While no new claim brings a day new to its family, `plan` asks about no other day; a family
    /// that gets a new day is read whole (`needingAllDays`). So a batch reads a few index entries per
    /// family, not every day the family has had.
    var probedDays: [String: [String]] {
        var out: [String: [String]] = [:]
        for (family, inputs) in new {
            var days = Set<Day>()
            for m in inputs {
                if let d = m.claim.date {
                    days.insert(d)
                } else if let p = m.published {
                    for k in 0...Reconciler.undatedReach { days.insert(Day(ordinal: p.ordinal - k)) }
                }
            }
            out[family] = days.map(\.description).sorted()
        }
        return out
    }

    /// The families whose every day must be read: a new claim's day is not among those found.
    func needingAllDays(found: [String: Set<Day>]) -> [String] {
        families.filter { family in
            new[family]!.contains { m in m.claim.date.map { !(found[family]?.contains($0) ?? false) } ?? false }
        }
    }

    /// What to read of one family to make its rebuilt tallies again.
    struct Read: Sendable {
        var family: String
        /// Dated claims of these days.
        var days: [String]
        /// Undated claims published on these days (empty when `allUndated`).
        var undatedPublished: [String]
        /// Every undated claim of the family (the undated tally is rebuilt).
        var allUndated: Bool
    }

    /// A tally that only gains new claims: its key and the claims it gains.
    struct Grown: Sendable {
        var key: String
        var family: String
        var date: Day?
        var members: [ReconcileInput]
    }

    /// Plans the refresh; returns the claims to read for the rebuilt tallies (families with none are left out).
    mutating func plan(existingDays: [String: Set<Day>]) -> [Read] {
        var reads: [Read] = []
        for family in families {
            let change = Reconciler.changedTallies(existingDays: existingDays[family] ?? [], new: new[family]!)
            changes[family] = change
            guard !change.rebuilt.isEmpty else { continue }
            reads.append(Read(family: family, days: change.rebuilt.compactMap { $0?.description }.sorted(),
                              undatedPublished: change.rebuilt.contains(nil) ? [] : change.rebuiltUndatedPublished.map(\.description).sorted(),
                              allUndated: change.rebuilt.contains(nil)))
        }
        grown = growing()
        return reads
    }

    private func growing() -> [Grown] {
        families.flatMap { family -> [Grown] in
            let change = changes[family]!
            var gains: [Day?: [ReconcileInput]] = [:]
            for m in new[family]! {
                let day = m.claim.date ?? Reconciler.joinedDay(published: m.published, datedDays: change.datedDays)
                if !change.rebuilt.contains(day) { gains[day, default: []].append(m) }
            }
            return gains.map { Grown(key: TallyRow.key(family: family, date: $0.key), family: family, date: $0.key, members: $0.value) }
                .sorted { $0.key < $1.key }
        }
    }

    /// Keys of the rows the new ones replace (some may not exist yet; an undated tally may go).
    var replacedKeys: [String] {
        families.flatMap { family in
            changes[family]!.tallies.map { TallyRow.key(family: family, date: $0) }
        }.sorted()
    }

    /// Keys of the rebuilt tallies: their `tally_sources` rows are all replaced.
    var rebuiltKeys: [String] {
        families.flatMap { family in
            changes[family]!.rebuilt.map { TallyRow.key(family: family, date: $0) }
        }.sorted()
    }

    /// What to write: the changed tallies' rows, and the sources to insert or update (`tally_sources`).
    struct Rows: Sendable {
        var tallies: [TallyRow] = []
        var picks: [(key: String, pick: TallyState.Pick)] = []
        /// Keys of the rows updated in place: grown tallies that exist and keep their place, so none
        /// of their indexed columns change. Every other changed row is deleted and inserted again.
        var updated: Set<String> = []

        /// The rows to update in place (`updated`), and the rows to insert.
        var split: (update: [TallyRow], insert: [TallyRow]) {
            (tallies.filter { updated.contains($0.key) }, tallies.filter { !updated.contains($0.key) })
        }
    }

    /// Keys of the rows to delete before the new ones go in: those replaced, but not updated in place.
    func deletedKeys(_ rows: Rows) -> [String] { replacedKeys.filter { !rows.updated.contains($0) } }

    /// The changed tallies: the rebuilt ones from `members` (each family's claims as read), the grown
    /// ones from `states` (what they kept, by key; none for a tally that did not exist) plus their new claims.
    func rows(members: [String: [ReconcileInput]], states: [String: TallyState]) -> Rows {
        var out = Rows()
        func add(_ family: String, _ day: Day?, _ state: TallyState, changed: (TallyState.Pick) -> Bool) {
            let first = new[family]![0].claim
            let tally = Reconciler.tally(kind: first.kind, who: first.who, date: day, state: state)
            let row = TallyRow(family: family, tally: tally, first: state.first)
            out.tallies.append(row)
            for pick in state.picks.values.sorted(by: { $0.source < $1.source }) where changed(pick) {
                out.picks.append((row.key, pick))
            }
        }
        for family in families {
            let change = changes[family]!
            guard !change.rebuilt.isEmpty else { continue }
            for (day, group) in Reconciler.familyGroups(members[family] ?? [], datedDays: change.datedDays, only: change.rebuilt) {
                add(family, day, TallyState(group)) { _ in true }
            }
        }
        for g in grown {
            let old = states[g.key] ?? TallyState()
            var state = old
            for m in g.members { state.add(m) }
            if states[g.key] != nil, old.place?.name == state.place?.name { out.updated.insert(g.key) }
            add(g.family, g.date, state) { old.picks[$0.source] != $0 }
        }
        out.tallies.sort { $0.key < $1.key }
        return out
    }

    /// The country checks to redo: those of the rows replaced, removed or written, and of every
    /// tally of a place that has just become national.
    static func checkKeys(_ groups: [CountryCheck.Key]...) -> [CountryCheck.Key] {
        Array(Set(groups.flatMap { $0 }))
    }

    /// What a check changes: country conflict flags by row id, the derived rows of the checked keys
    /// (updated in place where they exist, else inserted), and the derived rows that go.
    struct CheckWrites: Sendable {
        var flags: [(id: Int, conflict: Bool)] = []
        var removedDerived: [String] = []
        var derived: [TallyRow] = []
    }

    /// A stored tally as a country check reads it.
    struct CheckedRow: Sendable {
        var id: Int
        var tally: Tally
        var countryConflict: Bool
    }

    /// The columns a country check reads of a tally (`checkedRow`), in this order: only what
    /// `Reconciler.countryCheck` looks at, not the source list or the tally's own conflict.
    static let checkColumns = "id, place, place_id, best_value, best_qualifier, best_doc, best_vague, high, country_conflict"

    /// A checked tally of `key` from the values of `checkColumns`.
    static func checkedRow(_ key: CountryCheck.Key, id: Int, place: String?, placeID: Int?, value: Int?, qualifier: Qualifier,
                           doc: String, vague: String?, high: Int?, countryConflict: Bool) -> CheckedRow {
        let tally = Tally(kind: key.kind, who: key.who, place: place, placeID: placeID, country: key.country, date: key.date,
                          best: Tally.Best(value: value, qualifier: qualifier, source: nil, doc: doc, vague: vague),
                          low: nil, high: high, claims: 0, sources: [], conflict: false, derived: false, history: [])
        return CheckedRow(id: id, tally: tally, countryConflict: countryConflict)
    }

    static func checkWrites(_ rows: [CountryCheck.Key: [CheckedRow]], keys: [CountryCheck.Key], national: Set<Int>) -> CheckWrites {
        var writes = CheckWrites()
        for key in keys {
            let list = (rows[key] ?? []).sorted { $0.id < $1.id }
            let check = Reconciler.countryCheck(key, list.map(\.tally), national: national)
            for (row, flag) in zip(list, check.flagged) where row.countryConflict != flag {
                writes.flags.append((row.id, flag))
            }
            if let derived = check.derived {
                writes.derived.append(TallyRow(derived: derived))
            } else {
                writes.removedDerived.append(TallyRow.derivedKey(key))
            }
        }
        writes.removedDerived.sort()
        return writes
    }
}
