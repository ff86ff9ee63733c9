import Foundation
import TallyCore
import TallyTestSupport
import Testing
@testable import TallyStore

/// URL handling: no server needed.
struct PostgresURLTests {
    @Test func passwordsAreNeverShown() throws {
        #expect(PostgresURL.redact("postgres://tally:s3cret@db.example:5433/tally") == "postgres://tally:***@db.example:5433/tally")
        #expect(PostgresURL.redact("postgresql://tally:p%40ss@host/db?sslmode=require") == "postgresql://tally:***@host/db?sslmode=require")
        #expect(PostgresURL.redact("postgres://tally@host/db?password=s3cret&sslmode=disable") == "postgres://tally@host/db?password=***&sslmode=disable")
        #expect(PostgresURL.redact("postgres://host/db") == "postgres://host/db")
        let error = #expect(throws: TallyError.self) { try PostgresURL("mysql://root:s3cret@host/db") }
        #expect(error.map { !"\($0)".contains("s3cret") } == true)
    }

    @Test func partsAreParsed() throws {
        let url = try PostgresURL("postgres://tally:p%40ss@db.example:5433/claims")
        #expect(url.host == "db.example" && url.port == 5433 && url.user == "tally" && url.password == "p@ss" && url.database == "claims")
        #expect(url.sslMode == .prefer)
        let local = try PostgresURL("postgres://tally@127.0.0.1/tally")
        #expect(local.port == 5432 && local.password == nil && local.sslMode == .disable)
        #expect(try PostgresURL("postgres://u:p@localhost/db?sslmode=require").sslMode == .require)
        #expect(try PostgresURL("postgres://u:p@/db?host=/var/run/postgresql").socketFolder == "/var/run/postgresql")
        #expect(throws: TallyError.self) { try PostgresURL("postgres://u:p@host/db?sslmode=sometimes") }
    }
}

/// What only the PostgreSQL backend does: its errors, its migration record, its speed.
@Suite(.enabled(if: TestPostgres.enabled, Comment(rawValue: TestPostgres.skipNote)))
struct PostgresStoreTests {
    @Test func aWrongPasswordIsOneClearLineWithoutThePassword() async throws {
        let server = try await TestPostgres.server()
        let url = server.url(database: server.adminDatabase, password: "wrong-Pa55word")
        let error = try #require(await #expect(throws: TallyError.self) { try await PostgresStore.open(url: url) })
        #expect(error.code == .storage)
        #expect(error.input == "postgres://\(server.user):***@\(server.host):\(server.port)/\(server.adminDatabase)")
        #expect(error.message.hasPrefix("the server refused the login of user '\(server.user)'"))
        #expect(!"\(error)".contains("wrong-Pa55word") && !"\(error)".contains(server.password))
        #expect(!"\(error)".contains("\n"))
    }

    @Test func anUnreachableServerIsOneClearLine() async throws {
        let port = TestPostgres.freePort()
        let error = try #require(await #expect(throws: TallyError.self) {
            try await PostgresStore.open(url: "postgres://tally:s3cret@127.0.0.1:\(port)/tally")
        })
        #expect(error.code == .storage && error.input == "postgres://tally:***@127.0.0.1:\(port)/tally")
        #expect(error.message.hasPrefix("cannot reach the PostgreSQL server at 127.0.0.1:\(port)"))
        #expect(!"\(error)".contains("s3cret") && !"\(error)".contains("\n"))
    }

    @Test func aMissingDatabaseIsNamed() async throws {
        let server = try await TestPostgres.server()
        let error = try #require(await #expect(throws: TallyError.self) {
            try await PostgresStore.open(url: server.url(database: "no_such_tally_db"))
        })
        #expect(error.code == .storage)
        #expect(error.message == "database 'no_such_tally_db' does not exist on the server; create it first (createdb no_such_tally_db)")
        #expect(!"\(error)".contains(server.password))
    }

    @Test func aForeignDatabaseIsRefusedAndLeftAlone() async throws {
        try await TestPostgres.withFreshDatabase { url, server in
            let name = TestPostgres.databaseName(url)
            try await TestPostgres.execute(["CREATE TABLE invoices (id int)", "CREATE TABLE customers (id int)"], database: name)
            let error = try #require(await #expect(throws: TallyError.self) { try await PostgresStore.open(url: url) })
            #expect(error.code == .storage)
            #expect(error.message == "this database already holds other tables (customers, invoices); it is not Tally's")
            #expect(error.input?.contains("***") == true && !"\(error)".contains(server.password))
            // Nothing was created in it.
            let error2 = try #require(await #expect(throws: TallyError.self) { try await PostgresStore.open(url: url) })
            #expect(error2.message == error.message)
        }
    }

    @Test func migrationsAreRecordedOnceByName() async throws {
        try await TestPostgres.withFreshDatabase { url, _ in
            for _ in 0..<2 {
                let store = try await PostgresStore.open(url: url)
                await store.close()
            }
            let store = try await PostgresStore.open(url: url)
            var names: [String] = []
            for try await name in try await store.client.query("SELECT name FROM tally_migrations ORDER BY name").decode(String.self) {
                names.append(name)
            }
            var indexes: [String] = []
            for try await name in try await store.client.query(
                "SELECT indexname::text FROM pg_indexes WHERE tablename = 'claims' ORDER BY indexname").decode(String.self) {
                indexes.append(name)
            }
            await store.close()
            #expect(names == PostgresStore.migrations.map(\.name))
            // `v5 claims by kind` replaced the scattered (kind, who, place, day) index with (kind, id).
            #expect(indexes.contains("claims_by_kind") && !indexes.contains("claims_by_group"), "\(indexes)")
        }
    }

    @Test func aClosedStoreRefusesWork() async throws {
        try await TestPostgres.withFreshDatabase { url, _ in
            let store = try await PostgresStore.open(url: url)
            await store.close()
            await #expect(throws: TallyError.self) { try await store.counts() }
        }
    }

    /// A batch of thousands of documents goes in whole, with every claim. (Speed is measured by
    /// `tally bench store`, never asserted in a test.)
    @Test func aLargeIngestStoresEveryDocumentAndClaim() async throws {
        try await TestPostgres.withFreshDatabase { url, _ in
            let store = try await PostgresStore.open(url: url)
            let documents = 4_000
            let items = (0..<documents).map { k in item("doc\(k)", "Document \(k): more than \(k) people were detained.", values: [k, k + 1]) }
            var summary = IngestSummary()
            for start in stride(from: 0, to: documents, by: 200) {
                summary = summary + (try await store.ingest(Array(items[start..<start + 200])))
            }
            let counts = try await store.counts()
            await store.close()
            #expect(summary == IngestSummary(new: documents, seen: 0, claims: 2 * documents))
            #expect(counts.documents == documents && counts.claims == 2 * documents)
        }
    }
}
