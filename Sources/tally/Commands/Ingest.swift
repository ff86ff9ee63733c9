import ArgumentParser
import Foundation
import TallyCore
import TallyExtract
import TallyIngest
import TallyText

extension TallyCommand {
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store reports and their claims: files, folders, corpus JSONL, feeds, URLs.",
            discussion: """
                Each document is stored once (by the hash of its text): ingesting it again changes \
                nothing. Documents are written in batches, each one transaction. Problems with inputs \
                go to standard error; a summary ends the run.
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var documents: DocumentOptions

        @Option(help: "Documents per transaction (a larger batch stores a bulk load faster; a smaller one commits sooner).")
        var batch: Int = IngestPipeline.defaultBatchSize

        @Argument(help: "Files, folders, docs.jsonl corpora, feed files, page or feed URLs, or - for standard input.")
        var inputs: [String]

        func validate() throws {
            guard batch >= 1 else { throw ValidationError("--batch must be at least 1 document") }
        }

        func run() async throws {
            let options = documents.readerOptions
            let ingestor: Ingestor
            do {
                let extractor = try Extractor()
                var configured = Ingestor(resolver: InputResolver(reader: DocumentReader(options: options)),
                                          extractor: extractor, store: try await store.open())
                configured.batchSize = batch
                ingestor = configured
            } catch let error as TallyError {
                StandardStreams.note("error: \(error)")
                throw ExitCode(2)
            }
            // The PostgreSQL pool is closed before the process ends, whatever happens below.
            let opened = ingestor.store
            let clock = ContinuousClock(), started = clock.now
            // A progress bar only on a terminal; logs get the summary alone.
            let progress = Locked(ProgressLine(total: isatty(2) != 0 ? InputResolver.documentCount(inputs) : nil, terminal: isatty(2) != 0))
            let outcome: Ingestor.Outcome
            do {
                outcome = try await ingestor.run(inputs) { event, read in
                    switch event {
                    case .warning(let e): progress.note("warning: \(e)")
                    case .skipped(let e): progress.note("note: \(e)")
                    case .failure(let e): progress.note("error: \(e)")
                    case .document, nil:
                        let elapsed = clock.now - started
                        progress.update(done: read, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                    }
                }
            } catch let error as TallyError {
                await opened.close()
                progress.finish()
                StandardStreams.note("error: \(error)")
                throw ExitCode(2)
            } catch {
                await opened.close()
                progress.finish()
                throw error
            }
            await opened.close()
            progress.finish()
            let s = outcome.stored
            StandardStreams.note("documents new \(s.new), seen \(s.seen), failed \(outcome.failed); claims \(s.claims)")
            if outcome.failed > 0 { throw ExitCode(1) }
        }
    }
}
