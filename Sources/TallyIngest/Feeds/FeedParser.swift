import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TallyCore

/// Reads RSS 2.0 and Atom feeds.
///
/// Foundation's streaming XML parser reads the bytes once; only the fields Tally needs are kept.
public enum FeedParser {
    /// Whether the bytes look like a feed (an `<rss`, `<feed` or `<rdf:RDF` root near the start).
    public static func looksLikeFeed(_ bytes: some Collection<UInt8>) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
    }

    /// The feed in `bytes`; `input` names the file or URL in the error.
    public static func parse(_ bytes: [UInt8], input: String) throws -> Feed {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let parsed = parser.parse()
        guard delegate.sawRoot else {
            throw TallyError(.invalidInput, input: input, "not an RSS or Atom feed")
        }
        guard parsed, delegate.isClosed else {
            let line = parser.lineNumber
            throw TallyError(.invalidInput, input: input, location: line > 0 ? "line \(line)" : nil,
                             parsed ? "the feed ends before its elements close" : "malformed XML")
        }
        return Feed(title: delegate.feedTitle, items: delegate.items)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var sawRoot = false
        var feedTitle: String?
        var items: [Feed.Item] = []
        private var current: Feed.Item?
        private var text = ""
        private var path: [String] = []
        var isClosed: Bool { path.isEmpty }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let tag = name.lowercased()
            if path.isEmpty, ["rss", "feed", "rdf:rdf"].contains(tag) { sawRoot = true }
            path.append(tag)
            text = ""
            if tag == "item" || tag == "entry" { current = Feed.Item() }
            // Atom: <link rel="alternate" href="…"/> (rel defaults to alternate).
            if tag == "link", current != nil, let href = attributes["href"] {
                let rel = attributes["rel"] ?? "alternate"
                if rel == "alternate", current?.link == nil { current?.link = href }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let tag = name.lowercased()
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            defer {
                path.removeLast()
                text = ""
            }
            guard var item = current else {
                if tag == "title", feedTitle == nil, !value.isEmpty { feedTitle = value }
                return
            }
            switch tag {
            case "item", "entry":
                items.append(item)
                current = nil
                return
            case "title": item.title = value
            case "link": if !value.isEmpty, item.link == nil { item.link = value }
            case "guid", "id": item.id = value
            case "pubdate", "published", "dc:date", "updated":
                if item.published == nil || tag != "updated" { item.published = FeedDates.day(value) ?? item.published }
            case "description", "summary", "content", "content:encoded":
                if !value.isEmpty, item.summary == nil || tag == "content:encoded" || tag == "content" { item.summary = value }
            default: break
            }
            current = item
        }
    }
}
