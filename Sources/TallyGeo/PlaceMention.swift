import TallyCore

/// A place name found in text, with every place it may name.
public struct PlaceMention: Sendable, Hashable {
    /// How the name was found.
    public enum Form: Sendable, Hashable {
        /// The name of a city or country ("Moscow", "в Москве", "USA").
        case name
        /// A country adjective or demonym ("Russian cities", "российских городах").
        case adjective
    }

    /// Where the name sits in the text (UTF-8 byte offsets).
    public var span: TextSpan
    /// The words as written.
    public var surface: String
    /// Places the name may refer to, most populous first.
    public var candidates: [Place]
    public var form: Form
    /// True when the word before is a place preposition ("in", "near", "в", "из"…), which makes
    /// a place reading much more likely than a name or a common word.
    public var afterPreposition: Bool
    /// True when the name is the first word of a sentence, where capitals prove nothing.
    public var sentenceInitial: Bool

    /// The most populous candidate.
    public var best: Place { candidates[0] }
}
