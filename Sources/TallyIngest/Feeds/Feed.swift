import TallyCore

/// A news feed (RSS 2.0 or Atom) as Tally uses it: the items, each pointing to a page.
public struct Feed: Sendable, Hashable {
    /// One entry of a feed.
    public struct Item: Sendable, Hashable {
        public var title: String?
        /// The item's page; its article is what Tally reads.
        public var link: String?
        /// The item's own id (RSS `guid`, Atom `id`), used when there is no link.
        public var id: String?
        public var published: Day?
        /// The item's summary or content, as HTML or text; read when the page cannot be.
        public var summary: String?

        public init(title: String? = nil, link: String? = nil, id: String? = nil, published: Day? = nil, summary: String? = nil) {
            self.title = title
            self.link = link
            self.id = id
            self.published = published
            self.summary = summary
        }
    }

    public var title: String?
    public var items: [Item]

    public init(title: String? = nil, items: [Item]) {
        self.title = title
        self.items = items
    }
}
