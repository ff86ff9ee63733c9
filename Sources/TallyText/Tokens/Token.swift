/// A word, number or punctuation mark of a text, with where it sits (UTF-8 byte offsets).
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// Letters (any script), with inner apostrophes ("doctors’", "O'Brien").
        case word
        /// Digits, with the separators of grouped or decimal numbers ("1,300", "1 300", "15,5").
        case number
        /// Anything else that is not white space, one character at a time.
        case punctuation
    }

    public var kind: Kind
    /// First byte of the token in the text.
    public var start: Int
    /// One past its last byte.
    public var end: Int
    /// Words in lower case; numbers and punctuation as written.
    public var text: String
    /// Whether a word starts with a capital letter.
    public var capitalized: Bool
    /// Whether white space (or the start of the text) comes right before the token.
    public var spaceBefore: Bool
    /// A 64-bit hash of `text`'s UTF-8 bytes (see `Token.key(of:)`), for dictionary lookups.
    public var key: UInt64

    public init(kind: Kind, start: Int, end: Int, text: String, capitalized: Bool = false, spaceBefore: Bool = true) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.capitalized = capitalized
        self.spaceBefore = spaceBefore
        self.key = Token.key(of: text.utf8)
    }

    /// FNV-1a over bytes: how words are looked up in lexicons.
    @inlinable
    public static func key(of bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The key of the first two characters: how word stems ("detain*") are bucketed.
    @inlinable
    public var stemKey: UInt64 { Token.stemKey(of: text.utf8) }

    /// The key of the first two characters of some UTF-8 bytes.
    @inlinable
    public static func stemKey(of bytes: some Collection<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var characters = 0
        for b in bytes {
            if b & 0xC0 != 0x80 {
                if characters == 2 { break }
                characters += 1
            }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h
    }

    /// Whether the token is a word equal to `word` (lower case).
    @inlinable
    public func isWord(_ word: String) -> Bool { kind == .word && text == word }

    /// Whether the token is the punctuation mark `mark`.
    @inlinable
    public func isPunctuation(_ mark: String) -> Bool { kind == .punctuation && text == mark }
}
