import TallyStore

/// A document's text as HTML with every claim's sentence in `<mark>` and its number in `<strong>`,
/// found by the claims' UTF-8 byte spans; an empty anchor `id="claim-N"` opens each claim's
/// sentence so a link can lead straight to it. Spans off a character boundary or past the end
/// (a damaged store) are moved to the nearest boundary inside the text, never trusted.
enum EvidenceHighlighter {
    static func html(text: String, claims: [StoredClaim]) -> String {
        let bytes = Array(text.utf8)
        let n = bytes.count
        func aligned(_ offset: Int, forward: Bool) -> Int {
            var x = min(max(0, offset), n)
            while x > 0, x < n, bytes[x] & 0xC0 == 0x80 { x += forward ? 1 : -1 }
            return x
        }
        func range(_ start: Int, _ end: Int) -> Range<Int>? {
            let s = aligned(start, forward: false), e = aligned(end, forward: true)
            return s < e ? s..<e : nil
        }
        let sentences = claims.compactMap { range($0.claim.span.start, $0.claim.span.end) }
        let numbers = claims.compactMap { range($0.claim.numberSpan.start, $0.claim.numberSpan.end) }
        var anchors: [Int: [Int]] = [:]
        for c in claims {
            anchors[aligned(c.claim.span.start, forward: false), default: []].append(c.id)
        }
        var cuts = Set([0, n])
        for r in sentences + numbers { cuts.insert(r.lowerBound); cuts.insert(r.upperBound) }
        for a in anchors.keys { cuts.insert(a) }
        let points = cuts.sorted()

        var out = ""
        out.reserveCapacity(n + claims.count * 64)
        var inMark = false, inStrong = false
        for (i, start) in points.enumerated() where start < n {
            let end = points[i + 1]
            let mark = sentences.contains { $0.lowerBound <= start && end <= $0.upperBound }
            let strong = numbers.contains { $0.lowerBound <= start && end <= $0.upperBound }
            if inStrong, !(strong && mark == inMark) { out += "</strong>"; inStrong = false }
            if inMark != mark {
                if inMark { out += "</mark>" }
                for id in anchors[start] ?? [] { out += "<span class=\"anchor\" id=\"claim-\(id)\"></span>" }
                if mark { out += "<mark>" }
                inMark = mark
            } else {
                for id in anchors[start] ?? [] { out += "<span class=\"anchor\" id=\"claim-\(id)\"></span>" }
            }
            if strong, !inStrong { out += "<strong>"; inStrong = true }
            out += HTMLText.escape(String(decoding: bytes[start..<end], as: UTF8.self))
        }
        if inStrong { out += "</strong>" }
        if inMark { out += "</mark>" }
        return out
    }
}
