import TallyCore

/// City tallies held against their country's for one kind, people, country and day.
public struct CountryCheck: Sendable, Hashable {
    /// Which tallies one check covers.
    public struct Key: Sendable, Hashable {
        public var kind: ClaimKind
        public var who: Group
        public var country: String
        public var date: Day?

        public init(kind: ClaimKind, who: Group, country: String, date: Day?) {
            self.kind = kind
            self.who = who
            self.country = country
            self.date = date
        }

        /// The check a tally takes part in: none for derived tallies and places without a GeoNames id or country.
        public init?(_ t: Tally) {
            guard !t.derived, t.placeID != nil, let country = t.country else { return nil }
            self.init(kind: t.kind, who: t.who, country: country, date: t.date)
        }
    }

    /// For each tally given, whether its cities add up to more than it allows (national tallies only).
    public var flagged: [Bool]
    /// "At least the sum of its cities", when the country has no figure of its own and two or more cities do.
    public var derived: Tally?
}

extension Reconciler {
    /// Checks one key's tallies (every non-derived tally of that kind, people, country and day with a
    /// place id): a national figure the cities exceed is flagged, and where there is none a derived
    /// "at least the sum" tally is made. `national` are the places claims name at country level.
    public static func countryCheck(_ key: CountryCheck.Key, _ tallies: [Tally], national: Set<Int>) -> CountryCheck {
        var check = CountryCheck(flagged: Array(repeating: false, count: tallies.count), derived: nil)
        let isNation = tallies.map { $0.placeID.map(national.contains) == true }
        let cities = tallies.indices.filter { !isNation[$0] }.map { tallies[$0] }
        let sum = cities.compactMap { t -> Int? in
            guard let v = t.best.value, t.best.vague == nil else { return nil }
            return t.best.qualifier == .atMost ? nil : v
        }.reduce(0, +)
        guard sum > 0 else { return check }
        if isNation.contains(true) {
            for (i, national) in tallies.enumerated() where isNation[i] {
                let upper = national.best.qualifier == .atLeast ? Int.max : (national.high ?? national.best.value ?? 0)
                check.flagged[i] = sum > upper
            }
        } else if cities.count > 1 {
            // The document of the largest city figure stands for the derived one.
            let lead = sorted(cities, nationalPlaces: [])[0]
            check.derived = Tally(
                kind: key.kind, who: key.who, place: nil, placeID: nil, country: key.country, date: key.date,
                best: Tally.Best(value: sum, qualifier: .atLeast, source: nil, doc: lead.best.doc),
                low: sum, high: nil, claims: 0, sources: [], conflict: false, derived: true, history: [])
        }
        return check
    }
}
