import Foundation
import TallyIngest

/// A long run's progress on a terminal: one line on standard error, redrawn in place at most ten
/// times a second. Off a terminal it prints nothing (logs get the final summary only).
struct ProgressLine {
    /// How many documents there are, when known beforehand.
    let total: Int?
    let terminal: Bool
    private var drawn = false
    private var lastDraw = -1.0

    init(total: Int?, terminal: Bool) {
        self.total = total
        self.terminal = terminal
    }

    mutating func update(done: Int, seconds: Double) {
        guard terminal, seconds - lastDraw >= 0.1 || done == total else { return }
        lastDraw = seconds
        drawn = true
        FileHandle.standardError.write(Data(("\r" + ProgressBar.render(done: done, total: total, seconds: seconds) + "\u{1B}[K").utf8))
    }

    /// Ends the line, so what follows starts on a new one.
    mutating func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }

    /// A message line (a warning) above the bar: the bar is cleared first and redrawn by the next update.
    mutating func note(_ text: String) {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
        lastDraw = -1
        StandardStreams.note(text)
    }
}

/// A progress line shared with the callbacks of an ingest (which may run on any thread).
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension Locked where Value == ProgressLine {
    func update(done: Int, seconds: Double) { withLock { $0.update(done: done, seconds: seconds) } }
    func note(_ text: String) { withLock { $0.note(text) } }
    func finish() { withLock { $0.finish() } }
}
