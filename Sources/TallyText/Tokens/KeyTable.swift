/// A read-only hash table keyed by `Token.key` values.
///
/// The keys are already FNV-1a hashes, so the table uses them as they are instead of hashing
/// them again with `Hasher` (SipHash), which a profile of extraction showed to cost more than
/// the lookups themselves. Open addressing, linear probing, at most half full.
public struct KeyTable<Value: Sendable>: Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value?]
    @usableFromInline let mask: Int

    /// A table with the given entries (later duplicates replace earlier ones).
    public init(_ entries: [(UInt64, Value)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (key, value) in entries { insert(key, value) }
    }

    /// A table from a dictionary.
    public init(_ dictionary: [UInt64: Value]) { self.init(dictionary.map { ($0.key, $0.value) }) }

    /// Zero marks an empty slot, so a real zero key is stored as one.
    @inlinable
    static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    private mutating func insert(_ key: UInt64, _ value: Value) {
        let k = Self.stored(key)
        var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        keys[i] = k
        values[i] = value
    }

    /// Whether some value is stored for `key`.
    @inlinable
    public func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// The value stored for `key`, if any.
    @inlinable
    public subscript(key: UInt64) -> Value? {
        let k = Self.stored(key)
        var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while true {
            let found = keys[i]
            if found == k { return values[i] }
            if found == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}
