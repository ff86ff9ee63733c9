import Foundation
import Hummingbird
import HummingbirdTesting
import TallyCore
import TallyServer
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
                for uri in ["/api/v1/tallies", "/api/v1/documents/wire-0315", "/", "/api/v1/claims"] {
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

    /// The write routes: every field of a direct report, the form, reviews and documents get
    /// hostile values, bad JSON, invalid UTF-8 and 3 MB bodies — a 4xx (or 201 for text that is
    /// merely strange, stored as text) and never a 5xx; no markup comes back on any page or answer.
    @Test func writeRoutesRefuseOrStoreHostileInputAsText() async throws {
        try await withCaseServer { client, f in
            let textFields = ["name", "contact", "city", "detention_place", "circumstances", "charge"]
            let otherFields = ["date", "time", "gender", "publish_name", "categories", "outcomes"]
            for field in textFields + otherFields {
                for value in Self.values {
                    var object: [String: Any] = ["city": "Moscow", "date": "2026-03-14", "outcomes": ["charged"]]
                    object[field] = value
                    let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
                    let response = try await client.post("/api/v1/reports", json: body)
                    #expect(response.status.code < 500, "\(field)=\(value.prefix(40)) → \(response.status.code)")
                    #expect(response.status == .created || response.status == .badRequest, "\(field) → \(response.status.code) \(response.text)")
                    let lineBreak = field == "circumstances"
                    if !textFields.contains(field) || value.count > 4000
                        || value.unicodeScalars.contains(where: { $0.value < 0x20 && !(lineBreak && ($0.value == 10 || $0.value == 13)) }) {
                        #expect(response.status == .badRequest, "\(field)=\(value.prefix(40)) was taken")
                    }
                    for bad in Self.markup { #expect(!response.text.contains(bad)) }
                }
            }
            let malformed: [ByteBuffer] = [ByteBuffer(string: "{\"city\": \"Moscow\", "), ByteBuffer(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]),
                                           ByteBuffer(string: "[1, 2]"), ByteBuffer(string: "{\"__proto__\": {\"admin\": true}}"), ByteBuffer(string: "")]
            for body in malformed {
                for (uri, headers) in [("/api/v1/reports", HTTPFields()), ("/api/v1/documents", f.auth(.editor)),
                                       ("/api/v1/reports/1/merge", f.auth(.editor))] {
                    var h = headers
                    h[.contentType] = "application/json"
                    let response = try await client.execute(uri: uri, method: .post, headers: h, body: body)
                    #expect(response.status.code >= 400 && response.status.code < 500, "\(uri) → \(response.status.code)")
                    #expect(response.errorCode != nil)
                }
            }
            let big = ByteBuffer(repeating: UInt8(ascii: "x"), count: 3 * 1024 * 1024)
            let json: HTTPFields = [.contentType: "application/json"], form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            for (uri, headers) in [("/api/v1/reports", json), ("/report", form), ("/login", form), ("/api/v1/documents", f.auth(.editor))] {
                let response = try await client.execute(uri: uri, method: .post, headers: headers, body: big)
                #expect(response.status == .contentTooLarge, "\(uri) → \(response.status.code)")
            }
            // Bad ids and traversal in the review routes; hostile form fields.
            for id in ["0", "-1", "abc", "..%2F..%2Fetc", "99999999999999999999", "1%00", "%FF"] {
                let response = try await client.execute(uri: "/api/v1/reports/\(id)/verify", method: .post, headers: f.auth(.editor), body: nil)
                #expect(response.status == .badRequest || response.status == .notFound, "\(id) → \(response.status.code)")
            }
            let (token, cookie) = try await client.csrf()
            for value in Self.values {
                let form = [("csrf", token), ("city", value), ("date", value), ("name", value), ("categories", value)]
                let response = try await client.post("/report", form: form, headers: [.cookie: cookie])
                #expect(response.status.code >= 400 && response.status.code < 500, "\(value.prefix(30)) → \(response.status.code)")
                for bad in Self.markup { #expect(!response.text.contains(bad)) }
            }
            // Nothing stored comes back as markup: the review queue through the API (JSON: text, no tags)
            // and as the editor's page, and the public pages.
            let queue = try await client.get("/api/v1/reports?limit=500", headers: f.auth(.editor))
            #expect(queue.status == .ok && (queue.json["reports"] as? [Any])?.isEmpty == false)
            for bad in ["<script", "<img"] { #expect(!queue.text.contains(bad)) }
            let editor = try #require(f.logins[.editor])
            let session = try #require(try await client.login(editor.name, editor.password, code: Accounts.code(secret: editor.secret!)))
            let review = try await client.get("/review", headers: [.cookie: session.cookie])
            #expect(review.status == .ok && review.text.contains("&lt;script&gt;"))
            for bad in ["<script", "<img", "\"\u{301}"] { #expect(!review.text.contains(bad)) }
            for page in ["/", "/report", "/api/v1/tallies"] {
                let response = try await client.get(page)
                for bad in Self.markup { #expect(!response.text.contains(bad), "\(page)") }
            }
        }
    }

}
