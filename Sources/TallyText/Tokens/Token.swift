/// A word, number or punctuation mark of a text, with where it sits (UTF-8 byte offsets).
///
/// Every field is a plain value (the text is kept inline, see `Token.Text`), so a token is copied
/// as bytes: the finders copy tokens at every step, and a `String` field made each copy count a
/// reference and each drop release one.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// Letters (any script), with inner apostrophes ("doctors’", "O'Brien").
        case word
        /// Digits, with the separators of grouped or decimal numbers ("1,300", "1 300", "15,5").
        case number
        /// Anything else that is not white space, one character at a time.
        case punctuation
    }

    // Stored fields go widest first, so the one-byte ones share the last word: 112 bytes a token
    // instead of 128 (tokens are copied at every step of the finders).

    /// First byte of the token in the text.
    public var start: Int
    /// One past its last byte.
    public var end: Int
    /// Words in lower case; numbers and punctuation as written (see `Token.Text` for the length kept).
    public var text: String {
        get { stored.string }
        set {
            stored = Text(newValue.utf8)
            wordClasses = .max
        }
    }
    /// `text`'s bytes, inline.
    public var stored: Text
    /// A 64-bit hash of `text`'s UTF-8 bytes (see `Token.key(of:)`), for dictionary lookups.
    public var key: UInt64
    /// The key of `text`'s first two characters (see `Token.stemKey(of:)`), for stem lookups.
    public var stemKey: UInt64
    /// Bits of the phrase lists that have a phrase which may start at this token, set by the
    /// lexicon that reads it (all bits, "maybe every list", until then).
    public var phraseStarts: UInt64 = .max
    /// Bits of the phrase lists that have a phrase which may end at this token.
    public var phraseEnds: UInt64 = .max
    /// Bits of the word sets (`WordClasses`) that may hold this token's text, set by the lexicon
    /// that reads it (all bits, "maybe every set", until then).
    public var wordClasses: UInt64 = .max
    /// Whether the word class `bit` may hold this token (0: a set without a class, always maybe).
    @inlinable
    public func mayBeIn(_ bit: UInt64) -> Bool { bit == 0 || wordClasses & bit != 0 }
    public var kind: Kind
    /// Whether a word starts with a capital letter.
    public var capitalized: Bool
    /// Whether white space (or the start of the text) comes right before the token.
    public var spaceBefore: Bool
    /// Whether `text` is plain (see `Token.isPlainText(_:)`): then its bytes alone decide its
    /// equality with other plain text. Worked out once here instead of at every word-set lookup.
    public var plain: Bool

    public init(kind: Kind, start: Int, end: Int, text: String, capitalized: Bool = false, spaceBefore: Bool = true) {
        self.init(kind: kind, start: start, end: end, text: text, key: Token.key(of: text.utf8),
                  capitalized: capitalized, spaceBefore: spaceBefore)
    }

    /// A token whose `key` is already known (the hash of `text`'s bytes, see `Token.key(of:)`).
    @inlinable
    init(kind: Kind, start: Int, end: Int, text: String, key: UInt64, capitalized: Bool, spaceBefore: Bool) {
        self.init(kind: kind, start: start, end: end, text: text, key: key, stemKey: Token.stemKey(of: text.utf8),
                  plain: Token.isPlainText(text.utf8), capitalized: capitalized, spaceBefore: spaceBefore)
    }

    /// A token of the text `stored` whose keys are already worked out (`Token.KeyReader`).
    @inlinable
    init(kind: Kind, start: Int, end: Int, stored: Text, key: UInt64, stemKey: UInt64, plain: Bool, capitalized: Bool, spaceBefore: Bool) {
        self.kind = kind
        self.start = start
        self.end = end
        self.stored = stored
        self.capitalized = capitalized
        self.spaceBefore = spaceBefore
        self.key = key
        self.stemKey = stemKey
        self.plain = plain
    }

    @inlinable
    init(kind: Kind, start: Int, end: Int, text: String, key: UInt64, stemKey: UInt64, plain: Bool, capitalized: Bool, spaceBefore: Bool) {
        self.kind = kind
        self.start = start
        self.end = end
        self.stored = Text(text.utf8)
        self.capitalized = capitalized
        self.spaceBefore = spaceBefore
        self.key = key
        self.stemKey = stemKey
        self.plain = plain
    }

    /// FNV-1a over bytes: how words are looked up in lexicons.
    @inlinable
    public static func key(of bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Whether UTF-8 text holds only characters that are in Unicode normal form C and never
    /// combine with their neighbours: ASCII, U+0080–U+027F (Latin-1 and Latin Extended),
    /// U+0400–U+047F (Cyrillic) and U+2002–U+20BF (punctuation, currency). Two such texts are equal
    /// as Swift `String`s exactly when their bytes are, so byte comparison answers `==`.
    @inlinable
    public static func isPlainText(_ bytes: some Collection<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        while let b = it.next() {
            if b < 0x80 { continue }
            if b >= 0xC2 && b <= 0xC9 || b == 0xD0 || b == 0xD1 {
                guard let c = it.next(), c & 0xC0 == 0x80 else { return false }
                continue
            }
            if b == 0xE2 {
                guard let c = it.next(), let d = it.next(), d & 0xC0 == 0x80 else { return false }
                // U+2002–U+20BF: E2 80 82 … E2 82 BF (U+2000 and U+2001 decompose to other spaces).
                if c == 0x80, d >= 0x82 { continue }
                if c == 0x81 || c == 0x82 { continue }
                return false
            }
            return false
        }
        return true
    }

    /// `key(of:)`, `stemKey(of:)` and `isPlainText(_:)` of the same bytes, read one byte at a time,
    /// for a reader that makes the bytes as it goes (the tokenizer).
    public struct KeyReader: Sendable {
        @usableFromInline var key: UInt64 = 0xcbf2_9ce4_8422_2325
        @usableFromInline var stem: UInt64 = 0xcbf2_9ce4_8422_2325
        @usableFromInline var characters = 0
        @usableFromInline var plain = true
        /// Continuation bytes still owed to the last lead byte judged for plainness.
        @usableFromInline var pending = 0
        @usableFromInline var lead: UInt8 = 0
        @usableFromInline var second: UInt8 = 0

        @inlinable
        public init() {}

        @inlinable
        public mutating func add(_ b: UInt8) {
            key = (key ^ UInt64(b)) &* 0x100_0000_01b3
            if b & 0xC0 != 0x80 { characters += 1 }
            if characters <= 2 { stem = (stem ^ UInt64(b)) &* 0x100_0000_01b3 }
            guard plain else { return }
            // The test of `isPlainText`, one byte at a time.
            if pending > 0 {
                pending -= 1
                if lead == 0xE2 {
                    if pending == 1 { second = b; return }
                    if b & 0xC0 != 0x80 || !((second == 0x80 && b >= 0x82) || second == 0x81 || second == 0x82) { plain = false }
                } else if b & 0xC0 != 0x80 {
                    plain = false
                }
                return
            }
            if b < 0x80 { return }
            lead = b
            if b >= 0xC2 && b <= 0xC9 || b == 0xD0 || b == 0xD1 { pending = 1 } else if b == 0xE2 { pending = 2 } else { plain = false }
        }

        /// The keys of the bytes added so far.
        @inlinable
        public var keys: (key: UInt64, stemKey: UInt64, plain: Bool) { (key, stem, plain && pending == 0) }
    }

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

    /// Whether the token's kept text ends with the bytes of `suffix` ("'s", "’s"), read in place:
    /// `text.hasSuffix` made a `String` of the token at every question.
    @inlinable
    public func hasSuffix(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        return stored.withBytes { b in
            b.count >= n && b.suffix(n).elementsEqual(UnsafeBufferPointer(start: suffix.utf8Start, count: n))
        }
    }

    /// Whether the token is a word equal to `word` (lower case).
    @inlinable
    public func isWord(_ word: String) -> Bool { kind == .word && stored.equals(word.utf8) }

    /// Whether the token is the punctuation mark `mark`.
    @inlinable
    public func isPunctuation(_ mark: String) -> Bool { kind == .punctuation && stored.equals(mark.utf8) }

    /// Whether the token's text is `text`, compared by bytes without making a `String`. That is
    /// `text == ...` for the marks the rules ask about (",", "-", "«"…): no other character is
    /// canonically equivalent to them (unlike ";", which U+037E is), so equal strings have equal bytes.
    @inlinable
    public func hasText(_ text: StaticString) -> Bool {
        stored.equals(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

extension Token {
    /// A token's text kept in the token: up to `capacity` bytes of UTF-8, cut at a character, and
    /// their count. Words of news text are far shorter (a Russian word of 23 letters fills it);
    /// a longer run of letters or digits (a code, a glued string) keeps its first 47 bytes, while
    /// its `key` still hashes all of them, so it meets no lexicon word either way.
    public struct Text: Sendable, Hashable {
        @usableFromInline var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0, w4: UInt64 = 0, w5: UInt64 = 0

        /// Bytes kept; the last of the 48 holds the count.
        public static let capacity = 47

        public init(_ bytes: some Collection<UInt8>) {
            fill { raw in
                var n = 0
                for b in bytes {
                    if n < raw.count { raw[n] = b }
                    n += 1
                }
                return n
            }
        }

        /// An empty text.
        @inlinable
        public init() {}

        /// Sets the `index`th eight bytes (little-endian, as the text's bytes lie in memory); the
        /// sixth's top byte is the count's (`setCount`).
        @inline(__always)
        mutating func setWord(_ index: Int, _ word: UInt64) {
            switch index {
            case 0: w0 = word
            case 1: w1 = word
            case 2: w2 = word
            case 3: w3 = word
            case 4: w4 = word
            default: w5 = word & 0x00FF_FFFF_FFFF_FFFF | w5 & 0xFF00_0000_0000_0000
            }
        }

        /// Bytes kept into a `Text` as a reader makes them: gathered eight at a time in a register
        /// and stored a word at a time (stored one by one and read back as words, they stalled every
        /// token). Bytes past `capacity` are counted, not kept.
        struct Gatherer {
            var text = Text()
            var word: UInt64 = 0
            /// Bytes appended so far.
            var count = 0

            @inline(__always)
            mutating func append(_ b: UInt8) {
                if count < Text.capacity {
                    word |= UInt64(b) &<< UInt64((count & 7) &<< 3)
                    if count & 7 == 7 {
                        text.setWord(count >> 3, word)
                        word = 0
                    }
                }
                count &+= 1
            }

            /// The text of the bytes kept (the first `capacity` of them).
            @inline(__always)
            mutating func finish() -> Text {
                let kept = min(count, Text.capacity)
                if kept & 7 != 0 { text.setWord(kept >> 3, word) }
                text.setCount(kept)
                return text
            }
        }

        /// Sets the count of bytes kept (at most `capacity`) after `setWord` wrote them.
        @inline(__always)
        mutating func setCount(_ count: Int) { w5 = w5 & 0x00FF_FFFF_FFFF_FFFF | UInt64(count) << 56 }

        /// Lets `body` write the text's bytes into the `capacity` bytes kept (any beyond them it
        /// counts but does not write) and return how many it had; a text that did not fit is then
        /// cut at a character.
        @inlinable
        public mutating func fill(_ body: (UnsafeMutableRawBufferPointer) -> Int) {
            let n = withUnsafeMutableBytes(of: &self) { raw in
                let n = body(UnsafeMutableRawBufferPointer(rebasing: raw[0..<Self.capacity]))
                raw[Self.capacity] = UInt8(min(n, Self.capacity))
                return n
            }
            if n > Self.capacity { cutAtCharacter() }
        }

        /// After bytes did not fit: drops a last character whose continuation bytes did not fit.
        @usableFromInline
        mutating func cutAtCharacter() {
            withUnsafeMutableBytes(of: &self) { raw in
                var n = Int(raw[Self.capacity])
                var k = n
                while k > 0, raw[k - 1] & 0xC0 == 0x80 { k -= 1 }
                if k > 0, raw[k - 1] >= 0xC0 {
                    let lead = raw[k - 1]
                    let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    if n - (k - 1) < width {
                        for j in (k - 1)..<n { raw[j] = 0 }
                        n = k - 1
                    }
                }
                raw[Self.capacity] = UInt8(n)
            }
        }

        /// How many bytes are kept.
        @inlinable
        public var count: Int { Int(w5 >> 56) }

        /// The first eight kept bytes as a little-endian word, zero past the count: a quick first
        /// comparison for a caller that keeps another text's first word (`PhraseList`'s gates).
        @inlinable
        public var firstWord: UInt64 { w0 }

        /// The kept bytes.
        @inlinable
        public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try withUnsafeBytes(of: self) { raw in try body(UnsafeRawBufferPointer(rebasing: raw[0..<count])) }
        }

        /// The text as a `String`.
        public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

        /// Whether the kept bytes are exactly `other`.
        @inlinable
        public func equals(_ other: some Collection<UInt8>) -> Bool {
            guard other.count == count else { return false }
            return withBytes { $0.elementsEqual(other) }
        }

        /// Whether the kept bytes start with `prefix`.
        @inlinable
        public func starts(with prefix: some Collection<UInt8>) -> Bool {
            guard prefix.count <= count else { return false }
            return withBytes { $0.starts(with: prefix) }
        }

        /// Whether the kept bytes start with those kept in `prefix`: compared eight bytes at a
        /// time in the two values' own words, where `starts(with:)` reads a collection byte by byte
        /// (and a lexicon word's bytes from their own heap buffer, seldom in the cache).
        @inlinable
        public func hasPrefix(_ prefix: Text) -> Bool {
            let n = prefix.count
            guard n <= count else { return false }
            // (n < 48, so the last word compared never reaches the count's byte.)
            return Self.equal(w0, prefix.w0, n) && Self.equal(w1, prefix.w1, n - 8) && Self.equal(w2, prefix.w2, n - 16)
                && Self.equal(w3, prefix.w3, n - 24) && Self.equal(w4, prefix.w4, n - 32) && Self.equal(w5, prefix.w5, n - 40)
        }

        /// Whether the first `bytes` bytes of two words agree (all eight from 8 up; none below 1).
        /// The words are compared as values: read through pointers, both texts were first copied to
        /// memory at every question.
        @inline(__always) @usableFromInline
        static func equal(_ a: UInt64, _ b: UInt64, _ bytes: Int) -> Bool {
            if bytes <= 0 { return true }
            if bytes >= 8 { return a == b }
            return (a ^ b) & ((1 << UInt64(bytes * 8)) &- 1) == 0
        }

        /// Whether the kept bytes are exactly those kept in `other` (`hasPrefix` of the same count).
        /// Bytes past the count are zero in every text (`fill`, `cutAtCharacter` and the tokenizer
        /// leave them so) and the count is kept in the last word, so equal words are equal texts.
        @inlinable
        public func same(as other: Text) -> Bool {
            w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3 && w4 == other.w4 && w5 == other.w5
        }
    }
}
