import ArgumentParser
import Foundation
import TallyCore
import TallyExport
import TallyReconcile
import TallyStore

extension TallyCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the stored claims or the reconciled tallies for other tools.",
            discussion: "CSV follows RFC 4180, GeoJSON RFC 7946 (claims only: one point per located claim), JSON lines the extract shape.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, geojson, jsonl }
        enum What: String, ExpressibleByArgument, CaseIterable { case claims, tallies }

        @OptionGroup var store: StoreOptions

        @Option(help: "Output format.")
        var format: Format = .csv

        @Option(help: "Claims as extracted, or tallies as reconciled.")
        var what: What = .claims

        func validate() throws {
            if what == .tallies, format == .geojson {
                throw ValidationError("GeoJSON is written for claims; use --what claims, or --format csv|jsonl for tallies")
            }
        }

        func run() async throws {
            var inputs: [ReconcileInput] = []
            var tallies: [Tally] = []
            do {
                if what == .tallies {
                    tallies = try await store.with { try await $0.tallies(TallyFilter()) }
                } else {
                    inputs = try await store.with { try await $0.reconcileInputs(asOf: nil) }
                }
            } catch let error as TallyError {
                StandardStreams.note("error: \(error)")
                throw ExitCode(2)
            }
            switch (what, format) {
            case (.claims, .csv): StandardStreams.out(ClaimExport.csv(inputs.map(\.claim)))
            case (.claims, .geojson): StandardStreams.out(try ClaimExport.geoJSON(inputs.map(\.claim)))
            case (.claims, .jsonl): StandardStreams.out(ClaimExport.jsonLines(inputs.map(\.claim)))
            case (.tallies, .csv): StandardStreams.out(TallyExport.csv(tallies))
            case (.tallies, _):
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
                for t in tallies {
                    StandardStreams.out(String(decoding: try encoder.encode(t), as: UTF8.self) + "\n")
                }
            }
        }
    }
}
