import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TallyServer

/// The application over the sample store on a real loopback socket (`.live`), for one test.
func withLiveServer<T: Sendable>(empty: Bool = false, _ body: @Sendable (any TestClientProtocol, SampleStore) async throws -> T) async throws -> T {
    let sample = try await SampleStore(empty: empty)
    // Warnings and errors only: a line per request would bury the test report (HostileInputTests sends hundreds).
    var logger = Logger(label: "tally.server.test")
    logger.logLevel = .warning
    let app = try await buildApplication(ServerConfiguration(host: "127.0.0.1", port: 0), store: sample.store, logger: logger)
    return try await app.test(.live) { client in try await body(client, sample) }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object (an empty one when it is not).
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }

    /// `error.code` of a JSON error body.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers, body: nil)
    }
}
