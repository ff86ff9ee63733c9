import GRDB
import TallyCore

/// The server's reads: documents, claims, places and sources, each one indexed query.
extension SQLiteStore {
    public func documents(after: Int?, limit: Int) async throws -> [DocumentSummary] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM documents d WHERE d.seq > ? ORDER BY d.seq LIMIT ?
                """, arguments: [after ?? 0, max(0, limit)]).map(Self.summary)
        }
    }

    public func document(id: String) async throws -> StoredDocument? {
        try await read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(Self.summaryColumns), d.text FROM documents d WHERE d.id = ? ORDER BY d.seq DESC LIMIT 1
                """, arguments: [id]).map { StoredDocument(summary: Self.summary($0), text: $0["text"]) }
        }
    }

    public func claims(_ filter: ClaimFilter) async throws -> [StoredClaim] {
        var sql = """
            SELECT c.*, d.id AS doc_id, d.published AS doc_published, d.seq AS doc_seq
            FROM claims c JOIN documents d ON d.seq = c.document_seq WHERE 1 = 1
            """
        var arguments: StatementArguments = []
        for (condition, value) in filter.conditions {
            sql += " AND " + condition
            switch value {
            case .text(let text): arguments += [text]
            case .integer(let n): arguments += [n]
            }
        }
        sql += " ORDER BY c.id LIMIT ?"
        arguments += [max(0, filter.limit)]
        let query = sql, values = arguments
        return try await read { db in
            try Row.fetchAll(db, sql: query, arguments: values).compactMap { row in
                Self.input(row).map { StoredClaim(id: row["id"], documentSeq: $0.sequence, published: $0.published, claim: $0.claim) }
            }
        }
    }

    public func places() async throws -> [PlaceSummary] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT place, place_id, country, lat, lon, place_level, COUNT(*) AS claims, COUNT(DISTINCT document_seq) AS documents
                FROM claims WHERE place IS NOT NULL GROUP BY place, place_id, country, lat, lon, place_level
                """).map { row in
                PlaceSummary(
                    Place(name: row["place"], geonameID: row["place_id"], country: row["country"], latitude: row["lat"],
                          longitude: row["lon"], level: Place.Level(rawValue: row["place_level"] ?? "city") ?? .city),
                    claims: row["claims"], documents: row["documents"])
            }
        }.sortedByMentions(\.readingKey)
    }

    public func sources() async throws -> [SourceSummary] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT source, source_class, COUNT(*) AS claims, COUNT(DISTINCT document_seq) AS documents
                FROM claims WHERE source IS NOT NULL GROUP BY source, source_class
                """).map { row in
                SourceSummary(Source(name: row["source"], sourceClass: SourceClass(rawValue: row["source_class"] ?? "") ?? .media),
                              claims: row["claims"], documents: row["documents"])
            }
        }.sortedByMentions(\.readingKey)
    }

    static let summaryColumns = """
        d.seq, d.id, d.lang, d.url, d.title, d.published, length(CAST(d.text AS BLOB)) AS bytes,
        (SELECT COUNT(*) FROM claims c WHERE c.document_seq = d.seq) AS claims
        """

    static func summary(_ row: Row) -> DocumentSummary {
        DocumentSummary(seq: row["seq"], id: row["id"], language: row["lang"], url: row["url"], title: row["title"],
                        published: (row["published"] as String?).flatMap { Day($0) }, bytes: row["bytes"], claims: row["claims"])
    }

    /// A read that reports failures as one `TallyError` line, as writes do.
    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }
}
