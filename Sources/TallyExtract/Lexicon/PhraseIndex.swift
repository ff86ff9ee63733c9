import TallyText

/// Which of a lexicon's phrase lists have a phrase that may start or end at a token.
///
/// The finders ask about thirty lists at every token ("does a qualifier start here? a trigger?
/// a source verb?"), and each list answered with two lookups of its own. This index answers for
/// all of them with four lookups per token, made once when the sentence is read: each list gets
/// a bit, and a token carries the bits of the lists whose first (or last) word it may be, by the
/// same test the list's own buckets use (exact word, or a stem's first two characters). A list
/// whose bit is clear answers "no match" at once; one whose bit is set looks as before.
struct PhraseIndex: Sendable {
    private var startWords: [UInt64: UInt64] = [:]
    private var startStems: [UInt64: UInt64] = [:]
    private var endWords: [UInt64: UInt64] = [:]
    private var endStems: [UInt64: UInt64] = [:]
    /// Word key → (start bits, end bits, word classes), and stem key → the same: two lookups a token.
    private var tables: (words: KeyTable<Bits>, stems: KeyTable<Bits>) = (KeyTable([(UInt64, Bits)]()), KeyTable([(UInt64, Bits)]()))
    struct Bits: Sendable {
        var starts: UInt64 = 0
        var ends: UInt64 = 0
        /// The word sets that hold the word (`WordClasses`), in the word table only.
        var classes: UInt64 = 0
    }
    private var lists = 0
    /// Whether some stem starts with a mark or a digit: else only word tokens can start a stem
    /// ("detain*", "задерж*"), and numbers and marks skip the stem table.
    private var stemsOnMarks = false

    /// Gives `list` the next bit and records its phrases' first and last words. Past 64 lists
    /// a list stays unregistered (bit 0) and is looked up at every token, as before.
    mutating func add<Value>(_ list: PhraseList<Value>) -> PhraseList<Value> {
        guard lists < 64 else { return list }
        var list = list
        list.bit = 1 << UInt64(lists)
        lists += 1
        for p in list.phrases {
            Self.record(p.words[0], list.bit, &startWords, &startStems)
            Self.record(p.words[p.words.count - 1], list.bit, &endWords, &endStems)
            for w in [p.words[0], p.words[p.words.count - 1]] where w.isPrefix {
                if let b = w.bytes.first, b < 0x80, !(b | 0x20 >= 97 && b | 0x20 <= 122) { stemsOnMarks = true }
            }
        }
        return list
    }

    /// Builds the lookup tables once every list is added, with the word classes of the lexicon's
    /// word sets (word key → bits, `WordClasses.bitsByKey`); `annotate` reads only these.
    mutating func seal(classes: [UInt64: UInt64] = [:]) {
        func merged(_ starts: [UInt64: UInt64], _ ends: [UInt64: UInt64], _ classes: [UInt64: UInt64]) -> KeyTable<Bits> {
            var out: [UInt64: Bits] = [:]
            for (k, bits) in starts { out[k, default: Bits()].starts |= bits }
            for (k, bits) in ends { out[k, default: Bits()].ends |= bits }
            for (k, bits) in classes { out[k, default: Bits()].classes |= bits }
            return KeyTable(out)
        }
        tables = (merged(startWords, endWords, classes), merged(startStems, endStems, [:]))
    }

    private static func record(_ w: WordPattern, _ bit: UInt64, _ words: inout [UInt64: UInt64], _ stems: inout [UInt64: UInt64]) {
        if w.isPrefix { stems[Token.stemKey(of: w.bytes), default: 0] |= bit } else { words[w.key, default: 0] |= bit }
    }

    /// Sets every token's `phraseStarts` and `phraseEnds` to the bits of the registered lists, and
    /// its `wordClasses` to those of the word sets that hold its text (all of them, "ask the set",
    /// for text outside the plain ranges, which a set may hold in another Unicode form).
    /// Returns the bits of the lists that may start a phrase anywhere in the tokens: a list whose
    /// bit is clear there has no phrase in them (`PhraseList.mayOccur(in:)`).
    @discardableResult
    func annotate(_ tokens: inout [Token]) -> UInt64 {
        var all: UInt64 = 0
        for i in tokens.indices {
            let word = tables.words[tokens[i].key] ?? Bits()
            let stem = tokens[i].kind == .word || stemsOnMarks ? tables.stems[tokens[i].stemKey] ?? Bits() : Bits()
            tokens[i].phraseStarts = word.starts | stem.starts
            tokens[i].phraseEnds = word.ends | stem.ends
            tokens[i].wordClasses = tokens[i].plain ? word.classes : .max
            all |= tokens[i].phraseStarts
        }
        return all
    }
}
