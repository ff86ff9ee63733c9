import ArgumentParser
import Foundation
import TallyCore
import TallyExport
import TallyExtract
import TallyIngest
import TallyReconcile
import TallyStore

extension TallyCommand {
    struct BenchIngest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Documents per second ingested with extraction, then report latency, at scale.",
            discussion: """
                Makes --documents synthetic reports (English and Russian, from templates; the same \
                texts for the same --seed), extracts their claims on every core and stores them in \
                batches of --batch through the same pipeline as tally ingest, then times the report \
                (stored tallies read and rendered as a table) --runs times with and without filters, \
                and checks that the stored tallies equal a full reconcile (timed too). Use a fresh \
                database: the documents are left in it. --emit N prints the first N documents as \
                JSON lines instead.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "How many documents.")
        var documents: Int = 1_000_000

        @Option(help: "Documents per transaction.")
        var batch: Int = IngestPipeline.defaultBatchSize

        @Option(help: "Extraction tasks per batch (default: one per core).")
        var parallelism: Int = IngestPipeline.cores

        @Option(help: "Index of the first synthetic document: a later run with --first N adds documents N… to a database that holds 0..<N, to time a store at a size without filling it again.")
        var first: Int = 0

        @Option(help: "Seed of the synthetic reports.")
        var seed: UInt64 = 1

        @Option(help: "Report runs to time per filter.")
        var runs: Int = 50

        @Flag(help: "Skip the full reconcile check at the end.")
        var noVerify = false

        @Option(help: "Print the first N documents as corpus JSON lines and stop.")
        var emit: Int?

        func run() async throws {
            let news = SyntheticNews(seed: seed)
            if let emit {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
                for k in 0..<emit {
                    let d = news.document(k)
                    let line: [String: String] = ["id": d.id, "lang": d.language ?? "", "published": d.published?.description ?? "",
                                                  "url": d.url ?? "", "text": d.text]
                    StandardStreams.out(String(decoding: try encoder.encode(line), as: UTF8.self) + "\n")
                }
                return
            }
            do {
                try await store.with { store in try await measure(store, news) }
            } catch let error as TallyError {
                StandardStreams.note("error: \(error)")
                throw ExitCode(2)
            }
        }

        func measure(_ store: any Store, _ news: SyntheticNews) async throws {
            let extractor = try Extractor()
            var pipeline = IngestPipeline(extractor: extractor, store: store, batchSize: batch, parallelism: parallelism)
            let clock = ContinuousClock()
            let started = clock.now
            var bytes = 0
            var progress = ProgressLine(total: documents, terminal: isatty(2) != 0)
            for k in 0..<documents {
                let document = news.document(first + k)
                bytes += document.text.utf8.count
                if try await pipeline.add(document) {
                    let elapsed = seconds(clock.now - started)
                    progress.update(done: k + 1, seconds: elapsed)
                    // A line per 100,000 documents, for logs of long runs.
                    if (k + 1) % 100_000 < batch {
                        StandardStreams.out(String(format: "… %d documents in %.0f s (%.0f documents/s so far; store %.0f s), peak RSS %.0f MiB\n",
                                                   k + 1, elapsed, Double(k + 1) / elapsed, seconds(pipeline.storeTime),
                                                   ResourceUsage.peakResidentMiB))
                    }
                }
            }
            let summary = try await pipeline.finish()
            let ingestSeconds = seconds(clock.now - started)
            let storeSeconds = seconds(pipeline.storeTime)
            progress.finish()
            let counts = try await store.counts()
            StandardStreams.out(String(format: """
                ingest: %d documents (%.0f MB), %d new, %d claims in %.1f s: %.0f documents/s, %.2f MB/s \
                (batches of %d, %d extraction tasks)
                store alone: %.1f s in Store.ingest (inserts and tally refresh, overlapping extraction): %.0f documents/s
                stored: %d documents, %d claims; peak RSS %.0f MiB; database %@

                """, documents, Double(bytes) / 1e6, summary.new, summary.claims, ingestSeconds, Double(documents) / ingestSeconds,
                Double(bytes) / 1e6 / ingestSeconds, batch, parallelism, storeSeconds, Double(documents) / max(storeSeconds, 1e-9),
                counts.documents, counts.claims, ResourceUsage.peakResidentMiB, try await databaseSize(store)))

            let dates = try await store.tallies(TallyFilter(history: false)).compactMap(\.date)
            let busiest = Dictionary(grouping: dates, by: { $0 }).max { $0.value.count < $1.value.count }?.key
            let filters: [(String, TallyFilter)] = [
                ("all", TallyFilter(history: false)),
                ("--kind detained", TallyFilter(kind: .detained, history: false)),
                ("--place Moscow", TallyFilter(place: "Moscow", history: false)),
                ("--date \(busiest?.description ?? "-")", TallyFilter(date: busiest, history: false)),
                ("all --format json", TallyFilter(history: true)),
            ]
            for (name, filter) in filters {
                var times: [Double] = []
                var rows = 0, characters = 0
                // The JSON report writes every tally's history: slow at this size, so fewer runs.
                let runs = filter.history ? min(runs, 5) : runs
                for _ in 0..<runs {
                    let t0 = clock.now
                    let tallies = try await store.tallies(filter)
                    let text = filter.history ? try TallyExport.json(TallyReport(asOf: "", tallies: tallies)) : TallyTable().render(tallies)
                    times.append(seconds(clock.now - t0) * 1000)
                    rows = tallies.count
                    characters = text.utf8.count
                }
                times.sort()
                StandardStreams.out(String(format: "report %@: %d tallies (%.1f MB of output), median %.1f ms, p99 %.1f ms (%d runs)\n",
                                           name, rows, Double(characters) / 1e6, times[times.count / 2],
                                           times[min(times.count - 1, times.count * 99 / 100)], runs))
            }
            guard !noVerify else { return }
            let t0 = clock.now
            let full = Reconciler.tallies(try await store.reconcileInputs(asOf: nil))
            let fullSeconds = seconds(clock.now - t0)
            let stored = try await store.tallies(TallyFilter())
            StandardStreams.out(String(format: "full reconcile (the old report path): %d tallies in %.1f s; stored tallies %@\n",
                                       full.count, fullSeconds, stored == full ? "equal" : "DIFFER"))
            if stored != full { throw ExitCode(1) }
        }

        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

        func databaseSize(_ store: any Store) async throws -> String {
            if let postgres = store as? PostgresStore {
                return String(format: "%.0f MB (pg_database_size)", Double(try await postgres.databaseSize()) / 1e6)
            }
            let path = (store as? SQLiteStore)?.path ?? "tally.db"
            let size = ["", "-wal", "-shm"].compactMap { suffix in
                (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)?.intValue
            }.reduce(0, +)
            return String(format: "%.0f MB (%@ with -wal/-shm)", Double(size) / 1e6, path)
        }
    }
}
