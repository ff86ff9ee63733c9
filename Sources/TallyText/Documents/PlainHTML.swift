/// A minimal HTML-to-text step: tags out, scripts and styles dropped, entities decoded.
///
/// It is the fallback the document reader uses when no article extractor is given; it keeps
/// everything that is text, furniture included.
enum PlainHTML {
    static func text(of bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        var i = 0
        let n = bytes.count
        func lowerStarts(_ word: String, at j: Int) -> Bool {
            var k = j
            for w in word.utf8 {
                guard k < n else { return false }
                var b = bytes[k]
                if b >= 65, b <= 90 { b += 32 }
                if b != w { return false }
                k += 1
            }
            return true
        }
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                var skipTo: String? = nil
                if lowerStarts("<script", at: i) { skipTo = "</script" }
                else if lowerStarts("<style", at: i) { skipTo = "</style" }
                else if lowerStarts("<!--", at: i) { skipTo = "-->" }
                let isBlock = ["<p", "</p", "<br", "<div", "</div", "<h1", "<h2", "<h3", "<h4", "<li", "<tr", "</h"].contains { lowerStarts($0, at: i) }
                if let end = skipTo {
                    var j = i + 1
                    while j < n, !lowerStarts(end, at: j) { j += 1 }
                    i = j
                }
                while i < n, bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
                if isBlock { out.append(contentsOf: [0x0A, 0x0A]) } else { out.append(0x20) }
                continue
            }
            if b == UInt8(ascii: "&") {
                let entities: [(String, String)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""),
                                                    ("&#39;", "'"), ("&nbsp;", " "), ("&apos;", "'")]
                if let (name, value) = entities.first(where: { lowerStarts($0.0, at: i) }) {
                    out.append(contentsOf: value.utf8)
                    i += name.utf8.count
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        // Fold runs of spaces and of blank lines.
        var folded: [UInt8] = []
        folded.reserveCapacity(out.count)
        var newlines = 0
        var space = false
        for c in out {
            if c == 0x0A {
                newlines += 1
                space = false
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0D {
                space = true
                continue
            }
            if newlines > 0, !folded.isEmpty { folded.append(contentsOf: newlines > 1 ? [0x0A, 0x0A] : [0x0A]) }
            else if space, !folded.isEmpty { folded.append(0x20) }
            newlines = 0
            space = false
            folded.append(c)
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
