import ArgumentParser
import Foundation
import TallyCore
import TallyExport
import TallyReconcile
import TallyStore

extension TallyCommand {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The reconciled tallies: best figure, range, sources, conflicts.",
            discussion: """
                Reads the tallies the store keeps up to date with every ingest (an indexed read, fast \
                at any size). With --as-of the stored claims are reconciled afresh, leaving out \
                documents published after that day.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

        @OptionGroup var store: StoreOptions

        @Option(help: "Only this kind (detained, injured, killed, participants, charged, drafted).")
        var kind: ClaimKind?

        @Option(help: "Only this place (name, any case).")
        var place: String?

        @Option(help: ArgumentHelp("Only tallies of this day.", valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Only documents published up to this day.", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(help: "Output format.")
        var format: Format = .table

        func validate() throws {
            for (name, value) in [("--date", date), ("--as-of", asOf)] {
                if let value, Day(value) == nil { throw ValidationError("\(name) takes a date as YYYY-MM-DD, not '\(value)'") }
            }
        }

        func run() async throws {
            var options = ReconcileOptions()
            options.asOf = asOf.flatMap { Day($0) }
            let tallies: [Tally]
            let filter = TallyFilter(kind: kind, place: place, date: date.flatMap { Day($0) }, history: format == .json)
            do {
                if options.asOf == nil {
                    tallies = try await store.with { try await $0.tallies(filter) }
                } else {
                    let inputs = try await store.with { try await $0.reconcileInputs(asOf: options.asOf) }
                    tallies = Reconciler.tallies(inputs, options: options).filter(filter.matches)
                }
            } catch let error as TallyError {
                StandardStreams.note("error: \(error)")
                throw ExitCode(2)
            }
            switch format {
            case .json:
                let stamp = asOf.map { $0 + "T23:59:59Z" } ?? ISO8601DateFormatter().string(from: Date())
                StandardStreams.out(try TallyExport.json(TallyReport(asOf: stamp, tallies: tallies)))
            case .csv:
                StandardStreams.out(TallyExport.csv(tallies))
            case .table:
                StandardStreams.out(TallyTable().render(tallies))
            }
        }
    }
}

extension ClaimKind: ExpressibleByArgument {}
