import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `tally serve` as a user runs it: over a real SQLite file, on a loopback port, stopped by SIGTERM.
struct ServeCommandTests {
    @Test func servesTheStoreAndStopsGracefullyOnSIGTERM() async throws {
        let dir = try Scratch()
        let input = try dir.write("docs.jsonl", IngestReportTests.corpus)
        let db = dir.path + "/tally.db"
        #expect(try TallyProcess.run(["ingest", "--db", db, input]).status == 0)

        // Port 0: the system picks a free one and the server logs it, so no other test can take it first.
        let log = dir.path + "/serve.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let server = Process()
        server.executableURL = TallyProcess.binary
        server.arguments = ["serve", "--db", db, "--host", "127.0.0.1", "--port", "0"]
        server.standardOutput = output
        server.standardError = output
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        let port = try await Self.listeningPort(log: log, server: server)

        let health = try await Self.get("http://127.0.0.1:\(port)/healthz", waitingUpTo: 10)
        #expect(health.status == 200 && health.body == #"{"status":"ok"}"#)
        try await Self.checkServed(port: port)

        kill(server.processIdentifier, SIGTERM)
        let exited = await Task.detached { server.waitUntilExit(); return server.terminationStatus }.value
        #expect(exited == 0)
    }

    @Test func anUnreadableStoreIsOneClearLine() throws {
        let dir = try Scratch()
        let db = try dir.write("foreign.db", "this is not a database, just text that is long enough to have a header")
        let result = try TallyProcess.run(["serve", "--db", db, "--port", "0"])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["tally: error: \(db): not a SQLite database, or a damaged one; give another --db file"])
    }

    /// What the served store shows: the ingested report's tallies, in the `tally report` shape.
    static func checkServed(port: Int) async throws {
        let tallies = try await get("http://127.0.0.1:\(port)/api/v1/tallies?place=Tbilisi")
        #expect(tallies.status == 200)
        let object = try JSONSerialization.jsonObject(with: Data(tallies.body.utf8)) as? [String: Any]
        let tbilisi = (object?["tallies"] as? [[String: Any]])?.first { $0["who"] as? String == "people" }
        #expect((tbilisi?["best"] as? [String: Any])?["value"] as? Int == 250)
        let bad = try await get("http://127.0.0.1:\(port)/api/v1/tallies?kind=nonsense")
        #expect(bad.status == 400 && bad.body.contains("bad_parameter"))
    }

    /// The port the server logs ("listening on 127.0.0.1:PORT"), waiting up to two minutes (a loaded
    /// machine running the whole suite); fails with the server's output if it stops first.
    static func listeningPort(log: String, server: Process) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /listening on [^\s]*:(\d+)/), let port = Int(match.1) { return port }
            guard server.isRunning else { throw ServeFailure(output: text) }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ServeFailure(output: "no 'listening on' line within 120 s: " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
    }

    struct ServeFailure: Error, CustomStringConvertible {
        let output: String
        var description: String { "tally serve did not start: \(output)" }
    }

    /// GETs `url`, retrying while nothing listens yet, for at most `seconds`.
    static func get(_ url: String, waitingUpTo seconds: Int = 5) async throws -> (status: Int, body: String) {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            do {
                let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
                return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
            } catch where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }
}
