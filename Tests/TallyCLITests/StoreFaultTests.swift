import Foundation
import Testing

/// Faults of the SQLite file: each is one error line naming the file, and what was stored before
/// stays as it was.
struct StoreFaultTests {
    /// A file whose header or pages were overwritten is refused in one line. A damaged header stops
    /// SQLite before it writes anything, so the file is left as it was; a damaged page is met on
    /// reading (SQLite may have written to the file by then; what the damage took is gone anyway).
    @Test(arguments: [0, 4096])
    func aDamagedFileIsOneLineAndLeftAlone(offset: Int) throws {
        let dir = try Scratch()
        let input = try dir.write("docs.jsonl", IngestReportTests.corpus)
        let db = dir.path + "/tally.db"
        #expect(try TallyProcess.run(["ingest", "--db", db, input]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal") || ((try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? NSNumber)?.intValue ?? 0) == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(bytes.count > offset + 4096)
        bytes.replaceSubrange(offset..<offset + 4096, with: Data(repeating: 0xA5, count: 4096))
        try bytes.write(to: URL(fileURLWithPath: db))

        for command in [["report", "--db", db], ["ingest", "--db", db, input]] {
            let result = try TallyProcess.run(command)
            #expect(result.status == 2)
            #expect(result.stderrLines == ["tally: error: \(db): not a SQLite database, or a damaged one; give another --db file"],
                    "\(command[0]): \(result.stderr)")
        }
        if offset == 0 { #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes) }
    }
}

/// A full disk, for real: a 4 MB tmpfs mounted for the test (so it needs root; otherwise skipped
/// with the reason). The ingest that fills it fails with one line; what was stored before, and
/// every batch committed before the disk filled, stays; with room again the rerun completes it.
@Suite(.enabled(if: SmallDisk.available, Comment(rawValue: SmallDisk.skipNote)))
struct FullDiskTests {
    @Test func aFullDiskIsOneLineAndNothingStoredIsLost() async throws {
        let dir = try Scratch()
        let disk = try SmallDisk(at: dir.path + "/disk", megabytes: 4)
        defer { disk.unmount() }
        let db = disk.path + "/tally.db"
        let small = try dir.write("small.jsonl", IngestReportTests.corpus)
        #expect(try TallyProcess.run(["ingest", "--db", db, small]).stderrLines.last == "tally: documents new 3, seen 0, failed 0; claims 4")
        let before = try TallyProcess.run(["export", "--db", db, "--format", "jsonl"]).stdoutLines

        // About 8 MB of text, batches of about 1 MB: the disk fills after a few batches.
        let count = 3_000
        let big = try dir.write("big.jsonl", CrashCorpus.lines(count, padding: 45))
        let full = try TallyProcess.run(["ingest", "--db", db, big])
        #expect(full.status == 2)
        #expect(full.stderrLines == ["tally: error: \(db): the disk is full; nothing of this batch was stored"], "\(full.stderr)")

        // What was there before is intact, and reads still work on the full disk.
        let after = try TallyProcess.run(["export", "--db", db, "--format", "jsonl"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(Array(after.stdoutLines.prefix(before.count)) == before)
        let partial = after.stdoutLines.count - before.count
        #expect(partial < count)

        // With room again, the rerun stores the rest once, and the tallies are right.
        try disk.resize(megabytes: 64)
        let rerun = try TallyProcess.run(["ingest", "--db", db, big])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(CrashCorpus.summary(rerun) == [count - partial, partial, 0, count - partial])
        let (stored, reconciled) = try await CrashCorpus.storedAndReconciledTallies(["--db", db])
        #expect(stored == reconciled)
    }
}

/// A tmpfs of a few megabytes, mounted at a folder for one test.
struct SmallDisk {
    let path: String

    static let available: Bool = {
        guard getuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "tally-mount-probe-" + UUID().uuidString
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard run(["/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe]) else { return false }
        return run(["/bin/umount", probe])
    }()

    static let skipNote = "the full-disk test mounts a small tmpfs, which needs root (and a system that allows mount): skipped"

    init(at path: String, megabytes: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run(["/bin/mount", "-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func resize(megabytes: Int) throws {
        guard Self.run(["/bin/mount", "-o", "remount,size=\(megabytes)m", path]) else { throw CocoaError(.fileWriteUnknown) }
    }

    func unmount() { _ = Self.run(["/bin/umount", "-l", path]) }

    static func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// Processes that open one fresh SQLite file at once all get it: the first puts it in WAL mode and
/// makes the schema while the others wait (SQLite answers "locked" at once there, without waiting).
struct FreshFileRaceTests {
    @Test func processesOpeningAFreshFileAtOnceAllSucceed() async throws {
        for _ in 0..<4 {
            let dir = try Scratch()
            let db = dir.path + "/fresh.db"
            let results = try await withThrowingTaskGroup(of: TallyProcess.Result.self) { group in
                for _ in 0..<6 { group.addTask { try await TallyProcess.runDetached(["report", "--db", db]) } }
                var all: [TallyProcess.Result] = []
                for try await r in group { all.append(r) }
                return all
            }
            for r in results { #expect(r.status == 0, "\(r.stderr)") }
        }
    }
}

