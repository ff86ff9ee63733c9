import Foundation
import TallyCore

/// Turns paths — files, folders, corpus `docs.jsonl`, or `-` for standard input — into documents.
///
/// Reading streams: one document at a time goes to the caller, JSON lines are read in chunks,
/// and a file over the size limit is refused rather than loaded, so memory stays bounded
/// whatever the input. Nothing here throws for bad input: each problem becomes one `Event`
/// naming the input and the place, and reading goes on with the next document.
public struct DocumentReader: Sendable {
    /// Limits and defaults for reading.
    public struct Options: Sendable {
        /// The largest single text or HTML document read (default 256 MiB). Larger files are
        /// refused with one line: split them, or give them as JSON lines.
        public var maxDocumentBytes: Int = 256 << 20
        /// The longest line of a JSON-lines file (default 64 MiB).
        public var maxLineBytes: Int = 64 << 20
        /// A language code that overrides the documents' own ("en", "ru"); `nil` keeps theirs.
        public var language: String?
        /// The publication day for documents that carry none.
        public var published: Day?

        public init() {}
    }

    /// What reading produced, in input order.
    public enum Event: Sendable {
        /// A document to process.
        case document(Document)
        /// The document was read but something was repaired (invalid UTF-8 replaced).
        case warning(TallyError)
        /// An input passed over on purpose (empty, binary).
        case skipped(TallyError)
        /// An input or line that could not be read; other inputs go on.
        case failure(TallyError)
    }

    public var options: Options
    /// How web pages become article text; the HTML step of TallyText.
    public var html: @Sendable (_ bytes: [UInt8], _ input: String) throws -> PageText

    /// The article text and metadata that the HTML step found in a page.
    public struct PageText: Sendable {
        public var text: String
        public var title: String?
        public var published: Day?
        public var language: String?
        public var url: String?

        public init(text: String, title: String? = nil, published: Day? = nil, language: String? = nil, url: String? = nil) {
            self.text = text
            self.title = title
            self.published = published
            self.language = language
            self.url = url
        }
    }

    public init(options: Options = Options(),
                html: @escaping @Sendable (_ bytes: [UInt8], _ input: String) throws -> PageText = DocumentReader.article) {
        self.options = options
        self.html = html
    }

    /// Reads every path in order and hands each event to `body`, one at a time (the next is read
    /// only when `body` returns). Only an error thrown by `body` stops reading.
    public func read(_ paths: [String], _ body: (Event) async throws -> Void) async throws {
        for path in paths {
            if path == "-" {
                try await readStandardInput(body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                try await body(.failure(TallyError(.unreadable, input: path, "no such file or folder")))
                continue
            }
            if isDirectory.boolValue {
                for file in filesBelow(path) { try await readFile(file, inFolder: true, body) }
            } else {
                try await readFile(path, inFolder: false, body)
            }
        }
    }

    /// Regular, visible files below a folder, sorted so runs are repeatable.
    private func filesBelow(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                continue
            }
            if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                files.append(folder.hasSuffix("/") ? folder + relative : folder + "/" + relative)
            }
        }
        return files.sorted()
    }

    private func readFile(_ path: String, inFolder: Bool, _ body: (Event) async throws -> Void) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            try await body(.failure(TallyError(.unreadable, input: path, "cannot open the file (check that it exists and is readable)")))
            return
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size == 0 {
            try await body(.skipped(TallyError(.invalidInput, input: path, "empty file, skipped")))
            return
        }
        let head: Data
        do {
            head = try handle.read(upToCount: 8192) ?? Data()
            try handle.seek(toOffset: 0)
        } catch {
            try await body(.failure(TallyError(.unreadable, input: path, "cannot read the file: \(error.localizedDescription)")))
            return
        }
        let sniffed = InputKind.sniff(head)
        let kind = InputKind.fromName(path) ?? sniffed
        switch kind {
        case .binary:
            try await body(.skipped(TallyError(.unsupported, input: path, "binary file, skipped")))
        case .jsonLines:
            try await readJSONLines(handle, input: path, body)
        case .text, .html, .gzippedHTML:
            guard size <= options.maxDocumentBytes else {
                try await body(.failure(TallyError(.tooLarge, input: path,
                    "\(Self.describe(bytes: size)) is over the \(Self.describe(bytes: options.maxDocumentBytes)) limit for one document; split it, or give it as JSON lines")))
                return
            }
            // A name says what a file should hold, not what it holds: "report.txt" full of NUL bytes is no text.
            if kind != .gzippedHTML, sniffed == .binary {
                try await body(.skipped(TallyError(.unsupported, input: path, "binary file, skipped")))
                return
            }
            var bytes: [UInt8]
            do {
                bytes = [UInt8](try handle.readToEnd() ?? Data())
            } catch {
                try await body(.failure(TallyError(.unreadable, input: path, "cannot read the file: \(error.localizedDescription)")))
                return
            }
            if kind == .gzippedHTML {
                switch Self.gunzip(bytes, input: path, limit: options.maxDocumentBytes) {
                case .success(let plain): bytes = plain
                case .failure(let error):
                    try await body(.failure(error))
                    return
                }
            }
            try await emitDocument(bytes, kind: kind == .gzippedHTML ? .html : kind, id: path, input: path, body)
        }
    }

    private func readStandardInput(_ body: (Event) async throws -> Void) async throws {
        let stdin = FileHandle.standardInput
        var bytes: [UInt8] = []
        while let chunk = try stdin.read(upToCount: 1 << 20), !chunk.isEmpty {
            bytes.append(contentsOf: chunk)
            if bytes.count > options.maxDocumentBytes {
                try await body(.failure(TallyError(.tooLarge, input: "-",
                    "standard input is over the \(Self.describe(bytes: options.maxDocumentBytes)) limit for one document; give a file of JSON lines instead")))
                return
            }
        }
        if bytes.isEmpty {
            try await body(.skipped(TallyError(.invalidInput, input: "-", "standard input is empty")))
            return
        }
        let kind = InputKind.sniff(bytes.prefix(8192))
        switch kind {
        case .binary:
            try await body(.skipped(TallyError(.unsupported, input: "-", "binary input, skipped")))
        case .jsonLines:
            var number = 0
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                number += 1
                var lineEnd = end
                if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                try await emitLine(bytes[start..<lineEnd], number: number, input: "-", body)
                start = end + 1
            }
        default:
            try await emitDocument(bytes, kind: kind, id: "-", input: "-", body)
        }
    }

    private func readJSONLines(_ handle: FileHandle, input: String, _ body: (Event) async throws -> Void) async throws {
        let reader = LineReader(handle: handle, maxLineBytes: options.maxLineBytes)
        var sawRecord = false
        do {
            try await reader.forEachLine { line in
                switch line {
                case .tooLong(let number):
                    try await body(.failure(TallyError(.tooLarge, input: input, location: "\(number)",
                        "line is over the \(Self.describe(bytes: options.maxLineBytes)) limit, skipped")))
                case .line(let number, let bytes):
                    // A JSON-lines file whose first record has no text is something else
                    // (gold claims, exports): say so once instead of once per line.
                    if !sawRecord, case .success(let record) = CorpusRecord.parse(bytes) {
                        sawRecord = true
                        if record.text == nil { throw NotACorpus() }
                    }
                    try await emitLine(bytes, number: number, input: input, body)
                }
            }
        } catch is NotACorpus {
            try await body(.skipped(TallyError(.unsupported, input: input,
                "not a document corpus (its first record has no \"text\"), skipped")))
        } catch let error as TallyError {
            throw error
        } catch {
            try await body(.failure(TallyError(.unreadable, input: input, "cannot read the file: \(error.localizedDescription)")))
        }
    }

    private func emitLine(_ bytes: ArraySlice<UInt8>, number: Int, input: String, _ body: (Event) async throws -> Void) async throws {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        switch CorpusRecord.parse(bytes) {
        case .failure(let problem):
            try await body(.failure(TallyError(.invalidInput, input: input, location: "\(number)", "\(problem.why), line skipped")))
        case .success(let record):
            guard let text = record.text else {
                try await body(.failure(TallyError(.invalidInput, input: input, location: "\(number)",
                    "no \"text\" field: a corpus line is {\"id\", \"lang\", \"published\", \"text\"}, line skipped")))
                return
            }
            var published: Day? = nil
            if let raw = record.published, !raw.isEmpty {
                published = Day(raw)
                if published == nil {
                    try await body(.warning(TallyError(.invalidInput, input: input, location: "\(number)",
                        "\"published\" is not a YYYY-MM-DD date (\(raw.prefix(40))), ignored")))
                }
            }
            let document = Document(
                id: record.id ?? "\(input):\(number)",
                language: options.language ?? record.lang,
                url: record.url, title: record.title,
                published: published ?? options.published,
                text: text)
            try await body(.document(document))
        }
    }

    private func emitDocument(_ bytes: [UInt8], kind: InputKind, id: String, input: String,
                              _ body: (Event) async throws -> Void) async throws {
        if kind == .html {
            do {
                let page = try html(bytes, input)
                try await body(.document(Document(
                    id: id, language: options.language ?? page.language, url: page.url, title: page.title,
                    published: page.published ?? options.published, text: page.text)))
            } catch let error as TallyError {
                try await body(.failure(error))
            } catch {
                try await body(.failure(TallyError(.invalidInput, input: input, "cannot read the page: \(error)")))
            }
            return
        }
        let (text, invalid) = UTF8Validation.decode(bytes)
        if let invalid {
            try await body(.warning(TallyError(.invalidInput, input: input, location: "byte \(invalid)",
                "invalid UTF-8, replaced with U+FFFD")))
        }
        try await body(.document(Document(id: id, language: options.language, published: options.published, text: text)))
    }

    private struct NotACorpus: Error {}

    /// Decompresses a `.html.gz` page (a plain function: typed throws in async code trips the compiler).
    static func gunzip(_ bytes: [UInt8], input: String, limit: Int) -> Result<[UInt8], TallyError> {
        do {
            return .success(try Gunzip.decompress(bytes, input: input, maximumBytes: limit))
        } catch {
            return .failure(error)
        }
    }

    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 30 { return String(format: "%.1f GiB", Double(bytes) / Double(1 << 30)) }
        if bytes >= 1 << 20 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The article of a page, by `ArticleExtractor`: main text without navigation, comments or
    /// appeals, with the title, publication day, language and canonical URL it declares.
    public static let article: @Sendable ([UInt8], String) throws -> PageText = { bytes, input in
        do {
            let a = try ArticleExtractor().extract(html: bytes)
            return PageText(text: a.text, title: a.title, published: a.published, language: a.language, url: a.canonicalURL)
        } catch let error as TallyError {
            throw TallyError(error.code, input: input, location: error.location, error.message)
        }
    }

    /// A plain tag strip, kept for callers that want every piece of text of a page: drops scripts, styles and
    /// tags, decodes the common entities, keeps block boundaries as blank lines.
    public static let plainHTML: @Sendable ([UInt8], String) throws -> PageText = { bytes, _ in
        PageText(text: PlainHTML.text(of: bytes))
    }
}
