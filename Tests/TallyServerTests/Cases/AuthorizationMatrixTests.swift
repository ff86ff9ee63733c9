import Foundation
import Hummingbird
import HummingbirdTesting
import TallyCore
import TallyServer
import TallyStore
import Testing

/// Every route × every role, anonymous included: who may do what.
///
/// A route open to a role answers it with a success (or 404 for the id that does not exist,
/// which shows the check came after the role's); below the role an anonymous request gets 401
/// and an account 403. The list is checked against the router, so a new route must be added here.
struct AuthorizationMatrixTests {
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        /// The least role; nil for the public.
        let role: Role?
        var json: String? = nil
        var description: String { "\(method) \(path)" }
    }

    static let routes: [Route] = [
        Route(method: .get, path: "/healthz", role: nil),
        Route(method: .get, path: "/metrics", role: nil),
        Route(method: .get, path: "/api/v1/tallies", role: nil),
        Route(method: .get, path: "/api/v1/claims", role: nil),
        Route(method: .get, path: "/api/v1/documents", role: nil),
        Route(method: .get, path: "/api/v1/documents/wire-0315", role: nil),
        Route(method: .get, path: "/api/v1/places", role: nil),
        Route(method: .get, path: "/api/v1/sources", role: nil),
        Route(method: .get, path: "/api/v1/openapi.json", role: nil),
        Route(method: .get, path: "/api/v1/cases/named", role: nil),
        Route(method: .post, path: "/api/v1/reports", role: nil, json: reportJSON()),
        Route(method: .get, path: "/", role: nil),
        Route(method: .get, path: "/places/524901", role: nil),
        Route(method: .get, path: "/documents/wire-0315", role: nil),
        Route(method: .get, path: "/conflicts", role: nil),
        Route(method: .get, path: "/map", role: nil),
        Route(method: .get, path: "/assets/tally.css", role: nil),
        Route(method: .get, path: "/report", role: nil),
        Route(method: .get, path: "/login", role: nil),
        Route(method: .get, path: "/api/v1/cases/counts", role: .viewer),
        Route(method: .get, path: "/api/v1/reports", role: .editor),
        Route(method: .get, path: "/api/v1/reports/999999", role: .editor),
        Route(method: .post, path: "/api/v1/reports/999999/verify", role: .editor),
        Route(method: .post, path: "/api/v1/reports/999999/reject", role: .editor),
        Route(method: .post, path: "/api/v1/reports/999999/merge", role: .editor, json: "{\"into\": 1}"),
        Route(method: .post, path: "/api/v1/documents", role: .editor, json: "{\"text\": \"About 40 people were detained in Omsk.\"}"),
        Route(method: .post, path: "/api/v1/documents/fetch", role: .editor, json: "{\"url\": \"http://127.0.0.1:PORT/documents/wire-0315\"}"),
        Route(method: .get, path: "/api/v1/users", role: .admin),
        Route(method: .get, path: "/api/v1/audit", role: .admin),
        Route(method: .get, path: "/api/v1/audit/export", role: .admin),
    ]

    /// Routes covered elsewhere: the browser-only forms (their CSRF and session checks are in ReportsTests).
    static let browserOnly: Set<String> = ["POST /report", "POST /login", "POST /logout", "GET /review", "POST /review/{id}"]

    @Test func everyRouteAnswersEveryRoleAsItsRoleAllows() async throws {
        try await withCaseServer { client, f in
            var checked = 0
            for route in Self.routes {
                for role in [nil] + Role.allCases.map(Optional.some) {
                    var headers = f.auth(role)
                    if route.json != nil { headers[.contentType] = "application/json" }
                    let body = route.json?.replacingOccurrences(of: "PORT", with: String(client.port ?? 0))
                    let response = try await client.execute(uri: route.path, method: route.method, headers: headers,
                                                            body: body.map { ByteBuffer(string: $0) })
                    let allowed = route.role.map { needed in role.map { $0 >= needed } ?? false } ?? true
                    let who = role?.rawValue ?? "anonymous"
                    if allowed {
                        #expect((200..<300).contains(response.status.code) || response.status == .notFound,
                                "\(route) as \(who) → \(response.status.code) \(response.text.prefix(200))")
                    } else {
                        #expect(response.status == (role == nil ? .unauthorized : .forbidden), "\(route) as \(who) → \(response.status.code)")
                        #expect(response.errorCode == (role == nil ? "unauthorized" : "forbidden"))
                        // Nothing personal leaks in a refusal.
                        #expect(!response.text.contains("Anna"))
                    }
                    checked += 1
                }
            }
            #expect(checked == Self.routes.count * 4)
        }
    }

    @Test func theMatrixNamesEveryRouteTheRouterHas() async throws {
        let sample = try await SampleStore(empty: true)
        let key = PersonalDataKey.random()
        try key.write(to: sample.folder + "/tally.key")
        let router = try await buildRouter(store: sample.store, configuration: ServerConfiguration(keyFile: sample.folder + "/tally.key"))
        let served = Set(router.routes.filter { $0.method != .head }.map { "\($0.method) \($0.path)" })
        func template(_ path: String) -> String {
            path.replacing(/\/documents\/wire-0315$/, with: "/documents/{id}").replacing(/\/places\/524901$/, with: "/places/{place}")
                .replacing(/\/reports\/999999/, with: "/reports/{id}")
        }
        let listed = Set(Self.routes.map { "\($0.method) \(template($0.path))" }).union(Self.browserOnly)
        #expect(served.subtracting(listed).isEmpty, "not in the matrix: \(served.subtracting(listed).sorted())")
        #expect(listed.subtracting(served).isEmpty, "not served: \(listed.subtracting(served).sorted())")
    }
}
