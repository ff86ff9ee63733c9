import Foundation
import TallyTestSupport
import Testing

/// `tally ingest`, `report` and `export` over PostgreSQL (`--database-url`), as a user runs them.
@Suite(.enabled(if: TestPostgres.enabled, Comment(rawValue: TestPostgres.skipNote)))
struct PostgresCLITests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples").path

    /// "tally: documents new 3, seen 0, failed 0; claims 4" → (3, 0, 0, 4).
    static func summary(_ result: TallyProcess.Result) -> [Int]? {
        guard let line = result.stderrLines.last, line.hasPrefix("tally: documents new ") else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return numbers.count == 4 ? numbers : nil
    }

    @Test func ingestTwiceThenReportOnPostgres() async throws {
        try await TestPostgres.withFreshDatabase { url, server in
            let first = try await TallyProcess.runDetached(["ingest", "--database-url", url, Self.samples])
            #expect(first.status == 0, "\(first.stderr)")
            let counts = try #require(Self.summary(first), "\(first.stderr)")
            #expect(counts[0] > 0 && counts[1] == 0 && counts[2] == 0 && counts[3] > 0)
            let second = try await TallyProcess.runDetached(["ingest", "--database-url", url, Self.samples])
            #expect(second.status == 0)
            #expect(Self.summary(second) == [0, counts[0], 0, 0])

            let report = try await TallyProcess.runDetached(["report", "--database-url", url, "--format", "json"])
            #expect(report.status == 0, "\(report.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
            let tallies = try #require(object["tallies"] as? [[String: Any]])
            #expect(!tallies.isEmpty)
            #expect(tallies.allSatisfy { $0["best"] is [String: Any] && $0["kind"] is String })
            // The same report as SQLite gives for the same inputs.
            let dir = try Scratch()
            _ = try await TallyProcess.runDetached(["ingest", "--db", dir.path + "/t.db", Self.samples])
            let sqlite = try await TallyProcess.runDetached(["report", "--db", dir.path + "/t.db", "--format", "csv"])
            let postgres = try await TallyProcess.runDetached(["report", "--database-url", url, "--format", "csv"])
            #expect(postgres.stdout == sqlite.stdout && !postgres.stdout.isEmpty)
            #expect(!report.stderr.contains(server.password))
        }
    }

    @Test func theURLMayComeFromTheEnvironmentAndDbWins() async throws {
        try await TestPostgres.withFreshDatabase { url, _ in
            let dir = try Scratch()
            let input = try dir.write("docs.jsonl", IngestReportTests.corpus)
            let viaEnv = try await TallyProcess.runDetached(["ingest", input], environment: ["TALLY_DATABASE_URL": url], in: dir.path)
            #expect(Self.summary(viaEnv) == [3, 0, 0, 4], "\(viaEnv.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/tally.db"))
            let explicit = try await TallyProcess.runDetached(["ingest", "--db", dir.path + "/x.db", input], environment: ["TALLY_DATABASE_URL": url])
            #expect(Self.summary(explicit) == [3, 0, 0, 4])
            let both = try await TallyProcess.runDetached(["report", "--db", dir.path + "/x.db", "--database-url", url])
            #expect(both.status == 64)
        }
    }

    @Test func twoIngestsAtOnceNeitherDuplicateNorLose() async throws {
        try await TestPostgres.withFreshDatabase { url, _ in
            let dir = try Scratch()
            // 700 documents (several batches each), one in forward and one in reverse order, on a fresh
            // database: the two processes also race to create the schema.
            let lines = (0..<700).map { k in
                #"{"id": "doc-\#(k)", "lang": "en", "published": "2026-03-15", "text": "Police detained \#(k + 1) people in Moscow on Saturday, according to the rights group Civic Monitor."}"#
            }
            let forward = try dir.write("forward.jsonl", lines.joined(separator: "\n"))
            let backward = try dir.write("backward.jsonl", lines.reversed().joined(separator: "\n"))
            async let a = TallyProcess.runDetached(["ingest", "--database-url", url, forward])
            async let b = TallyProcess.runDetached(["ingest", "--database-url", url, backward])
            let (ra, rb) = try await (a, b)
            #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr)\n\(rb.stderr)")
            let sa = try #require(Self.summary(ra), "\(ra.stderr)"), sb = try #require(Self.summary(rb), "\(rb.stderr)")
            #expect(sa[0] + sb[0] == 700 && sa[1] + sb[1] == 700)
            let claims = sa[3] + sb[3]
            #expect(claims >= 700)

            let export = try await TallyProcess.runDetached(["export", "--database-url", url, "--format", "jsonl"])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stdoutLines.count == claims)
            let docs = try export.stdoutLines.map { line -> String in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return try #require(object["doc"] as? String)
            }
            #expect(Set(docs) == Set((0..<700).map { "doc-\($0)" }))
        }
    }

    @Test func aWrongPasswordIsOneLineWithoutIt() async throws {
        let server = try await TestPostgres.server()
        let url = server.url(database: server.adminDatabase, password: "not-the-Pa55word")
        let result = try await TallyProcess.runDetached(["report", "--database-url", url])
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("tally: error: postgres://\(server.user):***@\(server.host):\(server.port)/\(server.adminDatabase): the server refused the login") == true,
                "\(result.stderr)")
        #expect(!result.stderr.contains("not-the-Pa55word"))
    }
}
