import ArgumentParser

extension Tally {
    struct Extract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every claim in text, HTML or corpus JSONL files.")

        @Argument(help: "Files, folders, docs.jsonl corpora, or - for standard input.")
        var paths: [String]

        func run() async throws {}
    }
}
