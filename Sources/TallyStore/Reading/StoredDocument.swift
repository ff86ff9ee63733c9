import TallyCore

/// A stored document without its text: what a list of documents shows.
public struct DocumentSummary: Sendable, Hashable {
    /// Ingest order; unique, where `id` need not be (two texts may come from one path).
    public var seq: Int
    public var id: String
    public var language: String?
    public var url: String?
    public var title: String?
    public var published: Day?
    /// The text's length in UTF-8 bytes.
    public var bytes: Int
    /// How many claims were stored with it.
    public var claims: Int

    public init(seq: Int, id: String, language: String?, url: String?, title: String?, published: Day?, bytes: Int, claims: Int) {
        self.seq = seq
        self.id = id
        self.language = language
        self.url = url
        self.title = title
        self.published = published
        self.bytes = bytes
        self.claims = claims
    }
}

/// A stored document with its text, which claims' spans point into.
public struct StoredDocument: Sendable, Hashable {
    public var summary: DocumentSummary
    public var text: String

    public init(summary: DocumentSummary, text: String) {
        self.summary = summary
        self.text = text
    }
}
