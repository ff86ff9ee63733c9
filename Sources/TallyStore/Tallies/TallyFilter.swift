import TallyCore

/// Which stored tallies to read (`Store.tallies`); every field left nil matches everything.
public struct TallyFilter: Sendable, Hashable {
    public var kind: ClaimKind?
    /// A place name in any case; a derived country tally matches its country code.
    public var place: String?
    public var date: Day?
    /// Whether to read each tally's history too (the JSON report shows it; tables do not).
    public var history: Bool

    public init(kind: ClaimKind? = nil, place: String? = nil, date: Day? = nil, history: Bool = true) {
        self.kind = kind
        self.place = place
        self.date = date
        self.history = history
    }
}

extension TallyFilter {
    /// Whether a tally passes the filter (what the stores do in SQL, for tallies reconciled afresh).
    public func matches(_ t: Tally) -> Bool {
        let place = place?.lowercased()
        return (kind == nil || t.kind == kind) && (date == nil || t.date == date)
            && (place == nil || (t.derived ? t.country?.lowercased() : t.place?.lowercased()) == place)
    }
}
