import Foundation
import Testing

struct ExtractCommandTests {
    @Test func badInputsAreNamedOnStandardErrorAndTheRestIsRead() throws {
        let dir = try Scratch()
        let corpus = try dir.write("in/docs.jsonl", """
            {"id": "good-1", "lang": "en", "published": "2024-02-03", "text": "Police detained 14 people in Minsk on Friday."}
            {"id": "broken", "text": "unterminated
            {"id": "good-2", "lang": "en", "published": "2024-02-03", "text": "Police detained 15 people in Minsk on Friday."}
            """)
        try dir.write("in/empty.txt", [])
        try dir.write("in/image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0])
        let result = try TallyProcess.run(["extract", dir.path + "/in"])
        #expect(result.status == 1)
        #expect(result.stderrLines.contains("tally: error: \(corpus):2: not valid JSON, line skipped"))
        #expect(result.stderrLines.contains("tally: note: \(dir.path)/in/empty.txt: empty file, skipped"))
        #expect(result.stderrLines.contains("tally: note: \(dir.path)/in/image.png: binary file, skipped"))
        #expect(result.stderrLines.last == "tally: 1 input failed")
        for line in result.stdoutLines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(["good-1", "good-2"].contains(object?["doc"] as? String ?? ""))
        }
    }

    @Test func aBadDateOptionIsAUsageError() throws {
        let result = try TallyProcess.run(["extract", "--published", "21.09.2022", "-"], stdin: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--published takes a date as YYYY-MM-DD, not '21.09.2022'"))
    }

    @Test func binaryStandardInputIsSkippedNotFatal() throws {
        let result = try TallyProcess.run(["extract", "-"], stdin: "Police held 12 people.\u{0}")
        #expect(result.status == 0)
        #expect(result.stderrLines == ["tally: note: -: binary input, skipped"])
    }

    @Test func invalidUTF8OnStandardInputWarnsOnceAndGoesOn() throws {
        let bytes = Array("Police held 12 people ".utf8) + [0xC3, 0x28, 0xFF] + Array(" in Minsk.".utf8)
        let result = try TallyProcess.run(["extract", "-"], stdinBytes: bytes)
        #expect(result.status == 0)
        #expect(result.stderrLines == ["tally: warning: -:byte 22: invalid UTF-8, replaced with U+FFFD"])
    }

    @Test func tableFormatHasAHeader() throws {
        let result = try TallyProcess.run(["extract", "--format", "table", "-"], stdin: "Nothing to count here.")
        #expect(result.status == 0)
        #expect(result.stdoutLines.first?.hasPrefix("doc") == true)
        #expect(result.stdoutLines.first?.contains("evidence") == true)
    }
}

struct HugeInputTests {
    /// A 2 GiB file (sparse, so the test writes nothing) is refused by its size, never loaded.
    @Test func aTwoGigabyteTextFileIsRefusedInOneLine() throws {
        let dir = try Scratch()
        let path = dir.path + "/huge.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("Police held 3 people.".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 2 << 30)
        try handle.close()
        let result = try TallyProcess.run(["extract", path])
        #expect(result.status == 1)
        #expect(result.stderrLines.first == "tally: error: \(path): 2.0 GiB is over the 256 MiB limit for one document; split it, or give it as JSON lines")
    }
}
