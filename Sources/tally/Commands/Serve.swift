import ArgumentParser
import Hummingbird
import TallyServer

extension TallyCommand {
    /// `tally serve`: the JSON API and public pages over HTTP.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the Tally web dashboard and JSON API.",
            discussion: """
                Listens on 127.0.0.1:8080 by default. Stops gracefully on SIGINT or SIGTERM, \
                finishing open requests. GET /healthz answers while the server runs.
                """)

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
            let app = buildApplication(ServerConfiguration(host: host, port: port))
            try await app.runService()
        }
    }
}
