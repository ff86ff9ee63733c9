/// One figure a document states: how many people, what happened to them, where, when,
/// according to whom — and the exact text it came from.
public struct Claim: Sendable, Hashable, Codable {
    /// The id of the document the claim was read from.
    public var doc: String
    public var kind: ClaimKind
    public var who: Group
    public var quantity: Quantity
    /// The most specific place the figure covers, or `nil` when the text gives none.
    public var place: Place?
    /// The event day when stated or derivable from the publication date.
    public var date: Day?
    /// Whom the text attributes the figure to; `nil` when the outlet says it itself.
    public var source: Source?
    /// The sentence (or clause) that carries the figure.
    public var evidence: String
    /// Where `evidence` sits in the document text (UTF-8 bytes).
    public var span: TextSpan
    /// Where the number itself sits in the document text (UTF-8 bytes).
    public var numberSpan: TextSpan
    /// True when the number is inferred ("a woman was wounded" = 1) rather than written.
    public var implicit: Bool

    public init(doc: String, kind: ClaimKind, who: Group = .people, quantity: Quantity,
                place: Place? = nil, date: Day? = nil, source: Source? = nil,
                evidence: String, span: TextSpan, numberSpan: TextSpan, implicit: Bool = false) {
        self.doc = doc
        self.kind = kind
        self.who = who
        self.quantity = quantity
        self.place = place
        self.date = date
        self.source = source
        self.evidence = evidence
        self.span = span
        self.numberSpan = numberSpan
        self.implicit = implicit
    }

    /// The flat JSON shape of `shared/eval/SCHEMA.md`, plus gazetteer fields and byte spans.
    enum CodingKeys: String, CodingKey {
        case doc, kind, who, value, qualifier, vague, place, date, source, evidence, span, implicit, country, lat, lon
        case valueHigh = "value_high"
        case placeID = "place_id"
        case numberSpan = "number_span"
        case sourceClass = "source_class"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(kind, forKey: .kind)
        try c.encode(who, forKey: .who)
        try c.encode(quantity.value, forKey: .value)
        try c.encode(quantity.valueHigh, forKey: .valueHigh)
        try c.encode(quantity.qualifier, forKey: .qualifier)
        try c.encode(quantity.vague, forKey: .vague)
        try c.encode(place?.name, forKey: .place)
        try c.encode(date, forKey: .date)
        try c.encode(source?.name, forKey: .source)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(place?.geonameID, forKey: .placeID)
        try c.encode(place?.country, forKey: .country)
        try c.encode(place?.latitude, forKey: .lat)
        try c.encode(place?.longitude, forKey: .lon)
        try c.encode(span, forKey: .span)
        try c.encode(numberSpan, forKey: .numberSpan)
        if implicit { try c.encode(true, forKey: .implicit) }
    }

    /// Reads the flat shape back. A claim without `source_class` gets `media` for a named
    /// source and `unattributed` otherwise; a claim without spans gets empty ones.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        doc = try c.decode(String.self, forKey: .doc)
        kind = try c.decode(ClaimKind.self, forKey: .kind)
        who = try c.decodeIfPresent(Group.self, forKey: .who) ?? .people
        quantity = Quantity(
            value: try c.decodeIfPresent(Int.self, forKey: .value),
            valueHigh: try c.decodeIfPresent(Int.self, forKey: .valueHigh),
            qualifier: try c.decodeIfPresent(Qualifier.self, forKey: .qualifier) ?? .exact,
            vague: try c.decodeIfPresent(String.self, forKey: .vague))
        if let name = try c.decodeIfPresent(String.self, forKey: .place) {
            let country = try c.decodeIfPresent(String.self, forKey: .country)
            let id = try c.decodeIfPresent(Int.self, forKey: .placeID)
            place = Place(name: name, geonameID: id, country: country,
                          latitude: try c.decodeIfPresent(Double.self, forKey: .lat),
                          longitude: try c.decodeIfPresent(Double.self, forKey: .lon))
        } else {
            place = nil
        }
        date = try c.decodeIfPresent(Day.self, forKey: .date)
        if let name = try c.decodeIfPresent(String.self, forKey: .source) {
            let cls = try c.decodeIfPresent(SourceClass.self, forKey: .sourceClass) ?? .media
            source = Source(name: name, sourceClass: cls)
        } else {
            source = nil
        }
        evidence = try c.decodeIfPresent(String.self, forKey: .evidence) ?? ""
        span = try c.decodeIfPresent(TextSpan.self, forKey: .span) ?? TextSpan(start: 0, end: 0)
        numberSpan = try c.decodeIfPresent(TextSpan.self, forKey: .numberSpan) ?? TextSpan(start: 0, end: 0)
        implicit = try c.decodeIfPresent(Bool.self, forKey: .implicit) ?? false
    }
}
