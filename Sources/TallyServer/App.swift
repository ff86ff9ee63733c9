/// Where and how `tally serve` listens.
///
/// Kept separate from the router so tests can build the same application on any port.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback by default so nothing is exposed by accident.
    public var host: String
    /// TCP port; 0 asks the system for a free one.
    public var port: Int
    /// The personal-data key file (created with mode 0600 on first run when the store has no sealed
    /// data yet); `TALLY_KEY` wins over it. Without either the server serves public data only.
    public var keyFile: String?
    /// Public counts of case records below this, for a place and day, show as "fewer than N".
    public var publicThreshold: Int
    /// Direct reports and logins accepted per client address per hour.
    public var reportsPerHour: Int

    /// Creates a configuration; defaults match `tally serve` without options.
    public init(host: String = "127.0.0.1", port: Int = 8080, keyFile: String? = nil, publicThreshold: Int = 5,
                reportsPerHour: Int = 10) {
        self.host = host
        self.port = port
        self.keyFile = keyFile
        self.publicThreshold = publicThreshold
        self.reportsPerHour = reportsPerHour
    }
}
