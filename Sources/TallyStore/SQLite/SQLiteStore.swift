import Foundation
import GRDB
import TallyCore
import TallyReconcile

/// The embedded store: one SQLite file (default `./tally.db`) in WAL mode, so several
/// `tally ingest` processes can write to it at once.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A file that is not a SQLite database, or not Tally's, is refused with one clear line.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        // A tally refresh reads tallies, their sources and claims all over the file: keep pages in
        // memory (64 MiB a connection) and map the file rather than copy pages through read().
        // A batch dirties thousands of pages, many of them the same few (tallies, their sources, the
        // upper levels of the indexes): copy the log into the file every 16,384 pages (64 MiB of
        // log), not SQLite's 1,000, so a hot page is written back and synced once for several
        // batches; the log is cut back to 64 MiB after each copy.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try Self.refuseForeign(path) }
            pool = try Self.openPool(path, config)
            try Self.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        } catch let error as TallyError {
            // A schema step's refusal ("not Tally's") names the file.
            throw error.input == nil ? TallyError(error.code, input: path, location: error.location, error.message) : error
        } catch {
            throw TallyError(.storage, input: path, "cannot open the database: \(error.localizedDescription)")
        }
    }

    /// Brings the schema up to date. GRDB applies each step in its own transaction after reading
    /// which are applied, so another process opening the same fresh file at once may apply a step
    /// in between: ours then fails and is rolled back (as a database error, or as the first step's
    /// refusal of a file whose tables are already there), and reading the applied steps again
    /// settles it. A file with no step applied is not being migrated by anyone: its error stands.
    static func migrate(_ pool: DatabasePool) throws {
        for attempt in 1...5 {
            do {
                return try migrator.migrate(pool)
            } catch where attempt < 5 {
                guard try pool.read({ try migrator.appliedIdentifiers($0) }).count > 0 else { throw error }
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }

    /// Opens the pool. Putting a fresh file in WAL mode needs it alone, and SQLite answers "locked"
    /// at once, without waiting, while another process does the same: so the open is tried again
    /// for up to ten seconds before that answer stands.
    static func openPool(_ path: String, _ config: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: config)
            } catch let error as DatabaseError where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && attempt < 100 {
                attempt += 1
                usleep(useconds_t(min(100_000, 5_000 * attempt)))
            }
        }
    }

    /// Looks at an existing file read-only first: someone else's database is refused before
    /// anything (WAL mode, the migrations table) is written to it. It waits, as a writer does, while
    /// another process holds the file (one that is making it, say).
    static func refuseForeign(_ path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        if !tables.isEmpty, !tables.contains("grdb_migrations") {
            throw TallyError(.storage, input: path, "this database already holds other tables (\(tables.prefix(3).joined(separator: ", "))); it is not Tally's")
        }
    }

    static func describe(_ error: DatabaseError, path: String) -> TallyError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return TallyError(.storage, input: path, "not a SQLite database, or a damaged one; give another --db file")
        case .SQLITE_FULL:
            return TallyError(.storage, input: path, "the disk is full; nothing of this batch was stored")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return TallyError(.storage, input: path, "cannot open the database for writing (check the folder and permissions)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return TallyError(.storage, input: path, "the database stayed locked by another process for 30 s; try again")
        default:
            return TallyError(.storage, input: path, "database error: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// Ordered, named schema steps. A shipped step is never edited; changes are new steps.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1 documents and claims") { db in
            // A database that has tables but not Tally's is someone else's: refuse it.
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'")
            if !tables.isEmpty {
                throw TallyError(.storage, input: nil, "this database already holds other tables (\(tables.prefix(3).joined(separator: ", "))); it is not Tally's")
            }
            try db.create(table: "documents") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("id", .text).notNull().indexed()
                t.column("hash", .text).notNull().unique()
                t.column("lang", .text)
                t.column("url", .text)
                t.column("title", .text)
                t.column("published", .text)
                t.column("text", .text).notNull()
                t.column("ingested_at", .double).notNull()
            }
            try db.create(table: "claims") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("document_seq", .integer).notNull().indexed().references("documents", column: "seq", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("who", .text).notNull()
                t.column("value", .integer)
                t.column("value_high", .integer)
                t.column("qualifier", .text).notNull()
                t.column("vague", .text)
                t.column("place", .text)
                t.column("place_id", .integer)
                t.column("country", .text)
                t.column("lat", .double)
                t.column("lon", .double)
                t.column("place_level", .text)
                t.column("date", .text)
                t.column("source", .text)
                t.column("source_class", .text)
                t.column("evidence", .text).notNull()
                t.column("span_start", .integer).notNull()
                t.column("span_end", .integer).notNull()
                t.column("number_start", .integer).notNull()
                t.column("number_end", .integer).notNull()
                t.column("implicit", .boolean).notNull()
            }
            try db.create(index: "claims_by_group", on: "claims", columns: ["kind", "who", "place_id", "date"])
        }
        m.registerMigration("v2 tallies") { db in try addTallies(db) }
        m.registerMigration("v3 cases and accounts") { db in try addCases(db) }
        m.registerMigration("v4 tally sources") { db in try addTallySources(db) }
        m.registerMigration("v5 claims by kind") { db in
            // `claims_by_group` (kind, who, place, day) scattered every new claim over the index,
            // and the claim API's only use of it, a kind filter in id order, sorted every claim of
            // the kind for one page. A (kind, id) index is appended to and serves that page in order.
            try db.execute(sql: "DROP INDEX claims_by_group")
            try db.execute(sql: "CREATE INDEX claims_by_kind ON claims (kind, id)")
        }
        return m
    }

    public func ingest(_ batch: [IngestItem]) async throws -> IngestSummary {
        do {
            return try await pool.write { db in
                var summary = IngestSummary()
                var stored: [ReconcileInput] = []
                let now = Date().timeIntervalSince1970
                for item in batch {
                    let d = item.document
                    try db.cachedStatement(sql: """
                        INSERT INTO documents (id, hash, lang, url, title, published, text, ingested_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(hash) DO NOTHING
                        """).execute(arguments: [d.id, item.contentHash, d.language, d.url, d.title, d.published?.description, d.text, now])
                    guard db.changesCount > 0 else {
                        summary.seen += 1
                        continue
                    }
                    let seq = db.lastInsertedRowID
                    let insertClaim = try db.cachedStatement(sql: """
                        INSERT INTO claims (document_seq, kind, who, value, value_high, qualifier, vague, place, place_id, country,
                            lat, lon, place_level, date, source, source_class, evidence, span_start, span_end, number_start, number_end,
                            implicit, family, published)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                    for c in item.claims {
                        try insertClaim.execute(arguments: [
                                seq, c.kind.rawValue, c.who.rawValue, c.quantity.value, c.quantity.valueHigh, c.quantity.qualifier.rawValue,
                                c.quantity.vague, c.place?.name, c.place?.geonameID, c.place?.country, c.place?.latitude, c.place?.longitude,
                                c.place?.level.rawValue, c.date?.description, c.source?.name, c.source?.sourceClass.rawValue, c.evidence,
                                c.span.start, c.span.end, c.numberSpan.start, c.numberSpan.end, c.implicit,
                                Reconciler.familyKey(c), d.published?.description,
                            ])
                        // As read back: a claim's document is the one it is stored with.
                        var input = ReconcileInput(claim: c, published: d.published, sequence: Int(seq))
                        input.claim.doc = d.id
                        stored.append(input)
                    }
                    summary.new += 1
                    summary.claims += item.claims.count
                }
                try Self.refreshTallies(db, new: stored)
                if summary.new > 0 { try db.execute(sql: "UPDATE store_changes SET count = count + 1") }
                return summary
            }
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    public func reconcileInputs(asOf: Day?) async throws -> [ReconcileInput] {
        try await pool.read { db in
            var sql = """
                SELECT c.*, d.id AS doc_id, d.published AS doc_published, d.seq AS doc_seq
                FROM claims c JOIN documents d ON d.seq = c.document_seq
                """
            var arguments: StatementArguments = []
            if let asOf {
                sql += " WHERE d.published IS NULL OR d.published <= ?"
                arguments = [asOf.description]
            }
            sql += " ORDER BY c.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap(Self.input)
        }
    }

    static func input(_ row: Row) -> ReconcileInput? {
        guard let kind = ClaimKind(rawValue: row["kind"]), let who = Group(rawValue: row["who"]),
              let qualifier = Qualifier(rawValue: row["qualifier"]) else { return nil }
        var place: Place? = nil
        if let name: String = row["place"] {
            place = Place(name: name, geonameID: row["place_id"], country: row["country"], latitude: row["lat"], longitude: row["lon"],
                          level: Place.Level(rawValue: row["place_level"] ?? "city") ?? .city)
        }
        var source: Source? = nil
        if let name: String = row["source"] {
            source = Source(name: name, sourceClass: SourceClass(rawValue: row["source_class"] ?? "") ?? .media)
        }
        let claim = Claim(
            doc: row["doc_id"], kind: kind, who: who,
            quantity: Quantity(value: row["value"], valueHigh: row["value_high"], qualifier: qualifier, vague: row["vague"]),
            place: place, date: (row["date"] as String?).flatMap { Day($0) }, source: source, evidence: row["evidence"],
            span: TextSpan(start: row["span_start"], end: row["span_end"]),
            numberSpan: TextSpan(start: row["number_start"], end: row["number_end"]), implicit: row["implicit"])
        return ReconcileInput(claim: claim, published: (row["doc_published"] as String?).flatMap { Day($0) }, sequence: row["doc_seq"])
    }

    public func changeCount() async throws -> Int {
        do {
            return try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count FROM store_changes") ?? 0 }
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    public func counts() async throws -> (documents: Int, claims: Int) {
        try await pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims") ?? 0)
        }
    }
}
