import Mustache

/// HTML escaping by Unicode scalar: `<`, `>`, `&`, `"` and `'` become entities wherever they stand,
/// also when a combining mark follows (Swift's `Character` would hide `"` + U+0301 from a
/// character-by-character escaper, and the browser would still end an attribute at that quote).
enum HTMLText {
    static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The name of the content type every page template selects with `{{% CONTENT_TYPE: SAFE_HTML }}`.
    static let contentTypeName = "SAFE_HTML"

    /// Makes `{{value}}` in the templates escape with `escape`; called before templates are parsed.
    static func registerContentType() {
        MustacheContentTypes.register(ContentType(), named: contentTypeName)
    }

    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLText.escape(text) }
    }

    /// `value` percent-encoded for one path segment of a link (`/`, `?`, `#` and markup included).
    static func pathSegment(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// An http(s) URL fit for an `href`, else nil (a `javascript:` or other scheme is shown as text only).
    static func safeLink(_ url: String?) -> String? {
        guard let url, url.utf8.count <= 2000 else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return url
    }
}
