import Hummingbird
import TallyStore

/// Finds the account a request is made with: `Authorization: Bearer TOKEN` (an API token, by
/// its SHA-256), else the `tally_session` cookie. A disabled account, an unknown token or a
/// malformed header is a 401; an unknown or expired session cookie counts as no account.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = TallyRequestContext
    let cases: CaseServices?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let cases else { return try await next(request, context) }
        var context = context
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer "), header.utf8.count < 200 else {
                throw Self.refused("the Authorization header takes 'Bearer TOKEN'")
            }
            let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard let user = try await cases.store.user(tokenHash: PersonalDataKey.tokenHash(token)), !user.disabled else {
                throw Self.refused("the API token is unknown, revoked, or its account is disabled")
            }
            context.account = Account(user: user, proof: .token(id: String(token.prefix(8))))
        } else if let token = request.cookies[Sessions.cookie]?.value, token.utf8.count < 200,
                  let session = await cases.sessions.session(token: token),
                  let user = try await cases.store.user(id: session.userID), !user.disabled {
            context.account = Account(user: user, proof: .session(csrf: session.csrf))
        }
        return try await next(request, context)
    }

    static func refused(_ message: String) -> APIError {
        APIError(.unauthorized, .unauthorized, message, headers: [.wwwAuthenticate: "Bearer realm=\"tally\""])
    }
}
