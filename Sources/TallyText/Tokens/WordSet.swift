/// A fixed set of words or marks, asked about tokens.
///
/// `Set<String>.contains(token.text)` hashes the token's text with SipHash, normalising
/// non-ASCII text, on every call; this looks the token's `key` (already an FNV-1a hash of its
/// bytes) up in a `KeyTable` instead. The answer is the `Set<String>`'s: text whose bytes differ
/// from every word can still equal one under Unicode canonical equivalence only when it holds
/// characters outside the common Latin, Cyrillic and punctuation ranges, and such text is asked
/// of the `Set<String>` itself.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline let table: KeyTable<[[UInt8]]>
    @usableFromInline let strings: Set<String>
    /// Whether every word is in normalisation-stable ranges (see `Token.isPlainText(_:)`).
    @usableFromInline let plainWords: Bool

    /// A set of these words (as tokens' `text`: words in lower case, marks as written).
    public init(_ words: some Sequence<String>) {
        strings = Set(words)
        var byKey: [UInt64: [[UInt8]]] = [:]
        for w in strings { byKey[Token.key(of: w.utf8), default: []].append(Array(w.utf8)) }
        table = KeyTable(byKey)
        plainWords = strings.allSatisfy { Token.isPlainText($0.utf8) }
    }

    public init(arrayLiteral words: String...) { self.init(words) }

    /// The words of the set.
    public var words: Set<String> { strings }

    /// Whether the token's text is one of the set's words (as `Set<String>.contains` decides).
    @inlinable
    public func contains(_ token: Token) -> Bool {
        if let words = table[token.key], words.contains(where: { token.stored.equals($0) }) { return true }
        if plainWords, token.plain { return false }
        return strings.contains(token.text)
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
        self.init(words)
    }
}
