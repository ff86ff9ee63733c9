import Foundation
import Testing

/// `kill -9` in the middle of `tally ingest`: the database stays consistent and the rerun finishes
/// the work with no document stored twice.
struct CrashRecoveryTests {
    @Test func aKilledIngestLeavesAConsistentDatabaseAndTheRerunCompletesIt() throws {
        let dir = try Scratch()
        let count = 8_000
        var corpus = ""
        for i in 0..<count {
            // Each text unique, with one figure: the document's number spelt in letters.
            var tag = "", n = i
            repeat {
                tag.append(Character(UnicodeScalar(UInt8(97 + n % 26))))
                n /= 26
            } while n > 0
            corpus += #"{"id": "d\#(i)", "lang": "en", "published": "2025-06-02", "text": "Police detained 12 people in Leeds on Sunday. Desk code \#(tag)."}"# + "\n"
        }
        let input = try dir.write("docs.jsonl", corpus)
        let db = dir.path + "/tally.db"

        let process = Process()
        process.executableURL = TallyProcess.binary
        process.arguments = ["ingest", "--db", db, input]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some batches are committed, then kill without warning.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
            if size > 200_000 { break }
            usleep(20_000)
        }
        let killedMidway = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        // The rerun stores what is missing and nothing twice.
        let rerun = try TallyProcess.run(["ingest", "--db", db, input])
        #expect(rerun.status == 0)
        let summary = try #require(rerun.stderrLines.last)
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        // "tally: documents new N, seen M, failed 0; claims C"
        #expect(numbers.count == 4)
        if numbers.count == 4 {
            #expect(numbers[0] + numbers[1] == count)
            #expect(numbers[2] == 0)
            if killedMidway { #expect(numbers[1] > 0 && numbers[0] > 0) }
        }
        let third = try TallyProcess.run(["ingest", "--db", db, input])
        #expect(third.stderrLines.last == "tally: documents new 0, seen \(count), failed 0; claims 0")
        // One claim per document, each once.
        let claims = try TallyProcess.run(["export", "--db", db, "--what", "claims", "--format", "jsonl"])
        #expect(claims.status == 0)
        #expect(claims.stdoutLines.count == count)
    }
}
