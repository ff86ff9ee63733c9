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

    /// Whole words that mark page furniture (hashed with `hash`).
    static let furnitureWords: Set<UInt64> = Set([
        "ad", "ads", "adv", "aside", "utility", "tools", "tool", "embed", "video", "gallery", "sr",
        "signin", "date", "time", "below", "links", "topics", "subnav", "footnote", "rating",
    ].map { hash(Array($0.utf8)) })

    /// Whole words that mark article content (hashed with `hash`).
    static let contentWords: Set<UInt64> = Set([
        "article", "articlebody", "content", "entry", "main", "post", "story", "text", "body", "blog",
        "prose", "richtext", "storycontent", "postcontent", "entrycontent", "articletext", "paragraph",
    ].map { hash(Array($0.utf8)) })

    /// Prefix lists indexed by first letter, so a word is compared with few prefixes.
    static let strongByLetter = byLetter(furniturePrefixes)
    static let weakByLetter = byLetter(weakFurniturePrefixes)

    private static func byLetter(_ prefixes: [[UInt8]]) -> [[[UInt8]]] {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for p in prefixes { table[Int(p[0])].append(p) }
        return table
    }

    /// FNV-1a of lower-case bytes.
    @inline(__always)
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var k: UInt64 = 14_695_981_039_346_656_037
        for b in bytes { k = (k ^ UInt64(b)) &* 1_099_511_628_211 }
        return k
    }

    private static let nameClass = hash(Array("class".utf8)), nameID = hash(Array("id".utf8))
    private static let nameRole = hash(Array("role".utf8)), nameItemprop = hash(Array("itemprop".utf8))
    private static let nameHidden = hash(Array("hidden".utf8)), nameAriaHidden = hash(Array("aria-hidden".utf8))
    private static let nameStyle = hash(Array("style".utf8))

    static func classify(_ p: UnsafeBufferPointer<UInt8>, names: [Range<Int>], values: [Range<Int>]) -> Result {
        var r = Result()
        for (k, name) in names.enumerated() {
            guard name.count <= 11 else { continue }
            let v = values[k]
            var h: UInt64 = 14_695_981_039_346_656_037
            for i in name { h = (h ^ UInt64(p[i] | 0x20)) &* 1_099_511_628_211 }
            switch h {
            case nameClass, nameID, nameRole:
                scanWords(p, v, into: &r)
            case nameItemprop:
                if equalsLower(p, v, "articlebody") || equalsLower(p, v, "text") { r.content = true }
            case nameHidden:
                r.hidden = true
            case nameAriaHidden:
                if equalsLower(p, v, "true") { r.hidden = true }
            case nameStyle:
                if containsDisplayNone(p, v) { r.hidden = true }
            default: break
            }
        }
        if r.weakFurniture && !r.content { r.furniture = true }
        if r.furniture { r.content = false }
        return r
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
        var start = -1
        var h: UInt64 = 0
        func finish(_ end: Int) {
            guard start >= 0 else { return }
            defer { start = -1 }
            if contentWords.contains(h) { result.content = true }
            if furnitureWords.contains(h) { result.furniture = true; return }
            let first = Int(p[start] | 0x20)
            let length = end - start
            for prefix in strongByLetter[first] where length >= prefix.count && matches(prefix, start) {
                result.furniture = true; return
            }
            for prefix in weakByLetter[first] where length >= prefix.count && matches(prefix, start) {
                result.weakFurniture = true; return
            }
        }
        // Letters of a word; digits inside a word are skipped (`col-12`, `post-5129`).
        func matches(_ prefix: [UInt8], _ at: Int) -> Bool {
            var j = at
            for c in prefix {
                while j < r.upperBound, p[j] >= 0x30, p[j] <= 0x39 { j += 1 }
                guard j < r.upperBound, p[j] | 0x20 == c else { return false }
                j += 1
            }
            return true
        }
        for i in r {
            let b = p[i]
            let l = b | 0x20
            if (l >= 0x61 && l <= 0x7A) || b >= 0x80 {
                if start < 0 { start = i; h = 14_695_981_039_346_656_037 }
                h = (h ^ UInt64(b >= 0x80 ? b : l)) &* 1_099_511_628_211
            } else if b >= 0x30 && b <= 0x39 {
                continue
            } else {
                finish(i)
            }
        }
        finish(r.upperBound)
    }
}
