/// The quotation marks the finders read alike in every language: straight and typographic,
/// Russian «ёлочки» too. One list, so a source's name, a figure's noun and a name's nominative
/// are trimmed of the same marks.
enum QuoteMarks {
    static let all = ["«", "»", "\"", "“", "”"]
}
