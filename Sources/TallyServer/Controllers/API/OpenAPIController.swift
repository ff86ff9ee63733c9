import Hummingbird

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the API, written by hand
/// (`Resources/openapi.json`); a test checks it names exactly the routes and parameters served.
struct OpenAPIController {
    let document: String

    init() throws { document = try ResourceFiles.text("openapi.json") }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("openapi.json") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return CachedResponse.make(document, contentType: CachedResponse.json, request: request)
        }
    }
}
