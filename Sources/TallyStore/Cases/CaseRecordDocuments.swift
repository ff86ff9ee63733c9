import Foundation
import TallyCore

/// Verified direct reports as a source of tallies ("case records": distinct people).
///
/// The counts of one place and day are restated as a generated document whose sentences each
/// carry one figure — "At least 12 people detained in Moscow on 2026-03-14 are in the verified
/// case records." — and ingested like any report, so the store's tallies pick them up with their
/// evidence, from the source class `case_records`. A later document of the same source replaces
/// the earlier figure (a tally keeps each source's latest). A count below the publication
/// threshold is written as the vague amount "fewer than N": no public figure tells that 1 or 2
/// people were held at one place on one day.
public enum CaseRecordDocuments {
    public static let source = Source(name: "Tally case records", sourceClass: .caseRecords)

    /// The place and day a report counts under: the gazetteer's place, else the city as written.
    public struct Group: Sendable, Hashable {
        public var placeKey: String
        public var date: Day

        public init(_ report: CaseReport) {
            placeKey = report.placeID.map { "pgeo:\($0)" } ?? "name:" + report.city.lowercased()
            date = report.date
        }
    }

    /// The figures one group's verified reports give: (kind, who) → distinct people.
    public static func counts(_ verified: [CaseReport]) -> [(kind: ClaimKind, who: TallyCore.Group, count: Int)] {
        func count(_ include: (CaseReport) -> Bool) -> Int { verified.filter(include).count }
        var out: [(ClaimKind, TallyCore.Group, Int)] = [(.detained, .people, verified.count)]
        out.append((.detained, .journalists, count { $0.categories.contains(.journalist) }))
        out.append((.detained, .minors, count { $0.categories.contains(.minor) }))
        out.append((.detained, .women, count { $0.gender == .female }))
        out.append((.injured, .people, count { $0.outcomes.contains(.injured) }))
        out.append((.charged, .people, count { $0.outcomes.contains(.charged) }))
        out.append((.drafted, .people, count { $0.outcomes.contains(.drafted) }))
        return out.enumerated().filter { $0.offset == 0 || $0.element.2 > 0 }.map { ($0.element.0, $0.element.1, $0.element.2) }
    }

    /// The document restating the verified reports of one group (all of them: the same place and day).
    /// `threshold` is the least count published as a figure; `now` makes each restatement a new text.
    public static func item(verified: [CaseReport], threshold: Int, now: Date) -> IngestItem? {
        guard let first = verified.first else { return nil }
        let place = Place(name: first.city, geonameID: first.placeID, country: first.country,
                          latitude: first.latitude, longitude: first.longitude, level: .city)
        let stamp = ISO8601DateFormatter().string(from: now)
        let id = "case-records/\(Group(first).placeKey)/\(first.date)"
        var text = "Verified case records of \(first.city), \(first.date), as of \(stamp).\n\n"
        var claims: [Claim] = []
        for (kind, who, count) in counts(verified) {
            let figure = count >= threshold ? "At least \(count)" : "Fewer than \(threshold)"
            let sentence = "\(figure) \(who.rawValue) \(phrase(kind)) in \(first.city) on \(first.date) are in the verified case records."
            let start = text.utf8.count
            let numberStart = start + (count >= threshold ? "At least ".utf8.count : 0)
            let numberEnd = start + figure.utf8.count
            text += sentence + " "
            claims.append(Claim(
                doc: id, kind: kind, who: who,
                quantity: count >= threshold ? Quantity(value: count, qualifier: .atLeast) : .vague("fewer than \(threshold)"),
                place: place, date: first.date, source: source, evidence: sentence,
                span: TextSpan(start: start, end: start + sentence.utf8.count),
                numberSpan: TextSpan(start: numberStart, end: numberEnd)))
        }
        let published = Day(ISO8601DateFormatter().string(from: now).prefix(10))
        return IngestItem(document: Document(id: id, language: "en", title: "Verified case records: \(first.city), \(first.date)",
                                             published: published, text: text),
                          claims: claims)
    }

    static func phrase(_ kind: ClaimKind) -> String {
        switch kind {
        case .detained: "detained"
        case .injured: "detained and injured"
        case .charged: "detained and charged"
        case .drafted: "detained and drafted"
        default: kind.rawValue
        }
    }
}
