import TallyCore

/// A claim with what reconciliation needs to know about its document.
public struct ReconcileInput: Sendable, Hashable {
    public var claim: Claim
    /// The document's publication day (history and "latest figure" go by it).
    public var published: Day?
    /// Ingest order, breaking ties between documents published the same day.
    public var sequence: Int

    public init(claim: Claim, published: Day?, sequence: Int) {
        self.claim = claim
        self.published = published
        self.sequence = sequence
    }
}

/// How reconciliation weighs sources and reads vague amounts.
public struct ReconcileOptions: Sendable, Hashable {
    /// How vague amounts become ranges: ACLED reads "hundreds" as 100, CCC as 200.
    public enum VagueConvention: String, Sendable, Hashable, CaseIterable {
        case acled, ccc

        /// The low figure a vague amount stands for.
        public func value(of vague: String) -> Int {
            switch (self, vague) {
            case (_, "several"), (_, "a few"): return 3
            case (_, "dozens"), (_, "scores"): return self == .acled ? 12 : 24
            case (_, "hundreds"): return self == .acled ? 100 : 200
            case (_, "thousands"): return self == .acled ? 1000 : 2000
            case (_, "tens of thousands"): return 10_000
            case (_, "hundreds of thousands"): return 100_000
            case (_, "millions"): return 1_000_000
            default: return 1
            }
        }
    }

    /// Source classes, most trusted first. The default: monitoring groups, verified case records,
    /// officials, organisers, media, then figures nobody is named for.
    public var ranking: [SourceClass] = [.monitoring, .caseRecords, .official, .organisers, .media, .unattributed]
    public var vague: VagueConvention = .acled
    /// Only documents published on or before this day count ("as of").
    public var asOf: Day?

    public init() {}

    func rank(_ cls: SourceClass?) -> Int { cls.flatMap { ranking.firstIndex(of: $0) } ?? ranking.count }
}
