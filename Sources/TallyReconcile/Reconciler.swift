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
        // The integer parts of each tally's place in the order, worked out once (not per comparison).
        let keys = tallies.map { t -> (kind: Int, who: Int, national: Bool, value: Int) in
            (kinds[t.kind]!, groups[t.who]!, t.derived || t.placeID.map(nationalPlaces.contains) == true, t.best.value ?? 0)
        }
        let order = tallies.indices.sorted { i, j in
            let ka = keys[i], kb = keys[j]
            if ka.kind != kb.kind { return ka.kind < kb.kind }
            if ka.who != kb.who { return ka.who < kb.who }
            if ka.national != kb.national { return ka.national }
            if ka.value != kb.value { return ka.value > kb.value }
            let a = tallies[i], b = tallies[j]
            if a.place != b.place { return (a.place ?? "") < (b.place ?? "") }
            if a.date != b.date { return (a.date?.ordinal ?? .min) < (b.date?.ordinal ?? .min) }
            if a.country != b.country { return (a.country ?? "") < (b.country ?? "") }
            return (a.placeID ?? -1) < (b.placeID ?? -1)
        }
        return order.map { tallies[$0] }
    }

    static func later(_ a: ReconcileInput, _ b: ReconcileInput) -> Bool {
        if a.published != b.published { return (a.published ?? Day(ordinal: .min / 4)) > (b.published ?? Day(ordinal: .min / 4)) }
        return a.sequence > b.sequence
    }

    /// Who stands behind a figure: a named source, or for an unattributed figure its document.
    static func sourceKey(_ input: ReconcileInput) -> String {
        input.claim.source.map { "src:" + $0.name.lowercased() } ?? "doc:" + input.claim.doc
    }

    /// One tally from its members, with its history.
    static func tally(kind: ClaimKind, who: Group, date: Day?, _ members: [ReconcileInput], _ options: ReconcileOptions) -> Tally {
        var t = tally(kind: kind, who: who, date: date, state: TallyState(members), options: options)
        t.history = history(members)
        return t
    }

    /// One tally from what it keeps of its claims (`TallyState`), without its history.
    ///
    /// Each source counts once, with its latest figure (a number beats a vague amount); sources are
    /// listed by their first claim. A store that keeps states adds a batch's claims to them instead
    /// of reading every claim of a tally again.
    public static func tally(kind: ClaimKind, who: Group, date: Day?, state: TallyState,
                             options: ReconcileOptions = ReconcileOptions()) -> Tally {
        // Sorted as indices into one array of the figures (stores make a tally at every batch that
        // touches it: sorting the figures themselves copied each one's strings several times).
        let picks = Array(state.picks.values)
        let figures = picks.indices.sorted {
            picks[$0].first != picks[$1].first ? picks[$0].first < picks[$1].first : picks[$0].source < picks[$1].source
        }.map { picks[$0].figure }
        let numeric = figures.indices.filter { figures[$0].claim.quantity.value != nil }
        func ranksBefore(_ a: ReconcileInput, _ b: ReconcileInput) -> Bool {
            let ra = options.rank(a.claim.source?.sourceClass ?? .unattributed)
            let rb = options.rank(b.claim.source?.sourceClass ?? .unattributed)
            if ra != rb { return ra < rb }
            if a.published != b.published || a.sequence != b.sequence { return later(a, b) }
            if a.claim.numberSpan.start != b.claim.numberSpan.start { return a.claim.numberSpan.start < b.claim.numberSpan.start }
            if let total = TallyState.wholeList(a, b) { return total }
            let la = a.claim.quantity.lowerBound ?? 0, lb = b.claim.quantity.lowerBound ?? 0
            if la != lb { return la < lb }
            return (a.claim.source?.name ?? "", a.claim.doc) < (b.claim.source?.name ?? "", b.claim.doc)
        }
        let rankedIndices = (numeric.isEmpty ? Array(figures.indices) : numeric).sorted { ranksBefore(figures[$0], figures[$1]) }
        let top = figures[rankedIndices[0]].claim
        let best: Tally.Best
        if let value = top.quantity.value {
            best = Tally.Best(value: value, qualifier: top.quantity.qualifier, source: top.source?.name, doc: top.doc)
        } else {
            let vague = top.quantity.vague ?? "several"
            best = Tally.Best(value: options.vague.value(of: vague), qualifier: .about, source: top.source?.name, doc: top.doc, vague: vague)
        }
        let values = numeric.compactMap { figures[$0].claim.quantity.value }
        let highs = numeric.compactMap { figures[$0].claim.quantity.valueHigh ?? figures[$0].claim.quantity.value }
        let intervals = numeric.compactMap { FigureInterval(figures[$0].claim.quantity) }
        let place = state.place
        var sourceNames: [String] = []
        for i in rankedIndices + Array(figures.indices) {
            let name = figures[i].claim.source?.name ?? "(\(figures[i].claim.doc))"
            if !sourceNames.contains(name) { sourceNames.append(name) }
        }
        return Tally(kind: kind, who: who, place: place?.name, placeID: place?.geonameID,
                     country: place?.country, date: date, best: best,
                     low: values.min() ?? best.value, high: highs.max() ?? best.value, claims: state.claims,
                     sources: sourceNames, conflict: !FigureInterval.compatible(intervals), derived: false, history: [])
    }
}
