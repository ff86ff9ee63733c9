import TallyCore

/// Pure functions from claims to tallies.
///
/// Claims group by (kind, who, place, event day); an undated claim joins a tally of the same kind,
/// people and place dated within the three days before its document, else stands undated. In a
/// tally each source counts once, with its latest figure (unattributed figures count once per
/// document). The best figure comes from the most trusted class of source, then the latest, then
/// the most conservative; vague amounts are best only when no source gave a number.
///
/// The work splits into parts a store can redo one at a time: a *family* (kind, who, place) is
/// reconciled from its own claims alone (`familyTallies`), and a *country check* (kind, who,
/// country, day) from that day's tallies of the country (`countryCheck`). `tallies` is these parts
/// applied to everything; a store that keeps tallies redoes only the parts a batch touched
/// (`changedTallies` says which) and gets the same answer.
public enum Reconciler {
    /// The reconciled tallies, sorted by kind, people, country before city, then largest figure.
    public static func tallies(_ inputs: [ReconcileInput], options: ReconcileOptions = ReconcileOptions()) -> [Tally] {
        let kept = inputs.filter { input in
            guard let asOf = options.asOf else { return true }
            return (input.published ?? asOf) <= asOf
        }
        var families: [String: [ReconcileInput]] = [:]
        var familyOrder: [String] = []
        for input in kept {
            let key = familyKey(input.claim)
            if families[key] == nil { familyOrder.append(key) }
            families[key, default: []].append(input)
        }
        var tallies: [Tally] = []
        for key in familyOrder {
            let members = families[key]!
            let days = Set(members.compactMap(\.claim.date))
            tallies += familyTallies(members, datedDays: days, only: nil, options: options)
        }
        let national = nationalPlaces(kept.map(\.claim))
        var checks: [CountryCheck.Key: [Int]] = [:]
        for (i, t) in tallies.enumerated() {
            if let key = CountryCheck.Key(t) { checks[key, default: []].append(i) }
        }
        var derived: [Tally] = []
        for (key, indices) in checks {
            let check = countryCheck(key, indices.map { tallies[$0] }, national: national)
            for (n, i) in indices.enumerated() where check.flagged[n] { tallies[i].conflict = true }
            if let d = check.derived { derived.append(d) }
        }
        return sorted(tallies + derived, nationalPlaces: national)
    }

    /// The places some claim names at country level (their tallies are national, not cities).
    public static func nationalPlaces(_ claims: [Claim]) -> Set<Int> {
        Set(claims.compactMap { $0.place?.level == .country ? $0.place?.geonameID : nil })
    }

    /// Tallies in report order: kind, people, national before city, largest figure, then place,
    /// day, country and place id, so that the order is the same however the tallies were made.
    public static func sorted(_ tallies: [Tally], nationalPlaces: Set<Int>) -> [Tally] {
        let kinds = Dictionary(uniqueKeysWithValues: ClaimKind.allCases.enumerated().map { ($1, $0) })
        let groups = Dictionary(uniqueKeysWithValues: Group.allCases.enumerated().map { ($1, $0) })
        func national(_ t: Tally) -> Bool { t.derived || t.placeID.map(nationalPlaces.contains) == true }
        return tallies.sorted { a, b in
            if a.kind != b.kind { return kinds[a.kind]! < kinds[b.kind]! }
            if a.who != b.who { return groups[a.who]! < groups[b.who]! }
            let na = national(a), nb = national(b)
            if na != nb { return na }
            if (a.best.value ?? 0) != (b.best.value ?? 0) { return (a.best.value ?? 0) > (b.best.value ?? 0) }
            if a.place != b.place { return (a.place ?? "") < (b.place ?? "") }
            if a.date != b.date { return (a.date?.description ?? "") < (b.date?.description ?? "") }
            if a.country != b.country { return (a.country ?? "") < (b.country ?? "") }
            return (a.placeID ?? -1) < (b.placeID ?? -1)
        }
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

    /// Who stands behind a figure: a named source, or for an unattributed figure its document.
    static func sourceKey(_ input: ReconcileInput) -> String {
        input.claim.source.map { "src:" + $0.name.lowercased() } ?? "doc:" + input.claim.doc
    }

    /// One tally from its members (in the order they were stored).
    static func tally(kind: ClaimKind, who: Group, date: Day?, _ members: [ReconcileInput], _ options: ReconcileOptions) -> Tally {
        // Each source once, with its latest figure; a number beats a vague amount from the same source.
        var perSource: [String: ReconcileInput] = [:]
        var sourceOrder: [String] = []
        for m in members {
            let k = sourceKey(m)
            guard let current = perSource[k] else {
                perSource[k] = m
                sourceOrder.append(k)
                continue
            }
            let mNumeric = m.claim.quantity.value != nil, cNumeric = current.claim.quantity.value != nil
            if mNumeric != cNumeric { if mNumeric { perSource[k] = m }; continue }
            if later(m, current) || earlierInText(m, current) { perSource[k] = m }
        }
        let figures = sourceOrder.map { perSource[$0]! }
        let numeric = figures.filter { $0.claim.quantity.value != nil }
        let ranked = (numeric.isEmpty ? figures : numeric).sorted { a, b in
            let ra = options.rank(a.claim.source?.sourceClass ?? .unattributed)
            let rb = options.rank(b.claim.source?.sourceClass ?? .unattributed)
            if ra != rb { return ra < rb }
            if a.published != b.published || a.sequence != b.sequence { return later(a, b) }
            if a.claim.numberSpan.start != b.claim.numberSpan.start { return a.claim.numberSpan.start < b.claim.numberSpan.start }
            let la = a.claim.quantity.lowerBound ?? 0, lb = b.claim.quantity.lowerBound ?? 0
            if la != lb { return la < lb }
            return (a.claim.source?.name ?? "", a.claim.doc) < (b.claim.source?.name ?? "", b.claim.doc)
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
        return Tally(kind: kind, who: who, place: place?.name, placeID: place?.geonameID,
                     country: place?.country, date: date, best: best,
                     low: values.min() ?? best.value, high: highs.max() ?? best.value, claims: members.count,
                     sources: sourceNames, conflict: !FigureInterval.compatible(intervals), derived: false, history: history)
    }
}
