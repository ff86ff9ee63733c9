/// Reads numbers from tokens: digits with their separators, number words with their case forms,
/// multipliers ("1.3 thousand", "20 тысяч", "полторы тысячи"), and ranges ("20-30 тысяч",
/// "between 200 and 300", "от 200 до 300").
public struct NumberReader: Sendable {
    public var vocabulary: NumberVocabulary
    /// True where a comma is the decimal mark (Russian "15,5"); a group of three digits after a
    /// comma or period is still read as thousands.
    public var decimalComma: Bool
    /// Word pairs around a range: ("between", "and"), ("от", "до").
    public var rangePairs: [(String, String)]
    /// Words or marks between the ends of a range: "-", "–", "to", "или".
    public var rangeJoiners: Set<String>

    // The vocabulary keyed by token hash: String lookups cost too much per token.
    let units: KeyTable<Double>
    let hundreds: KeyTable<Double>
    let multipliers: KeyTable<Double>
    let fractions: KeyTable<Double>
    let articles: KeyTable<Bool>
    let joiners: KeyTable<Bool>
    let joinerKeys: KeyTable<Bool>
    /// Every unit, hundred, multiplier and fraction word: `isNumberWord` in one lookup.
    @usableFromInline let numberWords: KeyTable<Bool>
    /// `numberWords` and `articles` together: `mayStart` in one lookup.
    @usableFromInline let starters: KeyTable<Bool>

    /// The word classes (`WordClasses`) of `numberWords` and `starters`, 0 without a registry.
    @usableFromInline let numberWordBit: UInt64
    @usableFromInline let starterBit: UInt64

    /// A reader of this vocabulary; with `classes`, its number words get word classes, so that a
    /// token its lexicon read answers `isNumberWord` and `mayStart` by a bit where it can.
    public init(vocabulary: NumberVocabulary, decimalComma: Bool, rangePairs: [(String, String)] = [], rangeJoiners: Set<String> = [],
                classes: WordClasses? = nil) {
        self.vocabulary = vocabulary
        self.decimalComma = decimalComma
        self.rangePairs = rangePairs
        self.rangeJoiners = rangeJoiners
        func keyed(_ d: [String: Double]) -> KeyTable<Double> {
            KeyTable(d.map { (Token.key(of: Array($0.key.utf8)), $0.value) })
        }
        units = keyed(vocabulary.units)
        hundreds = keyed(vocabulary.hundreds)
        multipliers = keyed(vocabulary.multipliers)
        fractions = keyed(vocabulary.fractions)
        func keySet(_ words: some Sequence<String>) -> KeyTable<Bool> { KeyTable(words.map { (Token.key(of: Array($0.utf8)), true) }) }
        articles = keySet(vocabulary.articles)
        joiners = keySet(vocabulary.joiners)
        joinerKeys = keySet(rangeJoiners)
        let words = [vocabulary.units, vocabulary.hundreds, vocabulary.multipliers, vocabulary.fractions].flatMap(\.keys)
        numberWords = keySet(words)
        starters = keySet(words + vocabulary.articles)
        numberWordBit = classes?.register(words) ?? 0
        starterBit = classes?.register(words + vocabulary.articles) ?? 0
    }

    /// Whether a token is a word that can be part of a number.
    @inlinable
    public func isNumberWord(_ token: Token) -> Bool {
        token.kind == .word && token.mayBeIn(numberWordBit) && numberWords.contains(token.key)
    }

    /// The multiplier a word stands for ("thousand" = 1000), if it is one.
    public func multiplier(_ token: Token) -> Double? { token.kind == .word ? multipliers[token.key] : nil }

    /// The value of a unit word ("nine", "девятерых"), if it is one.
    public func unit(_ token: Token) -> Double? { token.kind == .word ? units[token.key] : nil }

    /// Whether a number may start at this token: digits, a number word, or an article ("a
    /// thousand"). `read` returns nil at once for any other; asking this first, inlined, spares
    /// the call at the many tokens that are neither.
    @inlinable @inline(__always)
    public func mayStart(_ token: Token) -> Bool {
        token.kind == .number || (token.kind == .word && token.mayBeIn(starterBit) && starters.contains(token.key))
    }

    /// The number that starts at token `i`, with a range if one follows, or nil.
    public func read(_ tokens: [Token], at i: Int) -> NumberMention? {
        guard let low = readOne(tokens, at: i) else { return nil }
        let mention = NumberMention(value: low.value, firstToken: i, lastToken: low.last, digits: low.digits)
        let j = low.last + 1
        guard j + 1 < tokens.count else { return mention }
        // "20-30 тысяч", "200 to 300", "two or three"
        if joinerKeys.contains(tokens[j].key), let high = readOne(tokens, at: j + 1), !low.multiplied || high.multiplied,
           let range = Self.range(mention, low, high) {
            return range
        }
        // "between 200 and 300", "от 20 до 30 тысяч"
        if i > 0, rangePairs.contains(where: { Self.same(tokens[i - 1], $0.0) && Self.same(tokens[j], $0.1) }),
           let high = readOne(tokens, at: j + 1), let range = Self.range(mention, low, high) {
            return range
        }
        return mention
    }

    /// Whether a token's text is `text` (`token.text == text`), by their bytes when both are plain
    /// (`Token.isPlainText`): a `String` made of the token for each pair cost more than the rest
    /// of reading a number.
    @inline(__always)
    static func same(_ token: Token, _ text: String) -> Bool {
        token.plain && Token.isPlainText(text.utf8) ? token.stored.equals(text.utf8) : token.text == text
    }

    /// The mention as a range from `low` to `high`, the low end scaled like the high one
    /// ("20-30 тысяч" is 20,000–30,000); nil when the ends do not make a rising range.
    static func range(_ mention: NumberMention, _ low: Reading, _ high: Reading) -> NumberMention? {
        var lowValue = low.value
        if high.multiplied, !low.multiplied, let scale = high.scale, lowValue * scale <= high.value { lowValue *= scale }
        guard high.value > lowValue else { return nil }
        var range = mention
        range.value = lowValue
        range.valueHigh = high.value
        range.lastToken = high.last
        return range
    }

    struct Reading {
        var value: Double
        var last: Int
        var digits: Bool
        var multiplied: Bool
        var scale: Double?
    }

    func readOne(_ tokens: [Token], at i: Int) -> Reading? {
        // Most tokens are words that are no part of a number: one lookup says so, before the token
        // is copied and before the four lookups below.
        if tokens[i].kind == .word, !numberWords.contains(tokens[i].key), !articles.contains(tokens[i].key) { return nil }
        if tokens[i].kind == .punctuation { return nil }
        let t = tokens[i]
        if t.kind == .number {
            guard let v = t.stored.withBytes({ Self.parseDigits(bytes: $0, decimalComma: decimalComma) }) else { return nil }
            var reading = Reading(value: v, last: i, digits: true, multiplied: false, scale: nil)
            if i + 1 < tokens.count, let m = multiplier(tokens[i + 1]) {
                reading.value = v * m
                reading.last = i + 1
                reading.multiplied = true
                reading.scale = m
            }
            return reading.value < 1e12 ? reading : nil
        }
        var total = 0.0
        var current = 0.0
        var lastUnit = Double.infinity
        var consumed = false
        var last = i
        var scale: Double? = nil
        var k = i
        if articles.contains(t.key), k + 1 < tokens.count, multiplier(tokens[k + 1]) != nil {
            current = 1
            k += 1
        }
        while k < tokens.count {
            let token = tokens[k]
            if token.kind == .word, let u = units[token.key] {
                // "twenty five" / "twenty-five" add; "five six" does not.
                if consumed, !(lastUnit >= 20 && lastUnit.truncatingRemainder(dividingBy: 10) == 0 && u < 10) && !(lastUnit >= 100 && u < 100) { break }
                current += u
                lastUnit = u
            } else if token.kind == .word, let h = hundreds[token.key] {
                if consumed, current > 0 { break }
                current += h
                lastUnit = h
            } else if token.kind == .word, let f = fractions[token.key] {
                if consumed { break }
                current += f
                lastUnit = f
            } else if token.kind == .word, let m = multipliers[token.key] {
                if m == 100 || m == 12 || m == 10 {
                    current = (current == 0 ? 1 : current) * m
                    lastUnit = m
                } else {
                    total += (current == 0 ? 1 : current) * m
                    current = 0
                    lastUnit = m
                }
                scale = m
            } else if consumed, token.kind == .word, joiners.contains(token.key), k + 1 < tokens.count,
                      unit(tokens[k + 1]) != nil, lastUnit >= 100 {
                k += 1
                continue
            } else if consumed, token.kind == .punctuation, token.hasText("-"), !token.spaceBefore, k + 1 < tokens.count,
                      !tokens[k + 1].spaceBefore, let u = unit(tokens[k + 1]), u < 10, lastUnit >= 20 {
                k += 1
                continue
            } else {
                break
            }
            consumed = true
            last = k
            k += 1
        }
        guard consumed else { return nil }
        let value = total + current
        guard value > 0 || units[t.key] == 0 else { return nil }
        return Reading(value: value, last: last, digits: false, multiplied: scale != nil && scale! >= 1000, scale: scale)
    }

    /// The value of a digit token: "1,300", "1 300", "1.300" (thousands), "15,5" (a decimal comma
    /// where `decimalComma`), "1.3"; nil for dates and other dotted codes ("21.09.2022").
    public static func parseDigits(_ text: String, decimalComma: Bool) -> Double? {
        var text = text
        if let read = text.withUTF8({ groupedDigits(UnsafeRawBufferPointer($0), decimalComma: decimalComma) }) { return read }
        return parseDigitsByCharacters(text, decimalComma: decimalComma)
    }

    /// `parseDigits` of a text's UTF-8 bytes (a token's kept text), without making a `String`
    /// when `groupedDigits` can read them.
    static func parseDigits(bytes: UnsafeRawBufferPointer, decimalComma: Bool) -> Double? {
        if let read = groupedDigits(bytes, decimalComma: decimalComma) { return read }
        return parseDigitsByCharacters(String(decoding: bytes, as: UTF8.self), decimalComma: decimalComma)
    }

    /// `parseDigits` read from the bytes for the numbers of news text: at most 15 digits, alone or
    /// in up to eight groups split by commas, periods or single spaces (ASCII, no-break, thin…).
    /// Nil (the outer optional) for any other text, which `parseDigitsByCharacters` reads.
    /// The value is the one the characters give: the groups joined are the digits read as one
    /// integer, exact in a `Double` at 15 digits, and a decimal is that integer over a power of ten,
    /// one correctly rounded division (what `Double(String)` returns for the same digits).
    static func groupedDigits(_ bytes: UnsafeRawBufferPointer, decimalComma: Bool) -> Double?? {
        var total: UInt64 = 0       // every digit read so far, as one integer
        var digits = 0
        var width = 0               // digits of the group being read
        var firstWidth = 0
        var tailsOfThree = true     // every group after the first has three digits
        var kinds: UInt8 = 0        // bits of the separator kinds seen: 1 ",", 2 ".", 3 a space
        var firstKind: UInt8 = 0
        var separators = 0
        var lastKindBefore = false  // whether the last separator's kind came before it too
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                total = total * 10 + UInt64(b - 48)
                width += 1
                digits += 1
                guard digits <= 15 else { return nil }
                i += 1
                continue
            }
            let kind: UInt8
            var skip = 1
            if b == UInt8(ascii: ",") { kind = 1 }
            else if b == UInt8(ascii: ".") { kind = 2 }
            else if b == 0x20 { kind = 3 }
            else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { kind = 3; skip = 2 }
            else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x8B || bytes[i + 2] == 0xAF { kind = 3; skip = 3 }
            else { return nil }
            // A separator needs digits on both sides; at most seven of them.
            guard width > 0, separators < 7 else { return nil }
            if separators == 0 {
                firstKind = kind
                firstWidth = width
            } else if width != 3 {
                tailsOfThree = false
            }
            lastKindBefore = kinds & (1 << kind) != 0
            kinds |= 1 << kind
            separators += 1
            width = 0
            i += skip
        }
        guard width > 0 else { return nil }
        if separators == 0 { return Double(total) }  // plain digits ("500"), the common case
        tailsOfThree = tailsOfThree && width == 3 && firstWidth <= 3
        let all = Double(total)
        // The last group after the decimal mark: the digits over ten to its width.
        let decimal = Double(total) / Double((0..<width).reduce(UInt64(1)) { p, _ in p * 10 })
        if kinds == 1 << 3 { return tailsOfThree ? all : .some(nil) }
        if kinds.nonzeroBitCount > 1 {
            // "1,300.5": commas group, the period is the decimal mark (and the reverse in Russian).
            return lastKindBefore ? .some(nil) : decimal
        }
        if separators > 1 { return tailsOfThree ? all : .some(nil) }
        if tailsOfThree, firstKind == 1 || decimalComma { return all }
        return decimal
    }

    /// `parseDigits` by the text's characters: the reading `groupedDigits` gives for the numbers
    /// it reads, and the only one for the rest.
    static func parseDigitsByCharacters(_ text: String, decimalComma: Bool) -> Double? {
        // Plain digits ("500"), the common case, read byte by byte: the same value `Double` parses.
        if text.utf8.count <= 15 {
            var v: UInt64 = 0
            var plain = true
            for b in text.utf8 {
                guard b >= 48 && b <= 57 else { plain = false; break }
                v = v * 10 + UInt64(b - 48)
            }
            if plain, !text.isEmpty { return Double(v) }
        }
        var groups: [String] = []
        var separators: [Character] = []
        var current = ""
        for c in text {
            if c.isASCII, c.isNumber {
                current.append(c)
            } else {
                groups.append(current)
                current = ""
                separators.append(c == "," ? "," : c == "." ? "." : " ")
            }
        }
        groups.append(current)
        if separators.isEmpty { return Double(current) }
        let tailsOfThree = groups.dropFirst().allSatisfy { $0.count == 3 } && groups[0].count <= 3
        let kinds = Set(separators)
        if kinds == [" "] { return tailsOfThree ? Double(groups.joined()) : nil }
        if kinds.count > 1 {
            // "1,300.5": commas group, the period is the decimal mark (and the reverse in Russian).
            guard let last = separators.last, separators.dropLast().allSatisfy({ $0 != last }) else { return nil }
            let whole = groups.dropLast().joined()
            return Double(whole + "." + groups.last!)
        }
        let mark = separators[0]
        if separators.count > 1 {
            return tailsOfThree ? Double(groups.joined()) : nil
        }
        if tailsOfThree, mark == "," || decimalComma { return Double(groups.joined()) }
        if mark == "," && !decimalComma && groups[1].count != 3 { return Double(groups[0] + "." + groups[1]) }
        return Double(groups[0] + "." + groups[1])
    }
}
