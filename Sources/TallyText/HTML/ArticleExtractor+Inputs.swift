import TallyCore

extension ArticleExtractor {
    /// The article in the bytes of an input file, whatever its kind: gzip is decompressed,
    /// `.txt` (or bytes with no markup at all) is read as plain text and only cut of furniture,
    /// anything else is read as HTML. `name` (a path or URL) names the input in errors.
    ///
    /// This is the one step `tally text`, `tally extract` and ingestion share for every document.
    public func extract(fileBytes: [UInt8], name: String) throws(TallyError) -> Article {
        var bytes = fileBytes
        if Gunzip.isGzip(bytes) {
            bytes = try Gunzip.decompress(bytes, input: name, maximumBytes: maximumBytes)
        }
        let lower = name.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".txt.gz") || !Self.hasMarkup(bytes) {
            if Self.looksBinary(bytes) {
                throw TallyError(.unsupported, input: name, "not a text or HTML file: binary data")
            }
            let (utf8, charset) = CharsetDecoder.decode(bytes)
            let text = PlainTextFurniture.removeFurniture(fromPlainText: String(decoding: utf8, as: UTF8.self))
            return Article(text: text, charset: charset.rawValue)
        }
        do {
            return try extract(html: bytes)
        } catch {
            throw TallyError(error.code, input: name, location: error.location, error.message)
        }
    }

    /// True when the first 4 KB contain something like a tag (`<p`, `</`, `<!`).
    static func hasMarkup(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        var i = head.startIndex
        while i < head.endIndex - 1 {
            if head[i] == 0x3C {
                let c = head[i + 1] | 0x20
                if (c >= 0x61 && c <= 0x7A) || head[i + 1] == 0x2F || head[i + 1] == 0x21 { return true }
            }
            i += 1
        }
        return false
    }
}
