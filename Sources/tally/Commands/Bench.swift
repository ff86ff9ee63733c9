import ArgumentParser

extension TallyCommand {
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure speed and memory; the figures go in BENCHMARKS.md.",
            subcommands: [BenchExtract.self, BenchStore.self, BenchIngest.self])
    }
}
