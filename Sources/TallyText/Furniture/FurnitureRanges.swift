#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The first four bytes of every appeal marker, hashed into a 16,384-bit set: most positions
    /// of a line start no marker, and one bit says so. (Two bytes were too few: a Cyrillic letter
    /// takes two, and "п" starts four Russian markers and a tenth of Russian words.)
    static let appealPrefixes: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 256)
        for needle in appealBytes where needle.count >= 4 {
            let bit = prefixBit(needle[0], needle[1], needle[2], needle[3])
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return bits
    }()

    /// A 4-byte prefix's place in `appealPrefixes`.
    @inline(__always)
    static func prefixBit(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Int {
        prefixBit(UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d))
    }

    /// The place of four bytes read as one big-endian number.
    @inline(__always)
    static func prefixBit(_ quad: UInt32) -> Int { Int(truncatingIfNeeded: (quad &* 0x9E37_79B1) >> 18) }

    /// Whether any appeal marker occurs in `hay` (lower case bytes): one pass over `hay`, trying
    /// only the markers that start with the bytes at hand. The same answer as asking `contains`
    /// of each marker.
    static func containsAppeal(_ hay: [UInt8]) -> Bool {
        // (Every marker has four bytes or more; a shorter one would need a test of its own.)
        let flat = appealFlat
        return appealPrefixes.withUnsafeBufferPointer { prefixes in
            flat.bytes.withUnsafeBufferPointer { needles in
                hay.withUnsafeBufferPointer { h in
                    guard h.count >= 4 else { return false }
                    // The four bytes at `i`, rolled on a byte at a time.
                    var quad = UInt32(h[0]) << 16 | UInt32(h[1]) << 8 | UInt32(h[2])
                    for i in 0...(h.count - 4) {
                        quad = quad << 8 | UInt32(h[i + 3])
                        let bit = prefixBit(quad)
                        guard prefixes[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
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

    /// Where the line starting at `start` ends: its line break, or the end of the text (memchr
    /// runs through a paragraph many bytes at a time; a loop of tests ran through it byte by byte).
    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, start < b.count,
                  let found = memchr(base + start, 0x0A, b.count - start) else { return b.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
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
            let lineEnd = lineEnd(bytes, from: lineStart)
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
