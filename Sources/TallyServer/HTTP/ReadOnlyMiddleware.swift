import Hummingbird

/// Answers any method but GET and HEAD with 405: every route of this version only reads.
/// (A route that takes writes, such as direct reports, will have to be let through here.)
struct ReadOnlyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var notAllowed: APIError {
        APIError(.methodNotAllowed, .methodNotAllowed, "this server only reads: use GET", headers: [.allow: "GET, HEAD"])
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { throw Self.notAllowed }
        return try await next(request, context)
    }
}
