import ArgumentParser
import Foundation
import TallyCore
import TallyExport
import TallyExtract
import TallyText

extension TallyCommand {
    struct Extract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every claim in text, HTML or corpus JSONL files.",
            discussion: """
                Each claim is one JSON object per line (the shape of SCHEMA.md plus place_id, country, \
                lat, lon, span, number_span as UTF-8 byte offsets), or a table for people. Problems \
                with inputs go to standard error as `input:place: message`; the exit code is 1 when \
                any input failed, after every other input has been read.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, table }

        @Option(help: "Output format.")
        var format: Format = .jsonl

        @OptionGroup var documents: DocumentOptions

        @Argument(help: "Text (.txt), HTML (.html) or corpus (.jsonl) files, folders, or - for standard input.")
        var paths: [String]

        func run() async throws {
            let options = documents.readerOptions
            let extractor = try Extractor()
            var failed = 0
            var table: [Claim] = []
            var buffer = ""
            try await DocumentReader(options: options).read(paths) { event in
                switch event {
                case .document(let document):
                    let claims = extractor.claims(in: document)
                    if format == .table {
                        table += claims
                    } else {
                        for claim in claims {
                            buffer += ClaimExport.jsonLine(claim)
                            buffer += "\n"
                        }
                        if buffer.utf8.count > 1 << 16 {
                            StandardStreams.out(buffer)
                            buffer = ""
                        }
                    }
                case .warning(let problem):
                    StandardStreams.note("warning: \(problem)")
                case .skipped(let problem):
                    StandardStreams.note("note: \(problem)")
                case .failure(let problem):
                    failed += 1
                    StandardStreams.note("error: \(problem)")
                }
            }
            StandardStreams.out(format == .table ? ClaimTable().render(table) : buffer)
            if failed > 0 {
                StandardStreams.note("\(failed) input\(failed == 1 ? "" : "s") failed")
                throw ExitCode(1)
            }
        }
    }
}
