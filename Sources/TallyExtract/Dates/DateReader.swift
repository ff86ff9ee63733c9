import TallyCore
import TallyText

/// Reads dates from a sentence: weekdays and "yesterday" resolved against the publication day,
/// explicit dates ("20 July", "March 26th", "23 января", "21.09.2022") with the year from the
/// text or the publication day.
struct DateReader {
    let lexicon: Lexicon

    struct Found {
        /// The token the date is read at (a weekday, a relative day, a month, a dotted date).
        var token: Int
        var day: Day
        /// The date's first token: the day's number in "14 марта", else `token`.
        var first: Int

        init(token: Int, day: Day, first: Int? = nil) {
            self.token = token
            self.day = day
            self.first = first ?? token
        }
    }

    /// Whether a date is the day something was said, not the day of the events: a verb of saying
    /// among the three tokens before it ("said on Monday", "сообщили в понедельник"), or a verb and
    /// the channel it was said in right before it ("said in a statement Monday").
    func isDayOfSaying(_ found: Found, _ tokens: [Token]) -> Bool {
        if (max(0, found.token - 3)..<found.token).contains(where: { lexicon.sourceVerbs.match(tokens, at: $0) != nil }) { return true }
        guard let channel = lexicon.sourceChannels.match(tokens, endingBefore: found.first) else { return false }
        return lexicon.sourceVerbs.match(tokens, endingBefore: found.first - channel.length) != nil
    }

    /// Every date the sentence states, with the token it sits at.
    func dates(_ tokens: [Token], published: Day?, documentYear: Int?) -> [Found] {
        var found: [Found] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            // (The lists' bits first, inlined: most tokens start neither list.)
            if lexicon.weekdays.mayStart(t), let w = lexicon.weekdays.match(tokens, at: i) {
                if let published, let day = Self.last(weekday: w.value, onOrBefore: published) { found.append(Found(token: i, day: day)) }
                i += w.length
                continue
            }
            if lexicon.relativeDays.mayStart(t), let r = lexicon.relativeDays.match(tokens, at: i) {
                if let published { found.append(Found(token: i, day: published.adding(days: r.value))) }
                i += r.length
                continue
            }
            if t.kind == .number, t.end - t.start >= 8, let day = dotted(t.text) {  // ("1.1.2020" at the shortest)
                found.append(Found(token: i, day: day))
            } else if let month = lexicon.month(t) {
                // "20 July", "26 декабря" (day before) or "July 20", "March 26th" (day after), with an optional year.
                var dayNumber: Int? = nil
                var first = i
                // "Dec. 23": an abbreviated month keeps its period.
                let after = i + 1 < tokens.count && tokens[i + 1].hasText(".") && !tokens[i + 1].spaceBefore ? i + 2 : i + 1
                var yearToken = i + 1
                if i > 0, tokens[i - 1].kind == .number, let d = Int(tokens[i - 1].text), (1...31).contains(d) {
                    dayNumber = d
                    first = i - 1
                } else if after < tokens.count, tokens[after].kind == .number, let d = Int(tokens[after].text), (1...31).contains(d) {
                    dayNumber = d
                    yearToken = after + 1
                    if yearToken < tokens.count, tokens[yearToken].kind == .word, !tokens[yearToken].spaceBefore { yearToken += 1 }  // 26th
                }
                if yearToken < tokens.count, tokens[yearToken].hasText(",") { yearToken += 1 }
                var year: Int? = nil
                if yearToken < tokens.count, tokens[yearToken].kind == .number, tokens[yearToken].text.count == 4,
                   let y = Int(tokens[yearToken].text), (1900...2100).contains(y) { year = y }
                if let d = dayNumber, let day = resolve(month: month, day: d, year: year, published: published, documentYear: documentYear) {
                    found.append(Found(token: i, day: day, first: first))
                }
            }
            i += 1
        }
        return found
    }

    func resolve(month: Int, day: Int, year: Int?, published: Day?, documentYear: Int?) -> Day? {
        if let year { return Day(year: year, month: month, day: day) }
        if let published {
            if let d = Day(year: published.year, month: month, day: day), d.ordinal <= published.ordinal + 1 { return d }
            return Day(year: published.year - 1, month: month, day: day)
        }
        if let documentYear { return Day(year: documentYear, month: month, day: day) }
        return nil
    }

    /// "21.09.2022"
    func dotted(_ text: String) -> Day? {
        // Three parts need two periods: most numbers have none, and splitting costs an array.
        guard text.utf8.lazy.filter({ $0 == 0x2E }).count >= 2 else { return nil }
        let parts = text.split(separator: ".")
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    static func last(weekday: Int, onOrBefore day: Day) -> Day? {
        var d = day
        for _ in 0..<7 {
            if d.weekday == weekday { return d }
            d = d.adding(days: -1)
        }
        return nil
    }
}
