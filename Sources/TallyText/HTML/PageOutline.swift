#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A web page reduced to what article finding needs: a flat element tree and its text blocks.
///
/// Built in one forward pass over UTF-8 bytes by a tokenizer that never recurses, so depth
/// costs nothing but memory (100,000 nested elements are fine). Elements are stored in
/// document order with their parent's index, so every tree computation is a loop over an array.
struct PageOutline {
    /// One element of the page.
    struct Element {
        var parent: Int32
        var tag: HTMLTag
        /// Class, id or role marks it as furniture (comments, share bars, navigation…).
        var furniture: Bool
        /// Class, id or itemprop marks it as article content.
        var content: Bool
    }

    /// A paragraph of visible text (24 bytes: pages have up to a few hundred thousand).
    struct Block {
        private let start32: Int32, end32: Int32, chars32: Int32, linkChars32: Int32
        /// Innermost block-level element containing the text.
        let element: Int32
        /// The block-level element that made it a paragraph (`p`, `li`, `h2`…).
        let kind: HTMLTag
        /// Its first character is link text (a teaser: linked headline, then a summary).
        let startsInLink: Bool

        init(start: Int, end: Int, element: Int32, chars: Int, linkChars: Int, kind: HTMLTag, startsInLink: Bool) {
            start32 = Int32(truncatingIfNeeded: start)
            end32 = Int32(truncatingIfNeeded: end)
            chars32 = Int32(truncatingIfNeeded: chars)
            linkChars32 = Int32(truncatingIfNeeded: linkChars)
            self.element = element
            self.kind = kind
            self.startsInLink = startsInLink
        }

        /// Byte range in `text`.
        var start: Int { Int(start32) }
        var end: Int { Int(end32) }
        /// Characters of text, and of those inside links.
        var chars: Int { Int(chars32) }
        var linkChars: Int { Int(linkChars32) }
    }

    var elements: [Element] = []
    var blocks: [Block] = []
    /// The visible text of every block, back to back (UTF-8).
    var text: [UInt8] = []
    var metadata = PageMetadata()
}

/// Metadata found while parsing; raw strings, interpreted by `ArticleExtractor`.
struct PageMetadata {
    var title: String?
    var lang: String?
    var canonical: String?
    /// `<meta>` name/property (lower case) → content, first occurrence wins.
    var meta: [String: String] = [:]
    /// Raw `application/ld+json` scripts.
    var jsonLD: [String] = []
    /// `datetime` of the first `<time>` element.
    var firstTime: String?
    /// Text of the first `<h1>`.
    var firstHeading: String?
}

/// Builds a `PageOutline` from UTF-8 bytes.
struct PageParser {
    private var out = PageOutline()
    private var stack: [Int32] = []
    private var stackTags: [HTMLTag] = []
    /// Name hashes of open elements, to match end tags of elements Tally has no `HTMLTag` for.
    private var stackNames: [UInt64] = []
    /// Open elements whose text is dropped / links open / `pre` open.
    private var dropDepth = 0
    private var linkDepth = 0
    private var preDepth = 0
    private var blockKind: HTMLTag = .p
    private var blockKindDepth = Int.max
    // Current block.
    private var blockStart = 0
    private var blockElement: Int32 = -1
    private var blockChars = 0
    private var blockLinkChars = 0
    private var blockStartsInLink = false
    private var pendingSpace = false
    // Attributes of the tag being read (ranges into the page).
    private var attrNames: [Range<Int>] = []
    private var attrValues: [Range<Int>] = []
    private var headingCapture: Int? = nil

    /// Maximum number of open elements searched when matching an end tag.
    private static let endTagSearchLimit = 512

    static func parse(_ page: [UInt8]) -> PageOutline {
        var parser = PageParser()
        parser.out.text.reserveCapacity(page.count / 4)
        page.withUnsafeBufferPointer { parser.run($0) }
        return parser.out
    }

    private mutating func run(_ p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        var i = 0
        var textStart = 0
        while i < n {
            guard let lt = Self.find(0x3C, p, from: i) else { break }  // '<'
            i = lt
            guard i + 1 < n else { break }
            let c = p[i + 1]
            let isLetter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if isLetter || c == 0x2F || c == 0x21 || c == 0x3F {
                if textStart < i { appendText(p, textStart, i) }
                i = markup(p, i)
                textStart = i
            } else {
                i += 1
            }
        }
        if textStart < n { appendText(p, textStart, n) }
        flushBlock()
    }

    // MARK: - Tokenizer

    /// Reads the markup starting at `p[i] == "<"`; returns the index after it.
    private mutating func markup(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = p.count
        var i = start + 1
        let c = p[i]
        if c == 0x21 {  // <!
            if i + 2 < n, p[i + 1] == 0x2D, p[i + 2] == 0x2D {  // <!--
                var j = i + 3
                while j + 2 < n {
                    if p[j] == 0x2D, p[j + 1] == 0x2D, p[j + 2] == 0x3E { return j + 3 }
                    j += 1
                }
                return n
            }
            return skipPast(p, i, 0x3E)
        }
        if c == 0x3F { return skipPast(p, i, 0x3E) }  // <?…>
        if c == 0x2F {  // </
            i += 1
            let nameStart = i
            while i < n, !isSpace(p[i]), p[i] != 0x3E, p[i] != 0x2F { i += 1 }
            if i == nameStart { return skipPast(p, i, 0x3E) }
            let tag = HTMLTag.lookup(p, nameStart, i)
            let end = skipPast(p, i, 0x3E)
            endTag(tag, name: Self.nameKey(p, nameStart, i))
            return end
        }
        // Start tag.
        let nameStart = i
        while i < n, !isSpace(p[i]), p[i] != 0x3E, p[i] != 0x2F { i += 1 }
        let nameEnd = i
        let tag = HTMLTag.lookup(p, nameStart, nameEnd)
        attrNames.removeAll(keepingCapacity: true)
        attrValues.removeAll(keepingCapacity: true)
        var selfClosing = false
        // Attributes.
        while i < n {
            let b = p[i]
            if isSpace(b) { i += 1; continue }
            if b == 0x3E { i += 1; break }
            if b == 0x2F { selfClosing = true; i += 1; continue }
            selfClosing = false
            let an = i
            while i < n, !isSpace(p[i]), p[i] != 0x3E, p[i] != 0x3D, !(p[i] == 0x2F && i > an) { i += 1 }
            if i == an { i += 1; continue }
            let ae = i
            while i < n, isSpace(p[i]) { i += 1 }
            var value = i..<i
            if i < n, p[i] == 0x3D {
                i += 1
                while i < n, isSpace(p[i]) { i += 1 }
                if i < n, p[i] == 0x22 || p[i] == 0x27 {
                    let q = p[i]
                    let vs = i + 1
                    var j = vs
                    while j < n, p[j] != q { j += 1 }
                    value = vs..<j
                    i = min(n, j + 1)
                } else {
                    let vs = i
                    while i < n, !isSpace(p[i]), p[i] != 0x3E { i += 1 }
                    value = vs..<i
                }
            }
            if attrNames.count < 64 {
                attrNames.append(an..<ae)
                attrValues.append(value)
            }
        }
        if tag.isRawText && !selfClosing {
            let contentStart = i
            let (contentEnd, after) = findEndTag(p, from: i, name: nameStart..<nameEnd)
            rawText(tag, p, contentStart, contentEnd)
            return after
        }
        startTag(tag, p, selfClosing: selfClosing, name: tag == .other ? Self.nameKey(p, nameStart, nameEnd) : 0)
        return i
    }

    /// Case-insensitive hash of a tag name.
    @inline(__always)
    private static func nameKey(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var k: UInt64 = 14_695_981_039_346_656_037
        for i in start..<end { k = (k ^ UInt64(p[i] | 0x20)) &* 1_099_511_628_211 }
        return k
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    private func skipPast(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ byte: UInt8) -> Int {
        guard let j = Self.find(byte, p, from: from) else { return p.count }
        return j + 1
    }

    /// Index of the first `byte` at or after `from` (C `memchr`, vectorised by libc).
    @inline(__always)
    private static func find(_ byte: UInt8, _ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < p.count, let base = p.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), p.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The start of `</name` (case-insensitive) at or after `from`, and the index past its `>`.
    private func findEndTag(_ p: UnsafeBufferPointer<UInt8>, from: Int, name: Range<Int>) -> (Int, Int) {
        let n = p.count
        let len = name.count
        var j = from
        while j + 1 + len < n {
            guard let lt = Self.find(0x3C, p, from: j) else { break }
            j = lt
            if j + 1 + len < n, p[j + 1] == 0x2F {
                var k = 0
                while k < len, p[j + 2 + k] | 0x20 == p[name.lowerBound + k] | 0x20 { k += 1 }
                if k == len {
                    let after = j + 2 + len
                    if after >= n || isSpace(p[after]) || p[after] == 0x3E || p[after] == 0x2F {
                        return (j, skipPast(p, after, 0x3E))
                    }
                }
            }
            j += 1
        }
        return (n, n)
    }

    // MARK: - Attributes

    private func attribute(_ p: UnsafeBufferPointer<UInt8>, _ name: String) -> Range<Int>? {
        let want = Array(name.utf8)
        for (k, r) in attrNames.enumerated() where r.count == want.count {
            var same = true
            for (o, w) in want.enumerated() where p[r.lowerBound + o] | 0x20 != w { same = false; break }
            if same { return attrValues[k] }
        }
        return nil
    }

    private func string(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        TextDecoding.decodeEntities(p, r)
    }

    // MARK: - Tree building

    private mutating func startTag(_ tag: HTMLTag, _ p: UnsafeBufferPointer<UInt8>, selfClosing: Bool, name: UInt64) {
        if tag.breaksBlock { flushBlock() }
        // Implied end tags.
        if tag.closesParagraph { closeOpen(.p, stopAt: []) }
        switch tag {
        case .li: closeOpen(.li, stopAt: [.ul, .ol, .menu])
        case .dt, .dd: closeOpen(.dt, stopAt: [.dl]); closeOpen(.dd, stopAt: [.dl])
        case .tr: closeOpen(.tr, stopAt: [.table])
        case .td, .th: closeOpen(.td, stopAt: [.tr, .table]); closeOpen(.th, stopAt: [.tr, .table])
        case .option: closeOpen(.option, stopAt: [.select])
        default: break
        }
        if !attrNames.isEmpty { metadataFromTag(tag, p) }
        if tag.isVoid || (selfClosing && !tag.breaksBlock) {
            if tag == .br || tag == .hr { flushBlock() }
            if tag == .img, dropDepth == 0 { pendingSpace = true }
            return
        }
        let parent = stack.last ?? -1
        var furniture = tag.isFurnitureElement
        var content = tag == .article || tag == .main
        var hidden = false
        if !attrNames.isEmpty {
            let hints = ClassHints.classify(p, names: attrNames, values: attrValues)
            furniture = furniture || hints.furniture
            content = content || hints.content
            hidden = hints.hidden
        }
        // Quotes are the article's, whatever their class says (embedded posts are quoted text).
        if tag == .html || tag == .body || tag == .blockquote { furniture = false }
        let index = Int32(out.elements.count)
        out.elements.append(PageOutline.Element(parent: parent, tag: tag, furniture: furniture, content: content))
        stack.append(index)
        stackTags.append(tag)
        stackNames.append(name)
        if tag.dropsText || hidden { dropDepth += 1; stackDrop.append(true) } else { stackDrop.append(false) }
        if tag == .a { linkDepth += 1 }
        if tag == .pre { preDepth += 1 }
        if tag.breaksBlock, tag != .div, tag != .section, tag != .article, tag != .main, tag != .body {
            blockKind = tag
            blockKindDepth = stack.count
        }
        if tag == .h1, out.metadata.firstHeading == nil { headingCapture = out.text.count }
        if tag == .time, out.metadata.firstTime == nil, let r = attribute(p, "datetime") {
            out.metadata.firstTime = string(p, r)
        }
        if selfClosing { popTo(stack.count - 1) }
    }

    private var stackDrop: [Bool] = []

    private mutating func endTag(_ tag: HTMLTag, name: UInt64) {
        if tag.breaksBlock { flushBlock() }
        if tag == .br { return }
        let limit = max(0, stackTags.count - PageParser.endTagSearchLimit)
        var k = stackTags.count - 1
        if tag == .other {
            // Custom elements close only when they are near the top: a stray end tag must not
            // unwind the page.
            let near = max(0, stackTags.count - 16)
            while k >= near {
                if stackTags[k] == .other, stackNames[k] == name { popTo(k); return }
                k -= 1
            }
            return
        }
        while k >= limit {
            if stackTags[k] == tag { popTo(k); return }
            k -= 1
        }
        if tag == .p {  // </p> with no open <p> makes an empty paragraph: a break
            flushBlock()
        }
    }

    /// Closes an open `tag` unless one of `stopAt` is met first.
    private mutating func closeOpen(_ tag: HTMLTag, stopAt: [HTMLTag]) {
        var k = stackTags.count - 1
        let limit = max(0, stackTags.count - 64)
        while k >= limit {
            let t = stackTags[k]
            if t == tag { popTo(k); return }
            if stopAt.contains(t) || (tag == .p && (t == .div || t == .td || t == .li || t == .blockquote || t == .article || t == .section)) { return }
            k -= 1
        }
    }

    /// Pops open elements down to (and including) stack position `k`.
    private mutating func popTo(_ k: Int) {
        while stackTags.count > k {
            let t = stackTags.removeLast()
            stack.removeLast()
            stackNames.removeLast()
            if stackDrop.removeLast() { dropDepth -= 1 }
            if t == .a { linkDepth -= 1 }
            if t == .pre { preDepth -= 1 }
            if t.breaksBlock { flushBlock() }
            if stackTags.count < blockKindDepth { blockKind = .p; blockKindDepth = Int.max }
            if t == .h1, let start = headingCapture {
                headingCapture = nil
                let s = String(decoding: out.text[start...], as: UTF8.self)
                let trimmed = s.trimmingSpaces()
                if !trimmed.isEmpty { out.metadata.firstHeading = trimmed }
            }
        }
    }

    // MARK: - Text

    private mutating func appendText(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if dropDepth > 0 { return }
        var i = start
        while i < end {
            let b = p[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                if preDepth > 0, b == 0x0A, blockChars > 0 { out.text.append(0x0A); pendingSpace = false }
                else { pendingSpace = true }
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < end, p[i + 1] == 0xA0 { pendingSpace = true; i += 2; continue }
            if b == 0x26, let (v, used) = HTMLEntities.decode(p, at: i, end: end) {
                i += used
                if v == 0xA0 || v == 0x2009 || v == 0x200A || v == 0x2002 || v == 0x2003 { pendingSpace = true; continue }
                if v == 0xAD || v == 0x200B || v == 0x200C || v == 0x200D || v == 0x200E || v == 0x200F { continue }
                beginChar()
                CharsetDecoder.appendUTF8(v, to: &out.text)
                countChar()
                continue
            }
            beginChar()
            out.text.append(b)
            if b & 0xC0 != 0x80 { countChar() }
            i += 1
        }
    }

    @inline(__always) private mutating func beginChar() {
        if blockChars == 0 {
            if blockElement < 0 { blockElement = blockLevelElement() }
            blockStartsInLink = linkDepth > 0
            pendingSpace = false
            return
        }
        if pendingSpace { out.text.append(0x20); pendingSpace = false; countChar() }
    }

    /// The innermost open element that is not inline (`a`, `span`…), so a paragraph opening with
    /// a link belongs to its paragraph, not to the link; inline furniture (share buttons) wrapping
    /// a whole block still counts (the block is then the element's own text).
    private func blockLevelElement() -> Int32 {
        var k = stackTags.count - 1
        let limit = max(0, k - 32)
        while k >= limit {
            let t = stackTags[k]
            if t.breaksBlock || t == .td || t == .th { return stack[k] }
            let el = out.elements[Int(stack[k])]
            if el.furniture, t != .a { return stack[k] }  // links are judged by link density
            k -= 1
        }
        return stack.last ?? -1
    }

    @inline(__always) private mutating func countChar() {
        blockChars += 1
        if linkDepth > 0 { blockLinkChars += 1 }
    }

    private mutating func flushBlock() {
        if blockChars > 0 {
            out.blocks.append(PageOutline.Block(
                start: blockStart, end: out.text.count, element: blockElement,
                chars: blockChars, linkChars: blockLinkChars, kind: blockKind, startsInLink: blockStartsInLink))
        }
        blockStart = out.text.count
        blockElement = -1
        blockChars = 0
        blockLinkChars = 0
        pendingSpace = false
    }

    // MARK: - Metadata

    private mutating func rawText(_ tag: HTMLTag, _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        switch tag {
        case .title:
            if out.metadata.title == nil {
                let t = string(p, start..<end).collapsingSpaces()
                if !t.isEmpty { out.metadata.title = t }
            }
        case .script:
            if let type = attribute(p, "type"), string(p, type).lowercased().contains("ld+json"), end > start {
                out.metadata.jsonLD.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self))
            }
        default: break
        }
        if tag.breaksBlock { flushBlock() }
    }

    private mutating func metadataFromTag(_ tag: HTMLTag, _ p: UnsafeBufferPointer<UInt8>) {
        switch tag {
        case .html:
            if out.metadata.lang == nil, let r = attribute(p, "lang") ?? attribute(p, "xml:lang") {
                let v = string(p, r).trimmingSpaces()
                if !v.isEmpty { out.metadata.lang = v }
            }
        case .meta:
            guard let c = attribute(p, "content") else { return }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let r = attribute(p, key) {
                    let k = string(p, r).lowercased()
                    if out.metadata.meta[k] == nil { out.metadata.meta[k] = string(p, c).trimmingSpaces() }
                }
            }
        case .link:
            if out.metadata.canonical == nil, let rel = attribute(p, "rel"), let href = attribute(p, "href"),
               string(p, rel).lowercased().split(separator: " ").contains("canonical") {
                out.metadata.canonical = string(p, href).trimmingSpaces()
            }
        default: break
        }
    }
}
