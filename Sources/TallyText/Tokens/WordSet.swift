/// A fixed set of words or marks, asked about tokens.
///
/// `Set<String>.contains(token.text)` hashes the token's text with SipHash, normalising
/// non-ASCII text, on every call; this looks the token's `key` (already an FNV-1a hash of its
/// bytes) up in a `KeyTable` instead. The answer is the `Set<String>`'s: text whose bytes differ
/// from every word can still equal one under Unicode canonical equivalence only when it holds
/// characters outside the common Latin, Cyrillic and punctuation ranges, and such text is asked
/// of the `Set<String>` itself.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    /// Key → the range in `texts` of the words with that key, each kept as a token keeps its
    /// text: a hit compares eight bytes at a time in place, where an array per key was retained
    /// and released at every hit.
    @usableFromInline let table: KeyTable<Range<Int>>
    @usableFromInline let texts: [Token.Text]
    @usableFromInline let strings: Set<String>
    /// Whether every word is in normalisation-stable ranges (see `Token.isPlainText(_:)`).
    @usableFromInline let plainWords: Bool
    /// The set's bit among its lexicon's word classes (`WordClasses`); 0 when it has none and
    /// every token is looked up.
    @usableFromInline let bit: UInt64

    /// A set of these words (as tokens' `text`: words in lower case, marks as written), registered
    /// with `classes` when it is given.
    public init(_ words: some Sequence<String>, classes: WordClasses? = nil) {
        strings = Set(words)
        bit = classes?.register(strings) ?? 0
        var byKey: [UInt64: [[UInt8]]] = [:]
        for w in strings.sorted() { byKey[Token.key(of: w.utf8), default: []].append(Array(w.utf8)) }
        var texts: [Token.Text] = []
        var ranges: [(UInt64, Range<Int>)] = []
        for (key, list) in byKey {
            let start = texts.count
            // (A word longer than a token keeps, `Token.Text.capacity`, is no token's kept text.)
            for w in list where w.count <= Token.Text.capacity { texts.append(Token.Text(w)) }
            ranges.append((key, start..<texts.count))
        }
        self.texts = texts
        table = KeyTable(ranges)
        plainWords = strings.allSatisfy { Token.isPlainText($0.utf8) }
    }

    public init(arrayLiteral words: String...) { self.init(words) }

    /// The words of the set.
    public var words: Set<String> { strings }

    /// Whether the token's text is one of the set's words (as `Set<String>.contains` decides).
    /// A token read by the set's lexicon without the set's bit is no word of it.
    @inlinable
    public func contains(_ token: Token) -> Bool {
        if !token.mayBeIn(bit) { return false }
        if let range = table[token.key], found(token, in: range) { return true }
        if plainWords, token.plain { return false }
        return strings.contains(token.text)
    }

    /// Whether one of the words of `texts[range]` is the token's kept text.
    @inlinable
    func found(_ token: Token, in range: Range<Int>) -> Bool {
        texts[range].contains { token.stored.same(as: $0) }
    }
}

/// A word set read from a JSON list of words. A token is one word, so an entry with a space could
/// never match: it is refused, with a message saying where phrases go.
extension WordSet: Decodable {
    public init(from decoder: any Decoder) throws {
        let words = try decoder.singleValueContainer().decode([String].self)
        if let phrase = words.first(where: { $0.contains(" ") }) {
            let path = decoder.codingPath.map(\.stringValue).joined(separator: ".")
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "\(path): '\(phrase)' has a space, but this list holds single words; put phrases in the lists that take them"))
        }
        self.init(words, classes: decoder.userInfo[WordClasses.key] as? WordClasses)
    }
}
