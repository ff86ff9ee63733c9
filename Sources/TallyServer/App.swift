/// Where and how `tally serve` listens.
///
/// Kept separate from the router so tests can build the same application on any port.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback by default so nothing is exposed by accident.
    public var host: String
    /// TCP port; 0 asks the system for a free one.
    public var port: Int

    /// Creates a configuration; defaults match `tally serve` without options.
    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
