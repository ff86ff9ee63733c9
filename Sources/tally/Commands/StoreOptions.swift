import ArgumentParser
import Foundation
import TallyCore
import TallyStore

/// Where the store is: an SQLite file (the default) or a PostgreSQL URL.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("SQLite database file (default: tally.db).", valueName: "file"))
    var db: String?

    @Option(name: .customLong("database-url"),
            help: ArgumentHelp("PostgreSQL server, postgres://user:password@host:port/database (or env TALLY_DATABASE_URL).",
                               valueName: "url"))
    var databaseURL: String?

    func validate() throws {
        if db != nil, databaseURL != nil {
            throw ValidationError("give either --db FILE (SQLite) or --database-url URL (PostgreSQL), not both")
        }
        if let url = databaseURL, !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
            throw ValidationError("--database-url takes a postgres:// URL")
        }
    }

    /// The PostgreSQL URL to use: --database-url, else TALLY_DATABASE_URL unless --db is given.
    var postgresURL: String? {
        if let databaseURL { return databaseURL }
        guard db == nil, let env = ProcessInfo.processInfo.environment["TALLY_DATABASE_URL"], !env.isEmpty else { return nil }
        return env
    }

    /// Where the personal-data key lives by default: beside the SQLite file, else `tally.key`.
    var defaultKeyFile: String { postgresURL == nil ? (db ?? "tally.db") + ".key" : "tally.key" }

    func open() async throws -> any Store {
        if let url = postgresURL { return try await PostgresStore.open(url: url) }
        return try SQLiteStore(path: db ?? "tally.db")
    }

    /// Opens the store, runs `body` with it and closes it, also when `body` throws.
    func with<T>(_ body: (any Store) async throws -> T) async throws -> T {
        let store = try await open()
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }
}
