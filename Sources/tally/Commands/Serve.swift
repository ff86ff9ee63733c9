import ArgumentParser
import Hummingbird
import TallyCore
import TallyServer

extension TallyCommand {
    /// `tally serve`: the JSON API and public pages over HTTP.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the Tally web dashboard and JSON API.",
            discussion: """
                Listens on 127.0.0.1:8080 by default, reading the store given by --db or \
                --database-url. Stops gracefully on SIGINT or SIGTERM, finishing open requests. \
                GET /healthz answers while the server runs.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "Address to bind.")
        var host: String = "127.0.0.1"

        @Option(help: "TCP port.")
        var port: Int = 8080

        @Option(name: .customLong("key-file"),
                help: ArgumentHelp("Personal-data key file, created (mode 0600) on first run (default: the --db file's name + .key, or tally.key; env TALLY_KEY wins).",
                                   valueName: "file"))
        var keyFile: String?

        @Option(name: .customLong("public-threshold"), help: "Public counts of case records below this show as 'fewer than N'.")
        var publicThreshold: Int = 5

        @Option(name: .customLong("reports-per-hour"), help: "Direct reports and logins accepted per client address per hour.")
        var reportsPerHour: Int = 10

        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError("--port takes 0...65535, not \(port)")
            }
            guard (1...1000).contains(publicThreshold) else { throw ValidationError("--public-threshold takes 1...1000") }
            guard (1...100_000).contains(reportsPerHour) else { throw ValidationError("--reports-per-hour takes 1...100000") }
        }

        func run() async throws {
            do {
                try await store.with { store in
                    let app = try await buildApplication(ServerConfiguration(
                        host: host, port: port, keyFile: keyFile ?? self.store.defaultKeyFile, publicThreshold: publicThreshold,
                        reportsPerHour: reportsPerHour), store: store)
                    try await app.runService()
                }
            } catch let error as TallyError {
                StandardStreams.note("error: \(error)")
                throw ExitCode(2)
            }
        }
    }
}
