import Testing
import TallyCore
@testable import TallyText

/// A news page written for these tests: article, navigation, share bar, cookie notice, comments.
private let newsPage = """
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Rally in Riverton | The Daily Example</title>
<meta property="og:title" content="Hundreds held after rally in Riverton">
<meta property="article:published_time" content="2031-04-12T09:30:00Z">
<meta name="author" content="Jane Example">
<link rel="canonical" href="https://news.example.org/riverton-rally">
<script>var tracking = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience on our website. Accept all cookies?</p></div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World news and more world news</a></li></ul></nav>
<main>
<article class="story">
<h1>Hundreds held after rally in Riverton</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<div class="story-body">
<p>Police in the fictional town of Riverton detained more than 300 people at a rally on Saturday, according to a local monitoring group.</p>
<p>The monitors said at least 12 of those detained were journalists, and that &laquo;most&raquo; were released by the evening &amp; fined.</p>
<h2>What happened next</h2>
<p>Organisers said they would gather again the following week, despite the warnings issued by the town council on Friday.</p>
<ul><li>Twelve journalists were among those held by the police.</li><li>Three minors were released to their parents the same night.</li></ul>
<blockquote><p>We will keep counting every single person who is detained, said a spokesperson for the monitors.</p></blockquote>
<p>The council did not respond to a request for comment on the numbers reported by the monitoring group.</p>
</div>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Another rally in another fictional town took place</a></li></ul></aside>
<section id="comments" class="comments-area">
<h3>42 Comments</h3>
<div class="comment"><p>This is a long reader comment that says the real number was much higher, maybe 5000 people or more in total.</p></div>
<div class="comment"><p>Another reader comment claiming that nobody at all was detained and the whole story is invented by the press.</p></div>
</section>
</main>
<footer class="site-footer"><p>Copyright 2031 The Daily Example. All rights reserved. Terms and privacy policy apply here.</p></footer>
</body>
</html>
"""

struct HTMLArticleTests {
    let article: Article

    init() throws {
        article = try ArticleExtractor().extract(html: Array(newsPage.utf8), url: "https://news.example.org/x")
    }

    @Test func keepsParagraphsHeadingsListsAndQuotes() {
        #expect(article.text.contains("detained more than 300 people at a rally on Saturday"))
        #expect(article.text.contains("What happened next"))
        #expect(article.text.contains("Three minors were released to their parents"))
        #expect(article.text.contains("We will keep counting every single person"))
        #expect(article.text.contains("«most» were released by the evening & fined."))
    }

    @Test func dropsFurniture() {
        for gone in ["cookies", "World news", "Share on Facebook", "Related stories", "Another rally",
                     "42 Comments", "5000 people", "nobody at all", "Copyright", "tracking", "color: red"] {
            #expect(!article.text.contains(gone), "\(gone) should be dropped")
        }
    }

    @Test func separatesParagraphsByBlankLines() {
        let paragraphs = article.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 8)
        #expect(paragraphs.first?.hasPrefix("Police in the fictional town") == true)
    }

    @Test func readsMetadata() {
        #expect(article.title == "Hundreds held after rally in Riverton")
        #expect(article.published == Day(year: 2031, month: 4, day: 12))
        #expect(article.publishedRaw == "2031-04-12T09:30:00Z")
        #expect(article.language == "en")
        #expect(article.canonicalURL == "https://news.example.org/riverton-rally")
        #expect(article.author == "Jane Example")
    }

    @Test func readsJSONLDAndTimeWhenMetaTagsAreMissing() throws {
        let page = """
        <html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"A headline from JSON-LD",
        "datePublished":"2030-02-03","author":[{"@type":"Person","name":"Ann Writer"}]}]}
        </script></head><body><article><p>\(String(repeating: "Words of a plain article body. ", count: 6))</p>
        <time datetime="2029-01-01">New Year</time></article></body></html>
        """
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.title == "A headline from JSON-LD")
        #expect(a.published == Day(year: 2030, month: 2, day: 3))
        #expect(a.author == "Ann Writer")
        #expect(a.canonicalURL == nil)
    }

    @Test func dropsHiddenTextAndLinkLists() throws {
        let prose = String(repeating: "A sentence of the article that carries the actual report. ", count: 4)
        let page = """
        <body><div class="content"><p>\(prose)</p>
        <p style="display: none">Hidden text must not show up in the article at all ever.</p>
        <div><a href="/1">First link of a long list of links</a> <a href="/2">Second link in the list of links</a></div>
        <p>\(prose)</p></div></body>
        """
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.text.contains("actual report"))
        #expect(!a.text.contains("Hidden text"))
        #expect(!a.text.contains("First link"))
    }

    @Test func picksTheStoryNotATeaserList() throws {
        let story = String(repeating: "The main story goes on with many details about the event. ", count: 8)
        let teaser = String(repeating: "A teaser for some other story on the site. ", count: 3)
        let page = """
        <body><main><article><p>\(story)</p><p>\(story)</p></article></main>
        <section class="more"><article><p>\(teaser)</p></article><article><p>\(teaser)</p></article></section></body>
        """
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.text.contains("main story"))
        #expect(!a.text.contains("teaser"))
    }

    @Test func readsEnglishDatesAndStripsBy() throws {
        let page = """
        <html><head><meta name="date" content="March 4, 2031, 07:47 PM EST"><meta name="author" content="By Sam Writer">
        </head><body><p>Short page.</p></body></html>
        """
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.published == Day(year: 2031, month: 3, day: 4))
        #expect(a.author == "Sam Writer")
        #expect(MetadataReader.parseDay("19 Nov. 2030") == Day(year: 2030, month: 11, day: 19))
        #expect(MetadataReader.parseDay("no date here") == nil)
    }

    @Test func fallsBackToJSONLDBodyWhenThePageRendersTextWithScripts() throws {
        let sentence = "The body of this story is only in the structured data of the page, as on script-rendered sites."
        let body = (1...8).map { "\($0). \(sentence)" }.joined(separator: "\\n")
        let page = """
        <html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"\(body)"}</script></head>
        <body><div id="root"></div><p>Loading the story, please wait a moment.</p></body></html>
        """
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        let paragraphs = a.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 8)
        #expect(paragraphs.first == "1. \(sentence)")
    }

    @Test func findsTheArticleInsideAPageWideForm() throws {
        let story = String(repeating: "The story is inside a form that wraps the whole page, as old sites do. ", count: 5)
        let page = """
        <body><form id="aspnetForm"><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div class="main"><p>\(story)</p><p>\(story)</p></div>
        <div class="sidebar"><p>\(String(repeating: "Sidebar text about something else entirely. ", count: 3))</p></div>
        </form></body>
        """
        let a = try ArticleExtractor().extract(html: Array(page.utf8))
        #expect(a.text.contains("inside a form"))
        #expect(!a.text.contains("Sidebar text"))
        #expect(!a.text.contains("Home"))
    }
}
