import TallyText

/// The one HTML step every command uses for web pages.
enum ArticlePages {
    static let reader: @Sendable ([UInt8], String) throws -> DocumentReader.PageText = DocumentReader.plainHTML
}
