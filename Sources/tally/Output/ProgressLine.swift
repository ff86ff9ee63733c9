import Foundation

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
        FileHandle.standardError.write(Data(("\r" + Self.render(done: done, total: total, seconds: seconds) + "\u{1B}[K").utf8))
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

    /// `[########------------]  41%  41,000/100,000 documents  2,310 documents/s  about 25 s left`, or
    /// without a total `41,000 documents  2,310 documents/s`.
    static func render(done: Int, total: Int?, seconds: Double, width: Int = 24) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let speed = "\(grouped(Int(rate.rounded()))) documents/s"
        guard let total, total > 0 else { return "\(grouped(done)) documents  \(speed)" }
        let fraction = min(1, Double(done) / Double(total))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
        var line = "\(bar) \(percent)  \(grouped(done))/\(grouped(total)) documents  \(speed)"
        if rate > 0, done < total { line += "  about \(Int((Double(total - done) / rate).rounded(.up))) s left" }
        return line
    }

    /// 41000 → "41,000".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
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
