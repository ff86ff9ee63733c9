/// Small text helpers for attribute values and metadata strings.
enum TextDecoding {
    /// The bytes `p[r]` as a string with character references decoded.
    static func decodeEntities(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        while i < r.upperBound {
            if p[i] == 0x26, let (v, used) = HTMLEntities.decode(p, at: i, end: r.upperBound) {
                CharsetDecoder.appendUTF8(v, to: &out)
                i += used
            } else {
                out.append(p[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// Single line breaks doubled, so each line becomes a paragraph.
    func replacingNewlinesWithBlankLines() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 64)
        for c in self {
            out.append(c)
            if c == "\n" || c == "\r\n" { out.append("\n") }
        }
        return out
    }

    /// Runs of whitespace replaced by one space, trimmed.
    func collapsingSpaces() -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for s in unicodeScalars {
            if s.properties.isWhitespace { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(s)
        }
        return String(out)
    }
}
