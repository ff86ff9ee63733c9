import Foundation
import TallyCore
import TallyExtract
import TallyStore

/// Documents in, stored batches out: each batch's claims are extracted on every core at once,
/// and while the store writes one batch (one transaction) the next is being extracted.
///
/// Used from one task: `add` documents, then `finish`. A write that fails is thrown by the next
/// `add` or by `finish`; the batches committed before it stay stored.
public struct IngestPipeline {
    public let extractor: Extractor
    public let store: any Store
    /// Documents per transaction.
    public let batchSize: Int
    /// Extraction tasks per batch (one per core by default).
    public let parallelism: Int

    private var batch: [Document] = []
    private var writing: Task<(IngestSummary, Duration), any Error>?
    /// What the committed batches stored so far.
    public private(set) var stored = IngestSummary()
    /// Time spent in the store's `ingest` (writing and refreshing tallies), summed over batches:
    /// with extraction overlapping the writes, what the store alone costs.
    public private(set) var storeTime: Duration = .zero

    /// Documents per transaction unless told otherwise. A batch's cost is mostly the pages it
    /// dirties (tallies, their sources, index leaves), and a page shared by many of its documents
    /// is written once: adding to 500,000 stored documents on SQLite, 2,000 a batch stored about 36%
    /// more documents a second than 500 (BENCHMARKS.md, "Store at scale"), while a batch still
    /// commits within a second or two, so other writers and the progress line do not wait long.
    public static let defaultBatchSize = 2_000

    public init(extractor: Extractor, store: any Store, batchSize: Int = IngestPipeline.defaultBatchSize,
                parallelism: Int = IngestPipeline.cores) {
        self.extractor = extractor
        self.store = store
        self.batchSize = max(1, batchSize)
        self.parallelism = max(1, parallelism)
        batch.reserveCapacity(self.batchSize)
    }

    /// The cores this machine has (the default parallelism).
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Documents of committed batches (new and seen).
    public var committed: Int { stored.new + stored.seen }

    /// Adds a document; when a batch is full it is extracted and handed to the writer. Returns true
    /// when it handed a batch over (a moment to report progress).
    @discardableResult
    public mutating func add(_ document: Document) async throws -> Bool {
        batch.append(document)
        guard batch.count >= batchSize else { return false }
        try await flush()
        return true
    }

    /// Extracts and stores what is left, waits for every write, and says what was stored.
    public mutating func finish() async throws -> IngestSummary {
        if !batch.isEmpty { try await flush() }
        try await waitForWriter()
        return stored
    }

    private mutating func flush() async throws {
        let documents = batch
        batch.removeAll(keepingCapacity: true)
        let items = await Self.extract(documents, with: extractor, parallelism: parallelism)
        try await waitForWriter()
        let store = self.store
        writing = Task {
            let clock = ContinuousClock()
            let start = clock.now
            let summary = try await store.ingest(items)
            return (summary, clock.now - start)
        }
    }

    private mutating func waitForWriter() async throws {
        guard let task = writing else { return }
        writing = nil
        let (summary, took) = try await task.value
        stored = stored + summary
        storeTime += took
    }

    /// The claims of each document, extracted in `parallelism` slices at once; the order is kept.
    public static func extract(_ documents: [Document], with extractor: Extractor, parallelism: Int) async -> [IngestItem] {
        guard parallelism > 1, documents.count > 1 else {
            return documents.map { IngestItem(document: $0, claims: extractor.claims(in: $0)) }
        }
        let size = (documents.count + parallelism - 1) / parallelism
        return await withTaskGroup(of: (Int, [IngestItem]).self) { group in
            for start in stride(from: 0, to: documents.count, by: size) {
                let slice = Array(documents[start..<min(start + size, documents.count)])
                group.addTask { (start, slice.map { IngestItem(document: $0, claims: extractor.claims(in: $0)) }) }
            }
            var parts: [(Int, [IngestItem])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
