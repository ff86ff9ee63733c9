import Foundation
import GRDB
import Testing

/// `tally ingest` and `tally report` over a real SQLite file, as a user runs them.
struct IngestReportTests {
    static let corpus = """
        {"id": "wire-1", "lang": "en", "published": "2025-06-02", "text": "More than 400 people were detained across Georgia on Sunday, according to the rights group Civic Monitor. The group said at least 250 of them were detained in Tbilisi."}
        {"id": "blog-1", "lang": "en", "published": "2025-06-02", "text": "Police detained about 60 people in Tbilisi on Sunday, local reporters said."}
        {"id": "ru-1", "lang": "ru", "published": "2025-06-03", "text": "По данным МВД, в воскресенье в Батуми задержали 30 человек."}
        """

    @Test func ingestIsIdempotentAndTheReportReconciles() throws {
        let dir = try Scratch()
        let input = try dir.write("docs.jsonl", Self.corpus)
        let db = dir.path + "/tally.db"
        let first = try TallyProcess.run(["ingest", "--db", db, input])
        #expect(first.status == 0)
        #expect(first.stderrLines.last == "tally: documents new 3, seen 0, failed 0; claims 4")
        let second = try TallyProcess.run(["ingest", "--db", db, input])
        #expect(second.stderrLines.last == "tally: documents new 0, seen 3, failed 0; claims 0")

        let report = try TallyProcess.run(["report", "--db", db, "--format", "json"])
        #expect(report.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(object["as_of"] is String)
        let tallies = try #require(object["tallies"] as? [[String: Any]])
        let tbilisi = try #require(tallies.first { $0["place"] as? String == "Tbilisi" })
        let best = try #require(tbilisi["best"] as? [String: Any])
        #expect(best["value"] as? Int == 250 && best["source"] as? String == "Civic Monitor" && best["qualifier"] as? String == "at_least")
        #expect(tbilisi["low"] as? Int == 60 && tbilisi["claims"] as? Int == 2 && tbilisi["conflict"] as? Bool == true)
        #expect(tbilisi["date"] as? String == "2025-06-01")
        let georgia = try #require(tallies.first { $0["place"] as? String == "Georgia" })
        #expect((georgia["best"] as? [String: Any])?["value"] as? Int == 400)

        let csv = try TallyProcess.run(["report", "--db", db, "--format", "csv", "--place", "Batumi"])
        // RFC 4180 lines end in CRLF.
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("detained,people,Batumi,615532,GE,2025-06-01,30,exact,Interior Ministry,") == true)
    }

    @Test func batchesAreTheTransactionsAskedFor() throws {
        let dir = try Scratch()
        let input = try dir.write("docs.jsonl", Self.corpus)
        let db = dir.path + "/tally.db"
        // Each batch that stores something raises the store's change count once: three documents
        // in batches of two are two transactions; by default (2,000) they are one.
        #expect(try TallyProcess.run(["ingest", "--db", db, "--batch", "2", input]).status == 0)
        #expect(try Self.changeCount(db) == 2)
        let again = dir.path + "/again.db"
        #expect(try TallyProcess.run(["ingest", "--db", again, input]).status == 0)
        #expect(try Self.changeCount(again) == 1)
        let refused = try TallyProcess.run(["ingest", "--db", db, "--batch", "0", input])
        #expect(refused.status != 0 && refused.stderr.contains("--batch must be at least 1 document"))
    }

    static func changeCount(_ db: String) throws -> Int {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT count FROM store_changes") ?? -1 }
    }

    @Test func aForeignDatabaseIsOneClearError() throws {
        let dir = try Scratch()
        let db = try dir.write("notes.db", "plain text, not a database; long enough to fill a header page.")
        let result = try TallyProcess.run(["report", "--db", db])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["tally: error: \(db): not a SQLite database, or a damaged one; give another --db file"])
    }
}

struct ExportCommandTests {
    @Test func claimsExportAsGeoJSONAndTalliesAsCSV() throws {
        let dir = try Scratch()
        let input = try dir.write("docs.jsonl", IngestReportTests.corpus)
        let db = dir.path + "/tally.db"
        _ = try TallyProcess.run(["ingest", "--db", db, input])
        let geo = try TallyProcess.run(["export", "--db", db, "--format", "geojson"])
        #expect(geo.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(geo.stdout.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == 4)
        let batumi = try #require(features.first { ($0["properties"] as? [String: Any])?["place"] as? String == "Batumi" })
        let coordinates = try #require((batumi["geometry"] as? [String: Any])?["coordinates"] as? [Double])
        #expect(coordinates[0] > 41 && coordinates[0] < 42 && coordinates[1] > 41 && coordinates[1] < 42)  // [lon, lat]
        let csv = try TallyProcess.run(["export", "--db", db, "--what", "tallies"])
        #expect(csv.stdout.hasPrefix("kind,who,place,place_id,country,date,best,"))
        let bad = try TallyProcess.run(["export", "--db", db, "--what", "tallies", "--format", "geojson"])
        #expect(bad.status == 64)
    }
}

/// What `tally ingest` prints when standard error is not a terminal (a log, a pipe): no progress
/// bar, only problems and the summary line.
struct IngestOutputTests {
    @Test func offATerminalOnlyTheSummaryIsPrinted() throws {
        let dir = try Scratch()
        // Several batches, so progress would have been drawn several times.
        let input = try dir.write("docs.jsonl", CrashCorpus.lines(1_200))
        let result = try TallyProcess.run(["ingest", "--db", dir.path + "/tally.db", input])
        #expect(result.status == 0)
        #expect(result.stderrLines == ["tally: documents new 1200, seen 0, failed 0; claims 1200"])
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"))
        #expect(result.stdout.isEmpty)
    }
}
