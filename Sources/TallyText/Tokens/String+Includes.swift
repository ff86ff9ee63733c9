extension String {
    /// Whether the string holds `needle`, byte for byte. With Foundation imported, `contains`
    /// on strings is Foundation's locale-aware search, many times slower; lexicon words and
    /// source names here are compared as their UTF-8 bytes.
    public func includes(_ needle: String) -> Bool {
        var hay = self
        var pattern = needle
        return hay.withUTF8 { h in
            pattern.withUTF8 { n in
                guard n.count > 0 else { return true }
                guard h.count >= n.count else { return false }
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
