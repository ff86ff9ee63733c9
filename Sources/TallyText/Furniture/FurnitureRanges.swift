/// Finds page furniture in plain text — donation appeals, share prompts, comment threads — at
/// paragraph level, so that figures in them are never read as claims.
///
/// Text keeps its bytes (claims point into the original); this returns the byte ranges to skip.
public enum FurnitureRanges {
    /// Lines that start a comment thread or page footer: everything from there on is furniture.
    static let tailMarkers: [String] = [
        "show comments", "leave a reply", "leave a comment", "join the conversation", "comments (", "add comment",
        "post a comment", "comment moderation policy", "показать комментарии", "комментарии (", "оставить комментарий",
        "оставьте комментарий", "добавить комментарий", "обсуждение",
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

    /// For each byte value, the appeal markers that start with it.
    static let appealsByFirstByte: [[Int]] = {
        var buckets = Array(repeating: [Int](), count: 256)
        for (n, needle) in appealBytes.enumerated() { if let b = needle.first { buckets[Int(b)].append(n) } }
        return buckets
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
        appealPairs.withUnsafeBufferPointer { pairs in
            hay.withUnsafeBufferPointer { h in
                guard h.count >= 2 else { return false }
                for i in 0..<(h.count - 1) {
                    let pair = Int(h[i]) << 8 | Int(h[i + 1])
                    guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                    for n in appealsByFirstByte[Int(h[i])] {
                        let needle = appealBytes[n]
                        if i + needle.count <= h.count, h[i..<(i + needle.count)].elementsEqual(needle) { return true }
                    }
                }
                return false
            }
        }
    }

    /// Whether `needle` occurs in `hay` (both lower case bytes).
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, hay.count >= needle.count else { return false }
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

    /// Byte ranges of `bytes` that are furniture.
    public static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = 0
        var seenText = 0
        var line: [UInt8] = []
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
