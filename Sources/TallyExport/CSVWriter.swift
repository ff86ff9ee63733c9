import Foundation

/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote, or a
/// line break, quotes doubled inside.
public struct CSVWriter: Sendable {
    public let columns: [String]

    public init(columns: [String]) { self.columns = columns }

    /// One field, quoted only when it has to be.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The header line.
    public var header: String { row(columns) }

    /// One record; `nil` cells are written empty.
    public func row(_ cells: [String?]) -> String {
        precondition(cells.count == columns.count, "a CSV row has \(cells.count) cells for \(columns.count) columns")
        return cells.map { Self.field($0 ?? "") }.joined(separator: ",") + "\r\n"
    }
}
