import ArgumentParser
import Foundation
import TallyCore
import TallyStore

extension TallyCommand {
    struct BenchStore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store",
            abstract: "Documents per second stored (SQLite or PostgreSQL), extraction left out.",
            discussion: """
                Makes --documents synthetic documents with --claims claims each, all new texts, and \
                ingests them in batches of --batch (one transaction each) into the given store. \
                Use a fresh database: the documents are left in it.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "How many documents.")
        var documents: Int = 20_000

        @Option(help: "Claims per document.")
        var claims: Int = 2

        @Option(help: "Documents per transaction (tally ingest uses 200).")
        var batch: Int = 200

        func run() async throws {
            let run = UUID().uuidString
            let items = (0..<documents).map { k in
                let text = "Report \(k) of run \(run): police detained more than \(k + 10) people in Tbilisi on Sunday."
                let claims = (0..<claims).map { c in
                    Claim(doc: "bench-\(k)", kind: .detained, quantity: Quantity(value: k + c, qualifier: .atLeast),
                          place: Place(name: "Tbilisi", geonameID: 611717, country: "GE", latitude: 41.69, longitude: 44.83),
                          date: Day("2026-03-14"), source: Source(name: "Civic Monitor", sourceClass: .monitoring),
                          evidence: text, span: TextSpan(start: 0, end: text.utf8.count), numberSpan: TextSpan(start: 40, end: 43))
                }
                return IngestItem(document: Document(id: "bench-\(k)", language: "en", published: Day("2026-03-15"), text: text),
                                  claims: claims)
            }
            do {
                let (summary, elapsed) = try await store.with { store in
                    var summary = IngestSummary()
                    let elapsed = try await ContinuousClock().measure {
                        for start in stride(from: 0, to: items.count, by: batch) {
                            summary = summary + (try await store.ingest(Array(items[start..<min(start + batch, items.count)])))
                        }
                    }
                    return (summary, elapsed)
                }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                StandardStreams.out(String(format: "%d documents (%d new), %d claims in %.2f s: %.0f documents/s, %.0f claims/s\n",
                                           documents, summary.new, summary.claims, seconds,
                                           Double(documents) / seconds, Double(summary.claims) / seconds))
            } catch let error as TallyError {
                StandardStreams.note("error: \(error)")
                throw ExitCode(2)
            }
        }
    }
}
