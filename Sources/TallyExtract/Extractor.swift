import TallyCore

/// Reads a document and returns every claim it states.
public struct Extractor: Sendable {}
