import Testing
import TallyCore
@testable import TallyIngest

struct PageFetcherTests {
    static let robots = """
        User-agent: *
        Disallow: /private/

        User-agent: tally
        Disallow: /members/
        Allow: /members/public$
        """

    func withServer(_ body: (LoopbackServer) async throws -> Void) async throws {
        let server = try await LoopbackServer(routes: [
            "/robots.txt": .init(contentType: "text/plain", body: Array(Self.robots.utf8)),
            "/news/one.html": .init(body: Array("<html><body><p>Police held 12 people.</p></body></html>".utf8)),
            "/members/secret.html": .init(body: Array("no".utf8)),
            "/members/public": .init(body: Array("yes".utf8)),
            "/private/x.html": .init(body: Array("allowed for tally: its own group replaces *".utf8)),
            "/big.html": .init(body: [UInt8](repeating: 0x41, count: 3 << 20)),
            "/slow.html": .init(body: Array("late".utf8), delay: 3),
            "/gone.html": .init(status: .gone, body: Array("gone".utf8)),
        ])
        do {
            try await body(server)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func fetchesAPageWithItsType() async throws {
        try await withServer { server in
            let page = try await PageFetcher().fetch(server.base + "/news/one.html")
            #expect(String(decoding: page.bytes, as: UTF8.self).contains("Police held 12 people."))
            #expect(page.contentType == "text/html; charset=utf-8")
        }
    }

    @Test func robotsTxtIsObeyedForTallysOwnGroup() async throws {
        try await withServer { server in
            let fetcher = PageFetcher()
            await #expect(throws: TallyError.self) { try await fetcher.fetch(server.base + "/members/secret.html") }
            let open = try await fetcher.fetch(server.base + "/members/public")
            #expect(open.bytes == Array("yes".utf8))
            let starOnly = try await fetcher.fetch(server.base + "/private/x.html")
            #expect(!starOnly.bytes.isEmpty)
        }
    }

    @Test func sizeTimeoutAndStatusAreOneLineErrors() async throws {
        try await withServer { server in
            var policy = FetchPolicy()
            policy.maxBytes = 1 << 20
            policy.timeout = .seconds(1)
            let fetcher = PageFetcher(policy: policy)
            let big = server.base + "/big.html"
            await #expect(throws: TallyError(.tooLarge, input: big, "the page is \(3 << 20) bytes, over the 1 MiB limit")) {
                try await fetcher.fetch(big)
            }
            let slow = server.base + "/slow.html"
            await #expect(throws: TallyError(.unreadable, input: slow, "no answer within 1 s")) { try await fetcher.fetch(slow) }
            // Its own fetcher with the default timeout: on a loaded machine the one-thread server may
            // still be busy with the slow page for more than a second.
            let gone = server.base + "/gone.html"
            await #expect(throws: TallyError(.unreadable, input: gone, "the server answered HTTP 410")) { try await PageFetcher().fetch(gone) }
            await #expect(throws: TallyError.self) { try await fetcher.fetch("ftp://example.org/x") }
        }
    }
}

struct RobotsRulesTests {
    @Test func longestMatchWinsAndAllowWinsTies() {
        let rules = RobotsRules(parsing: """
            User-agent: *
            Disallow: /a
            Allow: /a/b
            Disallow: /*.pdf$
            """, agent: "tally")
        #expect(!rules.allows("/a/x"))
        #expect(rules.allows("/a/b/c"))
        #expect(!rules.allows("/docs/report.pdf"))
        #expect(rules.allows("/docs/report.pdf?x=1"))
        #expect(rules.allows("/z"))
    }

    @Test func emptyDisallowAllowsEverything() {
        #expect(RobotsRules(parsing: "User-agent: *\nDisallow:\n", agent: "tally").allows("/anything"))
    }
}
