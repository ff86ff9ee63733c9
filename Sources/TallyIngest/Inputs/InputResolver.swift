import Foundation
import TallyCore
import TallyText

/// Turns what a user names — files, folders, corpora, feed files, page or feed URLs — into
/// documents, fetching linked pages of feeds politely.
///
/// Local inputs other than feeds go through `DocumentReader`; URLs and feed items through
/// `PageFetcher` and the same HTML step. Problems become events naming the input; nothing
/// here stops a run except an error thrown by the caller's handler.
public struct InputResolver: Sendable {
    public var reader: DocumentReader
    public var fetcher: PageFetcher
    /// Follow each feed item's link to read the whole article (default); else use the summary.
    public var followLinks: Bool = true

    public init(reader: DocumentReader, fetcher: PageFetcher = PageFetcher()) {
        self.reader = reader
        self.fetcher = fetcher
    }

    /// Whether an input names a URL rather than a path.
    public static func isURL(_ input: String) -> Bool {
        let lower = input.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Hands every document, warning and failure to `body`, in input order.
    public func resolve(_ inputs: [String], _ body: (DocumentReader.Event) async throws -> Void) async throws {
        for input in inputs {
            if Self.isURL(input) {
                try await resolveURL(input, body)
            } else if let feedBytes = Self.localFeed(input) {
                try await resolveFeed(feedBytes, input: input, body)
            } else {
                try await reader.read([input], body)
            }
        }
    }

    /// The bytes of a local feed file (`.rss`, `.atom`, or `.xml` whose root is a feed), else nil.
    static func localFeed(_ path: String) -> [UInt8]? {
        let lower = path.lowercased()
        guard lower.hasSuffix(".rss") || lower.hasSuffix(".atom") || lower.hasSuffix(".xml"),
              let data = FileManager.default.contents(atPath: path), data.count <= 64 << 20 else { return nil }
        let bytes = [UInt8](data)
        return FeedParser.looksLikeFeed(bytes) ? bytes : nil
    }

    private func resolveURL(_ url: String, _ body: (DocumentReader.Event) async throws -> Void) async throws {
        let page: FetchedPage
        do {
            page = try await fetcher.fetch(url)
        } catch let error as TallyError {
            try await body(.failure(error))
            return
        }
        let type = page.contentType?.lowercased() ?? ""
        if type.contains("rss") || type.contains("atom") || (type.contains("xml") && FeedParser.looksLikeFeed(page.bytes))
            || (!type.contains("html") && FeedParser.looksLikeFeed(page.bytes)) {
            try await resolveFeed(page.bytes, input: url, body)
            return
        }
        try await body(pageDocument(page.bytes, url: url, published: nil, title: nil))
    }

    private func resolveFeed(_ bytes: [UInt8], input: String, _ body: (DocumentReader.Event) async throws -> Void) async throws {
        let feed: Feed
        do {
            feed = try FeedParser.parse(bytes, input: input)
        } catch let error as TallyError {
            try await body(.failure(error))
            return
        }
        for item in feed.items {
            if followLinks, let link = item.link, Self.isURL(link) {
                do {
                    let page = try await fetcher.fetch(link)
                    try await body(pageDocument(page.bytes, url: link, published: item.published, title: item.title))
                    continue
                } catch let error as TallyError {
                    guard item.summary != nil else {
                        try await body(.failure(error))
                        continue
                    }
                    try await body(.warning(TallyError(error.code, input: link, "\(error.message); the feed's summary is read instead")))
                }
            }
            guard let summary = item.summary else { continue }
            let id = item.link ?? item.id ?? "\(input)#\(item.title ?? "item")"
            try await body(pageDocument(Array(summary.utf8), url: item.link, published: item.published, title: item.title, id: id))
        }
    }

    private func pageDocument(_ bytes: [UInt8], url: String?, published: Day?, title: String?, id: String? = nil) -> DocumentReader.Event {
        let name = id ?? url ?? "page"
        do {
            let page = try reader.html(bytes, name)
            return .document(Document(
                id: name, language: reader.options.language ?? page.language, url: page.url ?? url,
                title: page.title ?? title, published: page.published ?? published ?? reader.options.published,
                text: page.text))
        } catch let error as TallyError {
            return .failure(error)
        } catch {
            return .failure(TallyError(.invalidInput, input: name, "cannot read the page: \(error)"))
        }
    }
}
