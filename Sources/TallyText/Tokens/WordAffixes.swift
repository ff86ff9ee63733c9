/// A fixed list of word beginnings or endings ("задержан…", "…ly"), asked about tokens.
///
/// `token.text.hasSuffix(ending)` made a `String` of the token at every question. This compares
/// the token's kept bytes instead when both sides are plain text (`Token.isPlainText(_:)`), where
/// Swift's `hasPrefix`/`hasSuffix` (by characters, under canonical equivalence) and a byte
/// comparison agree; any other token is asked of its `String`, as before.
public struct WordAffixes: Sendable, ExpressibleByArrayLiteral {
    /// The affixes as written (in lower case, as tokens keep words).
    public let strings: [String]
    @usableFromInline let bytes: [[UInt8]]
    @usableFromInline let plain: Bool

    public init(_ affixes: [String]) {
        strings = affixes
        bytes = affixes.map { Array($0.utf8) }
        plain = affixes.allSatisfy { Token.isPlainText($0.utf8) }
    }

    public init(arrayLiteral affixes: String...) { self.init(affixes) }

    /// Whether the token's text ends with one of the affixes.
    @inlinable
    public func endsWord(_ token: Token) -> Bool {
        guard plain, token.plain else { return strings.contains { token.text.hasSuffix($0) } }
        return token.stored.withBytes { text in bytes.contains { text.count >= $0.count && text.reversed().starts(with: $0.reversed()) } }
    }

    /// Whether the token's text starts with one of the affixes.
    @inlinable
    public func startsWord(_ token: Token) -> Bool {
        guard plain, token.plain else { return strings.contains { token.text.hasPrefix($0) } }
        return bytes.contains { token.stored.starts(with: $0) }
    }
}

/// Affixes read from a JSON list of strings.
extension WordAffixes: Decodable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String].self))
    }
}
