import Foundation
import Hummingbird
import HummingbirdTesting
import TallyStore
import Testing
@testable import TallyServer

/// The OpenAPI document describes exactly the routes and parameters the server answers.
struct OpenAPITests {
    @Test func theDocumentNamesEveryAPIRouteAndParameter() async throws {
        let sample = try await SampleStore(empty: true)
        try PersonalDataKey.random().write(to: sample.folder + "/tally.key")
        let router = try await buildRouter(store: sample.store, configuration: ServerConfiguration(keyFile: sample.folder + "/tally.key"))
        let served = Set(router.routes.filter { $0.method != .head && "\($0.path)".hasPrefix("/api/v1") }
            .map { "\($0.method.rawValue.lowercased()) \($0.path)" })
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let response = try await client.get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.json["openapi"] as? String == "3.1.0")
            let paths = try #require(response.json["paths"] as? [String: [String: Any]])
            #expect(Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } }) == served)

            let components = try #require(response.json["components"] as? [String: Any])
            let parameters = try #require(components["parameters"] as? [String: [String: Any]])
            func documented(_ path: String) -> [String] {
                let operation = (paths[path]?["get"] as? [String: Any]) ?? [:]
                return ((operation["parameters"] as? [[String: Any]]) ?? []).compactMap { p in
                    let resolved = (p["$ref"] as? String).flatMap { parameters[String($0.split(separator: "/").last!)] } ?? p
                    return resolved["in"] as? String == "query" ? resolved["name"] as? String : nil
                }
            }
            #expect(documented("/api/v1/tallies") == TalliesController.parameters)
            #expect(documented("/api/v1/claims") == ClaimsController.parameters)
            #expect(documented("/api/v1/documents") == DocumentsController.parameters)
            #expect(documented("/api/v1/reports") == ReportsController.listParameters)
            for path in ["/api/v1/documents/{id}", "/api/v1/places", "/api/v1/sources", "/api/v1/openapi.json", "/api/v1/users",
                         "/api/v1/cases/counts", "/api/v1/cases/named", "/api/v1/audit/export"] {
                #expect(documented(path).isEmpty, "\(path)")
            }
            // Every schema a response names is defined.
            let schemas = try #require(components["schemas"] as? [String: Any])
            let refs = response.text.matches(of: /"#\/components\/schemas\/(\w+)"/).map { String($0.1) }
            #expect(!refs.isEmpty && refs.allSatisfy { schemas[$0] != nil })
        }
    }
}
