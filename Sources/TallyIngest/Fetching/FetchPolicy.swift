/// How politely and how far Tally fetches pages and feeds from the web.
public struct FetchPolicy: Sendable {
    /// The whole request, connection to last byte.
    public var timeout: Duration = .seconds(20)
    /// A larger response is refused, not truncated.
    public var maxBytes: Int = 16 << 20
    /// Sent with every request and matched against robots.txt groups by its first word.
    public var userAgent: String = "Tally/0.1 (claim extraction for protest monitoring; respects robots.txt)"
    /// When true (the default), a URL that robots.txt disallows for Tally is not fetched.
    public var respectRobots: Bool = true

    public init() {}

    /// The token robots.txt groups are matched against ("tally").
    var robotsToken: String {
        String(userAgent.prefix { $0 != "/" && $0 != " " }).lowercased()
    }
}
