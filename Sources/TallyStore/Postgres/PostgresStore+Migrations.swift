import PostgresNIO
import TallyCore

extension PostgresStore {
    /// One named schema step. A shipped step is never edited; changes are new steps.
    struct Migration: Sendable {
        var name: String
        var statements: [PostgresQuery]
        /// Work done in Swift after the statements, in the same transaction.
        var then: (@Sendable (PostgresConnection, Logger) async throws -> Void)? = nil
    }

    /// The same schema as the SQLite store, step for step, in PostgreSQL's types.
    static let migrations: [Migration] = [
        Migration(name: "v1 documents and claims", statements: [
            """
            CREATE TABLE documents (
                seq bigserial PRIMARY KEY,
                id text NOT NULL,
                hash text NOT NULL UNIQUE,
                lang text,
                url text,
                title text,
                published text,
                text text NOT NULL,
                ingested_at double precision NOT NULL
            )
            """,
            "CREATE INDEX documents_on_id ON documents (id)",
            """
            CREATE TABLE claims (
                id bigserial PRIMARY KEY,
                document_seq bigint NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
                kind text NOT NULL,
                who text NOT NULL,
                value bigint,
                value_high bigint,
                qualifier text NOT NULL,
                vague text,
                place text,
                place_id bigint,
                country text,
                lat double precision,
                lon double precision,
                place_level text,
                date text,
                source text,
                source_class text,
                evidence text NOT NULL,
                span_start bigint NOT NULL,
                span_end bigint NOT NULL,
                number_start bigint NOT NULL,
                number_end bigint NOT NULL,
                implicit boolean NOT NULL
            )
            """,
            "CREATE INDEX claims_on_document_seq ON claims (document_seq)",
            "CREATE INDEX claims_by_group ON claims (kind, who, place_id, date)",
        ]),
        Migration(name: "v2 tallies", statements: tallySchema, then: { try await fillFamilies($0, logger: $1) }),
        Migration(name: "v3 cases and accounts", statements: caseSchema),
        Migration(name: "v4 tally sources", statements: tallySourcesSchema, then: { try await fillTallies($0, logger: $1) }),
        // As on SQLite: a (kind, id) index serves the claim API's kind filter in id order and is
        // appended to, where (kind, who, place, day) was written all over for every claim.
        Migration(name: "v5 claims by kind", statements: [
            "DROP INDEX claims_by_group",
            "CREATE INDEX claims_by_kind ON claims (kind, id)",
        ]),
    ]

    /// The advisory lock (two-key form, so it never meets the one-key locks) held while migrating.
    static let migrationLock: (Int32, Int32) = (0x7461_6c6c, 1)  // "tall", 1

    /// Brings the schema up to date in one transaction under an advisory lock, so several processes
    /// starting at once neither race nor apply a step twice. A database with tables that are not
    /// Tally's is refused.
    static func migrate(_ connection: PostgresConnection, url: PostgresURL, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(migrationLock.0), \(migrationLock.1))", logger: logger)
            var tables: [String] = []
            for try await name in try await connection.query("""
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema = current_schema() ORDER BY table_name
                """, logger: logger).decode(String.self) {
                tables.append(name)
            }
            if !tables.contains("tally_migrations"), !tables.isEmpty {
                throw TallyError(.storage, input: url.redacted,
                                 "this database already holds other tables (\(tables.prefix(3).joined(separator: ", "))); it is not Tally's")
            }
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS tally_migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM tally_migrations", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            let known = Set(migrations.map(\.name))
            if let unknown = applied.subtracting(known).sorted().first {
                throw TallyError(.storage, input: url.redacted,
                                 "the schema has a step this Tally does not know ('\(unknown)'); use a newer Tally")
            }
            for step in migrations where !applied.contains(step.name) {
                for statement in step.statements { try await connection.query(statement, logger: logger) }
                try await step.then?(connection, logger)
                try await connection.query("INSERT INTO tally_migrations (name) VALUES (\(step.name))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
