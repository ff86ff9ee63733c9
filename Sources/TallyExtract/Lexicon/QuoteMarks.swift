import TallyText

/// The quotation marks the finders read alike in every language: straight and typographic,
/// Russian «ёлочки» too. One list, so a source's name, a figure's noun and a name's nominative
/// are trimmed of the same marks.
enum QuoteMarks {
    static let all = ["«", "»", "\"", "“", "”"]

    /// The opening mark of a typographic closing mark ("»" → "«", "”" → "“"); nil for any other
    /// token, the straight quote included (it opens and closes alike).
    static func typographicOpening(ofClosing t: Token) -> StaticString? {
        if t.hasText("»") { return "«" }
        if t.hasText("”") { return "“" }
        return nil
    }
}
