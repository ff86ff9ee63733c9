import TallyCore
import TallyExtract
import TallyStore
import TallyText

/// Reads inputs, extracts their claims and stores them in batches, each batch one transaction
/// (through `IngestPipeline`: extraction on every core, one writer).
public struct Ingestor: Sendable {
    public var resolver: InputResolver
    public var extractor: Extractor
    public var store: any Store
    /// Documents per transaction.
    public var batchSize = IngestPipeline.defaultBatchSize

    public init(resolver: InputResolver, extractor: Extractor, store: any Store) {
        self.resolver = resolver
        self.extractor = extractor
        self.store = store
    }

    /// What a run did.
    public struct Outcome: Sendable {
        public var stored = IngestSummary()
        /// Inputs or lines that could not be read (each reported through `report`).
        public var failed = 0
    }

    /// Ingests every input; `report` hears of every problem and of progress (documents read so far).
    public func run(_ inputs: [String], report: @Sendable (DocumentReader.Event?, Int) -> Void) async throws -> Outcome {
        var outcome = Outcome()
        var pipeline = IngestPipeline(extractor: extractor, store: store, batchSize: batchSize)
        var read = 0
        try await resolver.resolve(inputs) { event in
            switch event {
            case .document(let document):
                read += 1
                if try await pipeline.add(document) { report(nil, read) }
            case .failure:
                outcome.failed += 1
                report(event, read)
            default:
                report(event, read)
            }
        }
        outcome.stored = try await pipeline.finish()
        report(nil, read)
        return outcome
    }
}
