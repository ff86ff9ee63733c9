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
        let paragraphs = split(text)
        guard !paragraphs.isEmpty else { return text }
        return removeFurniture(paragraphs: paragraphs).joined(separator: "\n\n")
    }

    /// The paragraphs that are not furniture, in order.
    static func removeFurniture(paragraphs input: [String]) -> [String] {
        var paragraphs = input
        let count = paragraphs.count
        // Markers and prompts are short: only short paragraphs are lower-cased and searched.
        func lowerIfShort(_ k: Int, _ limit: Int) -> String? {
            paragraphs[k].utf8.count <= limit * 2 ? paragraphs[k].lowercased() : nil
        }
        // (1) Comment section: cut from its marker to the end, in the last two thirds of the text.
        var cut: Int?
        if count > 1 {
            for k in max(1, (count + 2) / 3)..<count {
                if startsCommentSection(paragraphs[k]) { cut = k; break }
            }
        }
        // A "more stories" heading late in the text starts the site's lists, not the article's.
        if cut == nil, count > 3 {
            for k in max(1, (3 * count + 4) / 5)..<count {
                if let l = lowerIfShort(k, 40), isListHeading(l) { cut = k; break }
            }
        }
        if let cut {
            var start = cut
            // Appeal paragraphs right before the comments belong to the furniture too.
            var k = cut - 1
            var sinceAppeal = 0
            while k > 0, cut - k <= 8 {
                let lower = paragraphs[k].lowercased()
                if isAppeal(lower) {
                    start = k
                    sinceAppeal = 0
                    if isAppealHeading(lower) { break }  // the heading opens the appeal block
                } else {
                    sinceAppeal += 1
                }
                if sinceAppeal > 3 { break }
                k -= 1
            }
            paragraphs.removeSubrange(start...)
        } else if count > 1 {
            // A closing appeal with no comments after it: an appeal heading in the last 8 paragraphs.
            var appeal: Int?
            for k in stride(from: count - 1, through: max(1, count / 2, count - 8), by: -1) {
                if let l = lowerIfShort(k, 80), isAppealHeading(l) { appeal = k }
            }
            for k in stride(from: count - 1, through: max(1, (2 * count) / 3), by: -1) where isNamedAppeal(paragraphs[k]) {
                appeal = min(appeal ?? k, k)
            }
            if let appeal { paragraphs.removeSubrange(appeal...) }
        }
        // (2) Prompts, as whole paragraphs or as lines of one (a photo caption then a button).
        var out: [String] = []
        out.reserveCapacity(paragraphs.count)
        for p in paragraphs {
            if p.utf8.count <= 120, isPrompt(p.lowercased()) { continue }
            if p.utf8.count <= 400, isNotice(p.lowercased(), original: p) { continue }
            if p.utf8.contains(0x0A) {
                let lines = p.split(separator: "\n").filter { $0.utf8.count > 120 || !isPrompt($0.lowercased()) }
                if !lines.isEmpty { out.append(lines.joined(separator: "\n")) }
                continue
            }
            out.append(p)
        }
        return out
    }

    /// Paragraphs: runs of lines separated by blank lines, each line trimmed.
    static func split(_ text: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var lineStart = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B }
        func endLine(_ end: Int) {
            var a = lineStart, b = end
            while a < b, isSpace(bytes[a]) { a += 1 }
            while b > a, isSpace(bytes[b - 1]) { b -= 1 }
            // U+00A0 no-break spaces at the ends count as blank too.
            while a + 1 < b, bytes[a] == 0xC2, bytes[a + 1] == 0xA0 { a += 2 }
            if a == b {
                if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)); current.removeAll() }
            } else {
                if !current.isEmpty { current.append(0x0A) }
                current.append(contentsOf: bytes[a..<b])
            }
        }
        for (i, b) in bytes.enumerated() where b == 0x0A {
            endLine(i)
            lineStart = i + 1
        }
        endLine(bytes.count)
        if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)) }
        return out
    }

    static let commentMarkers = [
        "show comments", "leave a reply", "leave a comment", "join the conversation", "post a comment",
        "add a comment", "view comments", "load comments", "comments are closed", "reader comments",
        "комментарии", "оставить комментарий", "добавить комментарий", "показать комментарии",
    ]

    /// One of the first three lines of the paragraph is a comment-section marker
    /// ("• Show Comments" under a "Support us" button is one paragraph in copied text).
    static func startsCommentSection(_ paragraph: String) -> Bool {
        let bytes = paragraph.utf8
        var start = bytes.startIndex
        for _ in 0..<3 {
            guard start < bytes.endIndex else { return false }
            // Lines are found on bytes; long lines (prose) are skipped without building strings.
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            if bytes.distance(from: start, to: end) <= 120 {
                let line = paragraph[start..<end]
                let text = line.drop { !$0.isLetter && !$0.isNumber }
                if isCommentMarker(text.lowercased()) { return true }
            }
            guard end < bytes.endIndex else { return false }
            start = bytes.index(after: end)
        }
        return false
    }

    static func isCommentMarker(_ p: String) -> Bool {
        guard p.count <= 60 else { return false }
        if commentMarkers.contains(where: { p.hasPrefix($0) }) { return true }
        // "12 comments", "Comments (3)"
        let words = p.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if words.count <= 3, words.contains(where: { $0 == "comments" || $0 == "comment" }),
           words.allSatisfy({ $0 == "comments" || $0 == "comment" || $0.allSatisfy(\.isNumber) }) { return true }
        return false
    }

    static let listHeadings = [
        "related articles", "related stories", "related posts", "related news", "related content",
        "more stories", "our latest stories", "latest stories", "you may also like", "you might also like",
        "recommended for you", "recommended stories", "read next", "most read", "most popular", "trending now",
        "more from", "more on this", "popular stories", "top stories", "editor's picks", "editors' picks",
        "читайте также", "похожие материалы", "популярное", "другие новости",
    ]

    /// A short heading that opens a list of other stories ("Related stories", "Most read").
    static func isListHeading(_ p: String) -> Bool {
        let text = p.hasSuffix(":") ? String(p.dropLast()) : p
        return listHeadings.contains { text == $0 || (text.hasPrefix($0) && text.count <= $0.count + 20) }
    }

    static let appealPhrases = [
        "support us", "donate", "donation", "your support", "ad-free", "become a member", "become a patron",
        "subscribe", "support our", "support independent", "chip in", "patreon", "make a contribution",
        "поддержите", "пожертвова", "подпишитесь", "донат",
    ]

    static func isAppeal(_ p: String) -> Bool { appealPhrases.contains { p.includes($0) } }

    /// A short appeal that opens a closing appeal block ("Support us and go ad-free").
    static func isAppealHeading(_ p: String) -> Bool {
        p.count <= 80 && (appealPhrases.contains { p.hasPrefix($0) } || p.includes("ad-free"))
    }

    /// "Support Snopes…", "Support The Daily Example": the verb then a capitalised name.
    static func isNamedAppeal(_ original: String) -> Bool {
        guard original.utf8.count <= 100, original.hasPrefix("Support ") else { return false }
        let next = original.dropFirst(8).first
        return next?.isUppercase == true
    }

    /// Datelines, affiliate disclosures, newsletter sign-ups, "follow us" lines, "have a tip?":
    /// paragraphs about the page or its author, not the story.
    ///
    /// Lines that could be a sentence of the story ("By Monday, 300 had been held") must carry a
    /// calendar date to count as a dateline, so claims are not lost.
    static func isNotice(_ p: String, original: String) -> Bool {
        let n = p.count
        // Computed only for the few candidates: date parsing is the costly part.
        var datedCache: Bool?
        func dated() -> Bool {
            if let d = datedCache { return d }
            let d = n <= 120 && (MetadataReader.parseDay(p) != nil || MetadataReader.englishDay(p) != nil)
            datedCache = d
            return d
        }
        if p.hasPrefix("published:") || p.hasPrefix("updated:") || p.hasPrefix("last updated") || p.hasPrefix("posted on")
            || p.hasPrefix("publicado") || p.hasPrefix("опубликовано") || p.hasPrefix("обновлено") {
            return n <= 120
        }
        if p.hasPrefix("updated "), n <= 80, !p.hasSuffix("."), dated() { return true }
        if p.hasPrefix("by "), n <= 120, p.includes(" at ") || p.includes(" on ") || p.includes("|"), dated() {
            return true
        }
        if p.includes("affiliate"), p.includes("commission") || p.includes("links") { return true }
        if p.includes("newsletter") || p.includes("inbox"),
           p.includes("sign up") || p.includes("subscribe") || p.includes("delivered") { return true }
        if p.hasPrefix("follow ") || p.includes("follow us on") || p.includes(" follow him") || p.includes(" follow her"),
           p.includes("twitter") || p.includes("facebook") || p.includes("instagram") { return true }
        if p.hasPrefix("written by") || p.hasPrefix("posted by"), n <= 120, dated() { return true }
        if n <= 60, p.contains(where: \.isNumber), isDateLine(original), dated() { return true }
        // A lone e-mail address.
        if n <= 60, !p.contains(" "), p.includes("@"), p.includes(".") { return true }
        // Picture credits and captions.
        if n <= 200, p.includes("getty images") || p.includes("shutterstock") || p.includes("(image:")
            || p.hasPrefix("image source:") || p.hasPrefix("photo:") || p.hasPrefix("image:")
            || p.hasPrefix("featured image") || p.hasPrefix("фото:") {
            return true
        }
        return p.hasPrefix("have a tip?") || p.hasPrefix("if you enjoyed this article") || p.hasPrefix("join our ")
    }

    /// "November 18, 2019", "Reuters Nov. 20, 2019 6:02 AM EST": a date with at most a source name
    /// (capitalised words); "September 21, 2022: 1,300 detained" is not one.
    private static let calendar: Set<String> = [
        "updated", "published", "posted", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december",
    ]

    static func isDateLine(_ original: String) -> Bool {
        guard original.count <= 60, !original.hasSuffix("."), original.contains(where: \.isNumber) else { return false }
        var other = 0
        for w in original.split(whereSeparator: { !$0.isLetter }) {
            let lower = w.lowercased()
            if lower.count <= 3 || calendar.contains(lower) { continue }
            guard w.first?.isUppercase == true else { return false }  // a lower-case word: a sentence
            other += 1
        }
        var numbers = 0
        for w in original.split(whereSeparator: { !$0.isNumber }) where !w.isEmpty { numbers += 1 }
        return other <= 2 && numbers <= 5
    }

    static let promptPhrases = [
        "support us", "share this", "share on", "share article", "click to share", "follow us",
        "sign up for", "subscribe to our", "advertisement", "read more:", "related:", "print this",
        "email this", "поделиться", "реклама", "читайте также",
    ]

    /// A short paragraph that is only a prompt.
    static func isPrompt(_ p: String) -> Bool {
        guard p.count <= 60 else { return false }
        let exact: Set<String> = [
            "advertisement", "advert", "advertising", "sponsored", "реклама", "share", "don't miss", "don’t miss",
            "this slideshow requires javascript.", "loading...", "tell us what you think...", "highlights",
            "trending", "trending:", "more:", "read more", "read more:", "popular", "most popular",
        ]
        if exact.contains(p) { return true }
        return promptPhrases.contains { p.hasPrefix($0) } || (p.count <= 40 && isAppeal(p))
    }
}
