import ArgumentParser
import Foundation
import TallyCore
import TallyText

extension TallyCommand {
    /// `tally text`: the article text of web pages.
    struct Text: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the article text of HTML pages (.html, .htm, .html.gz, or folders of them).",
            discussion: """
                Navigation, share bars, related links, cookie notices, donation appeals and comments are
                dropped; headings, lists and quotes kept. Plain-text files (.txt) are cut the same way at
                paragraph level (appeals, "Show Comments" and the comments after it).
                """)

        /// Output shapes.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(name: .long, help: "Write DIR/<name>.txt (or .json) per page instead of printing.")
        var out: String?

        @Option(name: .long, help: "text: paragraphs; json: text plus title, date, language, URL, author.")
        var format: Format = .text

        @Flag(name: .long, help: .hidden)
        var explain = false

        @Argument(help: "HTML files or folders of them.")
        var paths: [String]

        func run() throws {
            let files = try Self.collect(paths)
            if let out {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                } catch {
                    throw TallyError(.unreadable, input: out, "cannot create the output folder")
                }
            }
            let extractor = ArticleExtractor()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var failures = 0
            if explain {
                for file in files {
                    var bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
                    if Gunzip.isGzip(bytes) { bytes = try Gunzip.decompress(bytes, input: file) }
                    print(extractor.explain(html: bytes))
                }
                return
            }
            for file in files {
                do {
                    let article = try Self.read(file, with: extractor)
                    let body: String
                    switch format {
                    case .text: body = article.text
                    case .json:
                        let data = (try? encoder.encode(article)) ?? Data()
                        body = String(decoding: data, as: UTF8.self)
                    }
                    if let out {
                        let name = Self.stem(of: file) + (format == .json ? ".json" : ".txt")
                        let target = (out as NSString).appendingPathComponent(name)
                        try Self.write(body, to: target)
                    } else {
                        if files.count > 1, format == .text {
                            FileHandle.standardOutput.write(Data("==> \(file) <==\n".utf8))
                        }
                        FileHandle.standardOutput.write(Data((body + "\n").utf8))
                    }
                } catch {
                    failures += 1
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }

        /// The whole file, read with one `fread` into an array of its size.
        static func readBytes(_ path: String) throws(TallyError) -> [UInt8] {
            guard let f = fopen(path, "rb") else {
                throw TallyError(.unreadable, input: path, "cannot open the file (missing or no permission)")
            }
            defer { fclose(f) }
            guard fseeko(f, 0, SEEK_END) == 0 else {
                throw TallyError(.unreadable, input: path, "cannot read the file (not a regular file?)")
            }
            let size = Int(ftello(f))
            rewind(f)
            guard size >= 0 else { throw TallyError(.unreadable, input: path, "cannot read the file") }
            var bytes = [UInt8](repeating: 0, count: size)
            let got = bytes.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, size, f) }
            guard got == size else { throw TallyError(.unreadable, input: path, location: "byte \(got)", "read error") }
            return bytes
        }

        /// Writes a file plainly (no temporary file, no fsync: outputs are re-creatable).
        static func write(_ body: String, to path: String) throws {
            guard let f = fopen(path, "wb") else {
                throw TallyError(.unreadable, input: path, "cannot write the output file")
            }
            let ok = write(body, to: f)
            if fclose(f) != 0 || !ok {
                throw TallyError(.unreadable, input: path, "cannot write the output file (disk full?)")
            }
        }

        /// Writes `body` and a final newline to an open stream, without copying the text.
        @discardableResult
        static func write(_ body: String, to f: UnsafeMutablePointer<FILE>) -> Bool {
            var text = body
            let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, f) == $0.count }
            return written && fputc(0x0A, f) != EOF
        }

        static let extensions = [".html.gz", ".htm.gz", ".html", ".htm", ".xhtml", ".txt"]

        /// The input name without its HTML (and gzip) extension.
        static func stem(of path: String) -> String {
            let name = (path as NSString).lastPathComponent
            for ext in extensions where name.lowercased().hasSuffix(ext) {
                return String(name.dropLast(ext.count))
            }
            return name
        }

        /// Files named on the command line plus the HTML files inside named folders, sorted.
        static func collect(_ paths: [String]) throws(TallyError) -> [String] {
            var files: [String] = []
            for path in paths {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                    throw TallyError(.notFound, input: path, "no such file or folder")
                }
                if !isDir.boolValue { files.append(path); continue }
                guard let walker = FileManager.default.enumerator(atPath: path) else {
                    throw TallyError(.unreadable, input: path, "cannot list the folder")
                }
                var found: [String] = []
                while let entry = walker.nextObject() as? String {
                    let lower = entry.lowercased()
                    if extensions.contains(where: { lower.hasSuffix($0) }) {
                        found.append((path as NSString).appendingPathComponent(entry))
                    }
                }
                files.append(contentsOf: found.sorted())
            }
            return files
        }

        static func read(_ file: String, with extractor: ArticleExtractor) throws(TallyError) -> Article {
            try extractor.extract(fileBytes: readBytes(file), name: file)
        }
    }
}
