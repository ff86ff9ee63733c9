import TallyCore

/// Claims as aligned columns for people reading a terminal; evidence shortened to fit.
struct ClaimTable {
    static let headers = ["doc", "kind", "who", "figure", "place", "date", "source", "evidence"]
    var evidenceWidth = 60
    var docWidth = 24

    /// "more than 500" → ">500", a range → "200–300", a vague amount → its name.
    static func figure(_ q: Quantity) -> String {
        guard let value = q.value else { return q.vague ?? "?" }
        switch q.qualifier {
        case .exact: return "\(value)"
        case .about: return "~\(value)"
        case .atLeast: return "≥\(value)"
        case .atMost: return "≤\(value)"
        case .range: return "\(value)–\(q.valueHigh.map(String.init) ?? "?")"
        }
    }

    static func shorten(_ text: String, to width: Int, keepEnd: Bool = false) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        guard flat.count > width else { return flat }
        if keepEnd { return "…" + flat.suffix(width - 1) }
        return flat.prefix(width - 1) + "…"
    }

    func rows(_ claims: [Claim]) -> [[String]] {
        claims.map { c in
            [Self.shorten(c.doc, to: docWidth, keepEnd: true), c.kind.rawValue, c.who.rawValue, Self.figure(c.quantity),
             c.place?.name ?? "–", c.date?.description ?? "–", c.source?.name ?? "–",
             Self.shorten(c.evidence, to: evidenceWidth)]
        }
    }

    /// The table as lines of text, headers first.
    func render(_ claims: [Claim]) -> String {
        let body = rows(claims)
        var widths = Self.headers.map(\.count)
        for row in body {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        var out = [line(Self.headers), line(widths.map { String(repeating: "─", count: $0) })]
        out += body.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}
