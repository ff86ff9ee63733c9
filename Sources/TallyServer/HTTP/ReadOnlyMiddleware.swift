import Hummingbird

/// Answers any method but GET and HEAD with 405, except on the routes that take writes
/// (direct reports, logins, reviews, documents to ingest), which check their own method and access.
struct ReadOnlyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var notAllowed: APIError {
        APIError(.methodNotAllowed, .methodNotAllowed, "this server only reads: use GET", headers: [.allow: "GET, HEAD"])
    }

    /// Paths (and path prefixes, ending in `/`) where POST is let through.
    static var writable: Set<String> { ["/api/v1/reports", "/api/v1/documents", "/api/v1/documents/fetch", "/report", "/login", "/logout"] }
    static var writablePrefixes: [String] { ["/api/v1/reports/", "/review/"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            let path = request.uri.path
            guard request.method == .post, Self.writable.contains(path) || Self.writablePrefixes.contains(where: { path.hasPrefix($0) })
            else { throw Self.notAllowed }
            return try await next(request, context)
        }
        return try await next(request, context)
    }
}
