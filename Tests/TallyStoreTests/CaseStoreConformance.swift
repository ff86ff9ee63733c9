import Foundation
import GRDB
import TallyCore
import TallyTestSupport
import Testing
@testable import TallyStore

/// What every `CaseStore` must do — accounts, tokens, direct reports and their review, the
/// audit log — written once and run against SQLite and PostgreSQL. `tamper` runs raw SQL on the
/// fixture's database as someone with direct access would, to show the audit log refuses it.
enum CaseStoreConformance {
    static let key = PersonalDataKey.random()

    static func report(_ name: String?, city: String = "Moscow", placeID: Int? = 524901, date: String = "2026-03-14",
                       categories: [CaseReport.Category] = [], outcomes: [CaseReport.Outcome] = []) throws -> CaseReport {
        CaseReport(city: city, placeID: placeID, country: "RU", detentionPlace: "OVD Tverskoy", date: Day(date)!, time: "15:30",
                   categories: categories, gender: .female, outcomes: outcomes, charge: outcomes.contains(.charged) ? "Art. 20.2" : nil,
                   publishName: name == "Anna Petrova", name: try key.seal(name), contact: try key.seal("+7 900 000-00-00"),
                   circumstances: try key.seal("Held at the metro «Пушкинская» <b>"),
                   personKey: name.map { key.personKey(name: $0, date: Day(date)!, city: city) })
    }

    static func accountsAndTokens(_ f: StoreFixture) async throws {
        let store = try #require(try await f.open() as? any CaseStore)
        let admin = try await store.addUser(NewUser(name: "ada", role: .admin, passwordHash: "$2b$hash", totpSecret: try key.seal("SECRET")), actor: "cli")
        let viewer = try await store.addUser(NewUser(name: "vic", role: .viewer, passwordHash: "$2b$other", totpSecret: nil), actor: "user:ada")
        #expect(admin.id != viewer.id && !admin.disabled && admin.role == .admin)
        await #expect(throws: TallyError.self) { try await store.addUser(NewUser(name: "ada", role: .viewer, passwordHash: "x", totpSecret: nil), actor: "cli") }
        #expect(try await store.users().map(\.name) == ["ada", "vic"])
        let read = try #require(try await store.user(named: "ada"))
        #expect(read == admin)
        #expect(try key.open(read.totpSecret) == "SECRET")
        #expect(try await store.user(id: viewer.id)?.name == "vic")
        #expect(try await store.user(named: "' OR 1=1 --") == nil)

        let token = try await store.addToken(userID: viewer.id, label: "importer", hash: PersonalDataKey.tokenHash("t1"), actor: "cli")
        #expect(token.userID == viewer.id && !token.revoked)
        #expect(try await store.user(tokenHash: PersonalDataKey.tokenHash("t1"))?.name == "vic")
        #expect(try await store.user(tokenHash: PersonalDataKey.tokenHash("t2")) == nil)

        let disabled = try #require(try await store.setDisabled(true, userNamed: "vic", actor: "cli"))
        #expect(disabled.disabled)
        #expect(try await store.user(tokenHash: PersonalDataKey.tokenHash("t1"))?.disabled == true)
        #expect(try await store.setDisabled(true, userNamed: "nobody", actor: "cli") == nil)

        let audit = try await store.audit(after: nil, limit: 100)
        #expect(audit.map(\.action) == ["user.add", "user.add", "token.add", "user.disable"])
        #expect(audit.map(\.actor) == ["cli", "user:ada", "cli", "cli"])
        #expect(audit.map(\.id) == audit.map(\.id).sorted())
        #expect(audit[3].before?.contains("\"disabled\":\"false\"") == true && audit[3].after?.contains("\"disabled\":\"true\"") == true)
        // Neither the password hash nor the TOTP secret goes into the audit log.
        #expect(!audit.contains { ($0.after ?? "").contains("$2b$") || ($0.after ?? "").contains("v1:") })
        #expect(try await store.audit(after: audit[1].id, limit: 1).map(\.id) == [audit[2].id])
    }

    static func reportsAndReview(_ f: StoreFixture) async throws {
        let store = try #require(try await f.open() as? any CaseStore)
        let a = try await store.submit(try report("Anna Petrova", categories: [.journalist]), actor: "public")
        let b = try await store.submit(try report("anna  PETROVA"), actor: "public")
        let c = try await store.submit(try report(nil, city: "Minsk", placeID: 625144, outcomes: [.charged, .injured]), actor: "user:ed")
        #expect(a.status == .pending && a.id < b.id && b.id < c.id && a.submittedAt > 0)
        #expect(a.personKey == b.personKey && a.personKey != nil && c.personKey == nil)
        let readA = try #require(try await store.report(id: a.id))
        #expect(readA == a)
        #expect(try key.open(readA.name) == "Anna Petrova")
        #expect(try key.open(readA.circumstances) == "Held at the metro «Пушкинская» <b>")
        #expect(readA.categories == [.journalist] && readA.gender == .female && readA.time == "15:30")
        #expect(try await store.report(id: c.id)?.outcomes == [.charged, .injured])
        #expect(try await store.reports(status: .pending, after: nil, limit: 10).map(\.id) == [a.id, b.id, c.id])
        #expect(try await store.reports(status: nil, after: a.id, limit: 1).map(\.id) == [b.id])
        #expect(try await store.reportCount(status: .pending) == 3)

        // A merge needs a verified target.
        await #expect(throws: TallyError.self) { try await store.review(id: b.id, .merge(into: a.id), actor: "user:ed") }
        let verified = try #require(try await store.review(id: a.id, .verify, actor: "user:ed"))
        #expect(verified.status == .verified && verified.reviewedBy == "user:ed" && verified.reviewedAt != nil)
        let merged = try #require(try await store.review(id: b.id, .merge(into: a.id), actor: "user:ed"))
        #expect(merged.status == .merged && merged.mergedInto == a.id)
        let rejected = try #require(try await store.review(id: c.id, .reject, actor: "user:ed"))
        #expect(rejected.status == .rejected)
        // Only pending reports are reviewed; an unknown id is nil.
        await #expect(throws: TallyError.self) { try await store.review(id: a.id, .reject, actor: "user:ed") }
        await #expect(throws: TallyError.self) { try await store.review(id: c.id, .merge(into: c.id), actor: "user:ed") }
        #expect(try await store.review(id: 999_999, .verify, actor: "user:ed") == nil)
        #expect(try await store.reportCount(status: .pending) == 0)
        #expect(try await store.reportCount(status: .verified) == 1)
        #expect(try await store.reports(status: .verified, after: nil, limit: 10).map(\.id) == [a.id])

        let audit = try await store.audit(after: nil, limit: 100)
        #expect(audit.map(\.action) == ["report.submit", "report.submit", "report.submit", "report.verify", "report.merge", "report.reject"])
        #expect(audit.map(\.target) == [a, b, c, a, b, c].map { "report:\($0.id)" })
        #expect(audit[3].before?.contains("\"status\":\"pending\"") == true && audit[3].after?.contains("\"status\":\"verified\"") == true)
        // Personal fields stay sealed in the audit log too.
        #expect(!audit.contains { ($0.after ?? "").contains("Anna") || ($0.after ?? "").contains("+7 900") })
    }

    static func settingsKeepTheFirstValue(_ f: StoreFixture) async throws {
        let store = try #require(try await f.open() as? any CaseStore)
        #expect(try await store.setting("x") == nil)
        #expect(try await store.settingIfAbsent("x", "one") == "one")
        #expect(try await store.settingIfAbsent("x", "two") == "one")
        let again = try #require(try await f.open() as? any CaseStore)
        #expect(try await again.setting("x") == "one")
    }

    static func auditLogIsAppendOnly(_ f: StoreFixture, tamper: @Sendable (String) async throws -> Void) async throws {
        let store = try #require(try await f.open() as? any CaseStore)
        _ = try await store.addUser(NewUser(name: "ada", role: .admin, passwordHash: "h", totpSecret: nil), actor: "cli")
        try await store.appendAudit(actor: "user:ada", action: "document.ingest", target: "document:x", after: "{}")
        for statement in ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"] {
            await #expect(throws: (any Error).self, "\(statement)") { try await tamper(statement) }
        }
        let audit = try await store.audit(after: nil, limit: 10)
        #expect(audit.map(\.actor) == ["cli", "user:ada"])
    }
}

struct CaseStoreConformanceTests {
    static let checks: [String] = ["accountsAndTokens", "reportsAndReview", "settingsKeepTheFirstValue", "auditLogIsAppendOnly"]

    static func run(_ check: String, _ f: StoreFixture, tamper: @escaping @Sendable (String) async throws -> Void) async throws {
        try await f.runClosingAfterwards { f in
            switch check {
            case "accountsAndTokens": try await CaseStoreConformance.accountsAndTokens(f)
            case "reportsAndReview": try await CaseStoreConformance.reportsAndReview(f)
            case "settingsKeepTheFirstValue": try await CaseStoreConformance.settingsKeepTheFirstValue(f)
            default: try await CaseStoreConformance.auditLogIsAppendOnly(f, tamper: tamper)
            }
        }
    }

    @Test("SQLite case store", arguments: checks)
    func sqlite(_ check: String) async throws {
        let db = try TempDatabase()
        let path = db.path
        let fixture = StoreFixture(backend: "SQLite", open: { try SQLiteStore(path: path) }, poison: { _ in })
        try await Self.run(check, fixture) { statement in
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            try await queue.write { db in try db.execute(sql: statement) }
        }
    }

    @Test("PostgreSQL case store", .enabled(if: TestPostgres.enabled, Comment(rawValue: TestPostgres.skipNote)), arguments: checks)
    func postgres(_ check: String) async throws {
        try await TestPostgres.withFreshDatabase { url, _ in
            let fixture = StoreFixture(backend: "PostgreSQL", open: { try await PostgresStore.open(url: url) }, poison: { _ in })
            try await Self.run(check, fixture) { statement in
                try await TestPostgres.execute([statement], database: TestPostgres.databaseName(url))
            }
        }
    }
}
