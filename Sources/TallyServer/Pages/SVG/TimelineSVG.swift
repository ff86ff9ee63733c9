import TallyCore

/// An inline SVG of how a tally's figure changed: one dot per claim at its document's publication
/// day and figure, joined in order, with the first and last day and the highest figure written on
/// the axes. Every label is escaped; nothing is loaded from elsewhere.
enum TimelineSVG {
    static func svg(_ history: [Tally.HistoryPoint], language: PageLanguage, label: String) -> String? {
        let points = history.compactMap { p -> (day: Int, value: Int, point: Tally.HistoryPoint)? in
            guard let day = p.published, let value = p.value else { return nil }
            return (day.ordinal, value, p)
        }
        guard !points.isEmpty else { return nil }
        let width = 320.0, height = 120.0, left = 44.0, right = 12.0, top = 12.0, bottom = 24.0
        let minDay = points.map(\.day).min()!, maxDay = points.map(\.day).max()!
        let maxValue = max(1, points.map(\.value).max()!)
        func x(_ day: Int) -> Double {
            maxDay == minDay ? (left + width - right) / 2 : left + Double(day - minDay) / Double(maxDay - minDay) * (width - left - right)
        }
        func y(_ value: Int) -> Double { top + (1 - Double(value) / Double(maxValue)) * (height - top - bottom) }
        func f(_ v: Double) -> String { String(Int(v.rounded())) }

        var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - right))\" y2=\"\(f(height - bottom))\"/>"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(height - bottom))\"/>"
        svg += "<text x=\"\(f(left - 4))\" y=\"\(f(top + 4))\" text-anchor=\"end\">\(HTMLText.escape(language.number(maxValue)))</text>"
        svg += "<text x=\"\(f(left - 4))\" y=\"\(f(height - bottom))\" text-anchor=\"end\">0</text>"
        svg += "<text x=\"\(f(left))\" y=\"\(f(height - 6))\">\(Day(ordinal: minDay))</text>"
        if maxDay != minDay { svg += "<text x=\"\(f(width - right))\" y=\"\(f(height - 6))\" text-anchor=\"end\">\(Day(ordinal: maxDay))</text>" }
        if points.count > 1 {
            svg += "<polyline points=\"" + points.map { "\(f(x($0.day))),\(f(y($0.value)))" }.joined(separator: " ") + "\"/>"
        }
        for p in points {
            let who = p.point.source ?? PageStrings.of(language).unattributed
            let title = "\(Day(ordinal: p.day)): \(PageStrings.figure(value: p.value, high: p.point.valueHigh, qualifier: p.point.qualifier, language)) — \(who)"
            svg += "<circle cx=\"\(f(x(p.day)))\" cy=\"\(f(y(p.value)))\" r=\"4\"><title>\(HTMLText.escape(title))</title></circle>"
        }
        return svg + "</svg>"
    }
}
