/// Splits text into sentences: at line breaks (headlines, paragraphs and list items stand alone)
/// and after `.`, `!`, `?` or `…` when a capital, digit, quote or dash starts what follows and
/// the word before the stop is not a known abbreviation or an initial.
public enum SentenceSplitter {
    /// Abbreviations after which a period does not end a sentence (lower case, no period).
    public static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gov", "gen", "sen", "rep", "col", "lt", "sgt", "capt", "prof", "jr", "sr",
        "inc", "co", "corp", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "approx", "est", "dept", "ave", "blvd", "mt", "ft", "fig", "ref", "rev", "hon",
        "pres", "supt", "insp", "det", "cpl", "pvt", "adm", "cmdr", "maj", "messrs", "op", "vol", "al",
        "г", "гг", "ул", "д", "им", "тыс", "млн", "млрд", "руб", "св", "пр", "т", "е", "см", "др", "ст", "ч", "п",
        "рис", "стр", "обл", "пос", "нас", "чел", "мин", "сек", "кв", "коп", "проф", "акад", "ген",
    ]

    /// Abbreviations of units that a lower-case word follows inside a sentence ("6,5 тыс. человек",
    /// "$2 mln in"): before a capital they end it ("в 6,5 тыс. В Северодвинске…").
    public static let unitAbbreviations: Set<String> = ["тыс", "млн", "млрд", "руб", "чел", "коп", "etc"]

    /// `unitAbbreviations`, asked by a word's bytes.
    static let unitWords = ByteWordSet(unitAbbreviations)

    /// `abbreviations`, asked at every period by the bytes of the word before it.
    static let abbreviationWords = ByteWordSet(abbreviations)

    /// Byte ranges of the sentences of `bytes`, trimmed of white space, in order.
    public static func sentences(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { sentences($0) }
    }

    /// The text's bytes as the loops read them; every index they read is below `bytes.count`.
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func sentences(_ bytes: Bytes) -> [Range<Int>] {
        var result: [Range<Int>] = []
        // (Room for a sentence per 64 bytes at once, which news text seldom passes, instead of
        // growing the array sentence by sentence; past 4,096 sentences it grows as usual.)
        result.reserveCapacity(min(bytes.count / 64 + 1, 4096))
        var start = 0
        var i = 0
        let n = bytes.count
        func close(_ end: Int) {
            var s = start, e = end
            while s < e, isSpace(bytes, s) { s += spaceWidth(bytes, s) }
            while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D || bytes[e - 1] == 0x0A { e -= 1 }
            while e > s + 1, bytes[e - 2] == 0xC2, bytes[e - 1] == 0xA0 { e -= 2 }
            if e > s { result.append(s..<e) }
        }
        while i < n {
            // Most bytes are none of a line break, a stop or the lead byte of "…": skip them eight at
            // a time, then in a tight loop.
            while i + 8 <= n, !mayBreak(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            while i < n, !mayBreak(bytes[i]) { i += 1 }
            guard i < n else { break }
            let b = bytes[i]
            if b == 0x0A {
                close(i)
                start = i + 1
                i += 1
                continue
            }
            var stopWidth = 0
            if b == 0x2E || b == 0x21 || b == 0x3F { stopWidth = 1 }
            else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA6 { stopWidth = 3 }  // …
            guard stopWidth > 0 else {
                i += 1
                continue
            }
            var j = i + stopWidth
            // Runs of stops ("?!", "...") and closing quotes or brackets stay with the sentence.
            while j < n {
                if bytes[j] == 0x2E || bytes[j] == 0x21 || bytes[j] == 0x3F || bytes[j] == 0x22 || bytes[j] == 0x27 || bytes[j] == 0x29 {
                    j += 1
                } else if j + 2 < n, bytes[j] == 0xE2, bytes[j + 1] == 0x80, bytes[j + 2] == 0x9D || bytes[j + 2] == 0x99 || bytes[j + 2] == 0xA6 {
                    j += 3  // ” ’ …
                } else if j + 1 < n, bytes[j] == 0xC2, bytes[j + 1] == 0xBB {
                    j += 2  // »
                } else {
                    break
                }
            }
            // A sentence ends only where white space follows and then something that can start one.
            var k = j
            var spaced = false
            while k < n, bytes[k] != 0x0A, isSpace(bytes, k) {
                k += spaceWidth(bytes, k)
                spaced = true
            }
            let endsHere = k >= n || bytes[k] == 0x0A
                || (spaced && startsSentence(bytes, k) && (!isAbbreviation(bytes, before: i) || isUnitBeforeCapital(bytes, stop: i, next: k)))
                || (!spaced && j == i + 1 && glued(bytes, stop: i) && !isAbbreviation(bytes, before: i))
            if endsHere && (b != 0x2E || !isDecimalPoint(bytes, i)) {
                close(j)
                start = j
            }
            i = j
        }
        close(n)
        return result
    }

    /// "…from bad to worse.According to investigators…": a page whose paragraphs lost the space
    /// between them. A stop right between a word of three lower-case letters or more and a
    /// capitalised word ("worse.According", "задержаны.По") ends a sentence; "St.Petersburg",
    /// "e.g.The", "3.5" and "example.com" do not.
    static func glued(_ bytes: Bytes, stop i: Int) -> Bool {
        let n = bytes.count
        let k = i + 1
        guard k + 1 < n, Tokenizer.isCapital(bytes, k, n) else { return false }
        // The capital's next character is a lower-case letter.
        let after = k + (bytes[k] < 0x80 ? 1 : 2)
        guard after < n, isLower(bytes, after) else { return false }
        // Three lower-case letters before the stop.
        var p = i
        for _ in 0..<3 {
            guard p > 0 else { return false }
            let q = bytes[p - 1] < 0x80 ? p - 1 : p - 2
            guard q >= 0, isLower(bytes, q) else { return false }
            p = q
        }
        return true
    }

    /// Whether a lower-case ASCII or Cyrillic letter starts at `i`.
    @inline(__always) static func isLower(_ bytes: Bytes, _ i: Int) -> Bool {
        let b = bytes[i]
        if b >= 97 && b <= 122 { return true }
        guard i + 1 < bytes.count else { return false }
        let c = bytes[i + 1]
        return (b == 0xD0 && c >= 0xB0 && c <= 0xBF) || (b == 0xD1 && (c >= 0x80 && c <= 0x8F))
    }

    /// Whether a byte may end a sentence or line: a line break, `.`, `!`, `?`, or 0xE2 (the lead byte of "…").
    @inline(__always) static func mayBreak(_ b: UInt8) -> Bool {
        // One bit per byte value below 64 (0x0A, 0x21, 0x2E, 0x3F), and 0xE2.
        b < 64 ? (0x8000_4002_0000_0400 as UInt64) >> UInt64(b) & 1 != 0 : b == 0xE2
    }

    /// Whether any of eight bytes (read as one word) `mayBreak`: each byte value tested in all
    /// eight places at once (a place equal to it becomes a zero byte, which the borrow finds).
    @inline(__always) static func mayBreak(_ word: UInt64) -> Bool {
        @inline(__always) func has(_ b: UInt8) -> UInt64 {
            let t = word ^ (0x0101_0101_0101_0101 &* UInt64(b))
            return (t &- 0x0101_0101_0101_0101) & ~t & 0x8080_8080_8080_8080
        }
        return has(0x0A) | has(0x21) | has(0x2E) | has(0x3F) | has(0xE2) != 0
    }

    @inline(__always) static func isSpace(_ bytes: Bytes, _ i: Int) -> Bool {
        let b = bytes[i]
        return b == 0x20 || b == 0x09 || b == 0x0D || (b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0)
    }

    @inline(__always) static func spaceWidth(_ bytes: Bytes, _ i: Int) -> Int { bytes[i] == 0xC2 ? 2 : 1 }

    static func isDecimalPoint(_ bytes: Bytes, _ i: Int) -> Bool {
        i > 0 && i + 1 < bytes.count && Tokenizer.isDigit(bytes[i - 1]) && Tokenizer.isDigit(bytes[i + 1])
    }

    /// Capital letters, digits, opening quotes, brackets and dashes can start a sentence.
    static func startsSentence(_ bytes: Bytes, _ k: Int) -> Bool {
        let b = bytes[k]
        if Tokenizer.isDigit(b) || b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B || b == 0x2D { return true }
        if Tokenizer.isCapital(bytes, k, bytes.count) { return true }
        if b == 0xC2, k + 1 < bytes.count, bytes[k + 1] == 0xAB { return true }                          // «
        if b == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, [0x9C, 0x98, 0x93, 0x94].contains(bytes[k + 2]) { return true }  // “ ‘ – —
        return false
    }

    /// Whether the word that ends just before `stop` is an abbreviation or a single capital (an initial).
    static func isAbbreviation(_ bytes: Bytes, before stop: Int) -> Bool {
        let s = wordStart(bytes, before: stop)
        guard s < stop else { return false }
        if isListedAbbreviation(bytes, s, stop) { return true }
        // A single capital letter: an initial ("Ales B. Smith") or part of "U.S.".
        return (stop - s == 1 || stop - s == 2 && bytes[s] >= 0x80) && Tokenizer.isCapital(bytes, s, bytes.count)
    }

    /// Where the word of letters that ends at `stop` starts (`stop` when a letter does not end there).
    static func wordStart(_ bytes: Bytes, before stop: Int) -> Int {
        var s = stop
        while s > 0 {
            let p = s - 1
            let b = bytes[p]
            if b >= 0x80 {
                // Step back over a whole multi-byte character if it is a letter.
                var q = p
                while q > 0, bytes[q] & 0xC0 == 0x80 { q -= 1 }
                guard Tokenizer.letterWidth(bytes, q, bytes.count) > 0 else { break }
                s = q
            } else if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) {
                s = p
            } else {
                break
            }
        }
        return s
    }

    /// Whether the word before the stop at `stop` is one of `unitAbbreviations` and a capital
    /// letter starts the word at `next`.
    static func isUnitBeforeCapital(_ bytes: Bytes, stop: Int, next: Int) -> Bool {
        guard Tokenizer.isCapital(bytes, next, bytes.count) else { return false }
        let s = wordStart(bytes, before: stop)
        return s < stop && unitWords.contains(UnsafeBufferPointer(rebasing: bytes[s..<stop]))
    }

    /// Whether the word `bytes[start..<end]`, lower-cased, is one of `abbreviations`.
    static func isListedAbbreviation(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        var key = Token.KeyReader()
        var i = start
        while i < end {
            let (c, advance) = Tokenizer.lowered(bytes, i, end)
            key.add(c.0)
            if c.2 == 2 { key.add(c.1) }
            i += advance
        }
        guard let known = abbreviationWords.word(forKey: key.keys.key) else { return false }
        // Confirm byte by byte (two words may share a key).
        var k = 0
        i = start
        while i < end {
            let (c, advance) = Tokenizer.lowered(bytes, i, end)
            guard k < known.count, known[k] == c.0 else { return false }
            k += 1
            if c.2 == 2 {
                guard k < known.count, known[k] == c.1 else { return false }
                k += 1
            }
            i += advance
        }
        return k == known.count
    }
}
