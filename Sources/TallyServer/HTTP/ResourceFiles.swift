import Foundation
import TallyCore

/// The server's package resources (OpenAPI document, templates, stylesheet), found the way
/// SwiftPM lays them out next to the executable — without `Bundle.module`, which stops the
/// process when they are missing; here a missing file is one clear error at start-up.
enum ResourceFiles {
    static let bundleName = "Tally_TallyServer.resources"

    /// The folder holding the resources.
    static func folder() throws -> URL {
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(bundleName)]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        for url in candidates where FileManager.default.fileExists(atPath: url.appendingPathComponent("Resources").path) {
            return url.appendingPathComponent("Resources")
        }
        throw TallyError(.configuration, input: candidates[0].path,
                         "the server's resources are missing; keep \(bundleName) next to the tally executable")
    }

    static func text(_ name: String) throws -> String {
        let url = try folder().appendingPathComponent(name)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TallyError(.configuration, input: url.path, "cannot read a resource of the server: \(error.localizedDescription)")
        }
    }
}
