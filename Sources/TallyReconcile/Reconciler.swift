import TallyCore

/// Pure functions from claims to tallies.
///
/// Claims group by (kind, who, place, event day); an undated claim joins a tally of the same kind,
/// people and place dated within the three days before its document, else stands undated. In a
/// tally each source counts once, with its latest figure (unattributed figures count once per
/// document). The best figure comes from the most trusted class of source, then the latest, then
/// the most conservative; vague amounts are best only when no source gave a number.
public enum Reconciler {
    struct GroupKey: Hashable {
        var kind: ClaimKind
        var who: Group
        var place: String?
        var date: Day?
    }

    /// The reconciled tallies, sorted by kind, people, country before city, then largest figure.
    public static func tallies(_ inputs: [ReconcileInput], options: ReconcileOptions = ReconcileOptions()) -> [Tally] {
        let kept = inputs.filter { input in
            guard let asOf = options.asOf else { return true }
            return (input.published ?? asOf) <= asOf
        }
        var groups: [GroupKey: [ReconcileInput]] = [:]
        var undated: [ReconcileInput] = []
        for input in kept {
            let c = input.claim
            if c.date == nil { undated.append(input); continue }
            groups[GroupKey(kind: c.kind, who: c.who, place: placeKey(c.place), date: c.date), default: []].append(input)
        }
        for input in undated {
            let c = input.claim
            var key = GroupKey(kind: c.kind, who: c.who, place: placeKey(c.place), date: nil)
            if let published = input.published {
                // The latest dated tally of the same count within the three days before publication.
                let candidates = groups.keys.filter {
                    $0.kind == key.kind && $0.who == key.who && $0.place == key.place && $0.date != nil
                        && $0.date! <= published && $0.date!.ordinal >= published.ordinal - 3
                }
                if let join = candidates.max(by: { $0.date! < $1.date! }) { key = join }
            }
            groups[key, default: []].append(input)
        }
        let countryIDs = Set(kept.compactMap { $0.claim.place?.level == .country ? $0.claim.place?.geonameID : nil })
        var tallies = groups.map { key, members in tally(key, members, options) }
        tallies += countryChecks(&tallies, countryIDs: countryIDs)
        return tallies.sorted { order($0, $1, countryIDs) }
    }

    static func placeKey(_ place: Place?) -> String? {
        guard let place else { return nil }
        return place.geonameID.map { "geo:\($0)" } ?? place.name.lowercased()
    }

    /// Who stands behind a figure: a named source, or for an unattributed figure its document.
    static func sourceKey(_ input: ReconcileInput) -> String {
        input.claim.source.map { "src:" + $0.name.lowercased() } ?? "doc:" + input.claim.doc
    }

    static func later(_ a: ReconcileInput, _ b: ReconcileInput) -> Bool {
        if a.published != b.published { return (a.published ?? Day(ordinal: .min / 4)) > (b.published ?? Day(ordinal: .min / 4)) }
        return a.sequence > b.sequence
    }

    /// Of two figures of one document, whether `a` comes first in its text: the order the store
    /// hands claims back in must not change a tally.
    static func earlierInText(_ a: ReconcileInput, _ b: ReconcileInput) -> Bool {
        a.published == b.published && a.sequence == b.sequence && a.claim.numberSpan.start < b.claim.numberSpan.start
    }

    static func tally(_ key: GroupKey, _ members: [ReconcileInput], _ options: ReconcileOptions) -> Tally {
        // Each source once, with its latest figure; a number beats a vague amount from the same source.
        var perSource: [String: ReconcileInput] = [:]
        for m in members {
            let k = sourceKey(m)
            guard let current = perSource[k] else { perSource[k] = m; continue }
            let mNumeric = m.claim.quantity.value != nil, cNumeric = current.claim.quantity.value != nil
            if mNumeric != cNumeric { if mNumeric { perSource[k] = m }; continue }
            if later(m, current) || earlierInText(m, current) { perSource[k] = m }
        }
        let figures = Array(perSource.values)
        let numeric = figures.filter { $0.claim.quantity.value != nil }
        let ranked = (numeric.isEmpty ? figures : numeric).sorted { a, b in
            // A figure the text states beats one read from "a man was shot", whoever gives it.
            if a.claim.implicit != b.claim.implicit { return !a.claim.implicit }
            let ra = options.rank(a.claim.source?.sourceClass ?? .unattributed)
            let rb = options.rank(b.claim.source?.sourceClass ?? .unattributed)
            if ra != rb { return ra < rb }
            if a.published != b.published || a.sequence != b.sequence { return later(a, b) }
            if a.claim.numberSpan.start != b.claim.numberSpan.start { return a.claim.numberSpan.start < b.claim.numberSpan.start }
            return (a.claim.quantity.lowerBound ?? 0) < (b.claim.quantity.lowerBound ?? 0)
        }
        let top = ranked[0].claim
        let best: Tally.Best
        if let value = top.quantity.value {
            best = Tally.Best(value: value, qualifier: top.quantity.qualifier, source: top.source?.name, doc: top.doc)
        } else {
            let vague = top.quantity.vague ?? "several"
            best = Tally.Best(value: options.vague.value(of: vague), qualifier: .about, source: top.source?.name, doc: top.doc, vague: vague)
        }
        let values = numeric.compactMap { $0.claim.quantity.value }
        let highs = numeric.compactMap { $0.claim.quantity.valueHigh ?? $0.claim.quantity.value }
        let intervals = numeric.compactMap { FigureInterval($0.claim.quantity) }
        let place = members.first?.claim.place
        let history = members.sorted { later($1, $0) || earlierInText($0, $1) }.map { m in
            Tally.HistoryPoint(published: m.published, value: m.claim.quantity.value, valueHigh: m.claim.quantity.valueHigh,
                               qualifier: m.claim.quantity.qualifier, source: m.claim.source?.name, doc: m.claim.doc)
        }
        var sourceNames: [String] = []
        for r in ranked + figures where !sourceNames.contains(r.claim.source?.name ?? "(\(r.claim.doc))") {
            sourceNames.append(r.claim.source?.name ?? "(\(r.claim.doc))")
        }
        return Tally(kind: key.kind, who: key.who, place: place?.name, placeID: place?.geonameID,
                     country: place?.country, date: key.date, best: best,
                     low: values.min() ?? best.value, high: highs.max() ?? best.value, claims: members.count,
                     sources: sourceNames, conflict: !FigureInterval.compatible(intervals), derived: false, history: history)
    }

    /// Checks city tallies against their country's: flags a national figure the cities exceed, and
    /// where a country has no figure of its own, adds one derived as "at least the sum of its cities".
    static func countryChecks(_ tallies: inout [Tally], countryIDs: Set<Int>) -> [Tally] {
        struct Key: Hashable { var kind: ClaimKind; var who: Group; var country: String; var date: Day? }
        var cities: [Key: [Tally]] = [:]
        var nations: [Key: Int] = [:]
        for (i, t) in tallies.enumerated() {
            guard let country = t.country else { continue }
            let key = Key(kind: t.kind, who: t.who, country: country, date: t.date)
            if let id = t.placeID, countryIDs.contains(id) { nations[key] = i } else if t.placeID != nil { cities[key, default: []].append(t) }
        }
        var derived: [Tally] = []
        for (key, list) in cities {
            let sum = list.compactMap { t -> Int? in
                guard let v = t.best.value, t.best.vague == nil else { return nil }
                return t.best.qualifier == .atMost ? nil : v
            }.reduce(0, +)
            guard sum > 0 else { continue }
            if let i = nations[key] {
                let national = tallies[i]
                let upper = national.best.qualifier == .atLeast ? Int.max : (national.high ?? national.best.value ?? 0)
                if sum > upper { tallies[i].conflict = true }
            } else if list.count > 1 {
                derived.append(Tally(
                    kind: key.kind, who: key.who, place: nil, placeID: nil, country: key.country, date: key.date,
                    // The largest city's document, so the pick does not hang on dictionary order.
                    best: Tally.Best(value: sum, qualifier: .atLeast, source: nil, doc: list.min { a, b in
                        ((a.best.value ?? 0), b.place ?? "", b.best.doc) > ((b.best.value ?? 0), a.place ?? "", a.best.doc)
                    }!.best.doc),
                    low: sum, high: nil, claims: 0, sources: [], conflict: false, derived: true, history: []))
            }
        }
        return derived
    }

    static func order(_ a: Tally, _ b: Tally, _ countryIDs: Set<Int>) -> Bool {
        func national(_ t: Tally) -> Bool { t.derived || t.placeID.map(countryIDs.contains) == true }
        if a.kind != b.kind { return ClaimKind.allCases.firstIndex(of: a.kind)! < ClaimKind.allCases.firstIndex(of: b.kind)! }
        if a.who != b.who { return Group.allCases.firstIndex(of: a.who)! < Group.allCases.firstIndex(of: b.who)! }
        if national(a) != national(b) { return national(a) }
        if (a.best.value ?? 0) != (b.best.value ?? 0) { return (a.best.value ?? 0) > (b.best.value ?? 0) }
        return (a.place ?? "", a.date?.description ?? "") < (b.place ?? "", b.date?.description ?? "")
    }
}
