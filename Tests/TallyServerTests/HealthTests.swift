import Hummingbird
import HummingbirdTesting
import Testing
import TallyServer

struct HealthTests {
    @Test func healthzAnswersOKOverLoopback() async throws {
        let sample = try await SampleStore(empty: true)
        let app = try await buildApplication(ServerConfiguration(host: "127.0.0.1", port: 0), store: sample.store)
        try await app.test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test func unknownPathIs404NotServerError() async throws {
        let sample = try await SampleStore(empty: true)
        let app = try await buildApplication(ServerConfiguration(port: 0), store: sample.store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/../../etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
