import Hummingbird
import TallyCore

/// A route's query string, read strictly: only the names the route takes, each at most once, as
/// valid percent-encoded UTF-8 without control characters. Every other query is a 400 that says
/// what the route takes, so a typo in a filter never silently matches everything.
struct QueryParameters {
    private var values: [String: String] = [:]

    /// `ignoringOthers` lets unknown names through (public pages, whose links pick up tracking
    /// parameters); their values must still be valid.
    init(_ request: Request, allowed: [String], ignoringOthers: Bool = false) throws {
        guard let query = request.uri.query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw APIError(.badRequest, .badEncoding, "the query string is not valid percent-encoded UTF-8")
            }
            guard allowed.contains(name) else {
                if ignoringOthers { continue }
                let takes = allowed.isEmpty ? "no parameters" : allowed.joined(separator: ", ")
                throw APIError(.badRequest, .unknownParameter, "unknown query parameter; this route takes \(takes)")
            }
            guard values[name] == nil else {
                throw APIError(.badRequest, .badParameter, "'\(name)' is given more than once")
            }
            if !value.isEmpty { values[name] = value }
        }
    }

    /// A text value of at most `maxBytes` UTF-8 bytes.
    func string(_ name: String, maxBytes: Int = 200) throws -> String? {
        guard let value = values[name] else { return nil }
        guard value.utf8.count <= maxBytes else { throw APIError.badParameter(name, takes: "at most \(maxBytes) bytes") }
        return value
    }

    func day(_ name: String) throws -> Day? {
        guard let value = values[name] else { return nil }
        guard value.utf8.count == 10, let day = Day(value) else { throw APIError.badParameter(name, takes: "a date as YYYY-MM-DD") }
        return day
    }

    func kind(_ name: String) throws -> ClaimKind? {
        guard let value = values[name] else { return nil }
        guard let kind = ClaimKind(rawValue: value) else {
            throw APIError.badParameter(name, takes: "one of " + ClaimKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[name] else { return nil }
        guard value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(value), range.contains(n) else {
            throw APIError.badParameter(name, takes: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// A `cursor` handed out as `next_cursor` by an earlier page: the last id it held.
    func cursor() throws -> Int? {
        guard let value = values["cursor"] else { return nil }
        guard value.utf8.count <= 18, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(value) else {
            throw APIError(.badRequest, .badCursor, "'cursor' takes the next_cursor of an earlier page")
        }
        return n
    }

    /// `+` as a space, `%XX` as a byte; nil for a bad escape, invalid UTF-8 or a control character.
    static func decode(_ part: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(part.utf8.count)
        var iterator = part.utf8.makeIterator()
        while let b = iterator.next() {
            switch b {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let h = iterator.next().flatMap(hex), let l = iterator.next().flatMap(hex) else { return nil }
                bytes.append(h << 4 | l)
            default: bytes.append(b)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self),
              !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return text
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }
}

extension Request {
    /// A path parameter, percent-decoded: 400 when it is not valid UTF-8 or holds control characters.
    func pathParameter(_ name: String, context: some RequestContext) throws -> String {
        guard let raw = context.parameters.get(name), let value = QueryParameters.decode(raw[...].replacing("+", with: "%2B")),
              !value.isEmpty, value.utf8.count <= 2000 else {
            throw APIError(.badRequest, .badPath, "the path segment is not a valid percent-encoded id")
        }
        return value
    }
}
