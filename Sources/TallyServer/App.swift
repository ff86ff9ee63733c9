public import Hummingbird
public import Logging

/// Where and how `tally serve` listens.
///
/// Kept separate from the router so tests can build the same application on any port.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback by default so nothing is exposed by accident.
    public var host: String
    /// TCP port; 0 asks the system for a free one.
    public var port: Int

    /// Creates a configuration; defaults match `tally serve` without options.
    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The request context of every Tally route.
public typealias TallyRequestContext = BasicRequestContext

/// Builds the Tally web application: router plus server settings.
///
/// Graceful shutdown comes from Hummingbird's service group (SIGTERM / SIGINT finish open
/// requests before exit). Logs carry method, path and status only — never bodies, addresses
/// or any personal field.
public func buildApplication(
    _ configuration: ServerConfiguration, logger: Logger = Logger(label: "tally.server")
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: "tally"),
        logger: logger)
}

/// Builds the router: health check and metrics first, then the feature controllers.
public func buildRouter() -> Router<TallyRequestContext> {
    _ = MetricsController.registry
    let router = Router(context: TallyRequestContext.self)
    router.addMiddleware {
        LogRequestsMiddleware(.info, includeHeaders: .none)
        MetricsMiddleware()
    }
    HealthController().addRoutes(to: router)
    MetricsController().addRoutes(to: router)
    return router
}
