import TallyCore
import TallyReconcile

/// Where Tally keeps documents and their claims.
///
/// One protocol, so the command line and the server work the same over the embedded SQLite file
/// and a shared PostgreSQL server. Every write is one transaction; a document is stored once,
/// keyed by the hash of its text, so ingesting it again changes nothing.
public protocol Store: Sendable {
    /// Stores a batch of documents with their claims in one transaction and says what was new.
    func ingest(_ batch: [IngestItem]) async throws -> IngestSummary

    /// Every stored claim with its document's publication day and ingest order, in the order they were
    /// stored, for reconciliation. Documents published after `asOf` are left out.
    func reconcileInputs(asOf: Day?) async throws -> [ReconcileInput]

    /// The reconciled tallies matching `filter`, in report order: an indexed read of the `tallies`
    /// table that every ingest keeps up to date in its own transaction, the same as
    /// `Reconciler.tallies(reconcileInputs(asOf: nil))` gives (an `asOf` report still reconciles).
    func tallies(_ filter: TallyFilter) async throws -> [Tally]

    /// How many documents and claims are stored.
    func counts() async throws -> (documents: Int, claims: Int)

    /// A number that moves whenever a batch stores something (it counts such batches): what was read
    /// from the store while it stays the same is still right, so the server keeps its answers until
    /// it moves. One indexed read.
    func changeCount() async throws -> Int

    /// Lets go of connections and background work. The store is not used afterwards.
    func close() async

    // Reads for the server: documents, claims by filter and page, places and sources.

    /// Stored documents without their text, in ingest order: those whose `seq` is greater than
    /// `after`, at most `limit`.
    func documents(after: Int?, limit: Int) async throws -> [DocumentSummary]

    /// The document stored under `id`, with its text; the latest when one id was stored with several texts.
    func document(id: String) async throws -> StoredDocument?

    /// The stored claims matching `filter`, in storage order (by claim id).
    func claims(_ filter: ClaimFilter) async throws -> [StoredClaim]

    /// Every place the claims name, with counts; most claims first.
    func places() async throws -> [PlaceSummary]

    /// Every source the claims are attributed to, with counts; most claims first.
    func sources() async throws -> [SourceSummary]
}

extension Store {
    /// Nothing to let go of by default (SQLite's file closes when the store is released).
    public func close() async {}
}

/// A document and the claims extracted from it, ready to store.
public struct IngestItem: Sendable {
    public var document: Document
    public var claims: [Claim]

    public init(document: Document, claims: [Claim]) {
        self.document = document
        self.claims = claims
    }

    /// The hash that identifies the document's text (128-bit, hex): two FNV-1a passes with
    /// different offsets. Not cryptographic; it only has to tell texts apart.
    public var contentHash: String { ContentHash.of(document.text) }
}

/// What a batch did.
public struct IngestSummary: Sendable, Hashable {
    /// Documents stored for the first time.
    public var new = 0
    /// Documents already stored (same text): left as they were.
    public var seen = 0
    /// Claims stored with the new documents.
    public var claims = 0

    public init(new: Int = 0, seen: Int = 0, claims: Int = 0) {
        self.new = new
        self.seen = seen
        self.claims = claims
    }

    public static func + (a: IngestSummary, b: IngestSummary) -> IngestSummary {
        IngestSummary(new: a.new + b.new, seen: a.seen + b.seen, claims: a.claims + b.claims)
    }
}

/// The identity of a text.
public enum ContentHash {
    public static func of(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b << 7) | (b >> 57)
        }
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}
