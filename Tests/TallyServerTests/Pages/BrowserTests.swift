import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The pages as a real browser renders them: headless Chromium against the live server on loopback.
@Suite(.enabled(if: HeadlessChromium.runs, Comment(rawValue: HeadlessChromium.skipNote)))
struct BrowserTests {
    @Test func chromiumRendersTheFiguresAndTheirSentences() async throws {
        try await withLiveServer { client, _ in
            let port = try #require(client.port)
            let base = "http://127.0.0.1:\(port)"
            let overview = try await HeadlessChromium.dumpDOM(base + "/")
            #expect(overview.contains("1,300") && overview.contains("at least 640") && overview.contains("120–1,300"))
            #expect(overview.contains("journalists") && overview.contains("⚠"))
            let russian = try await HeadlessChromium.dumpDOM(base + "/?lang=ru")
            #expect(russian.contains("1\u{00A0}300") || russian.contains("1&nbsp;300"))
            #expect(russian.contains("Задержаны"))
            let document = try await HeadlessChromium.dumpDOM(base + "/documents/wire-0315")
            #expect(document.contains("<mark>More than <strong>640</strong> people"))
            let hostile = try await HeadlessChromium.dumpDOM(
                base + "/documents/" + SampleStore.hostileID.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(!hostile.contains("<script") && hostile.contains("&lt;script&gt;"))
            let map = try await HeadlessChromium.dumpDOM(base + "/map")
            #expect(map.contains("<circle class=\"place\""))
        }
    }
}
