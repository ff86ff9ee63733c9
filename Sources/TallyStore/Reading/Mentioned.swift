import TallyCore

/// A place or source the stored claims name, with how many claims and documents name it.
public struct Mentioned<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var claims: Int
    public var documents: Int

    public init(_ value: Value, claims: Int, documents: Int) {
        self.value = value
        self.claims = claims
        self.documents = documents
    }
}

/// A place with its counts (`Store.places`).
public typealias PlaceSummary = Mentioned<Place>
/// A source with its counts (`Store.sources`).
public typealias SourceSummary = Mentioned<Source>

extension Array {
    /// The one order both backends list places and sources in, whatever their collations: most
    /// claims first, then by `key` (name and id or class).
    func sortedByMentions<Value>(_ key: (Value) -> String) -> [Element] where Element == Mentioned<Value> {
        sorted { ($1.claims, key($0.value)) < ($0.claims, key($1.value)) }
    }
}

extension Place {
    var readingKey: String { name + "\u{0}" + String(geonameID ?? 0) }
}

extension Source {
    var readingKey: String { name + "\u{0}" + sourceClass.rawValue }
}
