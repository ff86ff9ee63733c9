/// A read-only hash table keyed by `Token.key` values.
///
/// The keys are already FNV-1a hashes, so the table uses them as they are instead of hashing
/// them again with `Hasher` (SipHash), which a profile of extraction showed to cost more than
/// the lookups themselves. Open addressing, linear probing, at most a quarter full: most lookups
/// are of words a table does not hold, and at half full such a miss walked two or three slots
/// (a quarter full read 4% faster on eval/dev). The keys lie in an array of their own, 8 bytes a
/// slot, apart from the values: a miss reads only keys, and the keys of a table of a few thousand
/// words stay in the processor's cache while the extraction moves from document to document.
public struct KeyTable<Value: Sendable>: Sendable {
    @usableFromInline var keys: ContiguousArray<UInt64>
    /// Where each slot's value is in `values` (meaningful where the slot's key is not zero).
    @usableFromInline var positions: ContiguousArray<UInt32>
    /// The values, one per distinct key, densely: a table a quarter full keeps a quarter of the
    /// memory a value in every slot would take, and the values of common words stay cached.
    @usableFromInline var values: ContiguousArray<Value>
    @usableFromInline let mask: Int

    /// A table with the given entries (later duplicates replace earlier ones), at least
    /// `slotsPerEntry` slots for each: 4 by default; 2 where a `KeyFilter` turns away the misses
    /// first and the table's size is what counts (the gazetteer's hundred thousand names).
    public init(_ entries: [(UInt64, Value)], slotsPerEntry: Int = 4) {
        var capacity = 8
        while capacity < entries.count * max(2, slotsPerEntry) { capacity <<= 1 }
        keys = ContiguousArray(repeating: 0, count: capacity)
        positions = ContiguousArray(repeating: 0, count: capacity)
        values = []
        values.reserveCapacity(entries.count)
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
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == k {
            values[Int(positions[i])] = value
        } else {
            keys[i] = k
            positions[i] = UInt32(values.count)
            values.append(value)
        }
    }

    /// The slot holding `key`, or nil.
    @inlinable
    func slot(_ key: UInt64) -> Int? {
        let k = Self.stored(key)
        return keys.withUnsafeBufferPointer { s in
            var i = Self.home(k, mask)
            while true {
                let found = s[i]
                if found == k { return i }
                if found == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether some value is stored for `key`.
    @inlinable
    public func contains(_ key: UInt64) -> Bool { slot(key) != nil }

    /// The value stored for `key`, if any.
    @inlinable
    public subscript(key: UInt64) -> Value? {
        guard let i = slot(key) else { return nil }
        let p = positions.withUnsafeBufferPointer { Int($0[i]) }
        return values.withUnsafeBufferPointer { $0[p] }
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
