import Foundation

/// The text of an ingest's progress line, as a pure function (the command line draws it).
public enum ProgressBar {
    /// `[####------]  41%  41,000/100,000 documents  2,050 documents/s  about 29 s left`, or
    /// without a total `41,000 documents  2,050 documents/s`.
    public static func render(done: Int, total: Int?, seconds: Double, width: Int = 24) -> String {
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
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}
