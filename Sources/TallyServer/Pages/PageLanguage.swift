import Hummingbird

/// The language of a page's interface: `?lang=en|ru` when given, else the best of English and
/// Russian in `Accept-Language`, else English. Document texts stay in their own language.
enum PageLanguage: String, CaseIterable, Sendable {
    case en, ru

    init(_ request: Request, override: String?) throws {
        if let override {
            guard let chosen = PageLanguage(rawValue: override) else { throw APIError.badParameter("lang", takes: "en or ru") }
            self = chosen
            return
        }
        self = Self.negotiate(request.headers[.acceptLanguage]) ?? .en
    }

    /// The supported language with the highest q in an `Accept-Language` value (ties: the first listed).
    static func negotiate(_ header: String?) -> PageLanguage? {
        guard let header else { return nil }
        var best: (language: PageLanguage, q: Double)? = nil
        for item in header.split(separator: ",").prefix(32) {
            let parts = item.split(separator: ";")
            guard let tag = parts.first?.trimmingPrefix(" ").lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "").trimmingSuffix(" ")
            var q = 1.0
            for p in parts.dropFirst() {
                let kv = p.trimmingPrefix(" ")
                if kv.hasPrefix("q="), let value = Double(kv.dropFirst(2)) { q = value }
            }
            guard let language = PageLanguage(rawValue: primary), q > 0 else { continue }
            if best == nil || q > best!.q { best = (language, q) }
        }
        return best?.language
    }

    /// A whole number with the language's thousands separator: 1,300 (en), 1 300 (ru, no-break space).
    func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 3 else { return n < 0 ? "−" + digits : digits }
        let separator = self == .en ? "," : "\u{00A0}"
        var out = "", count = 0
        for ch in digits.reversed() {
            if count > 0, count % 3 == 0 { out.append(contentsOf: separator.reversed()) }
            out.append(ch)
            count += 1
        }
        return (n < 0 ? "−" : "") + String(out.reversed())
    }
}

extension String {
    func trimmingSuffix(_ suffix: Character) -> String {
        var s = self
        while s.last == suffix { s.removeLast() }
        return s
    }
}
