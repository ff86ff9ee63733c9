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
    /// `text` as UTF-8 bytes: what lexicon lookups compare, without String's Unicode machinery.
    public var bytes: [UInt8]
    /// A 64-bit hash of `bytes` (see `Token.key(of:)`), for dictionary lookups.
    public var key: UInt64

    public init(kind: Kind, start: Int, end: Int, text: String, capitalized: Bool = false, spaceBefore: Bool = true) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.capitalized = capitalized
        self.spaceBefore = spaceBefore
        self.bytes = Array(text.utf8)
        self.key = Token.key(of: bytes)
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
    public var stemKey: UInt64 { Token.stemKey(of: bytes) }

    /// The key of the first two characters of `bytes`.
    @inlinable
    public static func stemKey(of bytes: [UInt8]) -> UInt64 {
        var end = 0
        var characters = 0
        while end < bytes.count, characters < 2 {
            let b = bytes[end]
            end += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            characters += 1
        }
        return key(of: bytes.prefix(min(end, bytes.count)))
    }

    /// Whether the token is a word equal to `word` (lower case).
    @inlinable
    public func isWord(_ word: String) -> Bool { kind == .word && text == word }

    /// Whether the token is the punctuation mark `mark`.
    @inlinable
    public func isPunctuation(_ mark: String) -> Bool { kind == .punctuation && text == mark }
}
