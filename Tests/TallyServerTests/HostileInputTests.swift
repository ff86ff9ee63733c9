import Foundation
import Hummingbird
import HummingbirdTesting
import TallyCore
import Testing

/// Every route × hostile values: SQL and HTML injection, traversal, bad encodings, huge values.
/// Never a 5xx, never the hostile markup back in a body, and the store unchanged afterwards.
struct HostileInputTests {
    /// Each route with `V` where a hostile value goes (percent-encoded, or raw for the raw values).
    static let routes = [
        "/api/v1/tallies?kind=V", "/api/v1/tallies?place=V", "/api/v1/tallies?date=V", "/api/v1/tallies?as_of=V",
        "/api/v1/claims?kind=V", "/api/v1/claims?place=V", "/api/v1/claims?doc=V", "/api/v1/claims?source=V",
        "/api/v1/claims?limit=V", "/api/v1/claims?cursor=V", "/api/v1/documents?limit=V", "/api/v1/documents?cursor=V",
        "/api/v1/documents/V", "/api/v1/places?V=1", "/api/v1/sources?x=V", "/api/v1/openapi.json?V",
        "/?lang=V", "/?V=1", "/places/V", "/places/V?lang=V", "/documents/V", "/conflicts?lang=V", "/map?lang=V",
        "/assets/V", "/healthz?V",
    ]

    static let values = [
        "' OR '1'='1", "1; DROP TABLE claims; --", "\" OR \"\"=\"", "1 UNION SELECT text FROM documents",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{chrome}}{{{t}}}",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%", "\u{0}", "\u{202E}evil", "\"\u{301} onmouseover=alert(1)",
        String(repeating: "A", count: 10_000), "🚨💥", "-1", "99999999999999999999999", "2026-02-30", "detained\r\nX-Injected: 1",
    ]

    /// Sent as they are, not percent-encoded: bad escapes, invalid UTF-8, encoded traversal.
    static let raw = ["%FF%FE", "%C3%28", "%ZZ", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2F..%2F", "%00", "%E2%80%AE", "a%0D%0Ab"]

    static let markup = ["<script", "<img", "onerror=", "onmouseover=alert", "\"\u{301}"]

    @Test func noHostileValueGetsA5xxOrComesBackAsMarkup() async throws {
        try await withLiveServer { client, sample in
            let before = try await sample.store.counts()
            var checked = 0
            for route in Self.routes {
                let encoded = Self.values.map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! } + Self.raw
                for value in encoded {
                    let uri = route.replacingOccurrences(of: "V", with: value)
                    let response = try await client.get(uri)
                    #expect(response.status.code < 500, "\(uri) → \(response.status.code)")
                    #expect(response.status.code != 200 || Self.isHarmless(route), "\(uri) answered 200")
                    for bad in Self.markup {
                        #expect(!response.text.contains(bad), "\(uri) reflected \(bad)")
                    }
                    if response.status.code >= 400, route.hasPrefix("/api/") {
                        #expect(response.errorCode != nil, "\(uri): no JSON error")
                    }
                    checked += 1
                }
            }
            #expect(checked == Self.routes.count * (Self.values.count + Self.raw.count))
            let after = try await sample.store.counts()
            #expect(after.documents == before.documents && after.claims == before.claims)
            #expect(try await sample.store.document(id: "wire-0315") != nil)
        }
    }

    /// Routes where a strange value is a fine query that matches nothing (a free-text filter), or is ignored.
    static func isHarmless(_ route: String) -> Bool {
        ["place=V", "doc=V", "source=V", "/?V=1", "/healthz?V"].contains { route.hasSuffix($0) }
    }

    @Test func bodiesAreRefusedOverTheLimitAndWritesAreNotAllowed() async throws {
        try await withLiveServer(empty: true) { client, _ in
            let big = ByteBuffer(repeating: UInt8(ascii: "x"), count: 3 * 1024 * 1024)
            for method in [HTTPRequest.Method.post, .get, .put] {
                let response = try await client.execute(uri: "/api/v1/tallies", method: method, headers: [.contentType: "application/json"], body: big)
                #expect(response.status == .contentTooLarge, "\(method)")
                #expect(response.errorCode == "too_large")
            }
            let bodies: [ByteBuffer] = [ByteBuffer(string: "{\"kind\": \"detained\", "), ByteBuffer(bytes: [0xFF, 0xFE, 0xC3, 0x28]),
                                        ByteBuffer(string: "{\"__proto__\": {\"admin\": true}}")]
            for body in bodies {
                for uri in ["/api/v1/tallies", "/api/v1/documents/wire-0315", "/", "/api/v1/reports"] {
                    let post = try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: body)
                    #expect(post.status == .methodNotAllowed, "\(uri)")
                    #expect(post.errorCode == "method_not_allowed" && post.headers[.allow] == "GET, HEAD")
                }
            }
            let delete = try await client.execute(uri: "/api/v1/documents/wire-0315", method: .delete)
            #expect(delete.status == .methodNotAllowed)
            // A GET with a small body of garbage is answered as if it had none.
            let get = try await client.execute(uri: "/api/v1/places", method: .get, body: ByteBuffer(bytes: [0xFF, 0x00, 0xFE]))
            #expect(get.status == .ok)
            let head = try await client.execute(uri: "/api/v1/places", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
        }
    }

    @Test(arguments: ["/../../etc/passwd", "/assets/../../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd",
                      "/api/v1/../../etc/passwd", "/documents/..%2F..%2Fetc%2Fpasswd", "//etc/passwd", "/api/v1/documents/%2e%2e"])
    func pathTraversalFindsNothing(uri: String) async throws {
        try await withLiveServer { client, _ in
            let response = try await client.get(uri)
            #expect(response.status == .notFound || response.status == .badRequest, "\(uri) → \(response.status)")
            #expect(!response.text.contains("root:"))
        }
    }
}
