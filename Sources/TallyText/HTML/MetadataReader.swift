import Foundation
import TallyCore

/// Reads title, publication date, language, canonical URL and author from what the parser found.
enum MetadataReader {
    /// Fills the article's metadata; returns the JSON-LD fields read on the way.
    @discardableResult
    static func fill(_ article: inout Article, from meta: PageMetadata, url: String?) -> JSONLDFields {
        let ld = JSONLDFields(meta.jsonLD)
        func m(_ keys: String...) -> String? {
            for k in keys { if let v = meta.meta[k], !v.isEmpty { return v } }
            return nil
        }
        article.title = m("og:title", "twitter:title") ?? ld.headline ?? meta.firstHeading ?? meta.title
        let raw = m("article:published_time", "datepublished", "og:published_time", "published_time",
                    "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued",
                    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published")
            ?? ld.datePublished ?? meta.firstTime
        article.publishedRaw = raw
        article.published = raw.flatMap(parseDay)
        let lang = meta.lang ?? m("content-language", "og:locale", "language")
        article.language = lang.map(normaliseLanguage).flatMap { $0.isEmpty ? nil : $0 }
        article.canonicalURL = meta.canonical ?? m("og:url") ?? url
        var author = m("author", "article:author", "sailthru.author", "parsely-author", "byl") ?? ld.author
        if let a = author, a.hasPrefix("http") { author = ld.author }
        if let a = author, a.lowercased().hasPrefix("by ") { author = String(a.dropFirst(3)).trimmingSpaces() }
        article.author = author
        return ld
    }

    /// `en-US` → `en`, `ru_RU` → `ru`.
    static func normaliseLanguage(_ s: String) -> String {
        String(s.lowercased().prefix { $0.isLetter })
    }

    /// The day of an ISO date (`2022-09-21…`) or of a compact `20220921`.
    static func parseDay(_ s: String) -> Day? {
        let t = s.trimmingSpaces()
        if let d = Day(t) { return d }
        let digits = t.prefix(8)
        if digits.count == 8, digits.allSatisfy(\.isNumber), let v = Int(digits) {
            return Day(year: v / 10000, month: v / 100 % 100, day: v % 100)
        }
        return englishDay(t)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// "November 19, 2019, 07:47 PM", "Nov. 19, 2019", "19 November 2019".
    static func englishDay(_ s: String) -> Day? {
        let words = s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var month: Int?, day: Int?, year: Int?
        for w in words.prefix(12) {
            if month == nil, w.count >= 3, let m = months.firstIndex(where: { w.hasPrefix($0) }) {
                month = m + 1
            } else if let n = Int(w) {
                if w.count == 4, year == nil { year = n } else if w.count <= 2, day == nil, n >= 1, n <= 31 { day = n }
            }
            if let month, let day, let year { return Day(year: year, month: month, day: day) }
        }
        return nil
    }
}

/// The fields Tally reads from a page's JSON-LD (`schema.org` NewsArticle and friends).
struct JSONLDFields {
    var headline: String?
    var datePublished: String?
    var author: String?
    var articleBody: String?

    init(_ scripts: [String]) {
        for script in scripts {
            guard let data = script.data(using: .utf8),
                  let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            // Iterative walk: JSON-LD nests @graph arrays and objects.
            var pending: [Any] = [root]
            var visited = 0
            while let node = pending.popLast(), visited < 10_000 {
                visited += 1
                if let array = node as? [Any] { pending.append(contentsOf: array.reversed()); continue }
                guard let object = node as? [String: Any] else { continue }
                if headline == nil, let h = object["headline"] as? String { headline = h.collapsingSpaces() }
                if datePublished == nil, let d = object["datePublished"] as? String { datePublished = d }
                if articleBody == nil, let b = object["articleBody"] as? String { articleBody = b }
                if author == nil, let a = object["author"] { author = Self.name(a) }
                if let g = object["@graph"] { pending.append(g) }
            }
        }
    }

    static func name(_ value: Any) -> String? {
        if let s = value as? String { return s.hasPrefix("http") ? nil : s }
        if let o = value as? [String: Any] { return o["name"] as? String }
        if let a = value as? [Any] {
            let names = a.compactMap { name($0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }
}
