import TallyCore

/// Reads a document and returns every claim it states.
public struct Extractor: Sendable {
    /// Loads the bundled lexicons and gazetteer.
    public init() throws {}

    /// Every claim in the document, in text order.
    public func claims(in document: Document) -> [Claim] { [] }
}
