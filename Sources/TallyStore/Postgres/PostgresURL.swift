import Foundation
import PostgresNIO
import TallyCore

/// A `postgres://user:password@host:port/database?sslmode=…` URL, parsed.
///
/// The password is kept out of every description: `redacted` is what error messages show.
struct PostgresURL: Sendable {
    enum SSLMode: String, Sendable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var host: String
    var port: Int
    /// A folder with the server's Unix socket (`?host=/var/run/postgresql`), used instead of TCP.
    var socketFolder: String?
    var user: String
    var password: String?
    var database: String
    var sslMode: SSLMode
    /// The URL as it may be shown: the password replaced by `***`.
    var redacted: String

    init(_ text: String) throws {
        let schemeOK = text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
        // Never echo the given text: it may hold a password.
        let shown = Self.redact(text)
        guard schemeOK, let parts = URLComponents(string: text) else {
            throw TallyError(.configuration, input: shown, "not a PostgreSQL URL; give postgres://user:password@host:port/database")
        }
        redacted = shown
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let hostParam = query["host"]
        if let hostParam, hostParam.hasPrefix("/") { socketFolder = hostParam }
        var h = parts.host ?? ""
        if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        host = h.isEmpty ? (hostParam.flatMap { $0.hasPrefix("/") ? nil : $0 } ?? "127.0.0.1") : h
        port = parts.port ?? query["port"].flatMap { Int($0) } ?? 5432
        user = parts.user ?? query["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = parts.password ?? query["password"]
        var path = parts.path
        if path.hasPrefix("/") { path.removeFirst() }
        database = path.isEmpty ? user : path
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) || socketFolder != nil
        if let mode = query["sslmode"] {
            guard let parsed = SSLMode(rawValue: mode) else {
                throw TallyError(.configuration, input: shown, "sslmode=\(mode) is not one of disable, prefer, require, verify-ca, verify-full")
            }
            sslMode = parsed
        } else {
            sslMode = loopback ? .disable : .prefer
        }
    }

    /// `postgres://user:***@host/db`: whatever sits between `user:` and `@` is hidden.
    static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return "<database URL>" }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else {
            return hidePasswordParameter(text)
        }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return hidePasswordParameter(text) }
        return hidePasswordParameter(String(text[..<colon]) + ":***" + String(text[at...]))
    }

    private static func hidePasswordParameter(_ text: String) -> String {
        guard let q = text.firstIndex(of: "?") else { return text }
        let items = text[text.index(after: q)...].split(separator: "&", omittingEmptySubsequences: false).map { item in
            item.lowercased().hasPrefix("password=") ? "password=***" : String(item)
        }
        return String(text[...q]) + items.joined(separator: "&")
    }

    func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch sslMode {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: Self.tlsConfiguration(verify: false)))
        case .require: return .require(try NIOSSLContext(configuration: Self.tlsConfiguration(verify: false)))
        case .verifyCA, .verifyFull: return .require(try NIOSSLContext(configuration: Self.tlsConfiguration(verify: true)))
        }
    }

    var clientTLS: PostgresClient.Configuration.TLS {
        switch sslMode {
        case .disable: return .disable
        case .prefer: return .prefer(Self.tlsConfiguration(verify: false))
        case .require: return .require(Self.tlsConfiguration(verify: false))
        case .verifyCA, .verifyFull: return .require(Self.tlsConfiguration(verify: true))
        }
    }

    /// libpq's `prefer`/`require` encrypt without checking the certificate; `verify-*` check it.
    private static func tlsConfiguration(verify: Bool) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !verify { tls.certificateVerification = .none }
        return tls
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var c: PostgresConnection.Configuration
        if let socketFolder {
            c = .init(unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            c = .init(host: host, port: port, username: user, password: password, database: database, tls: try connectionTLS())
        }
        c.options.connectTimeout = .seconds(10)
        return c
    }

    func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        var c: PostgresClient.Configuration
        if let socketFolder {
            c = .init(unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            c = .init(host: host, port: port, username: user, password: password, database: database, tls: clientTLS)
        }
        c.options.connectTimeout = .seconds(10)
        c.options.maximumConnections = maximumConnections
        return c
    }

    /// Where the server is, for messages.
    var address: String { socketFolder.map { "\($0)/.s.PGSQL.\(port)" } ?? (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)") }
}
