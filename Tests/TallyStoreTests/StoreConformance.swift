import Foundation
import GRDB
import TallyCore
import TallyReconcile
import TallyTestSupport
import Testing
@testable import TallyStore

/// One database of one backend, as the behaviour checks see it: stores can be opened on it any
/// number of times (as separate processes would), and a claim can be made to fail.
final class StoreFixture: Sendable {
    let backend: String
    private let opener: @Sendable () async throws -> any Store
    private let poisoner: @Sendable (String) async throws -> Void
    private let opened = Locked<[any Store]>([])

    init(backend: String, open: @escaping @Sendable () async throws -> any Store,
         poison: @escaping @Sendable (String) async throws -> Void) {
        self.backend = backend
        self.opener = open
        self.poisoner = poison
    }

    /// A new store on the fixture's database; closed by `closeAll`.
    func open() async throws -> any Store {
        let store = try await opener()
        opened.withLock { $0.append(store) }
        return store
    }

    /// From now on the database refuses a claim whose evidence is `evidence` (a constraint or trigger).
    func poison(evidence: String) async throws { try await poisoner(evidence) }

    func closeAll() async {
        for store in opened.withLock({ $0 }) { await store.close() }
    }
}

/// A small lock-protected box.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// What every `Store` must do, written once and run against SQLite and PostgreSQL.
enum StoreCheck: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case everyFieldReadsBack
    case reingestIsANoOp
    case batchIsAtomic
    case asOfLeavesLaterDocumentsOut
    case countsDocumentsAndClaims
    case sequenceFollowsIngestOrder
    case reopeningKeepsDataAndMigratesOnce
    case concurrentOpensOfAFreshDatabase
    case concurrentOverlappingIngestsNeitherDuplicateNorLose
    case storedTalliesMatchAFullReconcile
    case concurrentIngestsKeepTalliesRight
    case changeCountMovesWithEveryBatchThatStores

    var testDescription: String { rawValue }

    func run(_ f: StoreFixture) async throws {
        switch self {
        case .everyFieldReadsBack: try await StoreConformance.everyFieldReadsBack(f)
        case .reingestIsANoOp: try await StoreConformance.reingestIsANoOp(f)
        case .batchIsAtomic: try await StoreConformance.batchIsAtomic(f)
        case .asOfLeavesLaterDocumentsOut: try await StoreConformance.asOfLeavesLaterDocumentsOut(f)
        case .countsDocumentsAndClaims: try await StoreConformance.countsDocumentsAndClaims(f)
        case .sequenceFollowsIngestOrder: try await StoreConformance.sequenceFollowsIngestOrder(f)
        case .reopeningKeepsDataAndMigratesOnce: try await StoreConformance.reopeningKeepsDataAndMigratesOnce(f)
        case .concurrentOpensOfAFreshDatabase: try await StoreConformance.concurrentOpensOfAFreshDatabase(f)
        case .concurrentOverlappingIngestsNeitherDuplicateNorLose: try await StoreConformance.concurrentOverlappingIngests(f)
        case .storedTalliesMatchAFullReconcile: try await StoreConformance.storedTalliesMatchAFullReconcile(f)
        case .concurrentIngestsKeepTalliesRight: try await StoreConformance.concurrentIngestsKeepTalliesRight(f)
        case .changeCountMovesWithEveryBatchThatStores: try await StoreConformance.changeCountMoves(f)
        }
    }
}

enum StoreConformance {
    /// A claim with every optional field set, and one with none, on documents with and without metadata.
    static func everyFieldReadsBack(_ f: StoreFixture) async throws {
        let store = try await f.open()
        let text = "Полиция задержала от 10 до 20 «журналистов» in Minsk — 🚨 reports say."
        let full = Claim(
            doc: "full", kind: .injured, who: .journalists,
            quantity: Quantity(value: 10, valueHigh: 20, qualifier: .range, vague: "dozens"),
            place: Place(name: "Minsk", geonameID: 625144, country: "BY", latitude: 53.900_001_2, longitude: 27.566_667_89, level: .country),
            date: Day("2026-02-28"), source: Source(name: "Viasna", sourceClass: .caseRecords),
            evidence: text, span: TextSpan(start: 3, end: text.utf8.count), numberSpan: TextSpan(start: 40, end: 42), implicit: true)
        let bare = Claim(doc: "bare", kind: .killed, who: .people, quantity: Quantity(value: nil, qualifier: .about),
                         evidence: "", span: TextSpan(start: 0, end: 0), numberSpan: TextSpan(start: 0, end: 0))
        let summary = try await store.ingest([
            IngestItem(document: Document(id: "full", language: "ru", url: "https://example.org/a?b=1", title: "Заголовок",
                                          published: Day("2026-03-01"), text: text), claims: [full]),
            IngestItem(document: Document(id: "bare", text: "A text with no metadata."), claims: [bare]),
        ])
        #expect(summary == IngestSummary(new: 2, seen: 0, claims: 2))
        let inputs = try await store.reconcileInputs(asOf: nil)
        #expect(inputs.count == 2)
        let readFull = try #require(inputs.first { $0.claim.doc == "full" })
        #expect(readFull.claim == full)
        #expect(readFull.published == Day("2026-03-01"))
        let readBare = try #require(inputs.first { $0.claim.doc == "bare" })
        #expect(readBare.claim == bare)
        #expect(readBare.published == nil)
        #expect(readFull.sequence < readBare.sequence)
    }

    /// The same text again under another id changes nothing; so does a text given twice in one batch.
    static func reingestIsANoOp(_ f: StoreFixture) async throws {
        let store = try await f.open()
        let first = try await store.ingest([item("a", "More than 300 held.", values: [300]), item("b", "Then 350 held.", values: [350])])
        #expect(first == IngestSummary(new: 2, seen: 0, claims: 2))
        let before = try await store.reconcileInputs(asOf: nil)
        let again = try await store.ingest([item("a2", "More than 300 held.", values: [300, 301])])
        #expect(again == IngestSummary(new: 0, seen: 1, claims: 0))
        let after = try await store.reconcileInputs(asOf: nil)
        #expect(Set(after) == Set(before))
        #expect(!after.contains { $0.claim.doc == "a2" })
        let twice = try await store.ingest([item("c", "A third text.", values: [3]), item("c2", "A third text.", values: [4])])
        #expect(twice == IngestSummary(new: 1, seen: 1, claims: 1))
        let counts = try await store.counts()
        #expect(counts.documents == 3 && counts.claims == 3)
    }

    /// A batch that fails midway (one claim refused by the database) stores nothing at all.
    static func batchIsAtomic(_ f: StoreFixture) async throws {
        let store = try await f.open()
        _ = try await store.ingest([item("before", "Stored earlier.", values: [1])])
        try await f.poison(evidence: "POISON")
        var bad = item("bad", "The second document.", values: [2, 3])
        bad.claims[1].evidence = "POISON"
        let batch = [item("ok1", "The first document.", values: [1]), bad, item("ok2", "The third document.", values: [4])]
        let error = await #expect(throws: TallyError.self) { try await store.ingest(batch) }
        #expect(error?.code == .storage)
        let counts = try await store.counts()
        #expect(counts.documents == 1 && counts.claims == 1)
        #expect(try await store.reconcileInputs(asOf: nil).map(\.claim.doc) == ["before"])
        // Nothing of the failed batch is "seen": it all goes in when given again without the poison.
        let retry = try await store.ingest([batch[0], batch[2]])
        #expect(retry == IngestSummary(new: 2, seen: 0, claims: 2))
    }

    /// `asOf` keeps documents published up to that day (inclusive) and undated ones.
    static func asOfLeavesLaterDocumentsOut(_ f: StoreFixture) async throws {
        let store = try await f.open()
        var undated = item("u", "Undated.", values: [3])
        undated.document.published = nil
        _ = try await store.ingest([item("a", "One.", published: "2026-03-15", values: [1]),
                                    item("b", "Two.", published: "2026-03-17", values: [2]), undated])
        #expect(Set(try await store.reconcileInputs(asOf: Day("2026-03-16")).map(\.claim.doc)) == ["a", "u"])
        #expect(Set(try await store.reconcileInputs(asOf: Day("2026-03-17")).map(\.claim.doc)) == ["a", "b", "u"])
        #expect(Set(try await store.reconcileInputs(asOf: Day("2026-03-14")).map(\.claim.doc)) == ["u"])
        #expect(try await store.reconcileInputs(asOf: nil).count == 3)
    }

    static func countsDocumentsAndClaims(_ f: StoreFixture) async throws {
        let store = try await f.open()
        let empty = try await store.counts()
        #expect(empty.documents == 0 && empty.claims == 0)
        let s = try await store.ingest([item("a", "Three claims.", values: [1, 2, 3]), item("b", "No claims.", values: [])])
        #expect(s == IngestSummary(new: 2, seen: 0, claims: 3))
        let counts = try await store.counts()
        #expect(counts.documents == 2 && counts.claims == 3)
        #expect(try await store.ingest([]) == IngestSummary())
    }

    /// `sequence` follows ingest order: within a batch and across batches; seeing a text again keeps its place.
    static func sequenceFollowsIngestOrder(_ f: StoreFixture) async throws {
        let store = try await f.open()
        // Ids and texts chosen so that no other order (id, text, hash) matches the ingest order.
        let names = ["m", "c", "x", "a", "q", "h", "z", "b", "k", "e"]
        _ = try await store.ingest(names.prefix(7).map { item($0, "Text \($0) \(ContentHash.of($0))", values: [1]) })
        _ = try await store.ingest(names.suffix(3).map { item($0, "Text \($0) \(ContentHash.of($0))", values: [1]) })
        _ = try await store.ingest([item("m-again", "Text m \(ContentHash.of("m"))", values: [1])])
        let inputs = try await store.reconcileInputs(asOf: nil)
        #expect(inputs.sorted { $0.sequence < $1.sequence }.map(\.claim.doc) == names)
        #expect(Set(inputs.map(\.sequence)).count == names.count)
    }

    static func reopeningKeepsDataAndMigratesOnce(_ f: StoreFixture) async throws {
        let first = try await f.open()
        _ = try await first.ingest([item("a", "Text one.", values: [1])])
        await first.close()
        let reopened = try await f.open()
        #expect(try await reopened.counts().documents == 1)
        #expect(try await reopened.ingest([item("a", "Text one.", values: [1])]) == IngestSummary(new: 0, seen: 1, claims: 0))
        let third = try await f.open()
        #expect(try await third.counts().claims == 1)
    }

    /// Several processes starting at once on an empty database: each opens, the schema is made once.
    static func concurrentOpensOfAFreshDatabase(_ f: StoreFixture) async throws {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for w in 0..<4 {
                group.addTask {
                    let store = try await f.open()
                    return try await store.ingest([item("d\(w)", "Opened by writer \(w).", values: [w])]).new
                }
            }
            var new = 0
            for try await n in group { new += n }
            #expect(new == 4)
        }
        #expect(try await f.open().counts().documents == 4)
    }

    /// The change count moves with every batch that stores a document, whoever writes it, and
    /// stays when a batch stores nothing new (what the server's cache relies on).
    static func changeCountMoves(_ f: StoreFixture) async throws {
        let store = try await f.open(), other = try await f.open()
        let start = try await store.changeCount()
        _ = try await store.ingest([item("a", "First text.", values: [1])])
        let afterOne = try await store.changeCount()
        #expect(afterOne > start)
        _ = try await store.ingest([item("a-again", "First text.", values: [1])])
        _ = try await store.ingest([])
        #expect(try await store.changeCount() == afterOne)
        _ = try await other.ingest([item("b", "Second text.", values: [2]), item("c", "Third text.", values: [3])])
        let afterOther = try await store.changeCount()
        #expect(afterOther > afterOne)
        #expect(try await other.changeCount() == afterOther)
    }

    /// Four stores (as four processes) ingest overlapping batches in different orders at once.
    static func concurrentOverlappingIngests(_ f: StoreFixture) async throws {
        _ = try await f.open()
        let writers = 4, documents = 60, batch = 6
        let total = try await withThrowingTaskGroup(of: IngestSummary.self) { group in
            for w in 0..<writers {
                group.addTask {
                    let store = try await f.open()
                    // Every writer writes every document, each in its own order.
                    var order = Array(0..<documents)
                    if w % 2 == 1 { order.reverse() }
                    order = Array(order[(w * 7 % documents)...] + order[..<(w * 7 % documents)])
                    var sum = IngestSummary()
                    for start in stride(from: 0, to: documents, by: batch) {
                        let items = order[start..<min(start + batch, documents)].map { k in
                            item("d\(k)", "Document number \(k).", values: [k + 1, k + 2])
                        }
                        sum = sum + (try await store.ingest(items))
                    }
                    return sum
                }
            }
            var sum = IngestSummary()
            for try await s in group { sum = sum + s }
            return sum
        }
        #expect(total.new == documents && total.seen == documents * (writers - 1) && total.claims == documents * 2)
        let store = try await f.open()
        let counts = try await store.counts()
        #expect(counts.documents == documents && counts.claims == documents * 2)
        let inputs = try await store.reconcileInputs(asOf: nil)
        #expect(Set(inputs.map(\.claim.doc)) == Set((0..<documents).map { "d\($0)" }))
        #expect(Set(inputs.map(\.sequence)).count == documents)
        try await expectTalliesMatch(store)
    }
}

struct SQLiteConformanceTests {
    @Test("SQLite store", arguments: StoreCheck.allCases)
    func sqlite(_ check: StoreCheck) async throws {
        let db = try TempDatabase()
        let path = db.path
        let fixture = StoreFixture(backend: "SQLite", open: { try SQLiteStore(path: path) }, poison: { evidence in
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER poison BEFORE INSERT ON claims WHEN NEW.evidence = ?
                    BEGIN SELECT RAISE(ABORT, 'poisoned claim'); END
                    """.replacingOccurrences(of: "?", with: "'\(evidence)'"))
            }
            try queue.close()
        })
        try await check.run(closingAfterwards: fixture)
    }
}

struct PostgresConformanceTests {
    @Test("PostgreSQL store", .enabled(if: TestPostgres.enabled, Comment(rawValue: TestPostgres.skipNote)), arguments: StoreCheck.allCases)
    func postgres(_ check: StoreCheck) async throws {
        try await TestPostgres.withFreshDatabase { url, _ in
            let fixture = StoreFixture(backend: "PostgreSQL", open: { try await PostgresStore.open(url: url) }, poison: { evidence in
                try await TestPostgres.execute(["ALTER TABLE claims ADD CONSTRAINT poison CHECK (evidence <> '\(evidence)')"],
                                               database: TestPostgres.databaseName(url))
            })
            try await check.run(closingAfterwards: fixture)
        }
    }
}

extension StoreCheck {
    /// Runs the check, then closes every store the fixture opened, whether the check passed or threw.
    func run(closingAfterwards fixture: StoreFixture) async throws {
        try await fixture.runClosingAfterwards { try await self.run($0) }
    }
}

/// The server's reads — documents, claims by filter and page, places, sources — the same on both backends.
enum StoreReadingConformance {
    static func readsDocumentsClaimsPlacesAndSources(_ f: StoreFixture) async throws {
        let store = try await f.open()
        let moscow = Place(name: "Moscow", geonameID: 524901, country: "RU", latitude: 55.75, longitude: 37.62)
        let ovd = Source(name: "OVD-Info", sourceClass: .monitoring)
        func claim(_ doc: String, _ kind: ClaimKind, _ value: Int, _ place: Place?, _ source: Source?) -> Claim {
            Claim(doc: doc, kind: kind, quantity: Quantity(value: value), place: place, date: Day("2026-03-14"), source: source,
                  evidence: "Задержаны \(value) человек 🚨.", span: TextSpan(start: 0, end: 10), numberSpan: TextSpan(start: 2, end: 4))
        }
        let a1 = [claim("a", .detained, 310, moscow, ovd), claim("a", .injured, 5, nil, nil)]
        let b = [claim("b", .detained, 120, Place(name: "MOSCOW"), Source(name: "Interior Ministry", sourceClass: .official))]
        let a2 = [claim("a", .detained, 1300, moscow, ovd)]
        _ = try await store.ingest([
            IngestItem(document: Document(id: "a", language: "ru", url: "https://example.org/a", title: "Заголовок",
                                          published: Day("2026-03-15"), text: "Первый текст 🚨."), claims: a1),
            IngestItem(document: Document(id: "b", text: "Second text."), claims: b),
        ])
        _ = try await store.ingest([IngestItem(document: Document(id: "a", published: Day("2026-03-16"), text: "Второй текст."), claims: a2)])

        let documents = try await store.documents(after: nil, limit: 10)
        #expect(documents.map(\.id) == ["a", "b", "a"])
        #expect(documents.map(\.seq) == documents.map(\.seq).sorted() && Set(documents.map(\.seq)).count == 3)
        #expect(documents.map(\.bytes) == ["Первый текст 🚨.".utf8.count, "Second text.".utf8.count, "Второй текст.".utf8.count])
        #expect(documents.map(\.claims) == [2, 1, 1])
        #expect(documents[0] == DocumentSummary(seq: documents[0].seq, id: "a", language: "ru", url: "https://example.org/a",
                                                title: "Заголовок", published: Day("2026-03-15"), bytes: documents[0].bytes, claims: 2))
        #expect(try await store.documents(after: documents[0].seq, limit: 1).map(\.seq) == [documents[1].seq])
        #expect(try await store.documents(after: documents[2].seq, limit: 10).isEmpty)

        // One id stored with two texts: the latest is the document of that id.
        let latest = try #require(try await store.document(id: "a"))
        #expect(latest.text == "Второй текст." && latest.summary == documents[2])
        #expect(try await store.document(id: "missing") == nil)
        #expect(try await store.document(id: "' OR 1=1 --") == nil)

        let all = try await store.claims(ClaimFilter(limit: 100))
        #expect(all.map(\.claim) == a1 + b + a2)
        #expect(all.map(\.id) == all.map(\.id).sorted() && Set(all.map(\.id)).count == 4)
        #expect(all.map(\.published) == [Day("2026-03-15"), Day("2026-03-15"), nil, Day("2026-03-16")])
        #expect(all.map(\.documentSeq) == [documents[0].seq, documents[0].seq, documents[1].seq, documents[2].seq])
        func values(_ filter: ClaimFilter) async throws -> [Int?] { try await store.claims(filter).map(\.claim.quantity.value) }
        #expect(try await values(ClaimFilter(kind: .injured)) == [5])
        #expect(try await values(ClaimFilter(placeID: 524901)) == [310, 1300])
        #expect(try await values(ClaimFilter(placeName: "moscow")) == [310, 120, 1300])
        #expect(try await values(ClaimFilter(document: "a")) == [310, 5, 1300])
        #expect(try await values(ClaimFilter(documentSeq: documents[2].seq)) == [1300])
        #expect(try await values(ClaimFilter(source: "OVD-Info")) == [310, 1300])
        #expect(try await values(ClaimFilter(kind: .detained, source: "OVD-Info", limit: 1)) == [310])
        #expect(try await values(ClaimFilter(after: all[1].id, limit: 1)) == [120])
        #expect(try await values(ClaimFilter(source: "x' OR '1'='1")) == [])
        #expect(try await values(ClaimFilter(limit: 0)) == [])

        let places = try await store.places()
        #expect(places == [PlaceSummary(moscow, claims: 2, documents: 2), PlaceSummary(Place(name: "MOSCOW"), claims: 1, documents: 1)])
        let sources = try await store.sources()
        #expect(sources == [SourceSummary(ovd, claims: 2, documents: 2),
                            SourceSummary(Source(name: "Interior Ministry", sourceClass: .official), claims: 1, documents: 1)])
    }
}

struct StoreReadingConformanceTests {
    @Test func sqliteReads() async throws {
        let db = try TempDatabase()
        let path = db.path
        let fixture = StoreFixture(backend: "SQLite", open: { try SQLiteStore(path: path) }, poison: { _ in })
        try await fixture.runClosingAfterwards(StoreReadingConformance.readsDocumentsClaimsPlacesAndSources)
    }

    @Test(.enabled(if: TestPostgres.enabled, Comment(rawValue: TestPostgres.skipNote)))
    func postgresReads() async throws {
        try await TestPostgres.withFreshDatabase { url, _ in
            let fixture = StoreFixture(backend: "PostgreSQL", open: { try await PostgresStore.open(url: url) }, poison: { _ in })
            try await fixture.runClosingAfterwards(StoreReadingConformance.readsDocumentsClaimsPlacesAndSources)
        }
    }
}

extension StoreFixture {
    /// Runs `check`, then closes every store it opened, whether it passed or threw.
    func runClosingAfterwards(_ check: (StoreFixture) async throws -> Void) async throws {
        do {
            try await check(self)
        } catch {
            await closeAll()
            throw error
        }
        await closeAll()
    }
}
