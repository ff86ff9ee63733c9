import TallyText

/// One word of a lexicon phrase: exact ("held"), or a stem that takes any ending ("detain*").
struct WordPattern: Sendable, Hashable {
    let text: String
    let isPrefix: Bool

    init(_ raw: Substring) {
        if raw.count > 1, raw.hasSuffix("*") {
            text = String(raw.dropLast())
            isPrefix = true
        } else {
            text = String(raw)
            isPrefix = false
        }
    }

    @inline(__always)
    func matches(_ token: Token) -> Bool {
        isPrefix ? token.text.hasPrefix(text) : token.text == text
    }
}

/// A phrase of a lexicon, matched against consecutive tokens; `value` is what it stands for.
struct Phrase<Value: Sendable>: Sendable {
    let words: [WordPattern]
    let value: Value

    init(_ text: String, _ value: Value) {
        // "где-то" and "call-up" are three tokens: split marks off as words of their own.
        var parts: [Substring] = []
        for word in text.lowercased().split(separator: " ") {
            var rest = word[...]
            while let dash = rest.firstIndex(where: { $0 == "-" || $0 == "–" || $0 == "—" }), rest.count > 1 {
                if dash > rest.startIndex { parts.append(rest[..<dash]) }
                parts.append(rest[dash...dash])
                rest = rest[rest.index(after: dash)...]
            }
            if !rest.isEmpty { parts.append(rest) }
        }
        words = parts.map(WordPattern.init)
        self.value = value
    }

    func matches(_ tokens: [Token], at i: Int) -> Bool {
        guard i >= 0, i + words.count <= tokens.count else { return false }
        for (k, w) in words.enumerated() where !w.matches(tokens[i + k]) { return false }
        return true
    }
}

/// Phrases indexed for matching at a position: longest first.
struct PhraseList<Value: Sendable>: Sendable {
    private(set) var phrases: [Phrase<Value>]

    init(_ items: [(String, Value)]) {
        phrases = items.map { Phrase($0.0, $0.1) }.filter { !$0.words.isEmpty }.sorted { $0.words.count > $1.words.count }
    }

    init(_ words: [String], value: Value) { self.init(words.map { ($0, value) }) }

    var isEmpty: Bool { phrases.isEmpty }

    /// The longest phrase that starts at token `i`.
    func match(_ tokens: [Token], at i: Int) -> (length: Int, value: Value)? {
        for p in phrases where p.matches(tokens, at: i) { return (p.words.count, p.value) }
        return nil
    }

    /// The longest phrase that ends just before token `i`.
    func match(_ tokens: [Token], endingBefore i: Int) -> (length: Int, value: Value)? {
        for p in phrases where p.matches(tokens, at: i - p.words.count) { return (p.words.count, p.value) }
        return nil
    }

    /// Every match in `tokens[range]`, left to right, not overlapping.
    func matches(_ tokens: [Token], in range: Range<Int>) -> [(start: Int, length: Int, value: Value)] {
        var found: [(Int, Int, Value)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = match(tokens, at: i), i + m.length <= range.upperBound {
                found.append((i, m.length, m.value))
                i += m.length
            } else {
                i += 1
            }
        }
        return found.map { (start: $0.0, length: $0.1, value: $0.2) }
    }
}
