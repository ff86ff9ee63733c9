/// The number words of one language, read from its lexicon: Tally's number reader knows no
/// language of its own.
public struct NumberVocabulary: Sendable, Decodable {
    /// Words for 0–99 in every case form ("nine", "девяти", "девятерых", "twenty").
    public var units: [String: Double]
    /// Words for whole hundreds ("двести", "трёхсот").
    public var hundreds: [String: Double]
    /// Words that multiply what comes before ("hundred", "thousand", "тысяч", "тыс", "dozen").
    public var multipliers: [String: Double]
    /// Fractions that start a number ("полторы" = 1.5, "half").
    public var fractions: [String: Double]
    /// Articles that stand for one before a multiplier ("a thousand", "a dozen").
    public var articles: [String]
    /// Words that may join parts of one number ("one hundred and twenty").
    public var joiners: [String]

    public init(units: [String: Double] = [:], hundreds: [String: Double] = [:], multipliers: [String: Double] = [:],
                fractions: [String: Double] = [:], articles: [String] = [], joiners: [String] = []) {
        self.units = units
        self.hundreds = hundreds
        self.multipliers = multipliers
        self.fractions = fractions
        self.articles = articles
        self.joiners = joiners
    }

    /// Whether a word can start or continue a number.
    public func isNumberWord(_ word: String) -> Bool {
        units[word] != nil || hundreds[word] != nil || multipliers[word] != nil || fractions[word] != nil
    }
}
