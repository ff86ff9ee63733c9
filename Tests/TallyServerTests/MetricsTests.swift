import Hummingbird
import HummingbirdTesting
import Testing
import TallyServer

struct MetricsTests {
    @Test func metricsCountRequestsInPrometheusFormat() async throws {
        let sample = try await SampleStore(empty: true)
        let app = try await buildApplication(ServerConfiguration(port: 0), store: sample.store)
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("hb_requests"))
                #expect(text.contains("/healthz"))
            }
        }
    }
}
