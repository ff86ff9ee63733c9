import TallyCore

/// The counts a statement allows, for telling whether two sources can both be right.
struct FigureInterval {
    var low: Double
    var high: Double

    /// "more than 500" → [500, ∞); "as high as 1,700" → [0, 1700]; "about 40" → [32, 48];
    /// "200-300" → [200, 300]; a vague amount → nil (it conflicts with nothing).
    init?(_ q: Quantity) {
        guard let v = q.value.map(Double.init) else { return nil }
        switch q.qualifier {
        case .exact: (low, high) = (v, v)
        case .about: (low, high) = (v * 0.8, v * 1.2)
        case .atLeast: (low, high) = (v, .infinity)
        case .atMost: (low, high) = (0, v)
        case .range: (low, high) = (v, Double(q.valueHigh ?? q.value!))
        }
    }

    /// Whether some single count satisfies every interval.
    static func compatible(_ intervals: [FigureInterval]) -> Bool {
        guard let maxLow = intervals.map(\.low).max(), let minHigh = intervals.map(\.high).min() else { return true }
        return maxLow <= minHigh
    }
}
