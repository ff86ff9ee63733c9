import TallyCore

/// Feed dates to days: RFC 822 in RSS ("Wed, 21 Sep 2022 23:10:00 +0000"), ISO 8601 in Atom.
///
/// Only the calendar day is kept, as the feed states it; the time and zone are dropped.
enum FeedDates {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func day(_ raw: String) -> Day? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = Day(text) { return iso }
        // RFC 822: [weekday,] DD Mon YYYY ...
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        for (i, word) in words.enumerated() where i + 2 < words.count {
            guard let d = Int(word), let m = months.firstIndex(of: String(words[i + 1].lowercased().prefix(3))),
                  var y = Int(words[i + 2]) else { continue }
            if y < 100 { y += y < 50 ? 2000 : 1900 }
            return Day(year: y, month: m + 1, day: d)
        }
        return nil
    }
}
