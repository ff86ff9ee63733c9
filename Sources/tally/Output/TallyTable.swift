import TallyCore

/// Tallies as aligned columns for people: the best figure with its source, the range, and flags.
struct TallyTable {
    static let headers = ["kind", "who", "place", "date", "best", "source", "range", "claims", "flags"]

    func render(_ tallies: [Tally]) -> String {
        let rows: [[String]] = tallies.map { t in
            let best = t.best.vague ?? ClaimTable.figure(Quantity(value: t.best.value, qualifier: t.best.qualifier))
            let range = t.low == t.high ? "" : "\(t.low.map(String.init) ?? "?")–\(t.high.map(String.init) ?? "…")"
            var flags: [String] = []
            if t.conflict { flags.append("conflict") }
            if t.derived { flags.append("derived: sum of cities") }
            return [t.kind.rawValue, t.who.rawValue, t.place ?? t.country ?? "–", t.date?.description ?? "–", best,
                    t.best.source ?? "–", range, String(t.claims), flags.joined(separator: ", ")]
        }
        var widths = Self.headers.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }
                .joined(separator: "  ")
        }
        return ([line(Self.headers), line(widths.map { String(repeating: "─", count: $0) })] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
