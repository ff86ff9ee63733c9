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
        // Widths in characters, counted once per cell (ASCII cells by their bytes, no grapheme breaking).
        func width(_ s: String) -> Int { s.utf8.allSatisfy { $0 < 0x80 } ? s.utf8.count : s.count }
        let cellWidths = rows.map { $0.map(width) }
        var widths = Self.headers.map(\.count)
        for row in cellWidths { for (i, w) in row.enumerated() { widths[i] = max(widths[i], w) } }
        var out = ""
        out.reserveCapacity((rows.count + 2) * (widths.reduce(0, +) + 2 * widths.count))
        func line(_ cells: [String], _ cellWidths: [Int]) {
            for (i, c) in cells.enumerated() {
                if i > 0 { out += "  " }
                out += c
                if i < cells.count - 1 { out += String(repeating: " ", count: widths[i] - cellWidths[i]) }
            }
            out += "\n"
        }
        line(Self.headers, Self.headers.map(\.count))
        line(widths.map { String(repeating: "─", count: $0) }, widths)
        for (row, w) in zip(rows, cellWidths) { line(row, w) }
        return out
    }
}
