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
    /// The tally's first claim in history order (`TallyState.first`; nil for a derived tally).
    var first: MemberOrder?

    init(family: String, tally: Tally, first: MemberOrder?) {
        key = Self.key(family: family, date: tally.date)
        self.family = family
        self.tally = tally
        self.first = first
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

    /// The columns a stored tally is read from, in this order. (The `history` column is left empty:
    /// histories are made from the claims when asked for.)
    static let columns = """
        kind, who, place, place_id, country, date, best_value, best_qualifier, best_source, best_doc, best_vague, low, high,
        claims, sources, own_conflict, country_conflict, derived
        """

    /// The columns an in-place update writes: none is indexed, so the row's index entries stay as
    /// they are. (The country conflict is left to the country check, which compares with it.)
    static let figureColumns = [
        "best_value", "best_qualifier", "best_source", "best_doc", "best_vague", "low", "high", "claims", "sources",
        "own_conflict", "first_published", "first_seq", "first_number",
    ]

    /// The columns of `tally_sources` (one row per tally and source: `TallyState.Pick`), in this order.
    static let pickColumns = """
        tally_key, source, first_published, first_seq, first_number, doc, published, seq, number_start, value, value_high,
        qualifier, vague, source_name, source_class, implicit
        """

    /// A kept source's figure as a claim again (only what a tally reads of it).
    static func figure(doc: String, published: String?, seq: Int, numberStart: Int, value: Int?, valueHigh: Int?,
                       qualifier: Qualifier, vague: String?, sourceName: String?, sourceClass: String?, implicit: Bool,
                       kind: ClaimKind, who: Group) -> ReconcileInput {
        let source = sourceName.map { Source(name: $0, sourceClass: SourceClass(rawValue: sourceClass ?? "") ?? .media) }
        let claim = Claim(doc: doc, kind: kind, who: who, quantity: Quantity(value: value, valueHigh: valueHigh, qualifier: qualifier, vague: vague),
                          place: nil, date: nil, source: source, evidence: "", span: TextSpan(start: 0, end: 0),
                          numberSpan: TextSpan(start: numberStart, end: numberStart), implicit: implicit)
        return ReconcileInput(claim: claim, published: published.flatMap { Day($0) }, sequence: seq)
    }

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

    static func sources(_ text: String) -> [String] {
        text.isEmpty ? [] : split(text, by: "\u{1F}").map { $0 ?? "" }
    }

    /// The history of each tally of one family, by tally key, from all the family's claims.
    static func histories(family: String, members: [ReconcileInput]) -> [String: [Tally.HistoryPoint]] {
        let days = Set(members.compactMap(\.claim.date))
        var out: [String: [Tally.HistoryPoint]] = [:]
        for (day, group) in Reconciler.familyGroups(members, datedDays: days) {
            out[key(family: family, date: day)] = Reconciler.history(group)
        }
        return out
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
                // By bytes: the three are ASCII, so no other character's UTF-8 holds them.
                out += f.utf8.contains(where: { $0 == 0x25 || $0 == 0x1E || $0 == 0x1F }) ? escape(f) : f
            } else {
                out += f
            }
        }
        return out
    }

    /// The fields of `join`. The separators are single bytes in UTF-8, so the text is cut by its bytes
    /// (no grapheme breaking: a report reads thousands of these).
    static func split(_ text: String, by separator: Character) -> [String?] {
        guard let byte = separator.asciiValue else { return [] }
        return text.utf8.split(separator: byte, omittingEmptySubsequences: false).map { bytes in
            guard bytes.first == UInt8(ascii: "=") else { return nil }
            let value = Substring(bytes.dropFirst())
            return value.utf8.contains(UInt8(ascii: "%")) ? unescape(value) : String(value)
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
