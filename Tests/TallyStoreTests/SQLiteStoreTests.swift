import Foundation
import Testing
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

struct SQLiteStoreTests {
    @Test func storesDocumentsOnceAndReadsClaimsBack() async throws {
        let db = try TempDatabase()
        let store = try SQLiteStore(path: db.path)
        let first = try await store.ingest([item("a", "More than 300 held.", values: [300]), item("b", "Then 350 held.", values: [350])])
        #expect(first == IngestSummary(new: 2, seen: 0, claims: 2))
        // The same texts again, under other ids: nothing new.
        let again = try await store.ingest([item("a2", "More than 300 held.", values: [300])])
        #expect(again == IngestSummary(new: 0, seen: 1, claims: 0))
        let inputs = try await store.reconcileInputs(asOf: nil)
        #expect(inputs.count == 2)
        let a = try #require(inputs.first { $0.claim.doc == "a" })
        #expect(a.claim.quantity == Quantity(value: 300, qualifier: .atLeast))
        #expect(a.claim.place?.geonameID == 524901 && a.claim.source?.sourceClass == .monitoring)
        #expect(a.published == Day("2026-03-15"))
        let counts = try await store.counts()
        #expect(counts.documents == 2 && counts.claims == 2)
    }

    @Test func reopeningKeepsDataAndMigrationsRunOnce() async throws {
        let db = try TempDatabase()
        _ = try await SQLiteStore(path: db.path).ingest([item("a", "Text one.", values: [1])])
        let reopened = try SQLiteStore(path: db.path)
        #expect(try await reopened.counts().documents == 1)
    }

    @Test func asOfLeavesLaterDocumentsOut() async throws {
        let db = try TempDatabase()
        let store = try SQLiteStore(path: db.path)
        _ = try await store.ingest([item("a", "One.", published: "2026-03-15", values: [1]), item("b", "Two.", published: "2026-03-17", values: [2])])
        #expect(try await store.reconcileInputs(asOf: Day("2026-03-16")).map(\.claim.doc) == ["a"])
    }

    @Test func aForeignFileIsRefusedInOneLine() throws {
        let db = try TempDatabase()
        try Data("this is not a database, just text that is long enough to have a header".utf8).write(to: URL(fileURLWithPath: db.path))
        #expect(throws: TallyError(.storage, input: db.path, "not a SQLite database, or a damaged one; give another --db file")) {
            try SQLiteStore(path: db.path)
        }
    }

    @Test func concurrentWritersNeitherDuplicateNorLose() async throws {
        let db = try TempDatabase()
        let path = db.path
        _ = try SQLiteStore(path: path)
        // Four independent stores (as four processes would be) write overlapping batches at once.
        try await withThrowingTaskGroup(of: IngestSummary.self) { group in
            for w in 0..<4 {
                group.addTask {
                    let store = try SQLiteStore(path: path)
                    var total = IngestSummary()
                    for n in 0..<25 {
                        let k = (w * 10 + n) % 50
                        total = total + (try await store.ingest([item("d\(k)", "Document number \(k).", values: [k + 1])]))
                    }
                    return total
                }
            }
            var sum = IngestSummary()
            for try await s in group { sum = sum + s }
            // Documents 0…49 each written by two writers: every one stored once.
            #expect(sum.new == 50 && sum.seen == 50)
        }
        let counts = try await SQLiteStore(path: path).counts()
        #expect(counts.documents == 50 && counts.claims == 50)
        let docs = Set(try await SQLiteStore(path: path).reconcileInputs(asOf: nil).map(\.claim.doc))
        #expect(docs.count == counts.documents)
    }
}
