/// Substring tests on UTF-8 bytes. With Foundation imported, `contains` on strings is Foundation's
/// locale-aware search, many times slower; lexicon words, source names and lower-cased lines are
/// compared here as their bytes.
public enum ByteSearch {
    /// Whether `needle` occurs in `hay`, byte for byte (an empty needle occurs everywhere).
    public static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard hay.count >= needle.count else { return false }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `needle`'s bytes occur in `hay`'s.
    public static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in contains(h, n) } }
    }
}

extension String {
    /// Whether the string holds `needle`, byte for byte (`ByteSearch`): no Unicode
    /// normalisation, no locale.
    public func includes(_ needle: String) -> Bool {
        var hay = self
        var pattern = needle
        return hay.withUTF8 { h in pattern.withUTF8 { n in ByteSearch.contains(h, n) } }
    }
}
