import Foundation
import Testing
@testable import TallyIngest

/// The ingest progress bar as text, and the document count it is drawn against.
struct ProgressBarTests {
    @Test func withATotalTheBarShowsShareCountRateAndTimeLeft() {
        #expect(ProgressBar.render(done: 41_000, total: 100_000, seconds: 20, width: 10)
            == "[####------]  41%  41,000/100,000 documents  2,050 documents/s  about 29 s left")
        #expect(ProgressBar.render(done: 100_000, total: 100_000, seconds: 40, width: 10)
            == "[##########] 100%  100,000/100,000 documents  2,500 documents/s")
    }

    @Test func withoutATotalOnlyCountAndRate() {
        #expect(ProgressBar.render(done: 1_234_567, total: nil, seconds: 10) == "1,234,567 documents  123,457 documents/s")
        #expect(ProgressBar.render(done: 0, total: nil, seconds: 0) == "0 documents  0 documents/s")
    }

    @Test func moreDocumentsThanCountedStopTheBarFull() {
        let line = ProgressBar.render(done: 12, total: 10, seconds: 1, width: 4)
        #expect(line == "[####] 100%  12/10 documents  12 documents/s")
    }

    @Test func documentsAreCountedFromLinesAndFiles() throws {
        let folder = NSTemporaryDirectory() + "tally-count-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/sub/.hidden", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n{\"text\": \"c\"}".utf8).write(to: URL(fileURLWithPath: folder + "/docs.jsonl"))
        try Data("text".utf8).write(to: URL(fileURLWithPath: folder + "/sub/a.txt"))
        try Data("<p>page</p>".utf8).write(to: URL(fileURLWithPath: folder + "/sub/b.html"))
        try Data("hidden".utf8).write(to: URL(fileURLWithPath: folder + "/sub/.hidden/c.txt"))
        #expect(InputResolver.documentCount([folder]) == 5)
        #expect(InputResolver.documentCount([folder + "/docs.jsonl", folder + "/sub/a.txt"]) == 4)
        #expect(InputResolver.documentCount([folder, "https://example.org/feed"]) == nil)
        #expect(InputResolver.documentCount(["-"]) == nil)
        #expect(InputResolver.documentCount([folder + "/missing.txt"]) == nil)
    }
}
