import PostgresNIO
import TallyCore

extension PostgresStore {
    /// One line a user can act on, with the URL's password hidden. Server messages are safe to show
    /// (PostgreSQL never echoes a password); the driver's own descriptions are not used, as they may
    /// carry the query or its binds.
    static func describe(_ error: any Error, url: PostgresURL, connecting: Bool) -> TallyError {
        if let error = error as? TallyError { return error }
        let input = url.redacted
        guard let error = error as? PSQLError else {
            if error is CancellationError { return TallyError(.storage, input: input, "cancelled") }
            return TallyError(.storage, input: input, "database error (\(type(of: error)))")
        }
        if let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "server error"
            switch state {
            case "28P01", "28000":
                return TallyError(.storage, input: input, "the server refused the login of user '\(url.user)' (\(message)); check the user and password")
            case "3D000":
                return TallyError(.storage, input: input, "database '\(url.database)' does not exist on the server; create it first (createdb \(url.database))")
            case "42501":
                return TallyError(.storage, input: input, "permission denied (\(message)); the user needs rights to create tables in this database")
            case "53100":
                return TallyError(.storage, input: input, "the database server's disk is full; nothing of this batch was stored")
            case "53300":
                return TallyError(.storage, input: input, "the server has too many connections (\(message)); try again later")
            case "57P03":
                return TallyError(.storage, input: input, "the server is starting up or shutting down; try again shortly")
            default:
                let what = connecting ? "cannot open the database" : "database error; nothing of this batch was stored"
                return TallyError(.storage, input: input, "\(what): \(message)\(state.isEmpty ? "" : " (SQLSTATE \(state))")")
            }
        }
        switch error.code {
        case .connectionError:
            return TallyError(.storage, input: input, "cannot reach the PostgreSQL server at \(url.address)\(reason(error.underlying)); is it running and accepting connections?")
        case .sslUnsupported:
            return TallyError(.storage, input: input, "the server does not offer TLS; add ?sslmode=disable for a trusted network")
        case .authMechanismRequiresPassword:
            return TallyError(.storage, input: input, "the server wants a password for user '\(url.user)'; give it in the URL (postgres://user:password@host/db)")
        case .unsupportedAuthMechanism, .saslError:
            return TallyError(.storage, input: input, "the login of user '\(url.user)' failed (\(error.code)); check the user and password")
        case .serverClosedConnection, .uncleanShutdown:
            return TallyError(.storage, input: input, connecting
                ? "the server at \(url.address) closed the connection"
                : "lost the connection to the server at \(url.address); nothing of this batch was stored")
        default:
            return TallyError(.storage, input: input, "database error (\(error.code))")
        }
    }

    private static func reason(_ underlying: (any Error)?) -> String {
        // SwiftNIO's socket errors name the address and the system call, never credentials.
        guard let underlying else { return "" }
        if underlying is ChannelError { return " (connect timed out)" }
        let text = String(describing: underlying)
        return " (\(text.count > 200 ? String(text.prefix(200)) + "…" : text))"
    }
}
