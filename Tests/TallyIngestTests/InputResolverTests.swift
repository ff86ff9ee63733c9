import Foundation
import Testing
import TallyCore
import TallyText
@testable import TallyIngest

struct InputResolverTests {
    func collect(_ inputs: [String], policy: FetchPolicy = FetchPolicy()) async throws -> (docs: [Document], problems: [String]) {
        var docs: [Document] = []
        var problems: [String] = []
        try await InputResolver(reader: DocumentReader(), fetcher: PageFetcher(policy: policy)).resolve(inputs) { event in
            switch event {
            case .document(let d): docs.append(d)
            case .warning(let e): problems.append("warning " + e.description)
            case .skipped(let e): problems.append("skipped " + e.description)
            case .failure(let e): problems.append("failure " + e.description)
            }
        }
        return (docs, problems)
    }

    @Test func aFeedURLIsFollowedToItsPagesWithTheSummaryAsFallback() async throws {
        let feed = { (base: String) in """
            <rss version="2.0"><channel><title>Wire</title>
            <item><title>One</title><link>\(base)/one.html</link><pubDate>Sat, 14 Mar 2026 18:00:00 GMT</pubDate>
              <description>short one</description></item>
            <item><title>Two</title><link>\(base)/missing.html</link><pubDate>Sun, 15 Mar 2026 08:00:00 GMT</pubDate>
              <description>&lt;p&gt;Police held 7 people.&lt;/p&gt;</description></item>
            <item><title>Three</title><link>\(base)/missing2.html</link></item>
            </channel></rss>
            """ }
        let server = try await LoopbackServer(routes: [
            "/one.html": .init(body: Array("<html><body><p>Police detained 12 people in Minsk.</p></body></html>".utf8)),
        ])
        let base = server.base
        let feedServer = try await LoopbackServer(routes: [
            "/feed.xml": .init(contentType: "application/rss+xml", body: Array(feed(base).utf8)),
        ])
        let result = await Result(catching: { try await collect([feedServer.base + "/feed.xml"]) })
        try await server.stop()
        try await feedServer.stop()
        let (docs, problems) = try result.get()
        #expect(docs.map(\.id) == [base + "/one.html", base + "/missing.html"])
        #expect(docs.first?.text == "Police detained 12 people in Minsk.")
        #expect(docs.first?.published == Day("2026-03-14"))
        #expect(docs.last?.text == "Police held 7 people.")
        #expect(problems == [
            "warning \(base)/missing.html: the server answered HTTP 404; the feed's summary is read instead",
            "failure \(base)/missing2.html: the server answered HTTP 404",
        ])
    }

    @Test func aLocalFeedFileWithoutLinksReadsItsSummaries() async throws {
        let dir = NSTemporaryDirectory() + "tally-feed-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/monitor.atom"
        try Data("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title>
            <entry><title>Count</title><id>urn:monitor:1</id><published>2022-09-22T01:00:00Z</published>
            <content type="html">&lt;p&gt;More than 1,300 people were held.&lt;/p&gt;</content></entry></feed>
            """.utf8).write(to: URL(fileURLWithPath: path))
        let (docs, problems) = try await collect([path])
        #expect(problems.isEmpty)
        #expect(docs.map(\.id) == ["urn:monitor:1"])
        #expect(docs.first?.text == "More than 1,300 people were held.")
        #expect(docs.first?.published == Day("2022-09-22"))
    }

    @Test func anUnreachableURLIsOneFailure() async throws {
        // Port 9 on loopback: nothing listens, so the connection is refused.
        var policy = FetchPolicy()
        policy.timeout = .seconds(1)
        let (docs, problems) = try await collect(["http://127.0.0.1:9/page.html"], policy: policy)
        #expect(docs.isEmpty)
        #expect(problems == ["failure http://127.0.0.1:9/page.html: cannot fetch: connection refused"])
    }
}


extension Result where Failure == any Error {
    /// Captures an async throwing call, so cleanup can run before the error is rethrown.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
