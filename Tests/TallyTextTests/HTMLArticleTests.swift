import Testing
@testable import TallyText

struct HTMLArticleTests {
    @Test func keepsArticleParagraphs() throws {
        let page = "<html><body><article><p>" + String(repeating: "Police detained many people in the city today. ", count: 5) + "</p></article></body></html>"
        let article = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(article.text.hasPrefix("Police detained"))
    }
}
