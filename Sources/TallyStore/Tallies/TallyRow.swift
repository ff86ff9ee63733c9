import TallyCore
import TallyReconcile

/// A tally as one row of the `tallies` table: the columns both backends write and read.
///
/// `key` names the row: `family|day` for a family's tally (`-` for undated), `derived|kind|who|country|day`
/// for a derived country tally. `conflict` is kept in two parts, the tally's own figures and its
/// country check, so that either can be redone without the other.
struct TallyRow: Sendable {
    var key: String
    var family: String?
    var tally: Tally
    var countryConflict = false

    init(family: String, tally: Tally) {
        key = Self.key(family: family, date: tally.date)
        self.family = family
        self.tally = tally
    }

    init(derived tally: Tally) {
        key = Self.derivedKey(CountryCheck.Key(kind: tally.kind, who: tally.who, country: tally.country ?? "", date: tally.date))
        family = nil
        self.tally = tally
    }

    /// Indexes of the tallies table, the same in both backends: a family's days, a country check's
    /// tallies, a place becoming national, and the report's filters.
    static let indexes = [
        ("tallies_by_family", "family, date"),
        ("tallies_by_check", "kind, who, country, date"),
        ("tallies_by_place_id", "place_id"),
        ("tallies_by_kind", "kind, date"),
        ("tallies_by_date", "date"),
        ("tallies_by_place", "place_match"),
    ]

    /// The columns a stored tally is read from (then its history), in this order.
    static let columns = """
        kind, who, place, place_id, country, date, best_value, best_qualifier, best_source, best_doc, best_vague, low, high,
        claims, sources, own_conflict, country_conflict, derived
        """

    static func key(family: String, date: Day?) -> String { family + "|" + (date?.description ?? "-") }

    static func derivedKey(_ k: CountryCheck.Key) -> String {
        "derived|\(k.kind.rawValue)|\(k.who.rawValue)|\(k.country)|" + (k.date?.description ?? "-")
    }

    /// The day as stored: `YYYY-MM-DD`, or empty for an undated tally (a column that is never NULL
    /// can be matched with `=` and indexed as one).
    static func day(_ date: Day?) -> String { date?.description ?? "" }

    /// What `--place` is matched against: the place's name in lower case, or a derived tally's country.
    var placeMatch: String? { tally.derived ? tally.country?.lowercased() : tally.place?.lowercased() }

    var sourcesText: String { TallyRow.join(tally.sources.map(Optional.some), by: "\u{1F}") }

    var historyText: String {
        TallyRow.join(tally.history.map { p in
            TallyRow.join([p.published?.description, p.value.map(String.init), p.valueHigh.map(String.init),
                           p.qualifier.rawValue, p.source, p.doc], by: "\u{1F}")
        }, by: "\u{1E}", escaping: false)
    }

    static func sources(_ text: String) -> [String] {
        text.isEmpty ? [] : split(text, by: "\u{1F}").map { $0 ?? "" }
    }

    static func history(_ text: String) -> [Tally.HistoryPoint] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "\u{1E}", omittingEmptySubsequences: false).compactMap { point in
            let f = split(String(point), by: "\u{1F}")
            guard f.count == 6, let qualifier = Qualifier(rawValue: f[3] ?? "") else { return nil }
            return Tally.HistoryPoint(published: f[0].flatMap { Day($0) }, value: f[1].flatMap { Int($0) },
                                      valueHigh: f[2].flatMap { Int($0) }, qualifier: qualifier, source: f[4], doc: f[5] ?? "")
        }
    }

    // Fields joined by a control character; a present value is written with a leading "=" (so an
    // absent one, written as nothing, differs from an empty one), and "%", U+001E and U+001F inside
    // values are percent-escaped.
    static func join(_ fields: [String?], by separator: Character, escaping: Bool = true) -> String {
        var out = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(separator) }
            guard let f else { continue }
            if escaping {
                out.append("=")
                out += f.contains(where: { $0 == "%" || $0 == "\u{1E}" || $0 == "\u{1F}" }) ? escape(f) : f
            } else {
                out += f
            }
        }
        return out
    }

    static func split(_ text: String, by separator: Character) -> [String?] {
        text.split(separator: separator, omittingEmptySubsequences: false).map { f in
            guard f.first == "=" else { return nil }
            let value = f.dropFirst()
            return value.contains("%") ? unescape(value) : String(value)
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "%": out += "%25"
            case "\u{1E}": out += "%1E"
            case "\u{1F}": out += "%1F"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "%", let end = s.index(i, offsetBy: 3, limitedBy: s.endIndex) {
                switch s[s.index(after: i)..<end] {
                case "25": out.append("%"); i = end; continue
                case "1E": out.append("\u{1E}"); i = end; continue
                case "1F": out.append("\u{1F}"); i = end; continue
                default: break
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}
