/// One answer to "how many, where, according to whom": every claim about the same kind of count
/// of the same people, in the same place, on the same day, reconciled.
public struct Tally: Sendable, Hashable, Codable {
    /// The figure the tally shows, and where it comes from.
    public struct Best: Sendable, Hashable, Codable {
        public var value: Int?
        public var qualifier: Qualifier
        public var source: String?
        public var doc: String
        /// The vague amount behind the figure, when no source gave a number ("dozens").
        public var vague: String?

        public init(value: Int?, qualifier: Qualifier, source: String?, doc: String, vague: String? = nil) {
            self.value = value
            self.qualifier = qualifier
            self.source = source
            self.doc = doc
            self.vague = vague
        }
    }

    /// One step of how the figure changed: a claim, at its document's publication day.
    public struct HistoryPoint: Sendable, Hashable, Codable {
        public var published: Day?
        public var value: Int?
        public var valueHigh: Int?
        public var qualifier: Qualifier
        public var source: String?
        public var doc: String

        public init(published: Day?, value: Int?, valueHigh: Int?, qualifier: Qualifier, source: String?, doc: String) {
            self.published = published
            self.value = value
            self.valueHigh = valueHigh
            self.qualifier = qualifier
            self.source = source
            self.doc = doc
        }

        enum CodingKeys: String, CodingKey {
            case published, value, qualifier, source, doc
            case valueHigh = "value_high"
        }
    }

    public var kind: ClaimKind
    public var who: Group
    public var place: String?
    public var placeID: Int?
    public var country: String?
    public var date: Day?
    public var best: Best
    /// The lowest and highest figure any source gave.
    public var low: Int?
    public var high: Int?
    /// How many claims the tally reconciles.
    public var claims: Int
    /// Every source counted once, best first.
    public var sources: [String]
    /// True when two sources' figures cannot both hold ("more than 500" and "100"), or when the
    /// city figures of a country add up to more than its national figure.
    public var conflict: Bool
    /// True for a country figure Tally derived as "at least the sum of its cities".
    public var derived: Bool
    public var history: [HistoryPoint]

    public init(kind: ClaimKind, who: Group, place: String?, placeID: Int?, country: String?, date: Day?, best: Best,
                low: Int?, high: Int?, claims: Int, sources: [String], conflict: Bool, derived: Bool, history: [HistoryPoint]) {
        self.kind = kind
        self.who = who
        self.place = place
        self.placeID = placeID
        self.country = country
        self.date = date
        self.best = best
        self.low = low
        self.high = high
        self.claims = claims
        self.sources = sources
        self.conflict = conflict
        self.derived = derived
        self.history = history
    }

    enum CodingKeys: String, CodingKey {
        case kind, who, place, country, date, best, low, high, claims, sources, conflict, derived, history
        case placeID = "place_id"
    }

    /// Writes `null` for absent values rather than leaving keys out, so every tally has every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(who, forKey: .who)
        try c.encode(place, forKey: .place)
        try c.encode(placeID, forKey: .placeID)
        try c.encode(country, forKey: .country)
        try c.encode(date, forKey: .date)
        try c.encode(best, forKey: .best)
        try c.encode(low, forKey: .low)
        try c.encode(high, forKey: .high)
        try c.encode(claims, forKey: .claims)
        try c.encode(sources, forKey: .sources)
        try c.encode(conflict, forKey: .conflict)
        try c.encode(derived, forKey: .derived)
        try c.encode(history, forKey: .history)
    }
}

/// The tallies as of a moment: the `tally report --format json` document.
public struct TallyReport: Sendable, Hashable, Codable {
    /// ISO 8601 time the report covers documents up to.
    public var asOf: String
    public var tallies: [Tally]

    public init(asOf: String, tallies: [Tally]) {
        self.asOf = asOf
        self.tallies = tallies
    }

    enum CodingKeys: String, CodingKey {
        case tallies
        case asOf = "as_of"
    }
}
