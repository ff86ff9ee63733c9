import TallyCore

/// The article of a web page: its main text and what the page says about it.
public struct Article: Sendable, Hashable, Codable {
    /// Main text only, paragraphs separated by a blank line.
    public var text: String
    /// Headline, from `og:title`, JSON-LD, the first `<h1>` or `<title>`.
    public var title: String?
    /// Day of publication, when a date could be read.
    public var published: Day?
    /// Publication date as the page wrote it (meta tag, JSON-LD or `<time datetime>`).
    public var publishedRaw: String?
    /// Language code of the page (`en`, `ru`), lower case, without region.
    public var language: String?
    /// The page's canonical address (`<link rel=canonical>`, `og:url`, else the URL given).
    public var canonicalURL: String?
    /// Author named by meta tags or JSON-LD.
    public var author: String?
    /// The character encoding the page was decoded from.
    public var charset: String

    /// An article from its parts.
    public init(text: String, title: String? = nil, published: Day? = nil, publishedRaw: String? = nil,
                language: String? = nil, canonicalURL: String? = nil, author: String? = nil,
                charset: String = Charset.utf8.rawValue) {
        self.text = text
        self.title = title
        self.published = published
        self.publishedRaw = publishedRaw
        self.language = language
        self.canonicalURL = canonicalURL
        self.author = author
        self.charset = charset
    }
}

/// Finds the article in a web page: main text without navigation, share bars, related links,
/// cookie notices, donation appeals and comments; headings, lists and quotes kept.
///
/// How: the page is parsed into a flat element list and text blocks (`PageParser`). Each block
/// scores by its length, less its link text; an element sums its descendants' scores, while
/// elements marked as furniture (by tag — `nav`, `aside`, `footer` — or by class/id words such
/// as `comments`, `share`, `related`) count against their parents. The best-scoring element is
/// the article container; its blocks, minus furniture and link lists, are the text.
public struct ArticleExtractor: Sendable {
    /// Pages larger than this are refused with `TallyError.Code.tooLarge`.
    public let maximumBytes: Int

    /// An extractor with the default size limit (256 MB; at most 1 GB, as text offsets are 32-bit).
    public init(maximumBytes: Int = 256 << 20) {
        self.maximumBytes = min(maximumBytes, 1 << 30)
    }

    /// The article in `html` (bytes in any supported charset).
    ///
    /// - Parameters:
    ///   - url: where the page came from; names the input in errors and is the canonical URL
    ///     when the page declares none.
    ///   - contentType: the HTTP `Content-Type` header, when known (its charset is evidence).
    /// - Throws: `TallyError` (`tooLarge`, `unsupported` for binary data) naming `url`.
    public func extract(html: some Collection<UInt8>, url: String? = nil, contentType: String? = nil) throws(TallyError) -> Article {
        let count = html.count
        if count > maximumBytes {
            throw TallyError(.tooLarge, input: url,
                "page is \(count) bytes, over the \(maximumBytes)-byte limit for HTML pages")
        }
        let bytes = html as? [UInt8] ?? Array(html)  // no copy for arrays
        if Self.looksBinary(bytes) {
            throw TallyError(.unsupported, input: url,
                "not an HTML page: binary data (a compressed file? decompress .gz first)")
        }
        let (utf8, charset) = CharsetDecoder.decode(bytes, contentType: contentType)
        let outline = PageParser.parse(utf8)
        var article = Article(text: Self.mainText(outline), charset: charset.rawValue)
        let ld = MetadataReader.fill(&article, from: outline.metadata, url: url)
        // Pages that render their text with scripts often still carry it in JSON-LD.
        if let body = ld.articleBody?.trimmingSpaces(), body.utf8.count >= 500,
           article.text.utf8.count * 2 < body.utf8.count {
            let paragraphs: [String]
            if body.includes("<p") || body.includes("<br") {  // some sites put HTML in it
                let inner = PageParser.parse(Array(body.utf8))
                paragraphs = inner.blocks.map { String(decoding: inner.text[$0.start..<$0.end], as: UTF8.self) }
            } else {
                paragraphs = PlainTextFurniture.split(body.replacingNewlinesWithBlankLines())
            }
            article.text = PlainTextFurniture.removeFurniture(paragraphs: paragraphs).joined(separator: "\n\n")
        }
        return article
    }

    /// True for data with NUL bytes or a gzip/zip/PDF/PNG header near the start.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0x1F, 0x8B]) || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
            || bytes.starts(with: Array("%PDF".utf8)) || bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return true
        }
        var nul = 0
        for b in bytes.prefix(1024) where b == 0 { nul += 1 }
        return nul > 8
    }

    // MARK: - Main text

    static func mainText(_ outline: PageOutline) -> String {
        paragraphs(outline, choose(outline).kept)
    }

    /// The container and kept blocks, first treating teaser lists as links; when that leaves
    /// almost nothing, the page is itself a list of linked items and is read again without.
    static func choose(_ outline: PageOutline) -> (best: Int, value: Double, kept: [Int]) {
        let strict = choose(outline, teasersAreLinks: true)
        let keptChars = strict.kept.reduce(0) { $0 + outline.blocks[$1].chars }
        if keptChars >= 500 { return strict }
        let loose = choose(outline, teasersAreLinks: false)
        let looseChars = loose.kept.reduce(0) { $0 + outline.blocks[$1].chars }
        return looseChars > 2 * keptChars ? loose : strict
    }

    /// The article container (element index, -1 for none), its score and the blocks kept.
    static func choose(_ outline: PageOutline, teasersAreLinks: Bool) -> (best: Int, value: Double, kept: [Int]) {
        let elements = outline.elements
        let n = elements.count
        guard n > 0, !outline.blocks.isEmpty else {
            return (-1, 0, Array(outline.blocks.indices))
        }
        var value = [Double](repeating: 0, count: n)
        var total = [Int](repeating: 0, count: n)
        for block in outline.blocks where block.element >= 0 {
            let e = Int(block.element)
            value[e] += weight(block, teasersAreLinks)
            total[e] += block.chars
        }
        // Children come after their parents: one backward pass sums every subtree.
        var subtreeEnd = Array(0..<n)
        // Outermost `<article>` elements with prose in each subtree: an element holding two or
        // more is a list of stories (teasers, infinite scroll), not one story.
        var articles = [Int32](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let el = elements[i]
            if el.content { value[i] *= 1.1 }
            let parent = Int(el.parent)
            guard parent >= 0 else { continue }
            if !el.furniture { articles[parent] += el.tag == .article && value[i] > 200 ? 1 : articles[i] }
            value[parent] += el.furniture ? -0.5 * Double(total[i]) : value[i]
            total[parent] += total[i]
            if subtreeEnd[i] > subtreeEnd[parent] { subtreeEnd[parent] = subtreeEnd[i] }
        }
        // Furniture elements on each element's path from the root.
        var furnitureAbove = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let parent = Int(elements[i].parent)
            furnitureAbove[i] = (parent >= 0 ? furnitureAbove[parent] : 0) + (elements[i].furniture ? 1 : 0)
        }
        // The container is rarely inside furniture (comment threads have long paragraphs too),
        // but class words mislead sometimes: each furniture ancestor cuts the score, not to zero.
        var best = -1
        var bestValue = 0.0
        var bestScore = 0.0
        for i in 0..<n where !elements[i].furniture && value[i] > 0 && articles[i] < 2 {
            var score = value[i]
            for _ in 0..<min(4, Int(furnitureAbove[i])) { score *= 0.3 }
            if score > bestScore {
                best = i
                bestScore = score
                bestValue = value[i]
            }
        }
        // No prose anywhere (a short page): everything outside furniture counts.
        let base = best >= 0 ? furnitureAbove[best] : 0
        let end = best >= 0 ? subtreeEnd[best] : n - 1
        var keep: [Int] = []
        for (k, block) in outline.blocks.enumerated() {
            let e = Int(block.element)
            guard e >= max(best, 0), e <= end, furnitureAbove[e] == base else { continue }
            let density = linkDensity(block, teasersAreLinks)
            if density > 0.5 { continue }
            if block.chars < 40, density > 0.25 { continue }
            if block.kind == .h1 { continue }
            keep.append(k)
        }
        return (best, bestValue, keep)
    }

    /// One line per text block: whether it was kept, why, and its element path (for `--explain`).
    public func explain(html: some Collection<UInt8>) -> String {
        let (utf8, _) = CharsetDecoder.decode(Array(html))
        let outline = PageParser.parse(utf8)
        var lines: [String] = []
        let choice = Self.choose(outline)
        lines.append("container: \(choice.best) value \(Int(choice.value))")
        for (k, b) in outline.blocks.enumerated() {
            var path: [String] = []
            var e = Int(b.element)
            while e >= 0, path.count < 10 {
                let el = outline.elements[e]
                path.append("\(el.tag)#\(e)\(el.furniture ? "F" : "")\(el.content ? "C" : "")")
                e = Int(el.parent)
            }
            let text = String(decoding: outline.text[b.start..<b.end].prefix(60), as: UTF8.self)
            lines.append("\(choice.kept.contains(k) ? "+" : "-") \(b.chars)/\(b.linkChars) \(path.reversed().joined(separator: ">")) | \(text)")
        }
        return lines.joined(separator: "\n")
    }

    /// Share of the block's text inside links; a teaser (linked headline then summary) counts as all link.
    static func linkDensity(_ block: PageOutline.Block, _ teasersAreLinks: Bool) -> Double {
        let density = Double(block.linkChars) / Double(block.chars)
        return teasersAreLinks && block.startsInLink && density >= 0.2 && block.kind != .p ? 1 : density
    }

    /// A block's contribution to its container's score: positive for prose, negative for links.
    static func weight(_ block: PageOutline.Block, _ teasersAreLinks: Bool) -> Double {
        let chars = Double(block.chars)
        let density = linkDensity(block, teasersAreLinks)
        if density >= 0.5 { return -chars * density }
        if block.chars < 40 { return 0 }
        return chars * (1 - density)
    }

    static func paragraphs(_ outline: PageOutline, _ indices: [Int]) -> String {
        let texts = indices.map { k in
            let b = outline.blocks[k]
            return String(decoding: outline.text[b.start..<b.end], as: UTF8.self)
        }
        return PlainTextFurniture.removeFurniture(paragraphs: texts).joined(separator: "\n\n")
    }
}
