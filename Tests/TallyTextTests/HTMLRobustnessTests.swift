import Testing
import TallyCore
@testable import TallyText

struct HTMLRobustnessTests {
    @Test func survivesHundredThousandNestedElements() throws {
        var page = "<html><body>"
        page += String(repeating: "<div>", count: 100_000)
        page += "<p>Deep inside the nesting there is a paragraph with enough words to count as text.</p>"
        page += String(repeating: "</div>", count: 100_000)
        page += "</body></html>"
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.text.contains("Deep inside the nesting"))
    }

    @Test func survivesUnclosedNestedInlineElements() throws {
        let page = String(repeating: "<span><b><i>", count: 50_000) + "Text at the bottom of unclosed inline elements, long enough to be a paragraph."
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.text.contains("Text at the bottom"))
    }

    @Test func readsBrokenMarkup() throws {
        let page = """
        <html><body><div class=content><p>First paragraph of a broken page that still has plenty of words in it
        <p>Second paragraph, never closed either, with <b>bold <i>and italic</b> text</i> mixed up badly
        <p>Third one has a stray </span></section></table> end tag and an <unclosed attribute="value
        """
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.text.contains("First paragraph of a broken page"))
        #expect(a.text.contains("Second paragraph, never closed either, with bold and italic text mixed up badly"))
    }

    @Test func handlesTruncatedTagsCommentsAndEntities() throws {
        for page in ["<p>Text &", "<p>Text &#", "<p>Text &#x110000; and &#0; end", "<!-- never closed", "<p", "</",
                     "<script>never closed", "<p>A &bogus; entity &amp text"] {
            let a = try ArticleExtractor().extract(html: Array(page.utf8))
            #expect(!a.text.contains("never closed") || page.hasPrefix("<p"))
        }
        let a = try ArticleExtractor().extract(html: Array("<p>Fish &amp chips &bogus; &#8212; &#x2014; &#150;</p>".utf8))
        #expect(a.text == "Fish & chips &bogus; — — –")
    }

    @Test func readsFiftyMegabytePage() throws {
        var page = "<html><body><article>"
        let paragraph = "<p>" + String(repeating: "A long page keeps repeating the same sentence again. ", count: 20) + "</p>\n"
        page.reserveCapacity(52 << 20)
        while page.utf8.count < 50 << 20 { page += paragraph }
        page += "</article></body></html>"
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.text.utf8.count > 40 << 20)
    }

    @Test func refusesBinaryDataWithOneLineError() {
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]
        #expect(throws: TallyError.self) { try ArticleExtractor().extract(html: gzip, url: "page.bin") }
        do {
            _ = try ArticleExtractor().extract(html: gzip, url: "page.bin")
        } catch {
            #expect(error.description.hasPrefix("page.bin:"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func refusesPagesOverTheLimit() {
        let page = [UInt8](repeating: 0x41, count: 2000)
        #expect(throws: TallyError.self) { try ArticleExtractor(maximumBytes: 1000).extract(html: page) }
    }

    @Test func emptyPageGivesEmptyText() throws {
        #expect(try ArticleExtractor().extract(html: [UInt8]()).text == "")
    }

    @Test func gunzipRoundTripAndCorruptData() throws {
        // "hello\n" compressed by gzip(1).
        let gz: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9,
                           0xC9, 0xE7, 0x02, 0x00, 0x20, 0x30, 0x3A, 0x36, 0x06, 0x00, 0x00, 0x00]
        #expect(try Gunzip.decompress(gz) == Array("hello\n".utf8))
        #expect(throws: TallyError.self) { try Gunzip.decompress(Array(gz.prefix(14)), input: "cut.html.gz") }
    }

    @Test func survivesDeeplyNestedJSONLD() throws {
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let page = "<script type=\"application/ld+json\">\(json)</script><p>Body text of the page.</p>"
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.text == "Body text of the page.")
    }

    @Test func readsAnyInputFileKind() throws {
        let extractor = ArticleExtractor()
        // "hello\n" compressed by gzip(1): no markup inside, so plain text.
        let gz: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9,
                           0xC9, 0xE7, 0x02, 0x00, 0x20, 0x30, 0x3A, 0x36, 0x06, 0x00, 0x00, 0x00]
        #expect(try extractor.extract(fileBytes: gz, name: "a.html.gz").text == "hello")
        let plain = "A report of 12 detentions.\n\nAdvertisement\n\nMore of the report."
        #expect(try extractor.extract(fileBytes: Array(plain.utf8), name: "r.txt").text
                == "A report of 12 detentions.\n\nMore of the report.")
        let html = "<p>A report of 12 detentions in the fictional town, written as a web page.</p>"
        #expect(try extractor.extract(fileBytes: Array(html.utf8), name: "r.html").text.hasPrefix("A report of 12"))
        do {
            _ = try extractor.extract(fileBytes: Array(gz.prefix(12)), name: "cut.html.gz")
            Issue.record("a truncated gzip file must fail")
        } catch {
            #expect(error.input == "cut.html.gz")
        }
    }
}
