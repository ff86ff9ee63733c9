/// Finds page furniture in plain text — donation appeals, share prompts, comment threads — at
/// paragraph level, so that figures in them are never read as claims.
///
/// Text keeps its bytes (claims point into the original); this returns the byte ranges to skip.
public enum FurnitureRanges {
    /// Lines that start a comment thread, a page footer or a list of other stories ("Most read"):
    /// everything from there on is furniture.
    static let tailMarkers: [String] = [
        "show comments", "leave a reply", "leave a comment", "join the conversation", "comments (", "add comment",
        "post a comment", "comment moderation policy", "показать комментарии", "комментарии (", "оставить комментарий",
        "оставьте комментарий", "добавить комментарий", "обсуждение", "most read", "most popular", "самое читаемое",
    ]

    /// Words that make a short paragraph an appeal, a share bar or a caption credit.
    static let appealMarkers: [String] = [
        "support us", "donate", "donation", "ad-free", "subscribe", "sign up for", "newsletter", "read on...",
        "featured image", "share this", "share on", "follow us", "become a member", "become a patron", "patreon",
        "click here", "advertisement", "cookie", "поддержите", "пожертвован", "подпишитесь", "подписаться",
        "поделиться", "реклама", "читайте также", "read more", "related:", "see also", "all rights reserved",
        "your support", "we need your support", "help us", "помогите нам",
    ]

    static let tailBytes = tailMarkers.map { Array($0.utf8) }
    static let appealBytes = appealMarkers.map { Array($0.utf8) }

    /// The appeal markers' bytes end to end, and where each starts (one more entry for the end),
    /// ordered by first byte; `appealBuckets[b]` is the range of markers starting with byte `b`.
    /// Flat, so the scan reads them without retaining an array per marker.
    static let appealFlat: (bytes: [UInt8], starts: [Int], buckets: [Range<Int>]) = {
        let sorted = appealBytes.enumerated().sorted { ($0.element.first ?? 0, $0.offset) < ($1.element.first ?? 0, $1.offset) }.map(\.element)
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var buckets = Array(repeating: 0..<0, count: 256)
        for (n, needle) in sorted.enumerated() {
            starts.append(bytes.count)
            bytes += needle
            if let b = needle.first {
                let r = buckets[Int(b)]
                buckets[Int(b)] = r.isEmpty ? n..<(n + 1) : r.lowerBound..<(n + 1)
            }
        }
        starts.append(bytes.count)
        return (bytes, starts, buckets)
    }()

    /// The first two bytes of every appeal marker, as bits of a 65,536-bit set: most positions of a
    /// line start no marker, and one bit says so (Cyrillic text shares its first byte with every
    /// Russian marker, so the first byte alone let too many through).
    static let appealPairs: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for needle in appealBytes where needle.count >= 2 {
            let pair = Int(needle[0]) << 8 | Int(needle[1])
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        return bits
    }()

    /// Whether any appeal marker occurs in `hay` (lower case bytes): one pass over `hay`, trying
    /// only the markers that start with the bytes at hand. The same answer as asking `contains`
    /// of each marker.
    static func containsAppeal(_ hay: [UInt8]) -> Bool {
        // (Every marker has two bytes or more; a shorter one would need the bucket alone.)
        let flat = appealFlat
        return appealPairs.withUnsafeBufferPointer { pairs in
            flat.bytes.withUnsafeBufferPointer { needles in
                hay.withUnsafeBufferPointer { h in
                    guard h.count >= 2 else { return false }
                    for i in 0..<(h.count - 1) {
                        let pair = Int(h[i]) << 8 | Int(h[i + 1])
                        guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                        for n in flat.buckets[Int(h[i])] {
                            let start = flat.starts[n], count = flat.starts[n + 1] - start
                            guard i + count <= h.count else { continue }
                            var k = 0
                            while k < count, h[i + k] == needles[start + k] { k += 1 }
                            if k == count { return true }
                        }
                    }
                    return false
                }
            }
        }
    }

    /// Byte ranges of `bytes` that are furniture.
    public static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = 0
        var seenText = 0
        var line: [UInt8] = []
        line.reserveCapacity(256)  // (the longest line read here, 240 bytes, at once)
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            // Only short lines can be furniture; long ones are article paragraphs.
            guard lineEnd - lineStart <= 240 else {
                seenText += lineEnd - lineStart
                lineStart = lineEnd + 1
                continue
            }
            Tokenizer.lowercase(bytes, lineStart, lineEnd, into: &line)
            // Drop leading white space and bullets.
            let lead = line.prefix { b in b == 0x20 || b == 0x09 || b == 0xC2 || b == 0xA0 || b == 0xE2 || b == 0x80 || b == 0xA2 }.count
            if lead > 0 { line.removeFirst(lead) }
            if seenText > 40, tailBytes.contains(where: { line.starts(with: $0) }) {
                result.append(lineStart..<bytes.count)
                return result
            }
            if !line.isEmpty, containsAppeal(line) {
                result.append(lineStart..<lineEnd)
            } else {
                seenText += lineEnd - lineStart
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}
