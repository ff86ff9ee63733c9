import Foundation
import Testing
import GRDB
import TallyCore
@testable import TallyStore

/// A fresh database file in a temporary folder, removed afterwards.
final class TempDatabase {
    let folder = NSTemporaryDirectory() + "tally-store-" + UUID().uuidString
    var path: String { folder + "/tally.db" }
    init() throws { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

func item(_ id: String, _ text: String, published: String = "2026-03-15", values: [Int]) -> IngestItem {
    let claims = values.map { v in
        Claim(doc: id, kind: .detained, quantity: Quantity(value: v, qualifier: .atLeast),
              place: Place(name: "Moscow", geonameID: 524901, country: "RU", latitude: 55.75, longitude: 37.62),
              date: Day("2026-03-14"), source: Source(name: "Civic Monitor", sourceClass: .monitoring),
              evidence: text, span: TextSpan(start: 0, end: text.utf8.count), numberSpan: TextSpan(start: 0, end: 3))
    }
    return IngestItem(document: Document(id: id, language: "en", published: Day(published), text: text), claims: claims)
}

/// What only the SQLite backend does; the behaviour both backends share is in StoreConformance.swift.
struct SQLiteStoreTests {
    @Test func aForeignFileIsRefusedInOneLine() throws {
        let db = try TempDatabase()
        try Data("this is not a database, just text that is long enough to have a header".utf8).write(to: URL(fileURLWithPath: db.path))
        #expect(throws: TallyError(.storage, input: db.path, "not a SQLite database, or a damaged one; give another --db file")) {
            try SQLiteStore(path: db.path)
        }
    }
}

/// A database made by an older Tally, with claims but no tallies: opening it brings it up to date
/// and every tally (with what it keeps of its sources) is made from the stored claims.
struct SQLiteMigrationTests {
    @Test func aVersionOneDatabaseGetsTalliesEqualToAFullReconcile() async throws {
        let db = try TempDatabase()
        let queue = try DatabaseQueue(path: db.path)
        try SQLiteStore.migrator.migrate(queue, upTo: "v1 documents and claims")
        let corpus = RandomCorpus(seed: 3, documents: 80)
        try await queue.write { db in
            var seen = Set<String>()
            for item in corpus.items where seen.insert(item.contentHash).inserted {
                let d = item.document
                try db.execute(sql: "INSERT INTO documents (id, hash, lang, published, text, ingested_at) VALUES (?, ?, 'en', ?, ?, 0)",
                               arguments: [d.id, item.contentHash, d.published?.description, d.text])
                let seq = db.lastInsertedRowID
                for c in item.claims {
                    try db.execute(sql: """
                        INSERT INTO claims (document_seq, kind, who, value, value_high, qualifier, vague, place, place_id, country, place_level,
                            date, source, source_class, evidence, span_start, span_end, number_start, number_end, implicit)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [
                            seq, c.kind.rawValue, c.who.rawValue, c.quantity.value, c.quantity.valueHigh, c.quantity.qualifier.rawValue,
                            c.quantity.vague, c.place?.name, c.place?.geonameID, c.place?.country, c.place?.level.rawValue,
                            c.date?.description, c.source?.name, c.source?.sourceClass.rawValue, c.evidence, c.span.start, c.span.end,
                            c.numberSpan.start, c.numberSpan.end, c.implicit,
                        ])
                }
            }
        }
        try queue.close()
        let store = try SQLiteStore(path: db.path)
        let full = try await StoreConformance.expectTalliesMatch(store)
        #expect(full.count > 20)
        // And later batches add to what the step made.
        _ = try await store.ingest(RandomCorpus(seed: 4, documents: 40).items)
        try await StoreConformance.expectTalliesMatch(store)
        #expect(try await store.changeCount() == 1)
    }
}

/// `v5 claims by kind`: a store made before it loses the scattered (kind, who, place, day) index and
/// gains (kind, id), which pages the claim API's kind filter in id order without sorting.
struct SQLiteClaimsByKindTests {
    @Test func aVersionFourDatabaseGetsTheKindIndexAndKindPagesNeedNoSort() async throws {
        let db = try TempDatabase()
        let queue = try DatabaseQueue(path: db.path)
        try SQLiteStore.migrator.migrate(queue, upTo: "v4 tally sources")
        #expect(try await queue.read { try $0.indexes(on: "claims").map(\.name).contains("claims_by_group") })
        try queue.close()
        let store = try SQLiteStore(path: db.path)
        _ = try await store.ingest(RandomCorpus(seed: 5, documents: 60).items)
        let check = try DatabaseQueue(path: db.path)
        defer { try? check.close() }
        let indexes = try await check.read { try $0.indexes(on: "claims").map(\.name) }
        #expect(indexes.contains("claims_by_kind") && !indexes.contains("claims_by_group"))
        // The claim API's query for a kind, as `claims(_:)` builds it: read along the index, no sort.
        var filter = ClaimFilter(limit: 10)
        filter.kind = .detained
        let sql = "SELECT c.id FROM claims c JOIN documents d ON d.seq = c.document_seq WHERE "
            + filter.conditions.map(\.sql).joined(separator: " AND ") + " ORDER BY c.id LIMIT 10"
        let plan = try await check.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: ["detained"]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("claims_by_kind") } && !plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        let page = try await store.claims(filter)
        #expect(!page.isEmpty && page.allSatisfy { $0.claim.kind == .detained } && page.map(\.id) == page.map(\.id).sorted())
    }
}

/// A real SQLite database that is someone else's is refused in one line and left as it was.
struct ForeignSQLiteTests {
    @Test func anotherApplicationsDatabaseIsRefusedAndUntouched() throws {
        let db = try TempDatabase()
        let queue = try DatabaseQueue(path: db.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)") }
        try queue.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db.path))
        let error = #expect(throws: TallyError.self) { try SQLiteStore(path: db.path) }
        #expect(error?.description == "\(db.path): this database already holds other tables (invoices); it is not Tally's")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db.path)) == bytes)
        let check = try DatabaseQueue(path: db.path)
        #expect(try check.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") } == ["invoices"])
    }
}

/// A tally that only gains claims, and a derived country tally, are updated in place: their rows
/// keep their ids (no delete and insert, so their index entries are left alone) and their figures change.
struct SQLiteInPlaceTallyTests {
    func claim(_ doc: String, _ value: Int, in place: Place) -> IngestItem {
        let text = "Report \(doc): police detained \(value) people."
        let claim = Claim(doc: doc, kind: .detained, quantity: Quantity(value: value, qualifier: .exact), place: place,
                          date: Day("2026-03-14"), source: Source(name: "Civic Monitor", sourceClass: .monitoring), evidence: text,
                          span: TextSpan(start: 0, end: text.utf8.count), numberSpan: TextSpan(start: 0, end: 3))
        return IngestItem(document: Document(id: doc, language: "en", published: Day("2026-03-15"), text: text), claims: [claim])
    }

    func rows(_ path: String) throws -> [String: (id: Int, value: Int?)] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var out: [String: (id: Int, value: Int?)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, id, best_value FROM tallies") { out[row[0]] = (row[1], row[2]) }
            return out
        }
    }

    @Test func grownAndDerivedTalliesKeepTheirRows() async throws {
        let db = try TempDatabase()
        let moscow = Place(name: "Moscow", geonameID: 524901, country: "RU", latitude: 55.75, longitude: 37.62)
        let petersburg = Place(name: "Saint Petersburg", geonameID: 498817, country: "RU", latitude: 59.94, longitude: 30.31)
        let store = try SQLiteStore(path: db.path)
        _ = try await store.ingest([claim("a", 500, in: moscow), claim("b", 520, in: petersburg)])
        let before = try rows(db.path)
        let moscowKey = try #require(before.keys.first { $0.contains("geo:524901") })
        let derivedKey = try #require(before.keys.first { $0.hasPrefix("derived|") })
        #expect(before[derivedKey]?.value == 1_020)

        _ = try await store.ingest([claim("c", 700, in: moscow)])
        let after = try rows(db.path)
        #expect(after[moscowKey]?.id == before[moscowKey]?.id)
        #expect(after[moscowKey]?.value == 700)
        #expect(after[derivedKey]?.id == before[derivedKey]?.id)
        #expect(after[derivedKey]?.value == 1_220)
        try await StoreConformance.expectTalliesMatch(store)
    }
}

/// Tally keys go to SQLite as one JSON array (`json_each`): every key comes back as it was.
struct SQLiteJSONArrayTests {
    @Test func keysWithQuotesBackslashesAndControlsRoundTrip() throws {
        let keys = ["detained|people|pst \"john's\"|2026-03-14", "a\\b", "line\nbreak\u{1}", "задержаны|москва", ""]
        let queue = try DatabaseQueue()
        let back = try queue.read { try String.fetchAll($0, sql: "SELECT value FROM json_each(?)", arguments: [SQLiteStore.jsonArray(keys)]) }
        #expect(back == keys)
    }
}
