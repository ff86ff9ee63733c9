import TallyCore

/// Which stored claims to read (`Store.claims`): every field left nil matches everything.
///
/// Claims come in storage order (their `id`), `limit` at a time; `after` continues from the last id
/// of the previous page, so a reader pages through a growing store without gaps or repeats.
public struct ClaimFilter: Sendable, Hashable {
    public var kind: ClaimKind?
    /// A GeoNames id; matches the claims placed there.
    public var placeID: Int?
    /// A place name (ASCII letters in any case); matches claims placed under that name.
    public var placeName: String?
    /// A document id.
    public var document: String?
    /// A stored document's sequence number (`StoredDocument.seq`): one stored text exactly.
    public var documentSeq: Int?
    /// A source name, exactly as stored.
    public var source: String?
    /// Only claims whose id is greater.
    public var after: Int?
    /// At most this many claims.
    public var limit: Int

    public init(kind: ClaimKind? = nil, placeID: Int? = nil, placeName: String? = nil, document: String? = nil,
                documentSeq: Int? = nil, source: String? = nil, after: Int? = nil, limit: Int = 100) {
        self.kind = kind
        self.placeID = placeID
        self.placeName = placeName
        self.document = document
        self.documentSeq = documentSeq
        self.source = source
        self.after = after
        self.limit = limit
    }
}
