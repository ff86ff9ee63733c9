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
/// the application has stopped. Throws when the server's resources cannot be read.
public func buildApplication(
    _ configuration: ServerConfiguration, store: any Store, logger: Logger = Logger(label: "tally.server")
) async throws -> some ApplicationProtocol {
    Application(
        router: try await buildRouter(store: store),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: "tally"),
        logger: logger)
}

/// Builds the router: health check and metrics, the JSON API under `/api/v1`, then the public pages.
///
/// Middleware, outermost first: the request log, metrics, errors as JSON (`ErrorMiddleware`), the
/// body size limit, then read-only (405 for anything but GET and HEAD).
public func buildRouter(store: any Store) async throws -> Router<TallyRequestContext> {
    _ = MetricsController.registry
    let router = Router(context: TallyRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestLogMiddleware()
        MetricsMiddleware()
        ErrorMiddleware()
        BodyLimitMiddleware()
        ReadOnlyMiddleware()
    }
    HealthController().addRoutes(to: router)
    MetricsController().addRoutes(to: router)

    let api = router.group("api/v1")
    TalliesController(store: store, cache: ResponseCache()).addRoutes(to: api)
    ClaimsController(store: store).addRoutes(to: api)
    DocumentsController(store: store).addRoutes(to: api)
    PlacesController(store: store).addRoutes(to: api)
    SourcesController(store: store).addRoutes(to: api)
    try OpenAPIController().addRoutes(to: api)

    let pages = try await PageRenderer()
    OverviewPageController(store: store, renderer: pages).addRoutes(to: router)
    PlacePageController(store: store, renderer: pages).addRoutes(to: router)
    DocumentPageController(store: store, renderer: pages).addRoutes(to: router)
    ConflictsPageController(store: store, renderer: pages).addRoutes(to: router)
    MapPageController(store: store, renderer: pages).addRoutes(to: router)
    AssetsController(renderer: pages).addRoutes(to: router)
    return router
}
