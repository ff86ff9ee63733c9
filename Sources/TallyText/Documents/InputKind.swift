/// What a file holds, judged by its name and, where the name says nothing, its first bytes.
public enum InputKind: String, Sendable, Hashable {
    /// Plain article text.
    case text
    /// A web page; its article is found by the HTML step.
    case html
    /// A gzip-compressed web page (`.html.gz`).
    case gzippedHTML
    /// One JSON document per line (the corpus format of `docs.jsonl`).
    case jsonLines
    /// Not text: images, archives, executables. Skipped with a note.
    case binary

    /// The kind from a path's extension, or `nil` when the name does not say.
    public static func fromName(_ path: String) -> InputKind? {
        let lower = path.lowercased()
        if lower.hasSuffix(".html.gz") || lower.hasSuffix(".htm.gz") { return .gzippedHTML }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonLines }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") || lower.hasSuffix(".md") { return .text }
        for ext in [".gz", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".bz2", ".xz", ".zst",
                    ".tar", ".db", ".sqlite", ".exe", ".so", ".o", ".a", ".bin", ".woff", ".woff2", ".mp3",
                    ".mp4", ".ico"] where lower.hasSuffix(ext) {
            return .binary
        }
        return nil
    }

    /// The kind from the first bytes of a file: NUL bytes or many control bytes mean binary,
    /// a leading `<` means HTML, a leading `{` whose line is JSON means JSON lines.
    public static func sniff(_ head: some Collection<UInt8>) -> InputKind {
        if head.starts(with: [0x1F, 0x8B]) { return .binary }
        var control = 0
        var total = 0
        for b in head.prefix(8192) {
            total += 1
            if b == 0 { return .binary }
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C, b != 0x1B { control += 1 }
        }
        if total > 0, control * 10 > total { return .binary }
        let first = head.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        switch first {
        case UInt8(ascii: "<"): return .html
        case UInt8(ascii: "{"): return .jsonLines
        default: return .text
        }
    }
}
