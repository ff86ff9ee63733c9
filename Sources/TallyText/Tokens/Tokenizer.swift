/// Splits text into tokens in one pass over its UTF-8 bytes.
///
/// Numbers keep their group separators when the groups make a number: "1,300", "1.300", "15,5",
/// and "1 300" with a space, no-break space or thin space before a group of exactly three digits.
public enum Tokenizer {
    /// The text's bytes as the loops read them. Every index they read is below the `end` they are
    /// given, which their callers check against the text once.
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The tokens of `bytes[range]`, offsets relative to the start of `bytes`.
    public static func tokens(_ bytes: [UInt8], in range: Range<Int>) -> [Token] {
        // The range is checked once here; the loops below read through a buffer without checks.
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "token range outside the text")
        return bytes.withUnsafeBufferPointer { tokens($0, in: range) }
    }

    static func tokens(_ bytes: Bytes, in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        // About one token per four bytes of news text (words, marks, spaces); growing past it is rare.
        tokens.reserveCapacity(range.count / 3 + 4)
        var i = range.lowerBound
        let end = range.upperBound
        var sawSpace = true
        while i < end {
            let b = bytes[i]
            // White space: ASCII, no-break space, and the U+2000–U+200B / U+202F / U+205F spaces.
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                i += 1
                sawSpace = true
                continue
            }
            if b >= 0xC2, let width = spaceWidth(bytes, i, end) {
                i += width
                sawSpace = true
                continue
            }
            let start = i
            if isDigit(b) {
                i = numberEnd(bytes, i, end)
                tokens.append(token(.number, bytes, start, i, lower: false, capitalized: false, spaceBefore: sawSpace))
            } else if letterWidth(bytes, i, end) > 0 {
                let capital = isCapital(bytes, i, end)
                if let wordEnd = plainWord(bytes, start, end, capitalized: capital, spaceBefore: sawSpace, into: &tokens) {
                    i = wordEnd
                    sawSpace = false
                    continue
                }
                while i < end {
                    let w = letterWidth(bytes, i, end)
                    if w > 0 {
                        i += w
                        continue
                    }
                    // An apostrophe between letters stays inside the word.
                    if let a = apostropheWidth(bytes, i, end), i + a < end, letterWidth(bytes, i + a, end) > 0 {
                        i += a
                        continue
                    }
                    break
                }
                tokens.append(token(.word, bytes, start, i, lower: true, capitalized: capital, spaceBefore: sawSpace))
            } else if b < 0x80 {
                // One ASCII mark: its token made at once.
                i += 1
                tokens.append(mark(b, start, spaceBefore: sawSpace))
            } else {
                i += min(sequenceLength(b), end - i)
                // Non-breaking and plain hyphens (U+2011, U+2010) are hyphens.
                if i - start == 3 && b == 0xE2 && bytes[start + 1] == 0x80 && (bytes[start + 2] == 0x91 || bytes[start + 2] == 0x90) {
                    tokens.append(Token(kind: .punctuation, start: start, end: i, text: "-", spaceBefore: sawSpace))
                } else {
                    tokens.append(token(.punctuation, bytes, start, i, lower: false, capitalized: false, spaceBefore: sawSpace))
                }
            }
            sawSpace = false
        }
        return tokens
    }

    /// The token of `bytes[start..<end]`, its text lower-cased (`lower`, as `lowercase` does) into
    /// the token itself and its keys read off the same bytes as they are written: one pass.
    @inline(__always)
    static func token(_ kind: Token.Kind, _ bytes: Bytes, _ start: Int, _ end: Int, lower: Bool,
                      capitalized: Bool, spaceBefore: Bool) -> Token {
        if let ascii = asciiToken(kind, bytes, start, end, lower: lower, capitalized: capitalized, spaceBefore: spaceBefore) {
            return ascii
        }
        var text = Token.Text()
        var reader = Token.KeyReader()
        text.fill { raw in
            var n = 0
            var i = start
            while i < end {
                let (c, advance) = lower ? lowered(bytes, i, end) : ((bytes[i], 0, 1), 1)
                reader.add(c.0)
                if n < raw.count { raw[n] = c.0 }
                n += 1
                if c.2 == 2 {
                    reader.add(c.1)
                    if n < raw.count { raw[n] = c.1 }
                    n += 1
                }
                i += advance
            }
            return n
        }
        let (key, stemKey, plain) = reader.keys
        return Token(kind: kind, start: start, end: end, stored: text, key: key, stemKey: stemKey,
                     plain: plain, capitalized: capitalized, spaceBefore: spaceBefore)
    }

    /// `token` for ASCII text (most of English news), nil at the first other byte: each byte
    /// lower-cased by one test, both keys hashed in the same loop, the text plain by definition.
    @inline(__always)
    static func asciiToken(_ kind: Token.Kind, _ bytes: Bytes, _ start: Int, _ end: Int, lower: Bool,
                           capitalized: Bool, spaceBefore: Bool) -> Token? {
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        var stem = key
        var kept = Token.Text.Gatherer()
        var i = start
        while i < end {
            var b = bytes[i]
            if b >= 0x80 { return nil }
            if lower, b &- 65 < 26 { b |= 0x20 }
            key = (key ^ UInt64(b)) &* 0x100_0000_01b3
            if kept.count < 2 { stem = key }
            kept.append(b)
            i += 1
        }
        return Token(kind: kind, start: start, end: end, stored: kept.finish(), key: key, stemKey: stem,
                     plain: true, capitalized: capitalized, spaceBefore: spaceBefore)
    }

    /// The token of one ASCII mark at `start`, as `token` would make it.
    @inline(__always)
    static func mark(_ b: UInt8, _ start: Int, spaceBefore: Bool) -> Token {
        let key = (0xcbf2_9ce4_8422_2325 ^ UInt64(b)) &* 0x100_0000_01b3
        var text = Token.Text()
        text.setWord(0, UInt64(b))
        text.setCount(1)
        return Token(kind: .punctuation, start: start, end: start + 1, stored: text, key: key, stemKey: key,
                     plain: true, capitalized: false, spaceBefore: spaceBefore)
    }

    /// The word starting at `start` read, lower-cased and hashed in one pass and appended to
    /// `tokens`, when it is made of ASCII and two-byte Cyrillic letters (and apostrophes between
    /// letters) and fits a token whole: most words of English and Russian news. Returns where the
    /// word ends; nil, nothing appended, at anything it leaves to the general reader (`tokens`'
    /// loop, then `token`): other letters, ’, a longer word. The token is the one that reader makes.
    /// Reading the word once, not once to find its end and again to make its token, spared a third
    /// of the tokenizer's work; appending it here spares copying it out and in again.
    @inline(__always)
    static func plainWord(_ bytes: Bytes, _ start: Int, _ end: Int, capitalized: Bool, spaceBefore: Bool,
                          into tokens: inout [Token]) -> Int? {
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        var stem = key
        var kept = Token.Text.Gatherer()
        var characters = 0
        @inline(__always) func put(_ b: UInt8) {
            key = (key ^ UInt64(b)) &* 0x100_0000_01b3
            kept.append(b)
        }
        @inline(__always) func isCyrillic(_ k: Int) -> Bool {
            (bytes[k] == 0xD0 || bytes[k] == 0xD1) && k + 1 < end && bytes[k + 1] & 0xC0 == 0x80
        }
        var i = start
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                var c = b | 0x20
                if c &- 97 >= 26 {
                    // Not a letter: an apostrophe stays when a letter follows ("o'neil"), else the word ends.
                    guard b == 0x27, i + 1 < end else { break }
                    let d = bytes[i + 1]
                    if (d | 0x20) &- 97 < 26 || isCyrillic(i + 1) {
                        c = b
                    } else if d >= 0xC3 {
                        return nil
                    } else {
                        break
                    }
                }
                put(c)
                i += 1
            } else if isCyrillic(i) {
                var lead = b
                var c = bytes[i + 1]
                if lead == 0xD0 {
                    if c >= 0x90 && c <= 0x9F { c += 0x20 }                          // А–П → а–п
                    else if c >= 0xA0 && c <= 0xAF { lead = 0xD1; c -= 0x20 }        // Р–Я → р–я
                    else if c == 0x81 { lead = 0xD1; c = 0x91 }                      // Ё → ё
                }
                put(lead)
                put(c)
                i += 2
            } else if b < 0xC3 {
                break  // no letter (no-break space, «, »…): the word ends
            } else {
                return nil
            }
            characters += 1
            if characters <= 2 { stem = key }
        }
        // (A word longer than a token keeps is cut at a character by the general reader.)
        guard kept.count <= Token.Text.capacity else { return nil }
        tokens.append(Token(kind: .word, start: start, end: i, stored: kept.finish(), key: key, stemKey: stem,
                            plain: true, capitalized: capitalized, spaceBefore: spaceBefore))
        return i
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    @inline(__always) static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The width of a space character that is not ASCII (NBSP, U+2000–U+200B, U+202F, U+205F, U+3000).
    @inline(__always) static func spaceWidth(_ bytes: Bytes, _ i: Int, _ end: Int) -> Int? {
        let b = bytes[i]
        if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, (bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x8B) || bytes[i + 2] == 0xAF { return 3 }
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x81, bytes[i + 2] == 0x9F { return 3 }
        if b == 0xE3, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
        return nil
    }

    @inline(__always) static func apostropheWidth(_ bytes: Bytes, _ i: Int, _ end: Int) -> Int? {
        if bytes[i] == 0x27 { return 1 }
        if bytes[i] == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }  // ’
        return nil
    }

    /// The byte width of a letter at `i`, or 0. Letters: ASCII, and any non-ASCII character
    /// outside Latin-1 punctuation, General Punctuation and symbol blocks.
    @inline(__always) static func letterWidth(_ bytes: Bytes, _ i: Int, _ end: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) ? 1 : 0 }
        if b < 0xC3 { return 0 }                                        // U+0080–U+00BF
        let n = sequenceLength(b)
        guard i + n <= end else { return 0 }
        if b == 0xC3, bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7 { return 0 }  // × ÷
        if b == 0xE2 || b == 0xE3 && bytes[i + 1] == 0x80 { return 0 }  // punctuation, symbols, CJK marks
        if b == 0xEF, bytes[i + 1] >= 0xBB { return 0 }                 // BOM, fullwidth forms, U+FFFD
        if b == 0xCB { return 0 }                                       // spacing modifier letters (ˈ ˚ …)
        if b >= 0xF0 { return 0 }                                      // emoji and other astral symbols
        return n
    }

    @inline(__always) static func isCapital(_ bytes: Bytes, _ i: Int, _ end: Int) -> Bool {
        let b = bytes[i]
        if b >= 65 && b <= 90 { return true }
        guard i + 1 < end else { return false }
        let c = bytes[i + 1]
        if b == 0xD0 { return c >= 0x80 && c <= 0xAF }
        if b == 0xC3 { return c >= 0x80 && c <= 0x9E && c != 0x97 }
        return false
    }

    /// Where a number starting at `i` ends.
    static func numberEnd(_ bytes: Bytes, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end, isDigit(bytes[i]) { i += 1 }
        var group = i - start
        while i < end {
            let b = bytes[i]
            // "1,300", "15,5", "1.3": a comma or period between digits.
            if (b == 0x2C || b == 0x2E), i + 1 < end, isDigit(bytes[i + 1]) {
                var j = i + 1
                while j < end, isDigit(bytes[j]) { j += 1 }
                group = j - i - 1
                i = j
                continue
            }
            // "1 300": a space of some kind, then exactly three digits, after a group of 1–3 digits.
            if group <= 3 {
                var width = 0
                if b == 0x20 { width = 1 } else if let w = spaceWidth(bytes, i, end) { width = w }
                if width > 0, i + width + 3 <= end,
                   isDigit(bytes[i + width]), isDigit(bytes[i + width + 1]), isDigit(bytes[i + width + 2]),
                   i + width + 3 == end || !isDigit(bytes[i + width + 3]) {
                    i += width + 3
                    group = 3
                    continue
                }
            }
            break
        }
        return i
    }

    /// Lower-cases ASCII, Latin-1 and Cyrillic letters byte by byte; other letters stay as written.
    static func lowercased(_ bytes: Bytes, _ start: Int, _ end: Int) -> String {
        var out = [UInt8]()
        lowercase(bytes, start, end, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the lower-cased bytes of `bytes[start..<end]` into `out` (emptied first), as `lowercased` does.
    static func lowercase(_ bytes: [UInt8], _ start: Int, _ end: Int, into out: inout [UInt8]) {
        precondition(start >= 0 && end <= bytes.count, "range outside the text")
        bytes.withUnsafeBufferPointer { lowercase($0, start, end, into: &out) }
    }

    static func lowercase(_ bytes: Bytes, _ start: Int, _ end: Int, into out: inout [UInt8]) {
        // Lower-casing never lengthens text (`lowered` gives at most the bytes it takes), so the
        // bytes are written in place into room made at once, ASCII by one test a byte.
        let n = end - start
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement(0, count: n))
        let written = out.withUnsafeMutableBufferPointer { o -> Int in
            var w = 0
            var i = start
            while i < end {
                let b = bytes[i]
                if b < 0x80 {
                    o[w] = b &- 65 < 26 ? b | 0x20 : b
                    w += 1
                    i += 1
                    continue
                }
                let (c, advance) = lowered(bytes, i, end)
                o[w] = c.0
                w += 1
                if c.2 == 2 {
                    o[w] = c.1
                    w += 1
                }
                i += advance
            }
            return w
        }
        out.removeLast(n - written)
    }

    /// The character at `i` lower-cased: ASCII, Latin-1 and Cyrillic capitals, and ’ as '. Returns its
    /// bytes (the second one only when the count is 2) and how many bytes of the input it took.
    @inline(__always)
    static func lowered(_ bytes: Bytes, _ i: Int, _ end: Int) -> ((UInt8, UInt8, Int), Int) {
        let b = bytes[i]
        if b >= 65 && b <= 90 { return ((b + 32, 0, 1), 1) }
        if b == 0xD0, i + 1 < end {
            let c = bytes[i + 1]
            if c >= 0x90 && c <= 0x9F { return ((0xD0, c + 0x20, 2), 2) }        // А–П → а–п
            if c >= 0xA0 && c <= 0xAF { return ((0xD1, c - 0x20, 2), 2) }        // Р–Я → р–я
            if c == 0x81 { return ((0xD1, 0x91, 2), 2) }                          // Ё → ё
            return ((b, c, 2), 2)
        }
        if b == 0xC3, i + 1 < end, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9E, bytes[i + 1] != 0x97 {
            return ((0xC3, bytes[i + 1] + 0x20, 2), 2)
        }
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return ((0x27, 0, 1), 3) }  // ’ → '
        return ((b, 0, 1), 1)
    }
}
