public import Hummingbird
public import Logging
public import TallyStore
import Foundation

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
        router: try await buildRouter(store: store, configuration: configuration, logger: logger),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: "tally"),
        logger: logger)
}

/// Builds the router: health check and metrics, the JSON API under `/api/v1`, then the public pages.
///
/// Middleware, outermost first: the request log, metrics, errors as JSON (`ErrorMiddleware`), the
/// body size limit, read-only (405 for anything but GET and HEAD outside the write routes), then
/// the account (`AuthenticationMiddleware`). When the store keeps accounts and case records
/// (`CaseStore`), the private routes are added: direct reports, review, logins, counts, accounts,
/// the audit log and documents to ingest. Without the personal-data key they answer 503 and say why.
public func buildRouter(store: any Store, configuration: ServerConfiguration = ServerConfiguration(),
                        logger: Logger = Logger(label: "tally.server")) async throws -> Router<TallyRequestContext> {
    _ = MetricsController.registry
    var cases: CaseServices? = nil
    if let caseStore = store as? any CaseStore {
        let keyState: KeyState
        if configuration.keyFile != nil || ProcessInfo.processInfo.environment[PersonalDataKey.environmentVariable] != nil {
            keyState = try await PersonalDataKey.resolve(store: caseStore, keyFile: configuration.keyFile ?? "tally.key")
        } else {
            keyState = .missing(reason: "no personal-data key was given (set \(PersonalDataKey.environmentVariable) or --key-file)")
        }
        if case .missing(let reason) = keyState {
            // Notice, not warning: the test servers without a key would bury the test report.
            logger.notice("serving public data only", metadata: ["reason": .string(reason)])
        }
        cases = CaseServices(store: caseStore, tallies: store, keyState: keyState, configuration: configuration)
    }
    let router = Router(context: TallyRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestLogMiddleware()
        MetricsMiddleware()
        ErrorMiddleware()
        BodyLimitMiddleware()
        ReadOnlyMiddleware()
        AuthenticationMiddleware(cases: cases)
    }
    HealthController().addRoutes(to: router)
    MetricsController(store: store, cases: cases?.store).addRoutes(to: router)

    let api = router.group("api/v1")
    TalliesController(store: store, cache: ResponseCache()).addRoutes(to: api)
    ClaimsController(store: store).addRoutes(to: api)
    DocumentsController(store: store).addRoutes(to: api)
    PlacesController(store: store).addRoutes(to: api)
    SourcesController(store: store).addRoutes(to: api)
    try OpenAPIController().addRoutes(to: api)
    if let cases {
        ReportsController(cases: cases).addRoutes(to: api)
        CasesController(cases: cases).addRoutes(to: api)
        AdminController(cases: cases).addRoutes(to: api)
        IngestController(cases: cases).addRoutes(to: api)
    }

    let pages = try await PageRenderer()
    OverviewPageController(store: store, renderer: pages).addRoutes(to: router)
    PlacePageController(store: store, renderer: pages).addRoutes(to: router)
    DocumentPageController(store: store, renderer: pages).addRoutes(to: router)
    ConflictsPageController(store: store, renderer: pages).addRoutes(to: router)
    MapPageController(store: store, renderer: pages).addRoutes(to: router)
    AssetsController(renderer: pages).addRoutes(to: router)
    if let cases {
        ReportPageController(cases: cases, renderer: pages).addRoutes(to: router)
        LoginPageController(cases: cases, renderer: pages).addRoutes(to: router)
        ReviewPageController(cases: cases, renderer: pages).addRoutes(to: router)
    }
    return router
}
