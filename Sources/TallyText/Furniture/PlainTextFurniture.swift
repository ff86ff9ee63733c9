/// Cuts page furniture out of plain text at paragraph level: donation appeals, share prompts,
/// "Show Comments" and the reader comments after it, "Leave a Reply" forms.
///
/// Text copied from a web page (or extracted from HTML) keeps these paragraphs, and their
/// numbers ("100s of our friends", "1,000 times less than…") must never be counted as claims.
/// Two rules: (1) a comment-section marker ends the article — it and everything after it go,
/// together with the appeal paragraphs just before it; (2) short paragraphs that are only a
/// prompt ("Support us and go ad-free", "Share this article") go wherever they are.
public enum PlainTextFurniture {
    /// `text` without furniture paragraphs; paragraphs are kept as they were, separated by blank lines.
    public static func removeFurniture(fromPlainText text: String) -> String {
        var paragraphs = split(text)
        guard !paragraphs.isEmpty else { return text }
        let lower = paragraphs.map { $0.lowercased() }
        // (1) Comment section: cut from its marker to the end, in the second half of the text.
        if let cut = lower.indices.first(where: { $0 > 0 && $0 * 3 >= lower.count && isCommentMarker(lower[$0]) }) {
            var start = cut
            // Appeal paragraphs right before the comments belong to the furniture too.
            var k = cut - 1
            var sinceAppeal = 0
            while k > 0, cut - k <= 8 {
                if isAppeal(lower[k]) { start = k; sinceAppeal = 0 } else { sinceAppeal += 1 }
                if sinceAppeal > 3 { break }
                k -= 1
            }
            paragraphs.removeSubrange(start...)
        } else if let appeal = lower.indices.last(where: { $0 > 0 && $0 * 2 >= lower.count && isAppealHeading(lower[$0]) }),
                  lower.count - appeal <= 8 {
            // A closing appeal with no comments after it.
            paragraphs.removeSubrange(appeal...)
        }
        paragraphs.removeAll { isPrompt($0.lowercased()) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// Paragraphs: runs of lines separated by blank lines, trimmed; single lines when the text
    /// has no blank lines at all.
    static func split(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters()
            if trimmed.isEmpty {
                if !current.isEmpty { out.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: "\n")) }
        return out
    }

    static let commentMarkers = [
        "show comments", "leave a reply", "leave a comment", "join the conversation", "post a comment",
        "add a comment", "view comments", "load comments", "comments are closed", "reader comments",
        "комментарии", "оставить комментарий", "добавить комментарий", "показать комментарии",
    ]

    static func isCommentMarker(_ p: String) -> Bool {
        guard p.count <= 60 else { return false }
        if commentMarkers.contains(where: { p.hasPrefix($0) }) { return true }
        // "12 comments", "Comments (3)"
        let words = p.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if words.count <= 3, words.contains(where: { $0 == "comments" || $0 == "comment" }),
           words.allSatisfy({ $0 == "comments" || $0 == "comment" || $0.allSatisfy(\.isNumber) }) { return true }
        return false
    }

    static let appealPhrases = [
        "support us", "donate", "donation", "your support", "ad-free", "become a member", "become a patron",
        "subscribe", "support our", "support independent", "chip in", "patreon", "make a contribution",
        "поддержите", "пожертвова", "подпишитесь", "донат",
    ]

    static func isAppeal(_ p: String) -> Bool { appealPhrases.contains { p.contains($0) } }

    /// A short appeal that opens a closing appeal block ("Support us and go ad-free").
    static func isAppealHeading(_ p: String) -> Bool { p.count <= 80 && isAppeal(p) }

    static let promptPhrases = [
        "support us", "share this", "share on", "share article", "click to share", "follow us",
        "sign up for", "subscribe to our", "advertisement", "read more:", "related:", "print this",
        "email this", "поделиться", "реклама", "читайте также",
    ]

    /// A short paragraph that is only a prompt.
    static func isPrompt(_ p: String) -> Bool {
        guard p.count <= 60 else { return false }
        if p == "advertisement" || p == "реклама" || p == "share" { return true }
        return promptPhrases.contains { p.hasPrefix($0) } || (p.count <= 40 && isAppeal(p))
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
