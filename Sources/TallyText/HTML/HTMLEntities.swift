/// Character references (`&amp;`, `&#8212;`, `&#x2014;`) in HTML text and attribute values.
enum HTMLEntities {
    /// Named references common in news pages, keyed by their name packed into 8 bytes.
    static let named: [UInt64: UInt32] = {
        let table: [(String, UInt32)] = [
            ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("quot", 0x22), ("apos", 0x27), ("nbsp", 0xA0),
            ("ndash", 0x2013), ("mdash", 0x2014), ("hellip", 0x2026), ("rsquo", 0x2019), ("lsquo", 0x2018),
            ("ldquo", 0x201C), ("rdquo", 0x201D), ("sbquo", 0x201A), ("bdquo", 0x201E), ("laquo", 0xAB),
            ("raquo", 0xBB), ("copy", 0xA9), ("reg", 0xAE), ("trade", 0x2122), ("euro", 0x20AC),
            ("pound", 0xA3), ("yen", 0xA5), ("cent", 0xA2), ("sect", 0xA7), ("deg", 0xB0), ("plusmn", 0xB1),
            ("middot", 0xB7), ("bull", 0x2022), ("times", 0xD7), ("divide", 0xF7), ("shy", 0xAD),
            ("zwj", 0x200D), ("zwnj", 0x200C), ("lrm", 0x200E), ("rlm", 0x200F), ("thinsp", 0x2009),
            ("ensp", 0x2002), ("emsp", 0x2003), ("hairsp", 0x200A), ("prime", 0x2032), ("Prime", 0x2033),
            ("frac12", 0xBD), ("frac14", 0xBC), ("frac34", 0xBE), ("sup2", 0xB2), ("sup3", 0xB3),
            ("eacute", 0xE9), ("egrave", 0xE8), ("ecirc", 0xEA), ("euml", 0xEB), ("aacute", 0xE1),
            ("agrave", 0xE0), ("acirc", 0xE2), ("auml", 0xE4), ("atilde", 0xE3), ("aring", 0xE5),
            ("ccedil", 0xE7), ("iacute", 0xED), ("igrave", 0xEC), ("icirc", 0xEE), ("iuml", 0xEF),
            ("ntilde", 0xF1), ("oacute", 0xF3), ("ograve", 0xF2), ("ocirc", 0xF4), ("ouml", 0xF6),
            ("otilde", 0xF5), ("oslash", 0xF8), ("uacute", 0xFA), ("ugrave", 0xF9), ("ucirc", 0xFB),
            ("uuml", 0xFC), ("yacute", 0xFD), ("yuml", 0xFF), ("szlig", 0xDF), ("Eacute", 0xC9),
            ("Egrave", 0xC8), ("Aacute", 0xC1), ("Agrave", 0xC0), ("Auml", 0xC4), ("Ouml", 0xD6),
            ("Uuml", 0xDC), ("Ccedil", 0xC7), ("Ntilde", 0xD1), ("Oacute", 0xD3), ("Uacute", 0xDA),
            ("iexcl", 0xA1), ("iquest", 0xBF), ("ordf", 0xAA), ("ordm", 0xBA), ("para", 0xB6),
            ("dagger", 0x2020), ("Dagger", 0x2021), ("permil", 0x2030), ("lsaquo", 0x2039),
            ("rsaquo", 0x203A), ("oelig", 0x153), ("OElig", 0x152), ("scaron", 0x161), ("Scaron", 0x160),
            ("larr", 0x2190), ("rarr", 0x2192), ("uarr", 0x2191), ("darr", 0x2193), ("harr", 0x2194),
            ("hearts", 0x2665), ("numero", 0x2116), ("minus", 0x2212),
        ]
        var d: [UInt64: UInt32] = [:]
        for (name, v) in table { d[pack(Array(name.utf8)[...])] = v }
        return d
    }()

    /// Up to 8 bytes packed into an integer key.
    @inline(__always)
    static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var k: UInt64 = 0
        for b in bytes.prefix(8) { k = k << 8 | UInt64(b) }
        return k
    }

    /// Windows-1252 meanings of the numeric references `&#128;`…`&#159;`, as browsers read them.
    static func numericFixup(_ v: UInt32) -> UInt32 {
        guard v >= 0x80, v <= 0x9F else { return v }
        let mapped = UInt32(SingleByteTables.windows1252[Int(v) - 0x80])
        return mapped
    }

    /// Decodes the reference starting at `p[i] == "&"`; returns the scalar and the bytes consumed,
    /// or `nil` when the ampersand does not start a reference (it is then literal text).
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (UInt32, Int)? {
        var j = i + 1
        guard j < end else { return nil }
        if p[j] == 0x23 {  // '#'
            j += 1
            var v: UInt32 = 0
            var digits = 0
            if j < end, p[j] | 0x20 == 0x78 {  // x
                j += 1
                while j < end, digits < 8 {
                    let c = p[j]
                    let d: UInt32
                    if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) } else if c | 0x20 >= 0x61 && c | 0x20 <= 0x66 {
                        d = UInt32((c | 0x20) - 0x61 + 10)
                    } else { break }
                    v = v * 16 + d; digits += 1; j += 1
                }
            } else {
                while j < end, digits < 8, p[j] >= 0x30, p[j] <= 0x39 {
                    v = v * 10 + UInt32(p[j] - 0x30); digits += 1; j += 1
                }
            }
            guard digits > 0 else { return nil }
            if j < end, p[j] == 0x3B { j += 1 }
            return (numericFixup(v), j - i)
        }
        var k: UInt64 = 0
        var n = 0
        while j < end, n < 8 {
            let c = p[j]
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) else { break }
            k = k << 8 | UInt64(c); n += 1; j += 1
        }
        guard n > 0, let v = named[k] else { return nil }
        if j < end, p[j] == 0x3B { j += 1 }
        return (v, j - i)
    }
}
