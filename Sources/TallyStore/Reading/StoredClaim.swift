import TallyCore

/// A claim as stored: with its id (stable, increasing in storage order) and its document's
/// sequence number and publication day.
public struct StoredClaim: Sendable, Hashable {
    public var id: Int
    public var documentSeq: Int
    public var published: Day?
    public var claim: Claim

    public init(id: Int, documentSeq: Int, published: Day?, claim: Claim) {
        self.id = id
        self.documentSeq = documentSeq
        self.published = published
        self.claim = claim
    }
}
