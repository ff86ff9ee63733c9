import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TallyServer

/// The public pages over the sample store: the figures, in the reader's language, each leading
/// back to its sentence; everything from documents escaped.
struct PageTests {
    static let nbsp = "\u{00A0}"

    @Test func theOverviewShowsTheLatestFiguresWithRangeConflictAndBreakdown() async throws {
        try await withLiveServer { client, _ in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = page.text
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains(">1,300</span>"), "Moscow's best figure")
            #expect(html.contains(">at least 640</span>"), "Russia's best figure")
            #expect(html.contains("<span class=\"range\">120–1,300</span>"))
            #expect(html.contains("⚠ conflict"))
            #expect(html.contains("<span class=\"who\">journalists</span> <span class=\"figure\">11</span>"))
            #expect(html.contains("<span class=\"who\">minors</span> <span class=\"figure\">24</span>"))
            #expect(html.contains("href=\"/places/524901\""))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        }
    }

    @Test func russianReadersGetRussianWordsAndNumbers() async throws {
        try await withLiveServer { client, _ in
            let byHeader = try await client.get("/", headers: [.acceptLanguage: "de-DE,ru;q=0.9,en;q=0.5"]).text
            #expect(byHeader.contains("<html lang=\"ru\">"))
            #expect(byHeader.contains(">1\(Self.nbsp)300</span>"))
            #expect(byHeader.contains("Задержаны") && byHeader.contains("журналисты") && byHeader.contains("не менее 640"))
            let byQuery = try await client.get("/places/524901?lang=ru", headers: [.acceptLanguage: "en"]).text
            #expect(byQuery.contains("<html lang=\"ru\">") && byQuery.contains("около 120"))
            // Links keep the chosen language.
            #expect(byQuery.contains("/documents/wire-0315?lang=ru#claim-"))
            let english = try await client.get("/", headers: [.acceptLanguage: "ru;q=0.1, en-GB;q=0.8"]).text
            #expect(english.contains("<html lang=\"en\">"))
        }
    }

    @Test func thePlacePageHasTimelinesAndQuotedSentencesLinkedToTheirDocuments() async throws {
        try await withLiveServer { client, _ in
            let html = try await client.get("/places/524901").text
            #expect(html.contains("<h1>Moscow"))
            #expect(html.contains("<svg class=\"timeline\""))
            #expect(html.components(separatedBy: "<circle ").count - 1 == 3, "one dot per claim in Moscow's history")
            #expect(html.contains("<blockquote>The Interior Ministry said about 120 people had been detained in Moscow on Saturday.</blockquote>"))
            #expect(html.contains(">about 120</span>"))
            // Every link to a sentence lands on an anchor of that id in the document page.
            let links = html.matches(of: /href="(\/documents\/[^"#]+)#(claim-\d+)"/).map { (String($0.1), String($0.2)) }
            #expect(links.count == 3)
            for (path, anchor) in links {
                let document = try await client.get(path).text
                #expect(document.contains("id=\"\(anchor)\""), "\(path)#\(anchor)")
            }
            let byName = try await client.get("/places/minsk")
            #expect(byName.status == .ok)
            #expect(byName.text.contains("<h1>Minsk") && byName.text.contains(">Injured, people <span"))
        }
    }

    @Test func theDocumentPageMarksEveryEvidenceSpan() async throws {
        try await withLiveServer { client, _ in
            let html = try await client.get("/documents/wire-0315").text
            #expect(html.contains("<mark>More than <strong>640</strong> people were detained in 27 Russian cities on Saturday, according to Civic Monitor.</mark>"))
            #expect(html.contains("<mark>At least <strong>310</strong> of them were detained in Moscow.</mark>"))
            #expect(html.contains("<mark>Among those held were <strong>11</strong> journalists and <strong>24</strong> minors.</mark>"))
            #expect(html.components(separatedBy: "class=\"anchor\" id=\"claim-").count - 1 == 4)
            let russian = try await client.get("/documents/ru-0316").text
            #expect(russian.contains("<strong>1300</strong>") && russian.contains("<mark>По данным"))
        }
    }

    @Test func textFromDocumentsIsEscapedEverywhere() async throws {
        try await withLiveServer { client, _ in
            let id = SampleStore.hostileID.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let html = try await client.get("/documents/" + id).text
            #expect(!html.contains("<script"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(html.contains("<h1>&lt;b&gt;Minsk&lt;/b&gt; &amp; &lt;i&gt;more&lt;/i&gt;"))
            // A quote followed by a combining mark is one Swift Character; it is escaped all the same.
            #expect(!html.contains("\"\u{301}") && html.contains("&quot;\u{301}"))
            #expect(!html.contains("href=\"javascript:"))
            #expect(html.contains("<mark>Police injured <strong>5</strong> protesters in Minsk &amp; &quot;beat&quot; them.</mark>"))
        }
    }

    @Test func conflictsAndTheMapShowWhatTheSourcesSay() async throws {
        try await withLiveServer { client, _ in
            let conflicts = try await client.get("/conflicts").text
            #expect(conflicts.contains(">Moscow</a>"))
            #expect(conflicts.contains("<span class=\"figure\">1,300</span> — Civic Monitor"))
            #expect(conflicts.contains("<span class=\"figure\">about 120</span> — Interior Ministry"))
            let map = try await client.get("/map").text
            #expect(map.contains("<svg class=\"map\""))
            #expect(map.components(separatedBy: "<circle class=\"place\"").count - 1 == 3)
            #expect(map.contains("<a href=\"/places/524901\"><circle"))
            #expect(!map.contains("http://") || map.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        }
    }

    @Test(arguments: [("/places/999999", 404), ("/places/No%20Such%20Town", 404), ("/documents/nothing", 404),
                      ("/?lang=de", 400), ("/documents/%FF", 400), ("/map?lang=%3Cscript%3E", 400)])
    func badPageRequestsGetAnHTMLErrorPage(uri: String, status: Int) async throws {
        try await withLiveServer { client, _ in
            let page = try await client.get(uri)
            #expect(page.status.code == status)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<h1>Error \(status)</h1>"))
            #expect(!page.text.contains("<script"))
        }
    }

    @Test func countsAndNumbersFollowTheLanguage() {
        #expect(PageStrings.count(1, .claims, .en) == "1 claim" && PageStrings.count(1300, .claims, .en) == "1,300 claims")
        #expect(PageStrings.count(1, .claims, .ru) == "1 сообщение" && PageStrings.count(3, .claims, .ru) == "3 сообщения")
        #expect(PageStrings.count(12, .sources, .ru) == "12 источников" && PageStrings.count(21, .sources, .ru) == "21 источник")
        #expect(PageLanguage.ru.number(1_234_567) == "1\u{00A0}234\u{00A0}567" && PageLanguage.en.number(999) == "999")
        #expect(PageLanguage.negotiate("fr, ru-RU;q=0.7, en;q=0.8") == .en && PageLanguage.negotiate("*") == nil)
    }

    @Test func everyTemplateEscapesWithTheScalarEscaper() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/TallyServer/Resources/Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count >= 6)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("{{% CONTENT_TYPE: SAFE_HTML }}"), "\(name)")
        }
    }
}
