public import Hummingbird
public import Logging
public import TallyStore

/// The request context of every Tally route.
public typealias TallyRequestContext = BasicRequestContext

/// Builds the Tally web application over a store: router plus server settings.
///
/// Graceful shutdown comes from Hummingbird's service group (SIGTERM / SIGINT finish open
/// requests before exit). Logs carry method, route, status and duration only — never bodies,
/// query strings, addresses or any personal field. The caller owns `store` and closes it after
/// the application has stopped.
public func buildApplication(
    _ configuration: ServerConfiguration, store: any Store, logger: Logger = Logger(label: "tally.server")
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(store: store),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: "tally"),
        logger: logger)
}

/// Builds the router: health check and metrics first, then the feature controllers.
public func buildRouter(store: any Store) -> Router<TallyRequestContext> {
    _ = MetricsController.registry
    let router = Router(context: TallyRequestContext.self)
    router.addMiddleware {
        RequestLogMiddleware()
        MetricsMiddleware()
    }
    HealthController().addRoutes(to: router)
    MetricsController().addRoutes(to: router)
    return router
}
