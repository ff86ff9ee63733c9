/// A report as Tally reads it: plain article text with its metadata.
public struct Document: Sendable, Hashable, Codable {
    /// Stable id: the corpus id, else the file path or URL it came from.
    public var id: String
    /// ISO 639-1 language code ("en", "ru"), when known.
    public var language: String?
    public var url: String?
    public var title: String?
    /// The publication day, used to resolve "yesterday" and weekdays.
    public var published: Day?
    /// The article text (page furniture removed).
    public var text: String

    public init(id: String, language: String? = nil, url: String? = nil, title: String? = nil,
                published: Day? = nil, text: String) {
        self.id = id
        self.language = language
        self.url = url
        self.title = title
        self.published = published
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, url, title, published, text
        case language = "lang"
    }
}
