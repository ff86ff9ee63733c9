import Foundation

/// The few RFC 7946 shapes Tally writes.
public enum GeoJSON {
    /// A position as `[longitude, latitude]`.
    public struct Point: Encodable, Sendable {
        public let type = "Point"
        public var coordinates: [Double]
    }

    /// A feature whose properties are any encodable value (a claim, a tally).
    public struct Feature<Properties: Encodable & Sendable>: Encodable, Sendable {
        public let type = "Feature"
        public var geometry: Point?
        public var properties: Properties

        enum CodingKeys: String, CodingKey { case type, geometry, properties }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(type, forKey: .type)
            try c.encode(geometry, forKey: .geometry)  // null, not absent, when unlocated
            try c.encode(properties, forKey: .properties)
        }
    }

    public struct FeatureCollection<Properties: Encodable & Sendable>: Encodable, Sendable {
        public let type = "FeatureCollection"
        public var features: [Feature<Properties>]
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
