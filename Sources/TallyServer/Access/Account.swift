import Hummingbird
import TallyStore

/// Who a request is made by: an account, and how it proved it.
struct Account: Sendable {
    enum Proof: Sendable {
        /// A browser session from the login page; its writes need the session's CSRF token.
        case session(csrf: String)
        /// `Authorization: Bearer …` (machines): no ambient credential, so no CSRF token.
        case token(id: String)
    }

    let user: UserRecord
    let proof: Proof

    /// How the audit log names this account.
    var actor: String { "user:\(user.name)" }
}

extension TallyRequestContext {
    /// The account, if its role is `role` or above: 401 without an account, 403 with too small a role.
    func require(_ role: Role) throws -> Account {
        guard let account else {
            throw APIError(.unauthorized, .unauthorized, "this route needs an account: log in at /login, or send Authorization: Bearer TOKEN",
                           headers: [.wwwAuthenticate: "Bearer realm=\"tally\""])
        }
        guard account.user.role >= role else {
            throw APIError(.forbidden, .forbidden, "this route needs the role \(role.rawValue) or above")
        }
        return account
    }

    /// The role the request is made with; nil for the public.
    var role: Role? { account?.user.role }
}
