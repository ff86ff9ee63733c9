/// A read-only hash table keyed by `Token.key` values.
///
/// The keys are already FNV-1a hashes, so the table uses them as they are instead of hashing
/// them again with `Hasher` (SipHash), which a profile of extraction showed to cost more than
/// the lookups themselves. Open addressing, linear probing, at most a quarter full: most lookups
/// are of words a table does not hold, and at half full such a miss walked two or three slots
/// (a quarter full read 4% faster on eval/dev). A slot holds its key and its value side by side,
/// so a lookup that finds its key reads one cache line, not two.
public struct KeyTable<Value: Sendable>: Sendable {
    @usableFromInline struct Slot: Sendable {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Value?
    }
    @usableFromInline var slots: ContiguousArray<Slot>
    @usableFromInline let mask: Int

    /// A table with the given entries (later duplicates replace earlier ones), at least
    /// `slotsPerEntry` slots for each: 4 by default; 2 where a `KeyFilter` turns away the misses
    /// first and the table's size is what counts (the gazetteer's hundred thousand names).
    public init(_ entries: [(UInt64, Value)], slotsPerEntry: Int = 4) {
        var capacity = 8
        while capacity < entries.count * max(2, slotsPerEntry) { capacity <<= 1 }
        slots = ContiguousArray(repeating: Slot(key: 0, value: nil), count: capacity)
        mask = capacity - 1
        for (key, value) in entries { insert(key, value) }
    }

    /// A table from a dictionary.
    public init(_ dictionary: [UInt64: Value], slotsPerEntry: Int = 4) {
        self.init(dictionary.map { ($0.key, $0.value) }, slotsPerEntry: slotsPerEntry)
    }

    /// Zero marks an empty slot, so a real zero key is stored as one.
    @inlinable
    static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// Where a stored key's probe starts.
    @inlinable
    static func home(_ k: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: k ^ (k >> 29)) & mask }

    private mutating func insert(_ key: UInt64, _ value: Value) {
        let k = Self.stored(key)
        var i = Self.home(k, mask)
        while slots[i].key != 0 && slots[i].key != k { i = (i + 1) & mask }
        slots[i] = Slot(key: k, value: value)
    }

    /// Whether some value is stored for `key`.
    @inlinable
    public func contains(_ key: UInt64) -> Bool {
        let k = Self.stored(key)
        return slots.withUnsafeBufferPointer { s in
            var i = Self.home(k, mask)
            while true {
                let found = s[i].key
                if found == k { return true }
                if found == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// The value stored for `key`, if any.
    @inlinable
    public subscript(key: UInt64) -> Value? {
        let k = Self.stored(key)
        return slots.withUnsafeBufferPointer { s in
            var i = Self.home(k, mask)
            while true {
                let found = s[i].key
                if found == k { return s[i].value }
                if found == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }
}

/// A set of `Token.key`-style hashes as bits, asked before a large `KeyTable`: a clear bit says
/// "not there" from a table small enough to stay in the processor's cache (2^bits bits), where the
/// table itself (the gazetteer's 116,000 names) is megabytes and each lookup of a word that is no
/// name waited for memory. A set bit may be another key's; then the table answers.
public struct KeyFilter: Sendable {
    @usableFromInline let words: [UInt64]
    @usableFromInline let mask: UInt64

    /// A filter of 2^`bits` bits holding `keys`.
    public init(bits: Int, keys: some Sequence<UInt64>) {
        let size = 1 << max(6, bits)
        var words = [UInt64](repeating: 0, count: size / 64)
        let mask = UInt64(size - 1)
        for k in keys {
            let bit = Self.bit(k, mask)
            words[Int(bit >> 6)] |= 1 << (bit & 63)
        }
        self.words = words
        self.mask = mask
    }

    /// The key's bit: from its high bits, which `KeyTable` does not use to place it.
    @inlinable
    static func bit(_ key: UInt64, _ mask: UInt64) -> UInt64 { (key >> 37 ^ key >> 13) & mask }

    /// False when `key` is surely not in the set.
    @inlinable
    public func mayContain(_ key: UInt64) -> Bool {
        let bit = Self.bit(key, mask)
        return words.withUnsafeBufferPointer { $0[Int(bit >> 6)] } & (1 << (bit & 63)) != 0
    }
}

/// A fixed set of words asked about by the bytes of a word, without making a `String`: looked up
/// by `Token.key(of:)` and confirmed byte by byte (two words may share a key). For scans that
/// read raw text rather than tokens (the sentence splitter, the gazetteer's name scan).
public struct ByteWordSet: Sendable {
    @usableFromInline let table: KeyTable<[UInt8]>

    /// A set of these words, compared exactly as their UTF-8 bytes.
    public init(_ words: some Sequence<String>) {
        table = KeyTable(words.map { (Token.key(of: $0.utf8), Array($0.utf8)) })
    }

    /// Whether `word`'s bytes are one of the set's words.
    @inlinable
    public func contains(_ word: some Collection<UInt8>) -> Bool {
        guard let bytes = table[Token.key(of: word)] else { return false }
        return bytes.elementsEqual(word)
    }

    /// The set's word whose key (`Token.key(of:)`) is `key`, for a caller that confirms the match
    /// itself while it makes the bytes (lower-casing them, say).
    @inlinable
    public func word(forKey key: UInt64) -> [UInt8]? { table[key] }
}
