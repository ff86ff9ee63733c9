/// Finds page furniture in plain text — donation appeals, share prompts, comment threads — at
/// paragraph level, so that figures in them are never read as claims.
///
/// Text keeps its bytes (claims point into the original); this returns the byte ranges to skip.
public enum PlainTextFurniture {
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

    /// Byte ranges of `bytes` that are furniture.
    public static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = 0
        var seenText = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = Tokenizer.lowercased(bytes, lineStart, lineEnd)
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "•" || $0 == "\u{A0}" }
            if seenText > 40, tailMarkers.contains(where: { trimmed.hasPrefix($0) }) {
                result.append(lineStart..<bytes.count)
                return result
            }
            let words = trimmed.split(separator: " ").count
            if words > 0, words <= 60, appealMarkers.contains(where: { trimmed.contains($0) }) {
                result.append(lineStart..<lineEnd)
            } else {
                seenText += lineEnd - lineStart
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}
