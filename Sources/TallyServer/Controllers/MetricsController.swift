import Hummingbird
import Metrics
import Prometheus

/// `/metrics`: request counts and durations in the Prometheus text format.
///
/// The swift-metrics system is process-global and may be bootstrapped once, so the registry is
/// created and installed on first use and shared by every application in the process (tests
/// build several).
struct MetricsController {
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
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
