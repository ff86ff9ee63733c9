import Synchronization

/// Gives the word sets of one lexicon a bit each as they are decoded, so that a token can carry
/// the sets its word may be in (`Token.wordClasses`), found with the one lookup the lexicon makes
/// for each token when it reads a sentence. A set whose bit the token lacks answers "no" without
/// a lookup of its own: the finders ask sixty sets about every few tokens, and those lookups were
/// a tenth of extraction.
///
/// Hand one registry to the decoder of a lexicon (`JSONDecoder.userInfo[WordClasses.key]`): every
/// `WordSet` it decodes is registered. Sets past the 64th share bits with earlier ones, which only
/// sends more words on to the set's own lookup.
public final class WordClasses: Sendable {
    /// Where a decoder's `userInfo` holds the registry.
    public static let key = CodingUserInfoKey(rawValue: "TallyText.WordClasses")!

    private let state = Mutex<(count: Int, bits: [UInt64: UInt64])>((0, [:]))

    public init() {}

    /// A bit for a set of these words (tokens' `text`), recorded against each word's key.
    public func register(_ words: some Sequence<String>) -> UInt64 {
        state.withLock { s in
            let bit: UInt64 = 1 << UInt64(s.count % 64)
            s.count += 1
            for w in words { s.bits[Token.key(of: w.utf8), default: 0] |= bit }
            return bit
        }
    }

    /// Word key → the bits of the registered sets that hold a word with that key.
    public var bitsByKey: [UInt64: UInt64] { state.withLock { $0.bits } }
}
