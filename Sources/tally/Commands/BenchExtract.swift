import ArgumentParser
import Foundation
import TallyCore
import TallyExtract
import TallyText

extension TallyCommand {
    struct BenchExtract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Claims per second on one core over a stream of news text.",
            discussion: """
                Reads the documents of CORPUS (any input `tally extract` takes) once, then runs the \
                extractor over them again and again, one document at a time on one thread, until \
                --megabytes of text have been read. Prints MB/s, documents/s and peak resident memory.
                """)

        @Option(help: "How much text to extract, in MB (10^6 bytes).")
        var megabytes: Int = 50

        @Argument(help: "Documents to cycle through (files, folders, docs.jsonl).")
        var corpus: [String] = ["samples"]

        func run() async throws {
            var documents: [Document] = []
            try await DocumentReader().read(corpus) { event in
                if case .document(let d) = event { documents.append(d) }
            }
            guard !documents.isEmpty else {
                throw ValidationError("no documents in \(corpus.joined(separator: " "))")
            }
            let loadStart = ContinuousClock.now
            let extractor = try Extractor()
            let loadTime = ContinuousClock.now - loadStart
            let target = megabytes * 1_000_000
            var bytes = 0
            var docs = 0
            var claims = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                var i = 0
                while bytes < target {
                    let d = documents[i % documents.count]
                    claims += extractor.claims(in: d).count
                    bytes += d.text.utf8.count
                    docs += 1
                    i += 1
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let load = Double(loadTime.components.seconds) + Double(loadTime.components.attoseconds) / 1e18
            print(String(format: "corpus      %d distinct documents, %.2f MB", documents.count,
                         Double(documents.reduce(0) { $0 + $1.text.utf8.count }) / 1e6))
            print(String(format: "extracted   %.1f MB in %.2f s: %.2f MB/s, %.0f documents/s, %d claims", Double(bytes) / 1e6,
                         seconds, Double(bytes) / 1e6 / seconds, Double(docs) / seconds, claims))
            print(String(format: "start-up    %.0f ms (lexicons and gazetteer)", load * 1000))
            print(String(format: "peak memory %.0f MiB resident", ResourceUsage.peakResidentMiB))
        }
    }
}
