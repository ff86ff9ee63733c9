import PostgresNIO
import TallyCore

/// The server's reads: documents, claims, places and sources, each one indexed query.
extension PostgresStore {
    public func documents(after: Int?, limit: Int) async throws -> [DocumentSummary] {
        let query: PostgresQuery = """
            SELECT \(unescaped: Self.summaryColumns) FROM documents d WHERE d.seq > \(after ?? 0) ORDER BY d.seq LIMIT \(max(0, limit))
            """
        return try await rows(query) { try Self.summary($0.makeRandomAccess()) }
    }

    public func document(id: String) async throws -> StoredDocument? {
        let query: PostgresQuery = """
            SELECT \(unescaped: Self.summaryColumns), d.text FROM documents d WHERE d.id = \(id) ORDER BY d.seq DESC LIMIT 1
            """
        return try await rows(query) { row in
            let r = row.makeRandomAccess()
            return StoredDocument(summary: try Self.summary(r), text: try r[8].decode(String.self))
        }.first
    }

    public func claims(_ filter: ClaimFilter) async throws -> [StoredClaim] {
        var sql = """
            SELECT c.kind, c.who, c.value, c.value_high, c.qualifier, c.vague, c.place, c.place_id, c.country, c.lat, c.lon,
                c.place_level, c.date, c.source, c.source_class, c.evidence, c.span_start, c.span_end, c.number_start,
                c.number_end, c.implicit, d.id AS doc_id, d.published AS doc_published, d.seq AS doc_seq, c.id
            FROM claims c JOIN documents d ON d.seq = c.document_seq WHERE TRUE
            """
        var binds = PostgresBindings()
        for (condition, value) in filter.conditions {
            switch value {
            case .text(let text): binds.append(text)
            case .integer(let n): binds.append(n)
            }
            sql += " AND " + condition.replacingOccurrences(of: "?", with: "$\(binds.count)")
        }
        binds.append(max(0, filter.limit))
        sql += " ORDER BY c.id LIMIT $\(binds.count)"
        return try await rows(PostgresQuery(unsafeSQL: sql, binds: binds)) { row in
            guard let input = try Self.input(row) else { return nil }
            return StoredClaim(id: try row.makeRandomAccess()[24].decode(Int.self), documentSeq: input.sequence,
                               published: input.published, claim: input.claim)
        }.compactMap { $0 }
    }

    public func places() async throws -> [PlaceSummary] {
        let query: PostgresQuery = """
            SELECT place, place_id, country, lat, lon, place_level, count(*), count(DISTINCT document_seq)
            FROM claims WHERE place IS NOT NULL GROUP BY place, place_id, country, lat, lon, place_level
            """
        return try await rows(query) { row in
            let r = row.makeRandomAccess()
            return PlaceSummary(
                Place(name: try r[0].decode(String.self), geonameID: try r[1].decode(Int?.self), country: try r[2].decode(String?.self),
                             latitude: try r[3].decode(Double?.self), longitude: try r[4].decode(Double?.self),
                             level: Place.Level(rawValue: try r[5].decode(String?.self) ?? "city") ?? .city),
                claims: try r[6].decode(Int.self), documents: try r[7].decode(Int.self))
        }.sortedByMentions(\.readingKey)
    }

    public func sources() async throws -> [SourceSummary] {
        let query: PostgresQuery = """
            SELECT source, source_class, count(*), count(DISTINCT document_seq)
            FROM claims WHERE source IS NOT NULL GROUP BY source, source_class
            """
        return try await rows(query) { row in
            let r = row.makeRandomAccess()
            return SourceSummary(
                Source(name: try r[0].decode(String.self), sourceClass: SourceClass(rawValue: try r[1].decode(String?.self) ?? "") ?? .media),
                claims: try r[2].decode(Int.self), documents: try r[3].decode(Int.self))
        }.sortedByMentions(\.readingKey)
    }

    static let summaryColumns = """
        d.seq, d.id, d.lang, d.url, d.title, d.published, octet_length(d.text)::bigint,
        (SELECT count(*) FROM claims c WHERE c.document_seq = d.seq)
        """

    static func summary(_ r: PostgresRandomAccessRow) throws -> DocumentSummary {
        DocumentSummary(seq: try r[0].decode(Int.self), id: try r[1].decode(String.self), language: try r[2].decode(String?.self),
                        url: try r[3].decode(String?.self), title: try r[4].decode(String?.self),
                        published: try r[5].decode(String?.self).flatMap { Day($0) }, bytes: try r[6].decode(Int.self),
                        claims: try r[7].decode(Int.self))
    }

    /// Runs a read and maps its rows; failures become one `TallyError` line (no password, no query).
    private func rows<T>(_ query: PostgresQuery, _ transform: (PostgresRow) throws -> T) async throws -> [T] {
        do {
            var out: [T] = []
            for try await row in try await client.query(query, logger: logger) { out.append(try transform(row)) }
            return out
        } catch {
            throw Self.describe(error, url: url, connecting: false)
        }
    }
}
