import TallyText

/// Cyrillic country-adjective stems ("российск" → RU), matched as prefixes of a normalised word.
///
/// Every word of a Russian text is asked, so the stems are bucketed by their first four bytes (two
/// Cyrillic letters): a word is compared only with the stems that can be its prefix. The answer is
/// that of a scan of all stems in file order — the first stem that matches.
struct AdjectiveStems: Sendable {
    private struct Stem: Sendable {
        var order: Int
        var bytes: [UInt8]
        var country: String
    }
    private var buckets: [UInt32: [Stem]] = [:]
    /// `buckets` as one array of stems, bucket after bucket, and a table from a bucket's key to
    /// its range: a lookup neither hashes the key again nor retains a bucket's array.
    private var flat: [Stem] = []
    private var ranges = KeyTable<Range<Int>>([(UInt64, Range<Int>)]())
    /// Stems shorter than four bytes, tried for every word.
    private var short: [Stem] = []
    /// The first three letters of every stem, folded as `NameKey.foldCyrillic` folds them, as bits
    /// of a 16,384-bit set (`tripleBit`): "по", "на", "пр" start a stem and half of Russian words,
    /// three letters far fewer. Asked only when every stem has three Cyrillic letters or more.
    private var triples: [UInt64] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func add(_ stem: [UInt8], country: String) {
        let s = Stem(order: count, bytes: stem, country: country)
        count += 1
        if let key = Self.key(stem) { buckets[key, default: []].append(s) } else { short.append(s) }
    }

    /// Builds the lookup tables; call once every stem is added (a lookup reads only these).
    mutating func freeze() {
        var all: [Stem] = []
        ranges = KeyTable(buckets.map { key, list in
            all += list
            return (Self.tableKey(key), (all.count - list.count)..<all.count)
        })
        flat = all
        let keys = all.map { stem in Self.triple(stem.bytes.count) { stem.bytes[$0] } }
        if short.isEmpty, !keys.contains(nil) {
            triples = [UInt64](repeating: 0, count: 256)
            for key in keys {
                let bit = Self.tripleBit(key!)
                triples[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// The first three letters of a word of `count` bytes (its `k`th byte `byte(k)`), folded
    /// (`NameKey.foldCyrillic`), when they are Cyrillic.
    @inline(__always)
    private static func triple(_ count: Int, _ byte: (Int) -> UInt8) -> UInt64? {
        guard count >= 6 else { return nil }
        var key: UInt64 = 0
        for k in stride(from: 0, to: 6, by: 2) {
            guard byte(k) & 0xFE == 0xD0 else { return nil }
            let (a, b) = NameKey.foldCyrillic(byte(k), byte(k + 1))
            key = key << 16 | UInt64(a) << 8 | UInt64(b)
        }
        return key
    }

    private static func tripleBit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 50) }

    /// Whether some stem may start `word` (not yet normalised): false when its first two letters
    /// (or three, in a word of three or more) are Cyrillic and, normalised, begin no stem, so
    /// `country(ofWord:)` of the normalised word is nil. Most Russian words are asked, and this
    /// spares normalising them.
    func mayStart(_ word: ArraySlice<UInt8>) -> Bool {
        mayStart(word.count, { word[word.startIndex + $0] })
    }

    /// `mayStart` of the word at `range` of `bytes`, read in place (no slice of the text is made:
    /// the scan asks it of every lower-case Russian word).
    func mayStart(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        mayStart(range.count, { bytes[range.lowerBound + $0] })
    }

    /// `mayStart` of a word of `count` bytes, its `k`th byte `byte(k)`.
    @inline(__always)
    private func mayStart(_ count: Int, _ byte: (Int) -> UInt8) -> Bool {
        guard short.isEmpty, count >= 4, byte(0) & 0xFE == 0xD0, byte(2) & 0xFE == 0xD0 else { return true }
        let (a, b) = NameKey.foldCyrillic(byte(0), byte(1))
        let (c, d) = NameKey.foldCyrillic(byte(2), byte(3))
        guard ranges[Self.tableKey(Self.key(a, b, c, d))] != nil else { return false }
        // (A word of three letters or more that no stem's first three begin starts no stem.)
        guard !triples.isEmpty, let key = Self.triple(count, byte) else { return true }
        let bit = Self.tripleBit(key)
        return triples[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The country of the first stem (in the order added) that `word` starts with.
    func country(ofWord word: [UInt8]) -> String? {
        var best: Stem? = nil
        if let key = Self.key(word), let range = ranges[Self.tableKey(key)] {
            best = flat[range].first { word.starts(with: $0.bytes) }
        }
        for s in short where s.order < (best?.order ?? .max) && word.starts(with: s.bytes) {
            best = s
            break
        }
        return best?.country
    }

    private static func key(_ bytes: [UInt8]) -> UInt32? {
        guard bytes.count >= 4 else { return nil }
        return key(bytes[0], bytes[1], bytes[2], bytes[3])
    }

    /// A bucket's key as `ranges` holds it, its bits mixed: `KeyTable` places a key by its low
    /// bits, which for four Cyrillic bytes are nearly all the fourth byte's, and the stems' keys
    /// crowded into a few runs of slots that every lookup walked (200 instructions a word).
    private static func tableKey(_ key: UInt32) -> UInt64 { UInt64(key) &* 0x9E37_79B9_7F4A_7C15 }

    /// A bucket's key: a stem's or word's first four bytes.
    private static func key(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt32 {
        UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }
}
