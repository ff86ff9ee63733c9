import Foundation
import TallyCore
import Testing
@testable import TallyStore

/// AES-GCM sealing of personal fields and finding the key: env, key file (0600, made on first
/// run), and the refusals that leave the server serving public data only.
struct PersonalDataKeyTests {
    @Test func sealedValuesOpenOnlyWithTheirKeyAndNeverRepeat() throws {
        let key = PersonalDataKey.random(), other = PersonalDataKey.random()
        let a = try #require(try key.seal("Анна Петрова"))
        let b = try #require(try key.seal("Анна Петрова"))
        #expect(a != b && a.hasPrefix("v1:") && !a.contains("Анна"))
        #expect(try key.open(a) == "Анна Петрова")
        #expect(throws: TallyError.self) { try other.open(a) }
        var tampered = Array(a.utf8)
        tampered[tampered.count - 3] ^= 1
        #expect(throws: TallyError.self) { try key.open(String(decoding: tampered, as: UTF8.self)) }
        #expect(try key.seal(nil) == nil)
        #expect(try key.open(nil) == nil)
        #expect(try PersonalDataKey(base64: key.base64).open(a) == "Анна Петрова")
        #expect(throws: TallyError.self) { try PersonalDataKey(base64: "c2hvcnQ=") }
        // The person key is the same for the same name written differently, and differs by day and key.
        let day = Day("2026-03-14")!
        #expect(key.personKey(name: "Anna  Petrova", date: day, city: "Moscow") == key.personKey(name: "anna petrova.", date: day, city: "MOSCOW"))
        #expect(key.personKey(name: "Anna Petrova", date: day, city: "Moscow") != key.personKey(name: "Anna Petrova", date: day.adding(days: 1), city: "Moscow"))
        #expect(key.personKey(name: "Anna Petrova", date: day, city: "Moscow") != other.personKey(name: "Anna Petrova", date: day, city: "Moscow"))
    }

    @Test func theKeyFileIsMadeOnFirstRunWithMode0600AndRefusedWhenWrong() async throws {
        let db = try TempDatabase()
        let store = try SQLiteStore(path: db.path)
        let keyFile = db.folder + "/tally.key"
        let first = try await PersonalDataKey.resolve(store: store, keyFile: keyFile, environment: [:])
        let key = try #require(first.key)
        let mode = try #require((try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? NSNumber)?.intValue)
        #expect(mode == 0o600)
        // The same file again: the same key.
        #expect(try await PersonalDataKey.resolve(store: store, keyFile: keyFile, environment: [:]).key?.base64 == key.base64)
        // TALLY_KEY wins; another key than the store's is refused.
        let other = PersonalDataKey.random().base64
        guard case .missing(let wrong) = try await PersonalDataKey.resolve(store: store, keyFile: keyFile, environment: ["TALLY_KEY": other]) else {
            Issue.record("another key was taken")
            return
        }
        #expect(wrong.contains("does not open"))
        #expect(try await PersonalDataKey.resolve(store: store, keyFile: "/nonexistent/x", environment: ["TALLY_KEY": key.base64]).key != nil)
        guard case .missing(let bad) = try await PersonalDataKey.resolve(store: store, keyFile: keyFile, environment: ["TALLY_KEY": "nope"]) else {
            Issue.record("a malformed TALLY_KEY was taken")
            return
        }
        #expect(bad.contains("TALLY_KEY"))
        // A key file others may read is refused, and so is a missing one once data is sealed.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
        guard case .missing(let open) = try await PersonalDataKey.resolve(store: store, keyFile: keyFile, environment: [:]) else {
            Issue.record("a world-readable key file was taken")
            return
        }
        #expect(open.contains("chmod 600"))
        try FileManager.default.removeItem(atPath: keyFile)
        guard case .missing(let gone) = try await PersonalDataKey.resolve(store: store, keyFile: keyFile, environment: [:]) else {
            Issue.record("a new key was made for a store sealed with another")
            return
        }
        #expect(gone.contains("sealed with a key that is not here"))
        #expect(!FileManager.default.fileExists(atPath: keyFile))
    }

    @Test func verifiedCaseRecordsBecomeTalliesOfTheirOwnSourceClass() async throws {
        let db = try TempDatabase()
        let store = try SQLiteStore(path: db.path)
        var reports: [CaseReport] = []
        for n in 0..<6 {
            var r = try CaseStoreConformance.report("Person \(n)", categories: n < 2 ? [.journalist] : [], outcomes: n == 0 ? [.injured] : [])
            r.id = n + 1
            r.status = .verified
            reports.append(r)
        }
        // Three people: under the threshold of 5, every figure is "fewer than 5".
        let few = try #require(CaseRecordDocuments.item(verified: Array(reports.prefix(3)), threshold: 5, now: Date(timeIntervalSince1970: 1_800_000_000)))
        #expect(few.claims.allSatisfy { $0.quantity.value == nil && $0.quantity.vague == "fewer than 5" })
        #expect(!few.document.text.contains("At least"))
        for c in few.claims {
            let bytes = Array(few.document.text.utf8)
            #expect(String(decoding: bytes[c.span.start..<c.span.end], as: UTF8.self) == c.evidence)
        }
        _ = try await store.ingest([few])
        var moscow = try await store.tallies(TallyFilter(kind: .detained, place: "Moscow"))
        #expect(moscow.first { $0.who == .people }?.best.vague == "fewer than 5")
        #expect(moscow.first { $0.who == .people }?.best.source == CaseRecordDocuments.source.name)

        // Six people: at least 6 (a lower bound: distinct people), replacing the earlier figure.
        let six = try #require(CaseRecordDocuments.item(verified: reports, threshold: 5, now: Date(timeIntervalSince1970: 1_800_000_100)))
        let people = try #require(six.claims.first { $0.kind == .detained && $0.who == .people })
        #expect(people.quantity == Quantity(value: 6, qualifier: .atLeast) && people.source?.sourceClass == .caseRecords)
        #expect(String(decoding: Array(six.document.text.utf8)[people.numberSpan.start..<people.numberSpan.end], as: UTF8.self) == "6")
        #expect(six.claims.first { $0.who == .journalists }?.quantity.vague == "fewer than 5")
        #expect(six.claims.contains { $0.kind == .injured } && !six.claims.contains { $0.kind == .drafted })
        _ = try await store.ingest([six])
        moscow = try await store.tallies(TallyFilter(kind: .detained, place: "Moscow"))
        #expect(moscow.first { $0.who == .people }?.best.value == 6)
        #expect(moscow.first { $0.who == .people }?.best.qualifier == .atLeast)
    }
}
