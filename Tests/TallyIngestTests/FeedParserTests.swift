import Testing
import TallyCore
@testable import TallyIngest

struct FeedParserTests {
    @Test func readsRSSItems() throws {
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
              <title>Example wire</title>
              <item><title>Dozens held in Minsk</title><link>https://example.org/a</link>
                <guid>a-1</guid><pubDate>Sun, 09 Aug 2020 21:30:00 +0300</pubDate>
                <description><![CDATA[<p>Police held <b>40</b> people.</p>]]></description></item>
              <item><title>Второй</title><link>https://example.org/b</link><pubDate>Mon, 10 Aug 20 08:00:00 GMT</pubDate></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Array(rss.utf8), input: "wire.xml")
        #expect(feed.title == "Example wire")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].link == "https://example.org/a")
        #expect(feed.items[0].id == "a-1")
        #expect(feed.items[0].published == Day("2020-08-09"))
        #expect(feed.items[0].summary == "<p>Police held <b>40</b> people.</p>")
        #expect(feed.items[1].published == Day("2020-08-10"))
        #expect(FeedParser.looksLikeFeed(Array(rss.utf8)))
    }

    @Test func readsAtomEntries() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title>
              <entry><title>Update</title><link rel="self" href="https://example.org/self"/>
                <link href="https://example.org/update"/><id>urn:x:1</id>
                <published>2022-09-22T01:10:00Z</published><updated>2022-09-23T00:00:00Z</updated>
                <summary>More than 1,300 held.</summary></entry>
            </feed>
            """
        let feed = try FeedParser.parse(Array(atom.utf8), input: "monitor.atom")
        #expect(feed.items.first?.link == "https://example.org/update")
        #expect(feed.items.first?.published == Day("2022-09-22"))
        #expect(feed.items.first?.summary == "More than 1,300 held.")
    }

    @Test func brokenAndForeignXMLAreOneLineErrors() {
        #expect(throws: TallyError.self) { try FeedParser.parse(Array("<rss><channel><item>".utf8), input: "cut.xml") }
        #expect(throws: TallyError(.invalidInput, input: "page.xml", "not an RSS or Atom feed")) {
            try FeedParser.parse(Array("<html><body/></html>".utf8), input: "page.xml")
        }
    }
}
