import Foundation

/// Headless Chromium, run as a separate process against a server on loopback.
///
/// Absent locally, the browser tests are skipped with a printed reason; with `CI` set they are
/// required (`scripts/setup` installs Chromium when `TALLY_SETUP_BROWSER=1`, as `.ci/run` does).
enum HeadlessChromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var required: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } ?? false }
    static var runs: Bool { path != nil || required }
    static let skipNote = "Chromium is not installed (apt-get install chromium, or TALLY_SETUP_BROWSER=1 scripts/setup); set CI=true to require it"

    /// The DOM of `url` after Chromium loaded and rendered it (`--dump-dom`), within 90 s.
    static func dumpDOM(_ url: String) async throws -> String {
        guard let path else { throw Failure(message: "CI is set and Chromium is not installed; " + skipNote) }
        let profile = NSTemporaryDirectory() + "tally-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: path)
                    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                         "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", url]
                    let out = Pipe()
                    process.standardOutput = out
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
                    DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
                    let data = out.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    watchdog.cancel()
                    guard process.terminationStatus == 0 else {
                        throw Failure(message: "chromium exited with \(process.terminationStatus) on \(url)")
                    }
                    return String(decoding: data, as: UTF8.self)
                })
            }.start()
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
