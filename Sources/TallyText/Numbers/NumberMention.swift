/// A number read from tokens: one figure or a range, and which tokens it covers.
public struct NumberMention: Sendable, Hashable {
    public var value: Double
    /// The upper end of a range ("20-30 тысяч", "between 200 and 300").
    public var valueHigh: Double?
    /// Index of the first token of the number (of its lower end, for a range).
    public var firstToken: Int
    /// Index of the last token (inclusive), the upper end's for a range.
    public var lastToken: Int
    /// True when written in digits, false for number words.
    public var digits: Bool

    public init(value: Double, valueHigh: Double? = nil, firstToken: Int, lastToken: Int, digits: Bool) {
        self.value = value
        self.valueHigh = valueHigh
        self.firstToken = firstToken
        self.lastToken = lastToken
        self.digits = digits
    }
}
