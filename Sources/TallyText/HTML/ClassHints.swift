/// What an element's `class`, `id`, `role`, `itemprop` and visibility attributes say about it.
///
/// Words are compared, not substrings: `class="post-comments"` splits into `post` and
/// `comments`; any furniture word wins over content words, because a comment list inside a
/// post is still a comment list.
enum ClassHints {
    struct Result {
        var furniture = false
        var content = false
        var hidden = false
        var weakFurniture = false
    }

    /// Word prefixes that mark page furniture whatever else the element says.
    static let furniturePrefixes: [[UInt8]] = [
        "comment", "share", "sharing", "social", "related", "promo", "advert", "newsletter",
        "cookie", "breadcrumb", "footer", "subscri", "signup", "popup", "modal", "outbrain", "taboola",
        "recommend", "trending", "sponsor", "nav", "menu", "banner",
        "disqus", "donat", "login", "consent", "gdpr", "tagcloud", "reply", "respond", "facebook", "twitter", "whatsapp",
        "pinterest", "linkedin", "reddit", "telegram", "sronly", "visually", "screenreader",
    ].map { Array($0.utf8) }

    /// Word prefixes that mark furniture unless the element also has a content word
    /// (`entry-content-read-more` is content; `read-more` is not).
    static let weakFurniturePrefixes: [[UInt8]] = [
        "byline", "follow", "rail", "teaser", "tag", "author", "dateline", "timestamp", "caption",
        "credit", "copyright", "skip", "print", "email", "hidden", "more", "next", "prev", "header",
        "meta", "popular", "sidebar", "category", "categories", "masthead", "toolbar", "pagination", "pager", "readmore",
    ].map { Array($0.utf8) }

    /// Whole words that mark page furniture.
    static let furnitureWords: Set<[UInt8]> = Set([
        "ad", "ads", "adv", "aside", "utility", "tools", "tool", "embed", "video", "gallery", "sr",
        "signin", "date", "time", "below", "links", "topics", "subnav", "footnote", "rating",
    ].map { Array($0.utf8) })

    /// Whole words that mark article content.
    static let contentWords: Set<[UInt8]> = Set([
        "article", "articlebody", "content", "entry", "main", "post", "story", "text", "body", "blog",
        "prose", "richtext", "storycontent", "postcontent", "entrycontent", "articletext", "paragraph",
    ].map { Array($0.utf8) })

    static func classify(_ p: UnsafeBufferPointer<UInt8>, names: [Range<Int>], values: [Range<Int>]) -> Result {
        var r = Result()
        for (k, name) in names.enumerated() {
            let v = values[k]
            switch lowerName(p, name) {
            case "class", "id", "role":
                scanWords(p, v, into: &r)
            case "itemprop":
                if equalsLower(p, v, "articlebody") || equalsLower(p, v, "text") { r.content = true }
            case "hidden":
                r.hidden = true
            case "aria-hidden":
                if equalsLower(p, v, "true") { r.hidden = true }
            case "style":
                if containsDisplayNone(p, v) { r.hidden = true }
            default: break
            }
        }
        if r.weakFurniture && !r.content { r.furniture = true }
        if r.furniture { r.content = false }
        return r
    }

    private static func lowerName(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        guard r.count <= 12 else { return "" }
        var b = [UInt8]()
        for i in r { b.append(p[i] | 0x20) }
        return String(decoding: b, as: UTF8.self)
    }

    private static func equalsLower(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ s: StaticString) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        let q = s.utf8Start
        for (o, i) in r.enumerated() where p[i] | 0x20 != q[o] { return false }
        return true
    }

    private static func containsDisplayNone(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var compact = [UInt8]()
        for i in r where p[i] != 0x20 { compact.append(p[i] | 0x20) }
        let needle = Array("display:none".utf8)
        guard compact.count >= needle.count else { return false }
        for s in 0...(compact.count - needle.count) where compact[s..<(s + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    private static func scanWords(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, into result: inout Result) {
        var word = [UInt8]()
        word.reserveCapacity(24)
        func finish(_ word: inout [UInt8]) {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty else { return }
            if contentWords.contains(word) { result.content = true }
            if furnitureWords.contains(word) { result.furniture = true; return }
            for prefix in furniturePrefixes where word.count >= prefix.count {
                if word[0] == prefix[0], word.starts(with: prefix) { result.furniture = true; return }
            }
            for prefix in weakFurniturePrefixes where word.count >= prefix.count {
                if word[0] == prefix[0], word.starts(with: prefix) { result.weakFurniture = true; return }
            }
        }
        for i in r {
            let b = p[i]
            let l = b | 0x20
            if (l >= 0x61 && l <= 0x7A) || b >= 0x80 {
                word.append(b >= 0x80 ? b : l)
            } else if b >= 0x30 && b <= 0x39 {
                continue
            } else {
                finish(&word)
            }
        }
        finish(&word)
    }
}
