/// A character encoding Tally can decode web pages from.
public enum Charset: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, the default of the web.
    case utf8 = "utf-8"
    /// Cyrillic, Windows code page 1251 (most older Russian sites).
    case windows1251 = "windows-1251"
    /// Cyrillic, KOI8-R (older Russian sites and mail).
    case koi8r = "koi8-r"
    /// Also what browsers use for pages labelled `iso-8859-1` or `us-ascii`.
    case windows1252 = "windows-1252"

    /// The charset a label such as `cp1251` or `KOI8-R` names; `nil` for labels Tally does not know.
    public init?(label: some StringProtocol) {
        var s = ""
        for c in label.lowercased() where !c.isWhitespace && c != "\"" && c != "'" { s.append(c) }
        switch s {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "windows-1251", "cp1251", "x-cp1251", "win-1251", "windows1251": self = .windows1251
        case "koi8-r", "koi8r", "koi8", "cskoi8r", "koi", "koi8-u", "koi8-ru": self = .koi8r
        case "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii",
             "iso-8859-15", "l1", "x-cp1252": self = .windows1252
        default: return nil
        }
    }
}

/// Turns the bytes of a web page into UTF-8, whatever it was written in.
///
/// Order of evidence: a byte-order mark, then the charset the page declares (`Content-Type`
/// header if the caller has one, `<meta charset>` or `http-equiv` in the first 4 KB), then a
/// guess from byte statistics. A declaration is not trusted blindly: a page that declares a
/// single-byte charset but is valid multi-byte UTF-8 is read as UTF-8, and a page declared
/// UTF-8 whose bytes are mostly invalid UTF-8 is guessed instead. Invalid UTF-8 sequences become
/// U+FFFD, so the output is always valid UTF-8.
public enum CharsetDecoder {
    /// The page as valid UTF-8 bytes, plus the charset it was read as.
    public static func decode(_ bytes: some Collection<UInt8>, contentType: String? = nil) -> (utf8: [UInt8], charset: Charset) {
        let input = bytes as? [UInt8] ?? Array(bytes)  // no copy for arrays
        let stats = utf8Statistics(input)
        let charset = detect(input, contentType: contentType, stats: stats)
        if charset == .utf8, stats.invalid == 0, !input.starts(with: [0xEF, 0xBB, 0xBF]) { return (input, .utf8) }
        return (transcode(input, from: charset), charset)
    }

    /// The charset `bytes` are most likely written in (see the type's description for the order).
    public static func detect(_ bytes: [UInt8], contentType: String? = nil) -> Charset {
        detect(bytes, contentType: contentType, stats: utf8Statistics(bytes))
    }

    static func detect(_ bytes: [UInt8], contentType: String?, stats utf8: (multiByte: Int, invalid: Int)) -> Charset {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8 }
        let declared = contentType.flatMap(charsetParameter).flatMap { Charset(label: $0) } ?? declaredInMeta(bytes)
        switch declared {
        case .utf8?:
            // Declared UTF-8: believe it unless the bytes are mostly invalid and read as Russian in
            // a single-byte charset; otherwise bad bytes become U+FFFD.
            if utf8.invalid > 0, utf8.invalid > utf8.multiByte {
                let guess = guessSingleByte(bytes)
                if guess != .windows1252 { return guess }
            }
            return .utf8
        case let single?:
            if utf8.multiByte > 0, utf8.invalid == 0 { return .utf8 }
            // Russian letter statistics beat a single-byte label (KOI8-R pages labelled
            // windows-1251 and the other way round are common on old sites).
            let guess = guessSingleByte(bytes)
            return guess == .windows1252 ? single : guess
        case nil:
            if utf8.invalid == 0 || utf8.invalid * 4 <= utf8.multiByte { return .utf8 }
            return guessSingleByte(bytes)
        }
    }

    /// Valid UTF-8 bytes for `bytes` read as `charset`.
    public static func transcode(_ bytes: [UInt8], from charset: Charset) -> [UInt8] {
        switch charset {
        case .utf8: return repairUTF8(bytes)
        case .windows1251: return fromSingleByte(bytes, table: SingleByteTables.windows1251)
        case .koi8r: return fromSingleByte(bytes, table: SingleByteTables.koi8r)
        case .windows1252: return fromSingleByte(bytes, table: SingleByteTables.windows1252)
        }
    }

    // MARK: - Declarations

    /// The `charset=` parameter of a Content-Type value.
    static func charsetParameter(_ contentType: String) -> String? {
        let lower = contentType.lowercased()
        guard let r = lower.range(of: "charset=") else { return nil }
        let rest = lower[r.upperBound...]
        let value = rest.prefix { $0 != ";" && $0 != " " && $0 != "\"" && $0 != "'" && $0 != ">" && $0 != "/" }
        return value.isEmpty ? nil : String(value)
    }

    /// The charset named by `<meta charset=…>` or `<meta http-equiv content="…charset=…">`
    /// (or an XML declaration) within the first 4 KB.
    static func declaredInMeta(_ bytes: [UInt8]) -> Charset? {
        let head = bytes.prefix(4096)
        // Lower-case ASCII copy; non-ASCII bytes cannot be part of a charset label.
        var lower = [UInt8](repeating: 0, count: head.count)
        for (i, b) in head.enumerated() { lower[i] = (b >= 65 && b <= 90) ? b | 0x20 : b }
        let needle = Array("charset".utf8)
        var i = 0
        while i + needle.count < lower.count {
            if lower[i] == 0x63, lower[i..<(i + needle.count)].elementsEqual(needle) {
                var j = i + needle.count
                while j < lower.count, lower[j] == 0x20 || lower[j] == 0x22 || lower[j] == 0x27 { j += 1 }
                if j < lower.count, lower[j] == 0x3D {  // =
                    j += 1
                    while j < lower.count, lower[j] == 0x20 || lower[j] == 0x22 || lower[j] == 0x27 { j += 1 }
                    var k = j
                    while k < lower.count, isLabelByte(lower[k]) { k += 1 }
                    if k > j, let cs = Charset(label: String(decoding: lower[j..<k], as: UTF8.self)) {
                        return cs
                    }
                }
                i = j
            } else {
                i += 1
            }
        }
        // <?xml version="1.0" encoding="windows-1251"?>
        if lower.starts(with: Array("<?xml".utf8)), let end = lower.firstIndex(of: 0x3E) {
            let decl = String(decoding: lower[..<end], as: UTF8.self)
            if let r = decl.range(of: "encoding=") {
                let label = decl[r.upperBound...].drop { $0 == "\"" || $0 == "'" }.prefix { $0 != "\"" && $0 != "'" }
                return Charset(label: label)
            }
        }
        return nil
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
    }

    // MARK: - Statistics

    /// Counts of well-formed multi-byte UTF-8 sequences and of invalid bytes.
    static func utf8Statistics(_ bytes: [UInt8]) -> (multiByte: Int, invalid: Int) {
        var multi = 0, invalid = 0
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            guard let base = p.baseAddress else { return }
            while i < n {
                // ASCII runs eight bytes at a time.
                while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                guard i < n else { break }
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                let len = sequenceLength(p, i)
                if len == 0 { invalid += 1; i += 1 } else { multi += 1; i += len }
            }
        }
        return (multi, invalid)
    }

    /// Length of the valid UTF-8 sequence starting at `i` (lead byte ≥ 0x80), or 0 if invalid.
    @inline(__always)
    static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = p.count
        let b = p[i]
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
        switch b {
        case 0xC2...0xDF: return cont(i + 1) ? 2 : 0
        case 0xE0:
            return i + 2 < n && (0xA0...0xBF).contains(p[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xED:
            return i + 2 < n && (0x80...0x9F).contains(p[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEF: return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xF0:
            return i + 3 < n && (0x90...0xBF).contains(p[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4:
            return i + 3 < n && (0x80...0x8F).contains(p[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default: return 0
        }
    }

    /// Windows-1251 or KOI8-R when the high bytes look like Russian in one of them, else Windows-1252.
    ///
    /// The most frequent Russian letters (о е а и н т с р в л) are lower case; windows-1251 puts
    /// lower case at 0xE0–0xFF and KOI8-R at 0xC0–0xDF, so counting those letters' bytes under each
    /// reading tells the two apart on a few dozen words.
    static func guessSingleByte(_ bytes: [UInt8]) -> Charset {
        // о е а и н т с р в л
        let cp1251: Set<UInt8> = [0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1, 0xF0, 0xE2, 0xEB]
        let koi8: Set<UInt8> = [0xCF, 0xC5, 0xC1, 0xC9, 0xCE, 0xD4, 0xD3, 0xD2, 0xD7, 0xCC]
        var table1251 = [Bool](repeating: false, count: 256), tableKOI = [Bool](repeating: false, count: 256)
        for b in cp1251 { table1251[Int(b)] = true }
        for b in koi8 { tableKOI[Int(b)] = true }
        var high = 0, score1251 = 0, scoreKOI = 0
        for b in bytes where b >= 0xC0 {
            high += 1
            if table1251[Int(b)] { score1251 += 1 }
            if tableKOI[Int(b)] { scoreKOI += 1 }
        }
        // Cyrillic text has most of its high bytes in 0xC0–0xFF and frequent letters among them.
        guard high >= 8, max(score1251, scoreKOI) * 3 >= high else { return .windows1252 }
        return score1251 >= scoreKOI ? .windows1251 : .koi8r
    }

    // MARK: - Transcoding

    /// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD (EF BF BD) and a BOM dropped.
    static func repairUTF8(_ bytes: [UInt8]) -> [UInt8] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let stats = utf8Statistics(bytes)
        if stats.invalid == 0 { return start == 0 ? bytes : Array(bytes[start...]) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + stats.invalid * 2)
        bytes.withUnsafeBufferPointer { p in
            var i = start
            while i < p.count {
                let b = p[i]
                if b < 0x80 { out.append(b); i += 1; continue }
                let len = sequenceLength(p, i)
                if len == 0 {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD]); i += 1
                } else {
                    out.append(contentsOf: p[i..<(i + len)]); i += len
                }
            }
        }
        return out
    }

    static func fromSingleByte(_ bytes: [UInt8], table: [UInt16]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            appendUTF8(UInt32(table[Int(b) - 0x80]), to: &out)
        }
        return out
    }

    /// Appends the UTF-8 form of a scalar value (invalid values become U+FFFD).
    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        var v = v
        if v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF { v = 0xFFFD }
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
