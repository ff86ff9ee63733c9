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

        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError("--port takes 0...65535, not \(port)")
            }
        }

        func run() async throws {
            do {
                try await store.with { store in
                    let app = try await buildApplication(ServerConfiguration(host: host, port: port), store: store)
                    try await app.runService()
                }
            } catch let error as TallyError {
                StandardStreams.note("error: \(error)")
                throw ExitCode(2)
            }
        }
    }
}
