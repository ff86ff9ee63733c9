import Foundation
import Testing
import TallyCore
@testable import TallyText

/// A temporary folder that removes itself.
final class Scratch {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "tally-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

struct DocumentReaderTests {
    func events(_ paths: [String], options: DocumentReader.Options = .init()) async throws -> [DocumentReader.Event] {
        var all: [DocumentReader.Event] = []
        try await DocumentReader(options: options).read(paths) { all.append($0) }
        return all
    }

    func documents(_ events: [DocumentReader.Event]) -> [Document] {
        events.compactMap { if case .document(let d) = $0 { d } else { nil } }
    }

    func problems(_ events: [DocumentReader.Event]) -> [String] {
        events.compactMap {
            switch $0 {
            case .document: nil
            case .warning(let e): "warning " + e.description
            case .skipped(let e): "skipped " + e.description
            case .failure(let e): "failure " + e.description
            }
        }
    }

    @Test func readsAFolderRecursivelyInNameOrder() async throws {
        let dir = try Scratch()
        try dir.write("b.txt", "Police held 12 people.")
        try dir.write("sub/a.txt", "Около десяти человек задержаны.")
        try dir.write(".hidden.txt", "not read")
        let docs = documents(try await events([dir.path]))
        #expect(docs.map(\.text) == ["Police held 12 people.", "Около десяти человек задержаны."])
        #expect(docs[0].id == dir.path + "/b.txt")
    }

    @Test func corpusLinesKeepTheirMetadataAndBadLinesAreNamed() async throws {
        let dir = try Scratch()
        let file = try dir.write("docs.jsonl", """
            {"id": "x-1", "lang": "ru", "published": "2023-05-04", "text": "Первый."}
            {"id": "x-2", "text": "Second."
            {"id": 7, "published": "4 May", "text": "Third."}

            {"id": "x-4", "url": "https://example.org/a", "text": "Fourth."}
            """)
        let all = try await events([file])
        let docs = documents(all)
        #expect(docs.map(\.id) == ["x-1", "7", "x-4"])
        #expect(docs[0].language == "ru")
        #expect(docs[0].published == Day("2023-05-04"))
        #expect(docs[1].published == nil)
        #expect(docs[2].url == "https://example.org/a")
        #expect(problems(all) == [
            "failure \(file):2: not valid JSON, line skipped",
            "warning \(file):3: \"published\" is not a YYYY-MM-DD date (4 May), ignored",
        ])
    }

    @Test func optionsOverrideLanguageAndFillMissingDates() async throws {
        let dir = try Scratch()
        let file = try dir.write("docs.jsonl", """
            {"id": "a", "lang": "en", "text": "One."}
            {"id": "b", "published": "2020-01-02", "text": "Two."}
            """)
        var options = DocumentReader.Options()
        options.language = "ru"
        options.published = Day("2021-03-04")
        let docs = documents(try await events([file], options: options))
        #expect(docs.map(\.language) == ["ru", "ru"])
        #expect(docs.map(\.published) == [Day("2021-03-04"), Day("2020-01-02")])
    }

    @Test func invalidUTF8IsReplacedWithOneWarning() async throws {
        let dir = try Scratch()
        let file = try dir.write("bad.txt", Array("Police held ".utf8) + [0xFF, 0xC3] + Array(" 40 people.".utf8))
        let all = try await events([file])
        #expect(documents(all).first?.text == "Police held \u{FFFD}\u{FFFD} 40 people.")
        #expect(problems(all) == ["warning \(file):byte 12: invalid UTF-8, replaced with U+FFFD"])
    }

    @Test func emptyBinaryAndMissingInputsAreNamedAndSkipped() async throws {
        let dir = try Scratch()
        let empty = try dir.write("empty.txt", [])
        let binary = try dir.write("blob", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02])
        // Named as text, holding an executable: the bytes decide.
        let misnamed = try dir.write("report.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])
        let missing = dir.path + "/nope.txt"
        let all = try await events([empty, binary, misnamed, missing])
        #expect(documents(all).isEmpty)
        #expect(problems(all) == [
            "skipped \(empty): empty file, skipped",
            "skipped \(binary): binary file, skipped",
            "skipped \(misnamed): binary file, skipped",
            "failure \(missing): no such file or folder",
        ])
    }

    @Test func aDocumentOverTheLimitIsRefusedNotLoaded() async throws {
        let dir = try Scratch()
        let file = try dir.write("big.txt", String(repeating: "x", count: 5000))
        var options = DocumentReader.Options()
        options.maxDocumentBytes = 4096
        let all = try await events([file], options: options)
        #expect(documents(all).isEmpty)
        #expect(problems(all).first?.hasPrefix("failure \(file): 4 KiB is over the 4 KiB limit") == true)
    }

    @Test func jsonLinesStreamPastOverlongLines() async throws {
        let dir = try Scratch()
        let long = "{\"id\": \"long\", \"text\": \"" + String(repeating: "y", count: 3_000_000) + "\"}"
        let file = try dir.write("docs.jsonl", "{\"id\": \"a\", \"text\": \"A.\"}\n" + long + "\r\n{\"id\": \"c\", \"text\": \"C.\"}")
        var options = DocumentReader.Options()
        options.maxLineBytes = 1 << 20
        let all = try await events([file], options: options)
        #expect(documents(all).map(\.id) == ["a", "c"])
        #expect(problems(all) == ["failure \(file):2: line is over the 1 MiB limit, skipped"])
    }

    @Test func aJSONLinesFileThatIsNotACorpusIsSkippedOnce() async throws {
        let dir = try Scratch()
        let file = try dir.write("gold.jsonl", "{\"doc\": \"a\", \"value\": 3}\n{\"doc\": \"b\", \"value\": 4}\n")
        #expect(problems(try await events([file])) == ["skipped \(file): not a document corpus (its first record has no \"text\"), skipped"])
    }

    @Test func htmlGoesThroughTheGivenPageStep() async throws {
        let dir = try Scratch()
        let file = try dir.write("page.html", "<html><head><style>p{}</style><script>var n = 99;</script></head><body><p>Police held <b>15</b> people &amp; two journalists.</p></body></html>")
        let docs = documents(try await events([file]))
        #expect(docs.first?.text == "Police held 15 people & two journalists.")
    }

    @Test func utf8ValidatorFindsTheFirstBadSequence() {
        #expect(UTF8Validation.firstInvalidOffset(in: Array("Москва 1 300".utf8)) == nil)
        #expect(UTF8Validation.firstInvalidOffset(in: [0x41, 0xED, 0xA0, 0x80]) == 1)  // surrogate
        #expect(UTF8Validation.firstInvalidOffset(in: [0x41, 0x42, 0xE2, 0x82]) == 2)  // truncated
        #expect(UTF8Validation.firstInvalidOffset(in: [0xC0, 0xAF]) == 0)              // overlong
    }

    @Test func sniffingTellsPagesCorporaTextAndBinary() {
        #expect(InputKind.sniff(Array("  <!doctype html>".utf8)) == .html)
        #expect(InputKind.sniff(Array("{\"id\":1}".utf8)) == .jsonLines)
        #expect(InputKind.sniff(Array("Police said".utf8)) == .text)
        #expect(InputKind.sniff([0x1F, 0x8B, 0x08]) == .binary)
        #expect(InputKind.fromName("a/b.HTML.gz") == .gzippedHTML)
    }
}
