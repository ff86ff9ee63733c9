import Foundation
import TallyCore

/// Tallies written for other tools: CSV for spreadsheets, the report JSON for programs.
public enum TallyExport {
    public static let columns = ["kind", "who", "place", "place_id", "country", "date", "best", "qualifier", "source", "doc",
                                 "low", "high", "claims", "sources", "conflict", "derived"]

    /// RFC 4180 CSV, one line per tally.
    public static func csv(_ tallies: [Tally]) -> String {
        let writer = CSVWriter(columns: columns)
        var out = writer.header
        for t in tallies {
            out += writer.row([
                t.kind.rawValue, t.who.rawValue, t.place, t.placeID.map(String.init), t.country, t.date?.description,
                t.best.value.map(String.init), t.best.qualifier.rawValue, t.best.source, t.best.doc,
                t.low.map(String.init), t.high.map(String.init), String(t.claims), t.sources.joined(separator: "; "),
                t.conflict ? "true" : "false", t.derived ? "true" : "false",
            ])
        }
        return out
    }

    /// The report as JSON: `{"as_of": …, "tallies": [...]}`.
    public static func json(_ report: TallyReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
