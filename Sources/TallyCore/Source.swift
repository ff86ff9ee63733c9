/// Who a figure is attributed to, and what kind of source that is.
public struct Source: Sendable, Hashable, Codable {
    /// The source's name, normalised where well known ("OVD-Info", "Interior Ministry").
    public var name: String
    public var sourceClass: SourceClass

    public init(name: String, sourceClass: SourceClass) {
        self.name = name
        self.sourceClass = sourceClass
    }
}

/// The kind of source, which ranks whose figure a tally prefers.
public enum SourceClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// Independent monitoring or human-rights groups (OVD-Info, Viasna…).
    case monitoring
    /// Verified direct reports of individual detentions (distinct people).
    case caseRecords = "case_records"
    /// Police, ministries, courts, officials.
    case official
    /// The people who organised the event.
    case organisers
    /// News outlets and agencies.
    case media
    /// The outlet states the figure itself, or "some reports".
    case unattributed
}
