/// The rules of one robots.txt for one user agent: the longest matching path prefix wins,
/// and Allow wins a tie (RFC 9309).
public struct RobotsRules: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        var allow: Bool
        var prefix: String
    }

    var rules: [Rule]

    /// Everything allowed (no robots.txt, or none that applies).
    public static let allowAll = RobotsRules(rules: [])

    init(rules: [Rule]) { self.rules = rules }

    /// Parses a robots.txt for `agent` (lower case): its own group if there is one, else `*`.
    public init(parsing text: String, agent: String) {
        var groups: [(agents: [String], rules: [Rule])] = []
        var collectingAgents = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "user-agent":
                if !collectingAgents { groups.append((agents: [], rules: [])) }
                groups[groups.count - 1].agents.append(value.lowercased())
                collectingAgents = true
            case "allow", "disallow":
                collectingAgents = false
                guard !groups.isEmpty else { continue }
                if field == "disallow", value.isEmpty { continue }  // "Disallow:" allows all
                groups[groups.count - 1].rules.append(Rule(allow: field == "allow", prefix: value))
            default:
                collectingAgents = false
            }
        }
        let own = groups.filter { $0.agents.contains { !$0.isEmpty && $0 != "*" && agent.hasPrefix($0) } }
        let chosen = own.isEmpty ? groups.filter { $0.agents.contains("*") } : own
        self.rules = chosen.flatMap(\.rules)
    }

    /// Whether the path (with its query) may be fetched.
    public func allows(_ path: String) -> Bool {
        var best: Rule? = nil
        for rule in rules where Self.matches(rule.prefix, path) {
            if best == nil || rule.prefix.count > best!.prefix.count
                || (rule.prefix.count == best!.prefix.count && rule.allow) {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// Prefix match with `*` (any run) and a final `$` (end of path).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.utf8), s = Array(path.utf8)
        func go(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return true }
            if p[i] == UInt8(ascii: "$"), i == p.count - 1 { return j == s.count }
            if p[i] == UInt8(ascii: "*") {
                var k = j
                while k <= s.count {
                    if go(i + 1, k) { return true }
                    k += 1
                }
                return false
            }
            return j < s.count && p[i] == s[j] && go(i + 1, j + 1)
        }
        return go(0, 0)
    }
}
