/// How place names and words of text are compared: a 64-bit hash of a normalised form.
///
/// Latin words are lower-cased; Cyrillic words are lower-cased, `ё` folded to `е`, and reduced to
/// a stem by cutting a case ending (Москва, Москве, Москвой → москв), so Russian case forms of a
/// name meet its nominative without listing them. Everything runs on UTF-8 bytes.
enum NameKey {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// Folds one more byte into an FNV-1a hash.
    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    /// Endings a Russian place name may have in the nominative, cut to make its index stem
    /// (Москва → москв, Казань → казан, Нижний → нижн, Россия → росс); longest first.
    static let nominativeEndings: [[UInt8]] = [
        "ия", "ие", "ье", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "а", "я", "ь", "й", "о", "е", "ы", "и",
    ].map { Array($0.utf8) }

    /// Endings of the other cases (в Москве, Казанью, Нижнего, России, Чебоксарах).
    static let obliqueEndings: [[UInt8]] = [
        "ией", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими",
        "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ую", "юю", "ию", "ии", "ью", "ов", "ев",
        "ы", "и", "у", "ю", "е", "а", "я",
    ].map { Array($0.utf8) }

    /// Writes the lower-cased form of one word into `out` (cleared first): Latin and Cyrillic
    /// capitals folded, `ё` read as `е`. Returns whether the word is Cyrillic.
    @discardableResult
    static func normalise(_ word: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
        // The bytes are copied at once and folded in place (folding keeps every letter's length):
        // appended one by one, each paid for the array's checks, and a word took 400 instructions.
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: word)
        return out.withUnsafeMutableBufferPointer { o in
            var cyrillic = false
            let n = o.count
            var i = 0
            while i < n {
                let b = o[i]
                if b < 0x80 {
                    if b &- 65 < 26 { o[i] = b | 0x20 }
                    i += 1
                } else if (b == 0xD0 || b == 0xD1), i + 1 < n {
                    cyrillic = true
                    (o[i], o[i + 1]) = foldCyrillic(b, o[i + 1])
                    i += 2
                } else if b == 0xC3, i + 1 < n, o[i + 1] >= 0x80, o[i + 1] <= 0x9E, o[i + 1] != 0x97 {
                    o[i + 1] += 0x20          // Latin-1 capitals À–Þ → à–þ
                    i += 2
                } else {
                    i += 1
                }
            }
            return cyrillic
        }
    }

    /// A Cyrillic letter (lead byte D0 or D1, then `second`) lower-cased, `ё` read as `е`.
    @inline(__always)
    static func foldCyrillic(_ lead: UInt8, _ second: UInt8) -> (UInt8, UInt8) {
        let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(second & 0x3F)
        var lower = scalar
        if scalar >= 0x410, scalar <= 0x42F { lower = scalar + 0x20 }        // А-Я → а-я
        else if scalar >= 0x400, scalar <= 0x40F { lower = scalar + 0x50 }  // Ѐ-Џ → ѐ-џ
        if lower == 0x451 { lower = 0x435 }                                  // ё → е
        return (UInt8(0xC0 | (lower >> 6)), UInt8(0x80 | (lower & 0x3F)))
    }

    /// An ending as its bytes read as one number, the last byte lowest, and the mask of its length:
    /// a word's ending is tested with one comparison of the word's last bytes (`tail`), where a
    /// loop over each ending's array of bytes took 1,200 instructions a word.
    struct Ending {
        let value: UInt64
        let mask: UInt64
        let length: Int

        init(_ bytes: [UInt8]) {
            precondition(bytes.count <= 8, "an ending of at most eight bytes")
            value = bytes.reduce(0) { $0 << 8 | UInt64($1) }
            mask = bytes.count == 8 ? .max : (1 << UInt64(bytes.count * 8)) &- 1
            length = bytes.count
        }
    }
    static let nominativeCodes = nominativeEndings.map(Ending.init)
    static let obliqueCodes = obliqueEndings.map(Ending.init)

    /// The last eight bytes of a word as one number, the last byte lowest (zeros above a shorter word).
    @inline(__always)
    static func tail(_ word: [UInt8]) -> UInt64 {
        var t: UInt64 = 0
        for k in max(0, word.count - 8)..<word.count { t = t << 8 | UInt64(word[k]) }
        return t
    }

    /// The length of `word` without `ending` when it ends with it and two letters or more are
    /// left (four bytes), given the word's `tail`.
    @inline(__always)
    static func cut(_ count: Int, _ tail: UInt64, _ ending: Ending) -> Int? {
        let stem = count - ending.length
        return stem >= 4 && tail & ending.mask == ending.value ? stem : nil
    }

    /// The index form of a lower-cased word: a Cyrillic word loses its nominative ending.
    static func indexForm(_ word: inout [UInt8], cyrillic: Bool) {
        word.removeLast(word.count - nominativeLength(word, cyrillic: cyrillic))
    }

    /// The length of a lower-cased word's index form (see `indexForm`): without the first of
    /// `nominativeEndings` it ends with, two letters or more left.
    static func nominativeLength(_ word: [UInt8], cyrillic: Bool) -> Int {
        guard cyrillic else { return word.count }
        let t = tail(word)
        for ending in nominativeCodes {
            if let n = cut(word.count, t, ending) { return n }
        }
        return word.count
    }

    /// Every index form a lower-cased word of running text may have: itself as a nominative,
    /// and for Cyrillic words each stem left by cutting a case ending.
    /// Each form is a prefix of the word, so a form is its length: `forms` receives the lengths, in
    /// the order above, each once (the same length is the same form).
    static func textForms(_ word: [UInt8], cyrillic: Bool, into forms: inout [Int]) {
        forms.removeAll(keepingCapacity: true)
        forms.append(nominativeLength(word, cyrillic: cyrillic))
        guard cyrillic else { return }
        let t = tail(word)
        for ending in obliqueCodes {
            if let n = cut(word.count, t, ending), !forms.contains(n) { forms.append(n) }
        }
    }

    /// The index hash of a name: its words in index form, joined by one space.
    static func hash(ofName name: String) -> UInt64 {
        var hash = offset
        var buffer: [UInt8] = []
        var first = true
        for word in words(of: Array(name.utf8)) {
            let cyrillic = normalise(word, into: &buffer)
            indexForm(&buffer, cyrillic: cyrillic)
            if !first { hash = mix(hash, 0x20) }
            for b in buffer { hash = mix(hash, b) }
            first = false
        }
        return hash
    }

    /// The index hash of one word of running text (a run of letters, as `words(of:)` splits
    /// them): what `hash(ofName:)` gives for that word alone, without building a `String`.
    static func hash(ofWord word: ArraySlice<UInt8>, buffer: inout [UInt8]) -> UInt64 {
        let cyrillic = normalise(word, into: &buffer)
        indexForm(&buffer, cyrillic: cyrillic)
        var hash = offset
        for b in buffer { hash = mix(hash, b) }
        return hash
    }

    /// Extends each hash with a space (unless it is the first word) and each form of the next word.
    /// The forms are prefixes of `word` given by their lengths (`textForms`); the result goes to
    /// `out` (emptied first), so a caller swaps two buffers instead of making an array per word.
    static func extend(_ hashes: [UInt64], first: Bool, word: [UInt8], forms: [Int], into out: inout [UInt64], limit: Int = 32) {
        out.removeAll(keepingCapacity: true)
        for h in hashes {
            let base = first ? h : mix(h, 0x20)
            for length in forms {
                var x = base
                for k in 0..<length { x = mix(x, word[k]) }
                if !out.contains(x) { out.append(x) }
                if out.count == limit { return }
            }
        }
    }

    /// `extend(_:first:with:)` for a word with one form, in place: each hash extended with a
    /// space (unless it is the first word) and the form, repeats dropped.
    static func extend(_ hashes: inout [UInt64], first: Bool, with form: [UInt8]) {
        var kept = 0
        for j in hashes.indices {
            var x = first ? hashes[j] : mix(hashes[j], 0x20)
            for b in form { x = mix(x, b) }
            if !hashes[0..<kept].contains(x) {
                hashes[kept] = x
                kept += 1
            }
        }
        hashes.removeLast(hashes.count - kept)
    }

    /// `extend(_:first:with:)` for a word of `bytes` that is all ASCII, lower-cased as it is
    /// hashed: no copy of the word is normalised first. False, the hashes as they were, for a word
    /// with any other byte.
    static func extendASCII(_ hashes: inout [UInt64], first: Bool, _ bytes: [UInt8], _ word: Range<Int>) -> Bool {
        precondition(word.lowerBound >= 0 && word.upperBound <= bytes.count, "word outside the text")
        return bytes.withUnsafeBufferPointer { b in
            for j in word where b[j] >= 0x80 { return false }
            @inline(__always) func extended(_ h: UInt64) -> UInt64 {
                var x = first ? h : mix(h, 0x20)
                for j in word {
                    let c = b[j]
                    x = mix(x, c &- 65 < 26 ? c | 0x20 : c)
                }
                return x
            }
            // (One hash, the common case, needs no test for repeats.)
            if hashes.count == 1 {
                hashes[0] = extended(hashes[0])
                return true
            }
            var kept = 0
            for k in hashes.indices {
                let x = extended(hashes[k])
                if !hashes[0..<kept].contains(x) {
                    hashes[kept] = x
                    kept += 1
                }
            }
            if kept < hashes.count { hashes.removeLast(hashes.count - kept) }
            return true
        }
    }

    /// The words of a name or text: runs of letters and digits. Spaces, punctuation, hyphens,
    /// periods and apostrophes separate words.
    static func words(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var i = 0
        while i < bytes.count {
            let width = WordBytes.letterWidth(bytes, i)
            if width == 0 {
                i += max(1, WordBytes.sequenceLength(bytes[i]))
                continue
            }
            let start = i
            while i < bytes.count {
                let w = WordBytes.letterWidth(bytes, i)
                if w == 0 { break }
                i += w
            }
            result.append(bytes[start..<i])
        }
        return result
    }
}

/// Which bytes make up words.
enum WordBytes {
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The byte length of the letter or digit at `i`, or 0 when it is not one (space,
    /// punctuation, symbols, the General Punctuation block, Latin-1 signs).
    @inline(__always)
    static func letterWidth(_ bytes: [UInt8], _ i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 {
            return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) ? 1 : 0
        }
        let n = sequenceLength(b)
        guard i + n <= bytes.count, b >= 0xC2 else { return 0 }
        if b == 0xC2 { return 0 }                                   // U+0080–U+00BF: NBSP, «, », ·, ©…
        if b == 0xC3, bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7 { return 0 }  // × ÷
        if b == 0xE2 { return 0 }                                   // U+2000–U+2FFF: dashes, quotes, …, №
        if b == 0xE3, bytes[i + 1] == 0x80 { return 0 }             // CJK punctuation
        if b == 0xEF, bytes[i + 1] == 0xBB || bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBF { return 0 }  // BOM, fullwidth, U+FFFD
        return n
    }

    /// `letterWidth`, answered without its general tests for the commonest bytes of news text:
    /// ASCII, and the two-byte Cyrillic letters (leads 0xD0 and 0xD1).
    @inline(__always)
    static func width(_ bytes: [UInt8], _ i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return b &- 48 < 10 || (b | 0x20) &- 97 < 26 ? 1 : 0 }
        if (b == 0xD0 || b == 0xD1), i + 2 <= bytes.count { return 2 }
        return letterWidth(bytes, i)
    }

    /// The words of a text as the mention scan reads them: runs of letters and digits (`width`),
    /// each a byte range, written into `words` (emptied first). Room for every word is made at
    /// once (a word and the byte after it take two bytes or more): growing the array word by
    /// word was a fifth of the scan's time.
    static func words(_ bytes: [UInt8], into words: inout [Range<Int>]) {
        let n = bytes.count
        words.removeAll(keepingCapacity: true)
        words.reserveCapacity(n / 2 + 1)
        let table = byteWidths
        bytes.withUnsafeBufferPointer { b in
            table.withUnsafeBufferPointer { widths in
                // `width` from the table: ASCII and Cyrillic answered by one load, the rest by `width`.
                @inline(__always) func at(_ i: Int) -> Int {
                    let w = widths[Int(b[i])]
                    if w < 2 { return Int(w) }
                    return width(bytes, i)
                }
                var i = 0
                while i < n {
                    var w = at(i)
                    if w == 0 {
                        i += sequenceLength(b[i])
                        continue
                    }
                    let start = i
                    repeat {
                        i += w
                        w = i < n ? at(i) : 0
                    } while w > 0
                    words.append(start..<i)
                }
            }
        }
    }

    /// For each byte that starts a character: 1 for an ASCII letter or digit, 0 for any other
    /// ASCII byte, 2 where `width` must answer (a lead byte, whose letter it judges). A load
    /// instead of the tests `width` makes of ASCII, which branched unpredictably in running text.
    static let byteWidths: [UInt8] = (0..<256).map { b in
        b >= 0x80 ? 2 : (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) ? 1 : 0
    }

    /// Whether the word starting at `i` starts with a capital letter (Latin, Latin-1 or Cyrillic).
    @inline(__always)
    static func isCapital(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        if b >= 65 && b <= 90 { return true }
        guard i + 1 < bytes.count else { return false }
        let c = bytes[i + 1]
        if b == 0xD0 { return (c >= 0x80 && c <= 0xAF) }            // Ѐ–Я
        if b == 0xC3 { return c >= 0x80 && c <= 0x9E && c != 0x97 }  // À–Þ
        if b == 0xC4 || b == 0xC5 { return c & 1 == 0 }             // Latin Extended-A capitals are even
        return false
    }
}
