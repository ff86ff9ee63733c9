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
