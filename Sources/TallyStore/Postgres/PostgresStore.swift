import Foundation
import PostgresNIO
import TallyCore
import TallyReconcile

/// The shared store: a PostgreSQL database, for several `tally` processes or machines at once.
///
/// Same schema and behaviour as `SQLiteStore`. Connections come from a `PostgresClient` pool whose
/// background task the store owns: call `close()` when done.
public final class PostgresStore: Store {
    let client: PostgresClient
    let runner: Task<Void, Never>
    let url: PostgresURL
    let logger: Logger

    /// The URL as it may be shown, with the password hidden.
    public var redactedURL: String { url.redacted }

    private init(client: PostgresClient, runner: Task<Void, Never>, url: PostgresURL, logger: Logger) {
        self.client = client
        self.runner = runner
        self.url = url
        self.logger = logger
    }

    deinit { runner.cancel() }

    /// Connects to the database at `url` (`postgres://user:password@host:port/database`) and brings
    /// its schema up to date. A wrong password, an unreachable server, a missing database or a
    /// database that is not Tally's is refused with one clear line (the password never shown).
    public static func open(url text: String, maximumConnections: Int = 8) async throws -> PostgresStore {
        let url = try PostgresURL(text)
        var logger = Logger(label: "tally.postgres")
        logger.logLevel = .critical
        // One plain connection first: it fails at once with the server's reason, where the pool
        // would retry quietly for a while.
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(), id: 0, logger: logger)
            do {
                try await migrate(connection, url: url, logger: logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try? await connection.close()
        } catch {
            throw describe(error, url: url, connecting: true)
        }
        let client = PostgresClient(configuration: url.clientConfiguration(maximumConnections: maximumConnections))
        let runner = Task { await client.run() }
        return PostgresStore(client: client, runner: runner, url: url, logger: logger)
    }

    /// Closes every connection and stops the pool. The store cannot be used afterwards.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    // MARK: Writing

    public func ingest(_ batch: [IngestItem]) async throws -> IngestSummary {
        // A text given twice in one batch is stored once, the first time (as SQLite does).
        var summary = IngestSummary()
        var hashes = Set<String>()
        var unique: [(item: IngestItem, hash: String)] = []
        unique.reserveCapacity(batch.count)
        for item in batch {
            let hash = item.contentHash
            if hashes.insert(hash).inserted { unique.append((item, hash)) } else { summary.seen += 1 }
        }
        guard !unique.isEmpty else { return summary }
        let rows = unique
        var attempt = 0
        while true {
            do {
                let stored = try await transaction { connection in
                    try await Self.insert(rows, on: connection, logger: self.logger)
                }
                return summary + stored
            } catch let error as PSQLError where attempt < 3 && Self.isRetryable(error) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(20 * attempt))
            } catch {
                throw Self.describe(error, url: url, connecting: false)
            }
        }
    }

    static func isRetryable(_ error: PSQLError) -> Bool {
        // Deadlock or serialization failure: the transaction was rolled back, so running it again is safe.
        ["40P01", "40001"].contains(error.serverInfo?[.sqlState] ?? "")
    }

    /// Rows per statement: each column goes as one array parameter, so this only bounds its size.
    static let rowsPerStatement = 2_000

    static func insert(_ rows: [(item: IngestItem, hash: String)], on connection: PostgresConnection,
                       logger: Logger) async throws -> IngestSummary {
        // Sequence numbers in batch order, taken first; the rows are then inserted in hash order, so
        // two writers whose batches overlap lock the same texts in the same order and cannot deadlock.
        var seqs: [Int] = []
        seqs.reserveCapacity(rows.count)
        for try await seq in try await connection.query(
            "SELECT nextval(pg_get_serial_sequence('documents', 'seq')) FROM generate_series(1, \(rows.count))",
            logger: logger).decode(Int.self) {
            seqs.append(seq)
        }
        seqs.sort()
        guard seqs.count == rows.count else {
            throw TallyError(.storage, "the server handed out \(seqs.count) sequence numbers for \(rows.count) documents")
        }
        let now = Date().timeIntervalSince1970
        let order = rows.indices.sorted { rows[$0].hash < rows[$1].hash }

        var newSeqs = Set<Int>()
        for chunk in order.chunked(rowsPerStatement) {
            let documents = chunk.map { rows[$0].item.document }
            var binds = PostgresBindings(capacity: 9)
            binds.append(PostgresColumn(chunk.map { seqs[$0] }))
            binds.append(PostgresColumn(documents.map(\.id)))
            binds.append(PostgresColumn(chunk.map { rows[$0].hash }))
            binds.append(PostgresColumn(documents.map(\.language)))
            binds.append(PostgresColumn(documents.map(\.url)))
            binds.append(PostgresColumn(documents.map(\.title)))
            binds.append(PostgresColumn(documents.map { $0.published?.description }))
            binds.append(PostgresColumn(documents.map(\.text)))
            binds.append(PostgresColumn([Double](repeating: now, count: chunk.count)))
            let sql = """
                INSERT INTO documents (seq, id, hash, lang, url, title, published, text, ingested_at)
                SELECT seq, id, hash, lang, url, title, published, text, ingested_at FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::double precision[]) WITH ORDINALITY AS u(seq, id, hash, lang, url, title, published, text, ingested_at, n)
                ORDER BY n
                ON CONFLICT (hash) DO NOTHING RETURNING seq
                """
            for try await seq in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).decode(Int.self) {
                newSeqs.insert(seq)
            }
        }

        var summary = IngestSummary()
        var claims: [(seq: Int, claim: Claim, published: Day?)] = []
        for (i, row) in rows.enumerated() {
            guard newSeqs.contains(seqs[i]) else {
                summary.seen += 1
                continue
            }
            summary.new += 1
            summary.claims += row.item.claims.count
            for var c in row.item.claims {
                c.doc = row.item.document.id  // as read back: a claim's document is the one it is stored with
                claims.append((seqs[i], c, row.item.document.published))
            }
        }
        for chunk in claims.chunked(rowsPerStatement) {
            let cs = chunk.map(\.claim)
            var binds = PostgresBindings(capacity: 24)
            binds.append(PostgresColumn(chunk.map(\.seq)))
            binds.append(PostgresColumn(cs.map(\.kind.rawValue)))
            binds.append(PostgresColumn(cs.map(\.who.rawValue)))
            binds.append(PostgresColumn(cs.map(\.quantity.value)))
            binds.append(PostgresColumn(cs.map(\.quantity.valueHigh)))
            binds.append(PostgresColumn(cs.map(\.quantity.qualifier.rawValue)))
            binds.append(PostgresColumn(cs.map(\.quantity.vague)))
            binds.append(PostgresColumn(cs.map { $0.place?.name }))
            binds.append(PostgresColumn(cs.map { $0.place?.geonameID }))
            binds.append(PostgresColumn(cs.map { $0.place?.country }))
            binds.append(PostgresColumn(cs.map { $0.place?.latitude }))
            binds.append(PostgresColumn(cs.map { $0.place?.longitude }))
            binds.append(PostgresColumn(cs.map { $0.place?.level.rawValue }))
            binds.append(PostgresColumn(cs.map { $0.date?.description }))
            binds.append(PostgresColumn(cs.map { $0.source?.name }))
            binds.append(PostgresColumn(cs.map { $0.source?.sourceClass.rawValue }))
            binds.append(PostgresColumn(cs.map(\.evidence)))
            binds.append(PostgresColumn(cs.map(\.span.start)))
            binds.append(PostgresColumn(cs.map(\.span.end)))
            binds.append(PostgresColumn(cs.map(\.numberSpan.start)))
            binds.append(PostgresColumn(cs.map(\.numberSpan.end)))
            binds.append(PostgresColumn(cs.map(\.implicit)))
            binds.append(PostgresColumn(cs.map(Reconciler.familyKey)))
            binds.append(PostgresColumn(chunk.map { $0.published?.description }))
            let sql = """
                INSERT INTO claims (document_seq, kind, who, value, value_high, qualifier, vague, place, place_id, country,
                    lat, lon, place_level, date, source, source_class, evidence, span_start, span_end, number_start, number_end, implicit,
                    family, published)
                SELECT document_seq, kind, who, value, value_high, qualifier, vague, place, place_id, country,
                    lat, lon, place_level, date, source, source_class, evidence, span_start, span_end, number_start, number_end, implicit,
                    family, published
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[],
                    $9::bigint[], $10::text[], $11::double precision[], $12::double precision[], $13::text[], $14::text[],
                    $15::text[], $16::text[], $17::text[], $18::bigint[], $19::bigint[], $20::bigint[], $21::bigint[], $22::boolean[],
                    $23::text[], $24::text[])
                    WITH ORDINALITY AS u(document_seq, kind, who, value, value_high, qualifier, vague, place, place_id, country,
                    lat, lon, place_level, date, source, source_class, evidence, span_start, span_end, number_start, number_end,
                    implicit, family, published, n)
                ORDER BY n
                """
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        }
        try await refreshTallies(connection, new: claims.map { ReconcileInput(claim: $0.claim, published: $0.published, sequence: $0.seq) },
                                 logger: logger)
        // Last, so that concurrent writers wait on this row only for each other's commit.
        if summary.new > 0 { try await connection.query("UPDATE store_changes SET count = count + 1", logger: logger) }
        return summary
    }

    /// Runs `body` in one transaction on a pooled connection: committed if it returns, rolled back if it throws.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    // MARK: Reading

    public func reconcileInputs(asOf: Day?) async throws -> [ReconcileInput] {
        var query: PostgresQuery = """
            SELECT c.kind, c.who, c.value, c.value_high, c.qualifier, c.vague, c.place, c.place_id, c.country, c.lat, c.lon,
                c.place_level, c.date, c.source, c.source_class, c.evidence, c.span_start, c.span_end, c.number_start,
                c.number_end, c.implicit, d.id AS doc_id, d.published AS doc_published, d.seq AS doc_seq
            FROM claims c JOIN documents d ON d.seq = c.document_seq
            """
        if let asOf {
            query = "\(unescaped: query.sql) WHERE d.published IS NULL OR d.published <= \(asOf.description)"
        }
        query.sql += " ORDER BY c.id"
        do {
            var inputs: [ReconcileInput] = []
            for try await row in try await client.query(query, logger: logger) {
                if let input = try Self.input(row) { inputs.append(input) }
            }
            return inputs
        } catch {
            throw Self.describe(error, url: url, connecting: false)
        }
    }

    static func input(_ row: PostgresRow) throws -> ReconcileInput? {
        let r = row.makeRandomAccess()
        guard let kind = ClaimKind(rawValue: try r[0].decode(String.self)),
              let who = Group(rawValue: try r[1].decode(String.self)),
              let qualifier = Qualifier(rawValue: try r[4].decode(String.self)) else { return nil }
        var place: Place? = nil
        if let name = try r[6].decode(String?.self) {
            place = Place(name: name, geonameID: try r[7].decode(Int?.self), country: try r[8].decode(String?.self),
                          latitude: try r[9].decode(Double?.self), longitude: try r[10].decode(Double?.self),
                          level: Place.Level(rawValue: try r[11].decode(String?.self) ?? "city") ?? .city)
        }
        var source: Source? = nil
        if let name = try r[13].decode(String?.self) {
            source = Source(name: name, sourceClass: SourceClass(rawValue: try r[14].decode(String?.self) ?? "") ?? .media)
        }
        let claim = Claim(
            doc: try r[21].decode(String.self), kind: kind, who: who,
            quantity: Quantity(value: try r[2].decode(Int?.self), valueHigh: try r[3].decode(Int?.self), qualifier: qualifier,
                               vague: try r[5].decode(String?.self)),
            place: place, date: try r[12].decode(String?.self).flatMap { Day($0) }, source: source,
            evidence: try r[15].decode(String.self),
            span: TextSpan(start: try r[16].decode(Int.self), end: try r[17].decode(Int.self)),
            numberSpan: TextSpan(start: try r[18].decode(Int.self), end: try r[19].decode(Int.self)),
            implicit: try r[20].decode(Bool.self))
        return ReconcileInput(claim: claim, published: try r[22].decode(String?.self).flatMap { Day($0) },
                              sequence: try r[23].decode(Int.self))
    }

    /// The database's size on the server's disk, in bytes (`pg_database_size`).
    public func databaseSize() async throws -> Int {
        do {
            for try await size in try await client.query("SELECT pg_database_size(current_database())::bigint", logger: logger).decode(Int.self) {
                return size
            }
            return 0
        } catch {
            throw Self.describe(error, url: url, connecting: false)
        }
    }

    public func changeCount() async throws -> Int {
        do {
            for try await count in try await client.query("SELECT count FROM store_changes", logger: logger).decode(Int.self) {
                return count
            }
            return 0
        } catch {
            throw Self.describe(error, url: url, connecting: false)
        }
    }

    public func counts() async throws -> (documents: Int, claims: Int) {
        do {
            for try await (documents, claims) in try await client.query(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims)", logger: logger
            ).decode((Int, Int).self) {
                return (documents, claims)
            }
            return (0, 0)
        } catch {
            throw Self.describe(error, url: url, connecting: false)
        }
    }
}

extension Collection where Index == Int {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [SubSequence] {
        stride(from: startIndex, to: endIndex, by: size).map { self[$0..<Swift.min($0 + size, endIndex)] }
    }
}
