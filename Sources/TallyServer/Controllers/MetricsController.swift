import Hummingbird
import Metrics
import Prometheus
import TallyStore

/// `/metrics`: request counts and durations in the Prometheus text format, then the domain's
/// gauges read from the store at each scrape: documents, claims, and reports by review status.
///
/// The swift-metrics system is process-global and may be bootstrapped once, so the registry is
/// created and installed on first use and shared by every application in the process (tests
/// build several).
struct MetricsController {
    let store: any Store
    let cases: (any CaseStore)?

    /// The process-wide registry; its initialiser bootstraps swift-metrics exactly once.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Registers `GET /metrics`.
    func addRoutes(to router: Router<TallyRequestContext>) {
        let registry = Self.registry
        router.get("metrics") { _, _ -> Response in
            var text = String(decoding: registry.emitToBuffer(), as: UTF8.self)
            text += try await domainGauges()
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}

extension MetricsController {
    /// `tally_documents`, `tally_claims` and `tally_case_reports{status=…}` (the review queue is `pending`).
    func domainGauges() async throws -> String {
        let counts = try await store.counts()
        var lines = [
            "# HELP tally_documents Documents stored.", "# TYPE tally_documents gauge", "tally_documents \(counts.documents)",
            "# HELP tally_claims Claims stored.", "# TYPE tally_claims gauge", "tally_claims \(counts.claims)",
        ]
        if let cases {
            lines += ["# HELP tally_case_reports Direct reports by review status (pending: the review queue).",
                      "# TYPE tally_case_reports gauge"]
            for status in CaseStatus.allCases {
                let count = try await cases.reportCount(status: status)
                lines.append("tally_case_reports{status=\"\(status.rawValue)\"} \(count)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
