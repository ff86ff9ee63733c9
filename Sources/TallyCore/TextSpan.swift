/// A half-open range of UTF-8 byte offsets into a document's text.
///
/// Byte offsets are what every language and tool agrees on; they let a figure lead back to
/// the exact sentence it came from.
public struct TextSpan: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span ends before it starts")
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }

    /// Encoded as `[start, end]`.
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let s = try c.decode(Int.self)
        let e = try c.decode(Int.self)
        guard s <= e, s >= 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "span [\(s), \(e)] ends before it starts"))
        }
        self.start = s
        self.end = e
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
    }
}
