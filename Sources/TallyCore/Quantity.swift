/// A number of people as a text states it: a figure, a range, or a vague amount.
public struct Quantity: Sendable, Hashable, Codable {
    /// The figure (the lower end of a range); `nil` for a vague amount such as "dozens".
    public var value: Int?
    /// The upper end of an explicit range, else `nil`.
    public var valueHigh: Int?
    public var qualifier: Qualifier
    /// The vague amount's name ("dozens", "hundreds", "several"…) when `value` is `nil`.
    public var vague: String?

    public init(value: Int?, valueHigh: Int? = nil, qualifier: Qualifier = .exact, vague: String? = nil) {
        self.value = value
        self.valueHigh = valueHigh
        self.qualifier = qualifier
        self.vague = vague
    }

    /// A vague amount: no figure, qualifier `about`.
    public static func vague(_ name: String) -> Quantity {
        Quantity(value: nil, valueHigh: nil, qualifier: .about, vague: name)
    }

    /// The smallest count the statement allows (nil when it gives no figure).
    public var lowerBound: Int? {
        guard let value else { return nil }
        switch qualifier {
        case .atMost: return 0
        default: return value
        }
    }

    /// The largest count the statement allows (nil when unbounded or vague).
    public var upperBound: Int? {
        guard let value else { return nil }
        switch qualifier {
        case .atLeast: return nil
        case .range: return valueHigh ?? value
        default: return value
        }
    }
}
