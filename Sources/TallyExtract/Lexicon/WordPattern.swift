import TallyText

/// One word of a lexicon phrase: exact ("held"), or a stem that takes any ending ("detain*").
struct WordPattern: Sendable, Hashable {
    // (What a match reads comes first, so that it lies in one cache line.)
    let key: UInt64
    /// `bytes` kept in the pattern itself, as a token keeps its text, when they fit (`fits`): a
    /// match compares them in place instead of reading the array's heap buffer. A word longer than
    /// a token keeps (`Token.Text.capacity`) is no token's kept text, so it matches none.
    /// (`bytes` stay for building the list: stem keys, a phrase's specificity.)
    let stored: Token.Text
    let isPrefix: Bool
    let fits: Bool
    let bytes: [UInt8]

    init(_ raw: Substring) {
        isPrefix = raw.count > 1 && raw.hasSuffix("*")
        bytes = Array((isPrefix ? raw.dropLast() : raw).utf8)
        key = Token.key(of: bytes)
        stored = Token.Text(bytes)
        fits = bytes.count <= Token.Text.capacity
    }

    @inline(__always)
    func matches(_ token: Token) -> Bool {
        guard fits else { return false }
        return isPrefix ? token.stored.hasPrefix(stored) : token.key == key && token.stored.same(as: stored)
    }
}

/// A phrase of a lexicon, matched against consecutive tokens; `value` is what it stands for.
struct Phrase<Value: Sendable>: Sendable {
    let words: [WordPattern]
    let value: Value

    init(_ text: String, _ value: Value) {
        // "где-то", "call-up" and "u.s." are three tokens or more: split marks off as words of their own.
        var parts: [Substring] = []
        for word in text.lowercased().split(separator: " ") {
            var rest = word[...]
            while let dash = rest.firstIndex(where: { $0 == "-" || $0 == "–" || $0 == "—" || $0 == "." }), rest.count > 1 {
                if dash > rest.startIndex { parts.append(rest[..<dash]) }
                parts.append(rest[dash...dash])
                rest = rest[rest.index(after: dash)...]
            }
            if !rest.isEmpty { parts.append(rest) }
        }
        words = parts.map(WordPattern.init)
        self.value = value
    }
}

/// Phrases indexed for matching at a position: longest first.
///
/// Phrases are bucketed by their first and by their last word (exact words by the word, stems
/// by their first two characters), so a match looks at a handful of phrases, not all of them.
struct PhraseList<Value: Sendable>: Sendable {
    private(set) var phrases: [Phrase<Value>]
    // Each table gives a range of `slots`: the indices of the phrases of one bucket, in order.
    // Ranges into one flat array, not an array per bucket, so a lookup retains nothing.
    private let byFirst: KeyTable<Range<Int>>
    private let byFirstStem: KeyTable<Range<Int>>
    private let byLast: KeyTable<Range<Int>>
    private let byLastStem: KeyTable<Range<Int>>
    private let slots: [Int]
    private let hasStems: Bool
    /// Every phrase's words end to end, phrase `k`'s at `patterns[starts[k]..<starts[k + 1]]`:
    /// a match reads them from one array instead of following each phrase to its own.
    private let patterns: [WordPattern]
    private let starts: [Int]
    /// This list's bit in its lexicon's `PhraseIndex` (0: not registered, every token is looked up).
    var bit: UInt64 = 0
    /// Phrase `k`'s gate: what its first two words ask of the tokens, read before the phrase is
    /// compared word by word. A bucket holds every phrase of a first word ("police said", "police
    /// told", …) or of a stem's first two letters, and most of those a match tried failed on the
    /// first word's other letters or on the second word (eval/dev: 300,000 of 370,000).
    private let gates: [Gate]
    private struct Gate: Sendable {
        /// The first word's first eight bytes and the mask of those it has, when it is a stem.
        var firstBytes: UInt64 = 0
        var firstMask: UInt64 = 0
        /// The second word's key, when it is an exact word.
        var secondKey: UInt64 = 0
        var hasSecond = false
    }

    init(_ items: [(String, Value)]) {
        // Longer phrases first; among equals, exact words before stems and longer stems before
        // shorter ones ("школьник*" before "школ*"), so the most specific reading wins.
        func specificity(_ p: Phrase<Value>) -> Int { p.words.reduce(0) { $0 + $1.bytes.count + ($1.isPrefix ? 0 : 1000) } }
        phrases = items.map { Phrase($0.0, $0.1) }.filter { !$0.words.isEmpty }.sorted {
            $0.words.count != $1.words.count ? $0.words.count > $1.words.count : specificity($0) > specificity($1)
        }
        var first: [UInt64: [Int]] = [:], firstStem: [UInt64: [Int]] = [:]
        var last: [UInt64: [Int]] = [:], lastStem: [UInt64: [Int]] = [:]
        for (i, p) in phrases.enumerated() {
            Self.add(i, p.words[0], &first, &firstStem)
            Self.add(i, p.words[p.words.count - 1], &last, &lastStem)
        }
        var slots: [Int] = []
        func flat(_ buckets: [UInt64: [Int]]) -> KeyTable<Range<Int>> {
            KeyTable(buckets.map { key, list in
                slots += list
                return (key, (slots.count - list.count)..<slots.count)
            })
        }
        byFirst = flat(first)
        byFirstStem = flat(firstStem)
        byLast = flat(last)
        byLastStem = flat(lastStem)
        self.slots = slots
        hasStems = !firstStem.isEmpty || !lastStem.isEmpty
        patterns = phrases.flatMap(\.words)
        starts = phrases.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.words.count) }
        gates = phrases.map { p in
            var gate = Gate()
            let first = p.words[0]
            if first.isPrefix, first.fits {
                let n = first.stored.count
                gate.firstBytes = first.stored.firstWord
                gate.firstMask = n >= 8 ? .max : (1 << UInt64(n * 8)) &- 1
            }
            if p.words.count >= 2, !p.words[1].isPrefix, p.words[1].fits {
                gate.secondKey = p.words[1].key
                gate.hasSecond = true
            }
            return gate
        }
    }

    /// Whether phrase `k` may start at token `i` by its gate: false only for a phrase that would
    /// not match there (a stem's bytes are a prefix of the token's; an exact word has its key).
    @inline(__always)
    private func opens(_ k: Int, _ tokens: [Token], at i: Int) -> Bool {
        let gate = gates[k]
        if (tokens[i].stored.firstWord ^ gate.firstBytes) & gate.firstMask != 0 { return false }
        return !gate.hasSecond || (i + 1 < tokens.count && tokens[i + 1].key == gate.secondKey)
    }

    /// Whether phrase `k` matches the tokens from `i`: each of its words the token in turn.
    @inline(__always)
    private func phrase(_ k: Int, matches tokens: [Token], at i: Int) -> Bool {
        let lo = starts[k], hi = starts[k + 1]
        guard i >= 0, i + (hi - lo) <= tokens.count else { return false }
        for j in lo..<hi where !patterns[j].matches(tokens[i + j - lo]) { return false }
        return true
    }

    /// The number of words of phrase `k`.
    @inline(__always)
    private func length(_ k: Int) -> Int { starts[k + 1] - starts[k] }

    init(_ words: [String], value: Value) { self.init(words.map { ($0, value) }) }

    private static func add(_ i: Int, _ w: WordPattern, _ exact: inout [UInt64: [Int]], _ stems: inout [UInt64: [Int]]) {
        if w.isPrefix { stems[Token.stemKey(of: w.bytes), default: []].append(i) } else { exact[w.key, default: []].append(i) }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// The number of words of the longest phrase (phrases are sorted longest first).
    var longestPhrase: Int { phrases.first?.words.count ?? 0 }

    /// Indices of phrases whose indexed word may match `token`, longest phrase first.
    /// The first phrase (in index order) among those whose indexed word may match `token` for
    /// which `found` holds: the exact word's bucket and the stem's, merged in order.
    @inline(__always)
    private func first(_ token: Token, _ exact: KeyTable<Range<Int>>, _ stems: KeyTable<Range<Int>>,
                       where found: (Int) -> Bool) -> Int? {
        let a = exact[token.key]
        let b = hasStems ? stems[token.stemKey] : nil
        switch (a, b) {
        case (nil, nil): return nil
        case (let x?, nil): return slots[x].first(where: found)
        case (nil, let y?): return slots[y].first(where: found)
        case (let x?, let y?):
            // Both buckets list phrases in index order, and a phrase is in one of them only:
            // walk them merged, without an array for the merge.
            var i = x.lowerBound, j = y.lowerBound
            while i < x.upperBound || j < y.upperBound {
                let k: Int
                if j == y.upperBound || (i < x.upperBound && slots[i] < slots[j]) {
                    k = slots[i]
                    i += 1
                } else {
                    k = slots[j]
                    j += 1
                }
                if found(k) { return k }
            }
            return nil
        }
    }

    /// Whether a phrase of the list may occur in a sentence whose tokens' `phraseStarts` together
    /// make `sentenceStarts` (what `Lexicon.annotate` returns): false means no phrase there, so a
    /// scan of the sentence can be skipped whole.
    @inline(__always)
    func mayOccur(in sentenceStarts: UInt64) -> Bool { bit == 0 || sentenceStarts & bit != 0 }

    /// Whether a phrase of the list may start at this token, by the phrase index's bit alone
    /// (true for a list without a bit): a cheap first question before `match`.
    @inline(__always)
    func mayStart(_ token: Token) -> Bool { bit == 0 || token.phraseStarts & bit != 0 }

    /// The longest phrase that starts at token `i`.
    func match(_ tokens: [Token], at i: Int) -> (length: Int, value: Value)? {
        guard i >= 0, i < tokens.count, mayStart(tokens[i]) else { return nil }
        guard let k = first(tokens[i], byFirst, byFirstStem, where: { opens($0, tokens, at: i) && phrase($0, matches: tokens, at: i) })
        else { return nil }
        return (length(k), phrases[k].value)
    }

    /// The longest phrase that ends just before token `i`.
    func match(_ tokens: [Token], endingBefore i: Int) -> (length: Int, value: Value)? {
        guard i >= 1, i <= tokens.count else { return nil }
        if tokens[i - 1].phraseEnds & bit == 0, bit != 0 { return nil }
        guard let k = first(tokens[i - 1], byLast, byLastStem, where: { phrase($0, matches: tokens, at: i - length($0)) })
        else { return nil }
        return (length(k), phrases[k].value)
    }

    /// Whether `matches(tokens, in: range)` has any: the first match ends the scan, and no array
    /// of matches is made.
    func occurs(in tokens: [Token], _ range: Range<Int>) -> Bool {
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, tokens.count)
        while i < end {
            if mayStart(tokens[i]), let m = match(tokens, at: i), i + m.length <= range.upperBound { return true }
            i += 1
        }
        return false
    }

    /// Every match in `tokens[range]`, left to right, not overlapping.
    func matches(_ tokens: [Token], in range: Range<Int>) -> [(start: Int, length: Int, value: Value)] {
        var found: [(start: Int, length: Int, value: Value)] = []
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, tokens.count)
        while i < end {
            // Most tokens start no phrase of the list: skip them by the bit before calling `match`.
            if !mayStart(tokens[i]) {
                i += 1
                continue
            }
            if let m = match(tokens, at: i), i + m.length <= range.upperBound {
                if found.isEmpty { found.reserveCapacity(4) }  // (not grown match by match)
                found.append((start: i, length: m.length, value: m.value))
                i += m.length
            } else {
                i += 1
            }
        }
        return found
    }
}
