import Foundation

/// Corpora for the crash and fault tests: every text unique, figures spread over a few cities,
/// days and publication days, so the tallies have several families, undated joins and derived
/// country figures to get right.
enum CrashCorpus {
    static let cities = ["Leeds", "Manchester", "Bristol", "Glasgow", "Cardiff"]
    static let days = ["on Sunday", "on Saturday", "yesterday", ""]

    /// `count` corpus JSON lines; `padding` sentences of filler make each text longer.
    static func lines(_ count: Int, padding: Int = 0) -> String {
        var out = ""
        let filler = String(repeating: " Riot police blocked the central square for several hours.", count: padding)
        for i in 0..<count {
            let text = "Police detained \(12 + i % 37) people in \(cities[i % cities.count]) \(days[i % days.count]). Desk code \(tag(i)).\(filler)"
                .replacingOccurrences(of: "  ", with: " ").replacingOccurrences(of: " .", with: ".")
            out += #"{"id": "d\#(i)", "lang": "en", "published": "2025-06-0\#(2 + i % 4)", "text": "\#(text)"}"# + "\n"
        }
        return out
    }

    /// The document's number spelt in letters (digits would be read as figures).
    static func tag(_ i: Int) -> String {
        var tag = "", n = i
        repeat {
            tag.append(Character(UnicodeScalar(UInt8(97 + n % 26))))
            n /= 26
        } while n > 0
        return tag
    }

    /// "tally: documents new N, seen M, failed F; claims C" → [N, M, F, C].
    static func summary(_ result: TallyProcess.Result) -> [Int]? {
        guard let line = result.stderrLines.last, line.hasPrefix("tally: documents new ") else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return numbers.count == 4 ? numbers : nil
    }

    /// The stored tallies (`tally report`) and a full reconcile of the stored claims (`--as-of` far
    /// ahead takes that path), both as JSON text with sorted keys, to be compared.
    static func storedAndReconciledTallies(_ store: [String]) async throws -> (stored: String, reconciled: String) {
        func tallies(_ extra: [String]) async throws -> String {
            let result = try await TallyProcess.runDetached(["report", "--format", "json"] + store + extra)
            guard result.status == 0, let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                  let list = object["tallies"] else { return "report failed: \(result.stderr)" }
            return String(decoding: try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys]), as: UTF8.self)
        }
        return (try await tallies([]), try await tallies(["--as-of", "9999-12-31"]))
    }
}
