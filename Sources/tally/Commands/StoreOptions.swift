import ArgumentParser
import TallyCore
import TallyStore

/// Where the store is: an SQLite file (the default) or a PostgreSQL URL.
struct StoreOptions: ParsableArguments {
    @Option(help: "SQLite database file.")
    var db: String = "tally.db"

    @Option(name: .customLong("database-url"), help: "PostgreSQL server, postgres://user:password@host:port/database.")
    var databaseURL: String?

    func validate() throws {
        if let url = databaseURL, !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
            throw ValidationError("--database-url takes a postgres:// URL, not '\(url)'")
        }
    }

    func open() throws -> any Store {
        if databaseURL != nil {
            throw TallyError(.unsupported, input: "--database-url",
                             "the PostgreSQL backend is not built yet; use --db FILE (SQLite) for now")
        }
        return try SQLiteStore(path: db)
    }
}
