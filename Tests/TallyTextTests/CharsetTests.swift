import Testing
@testable import TallyText

/// Russian text written for these tests, encoded with the tables under test's inverse.
private let russian = "Полиция задержала более трехсот человек на митинге в выдуманном городе, сообщили наблюдатели."

private func encode(_ s: String, _ table: [UInt16]) -> [UInt8] {
    var inverse: [UInt32: UInt8] = [:]
    for (k, v) in table.enumerated() { inverse[UInt32(v)] = UInt8(0x80 + k) }
    return s.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : inverse[$0.value]! }
}

private func page(_ head: String, _ body: String) -> String {
    "<html><head>\(head)</head><body><article><p>\(body)</p></article></body></html>"
}

struct CharsetTests {
    @Test func decodesDeclaredWindows1251() throws {
        let bytes = encode(page("<meta charset=\"windows-1251\">", russian), SingleByteTables.windows1251)
        let a = try ArticleExtractor().extract(html: bytes)
        #expect(a.text == russian)
        #expect(a.charset == "windows-1251")
    }

    @Test func decodesKOI8RFromHTTPEquiv() throws {
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\">"
        let bytes = encode(page(head, russian), SingleByteTables.koi8r)
        let a = try ArticleExtractor().extract(html: bytes)
        #expect(a.text == russian)
        #expect(a.charset == "koi8-r")
    }

    @Test func guessesUndeclaredCyrillicFromByteStatistics() {
        #expect(CharsetDecoder.detect(encode(page("", russian), SingleByteTables.windows1251)) == .windows1251)
        #expect(CharsetDecoder.detect(encode(page("", russian), SingleByteTables.koi8r)) == .koi8r)
        #expect(CharsetDecoder.detect(Array(page("", russian).utf8)) == .utf8)
    }

    @Test func distrustsAWrongDeclaration() throws {
        // Declared windows-1251 but written in UTF-8.
        let utf8 = Array(page("<meta charset=windows-1251>", russian).utf8)
        #expect(try ArticleExtractor().extract(html: utf8).text == russian)
        // Declared windows-1251 but written in KOI8-R, and the other way round.
        let koiAs1251 = encode(page("<meta charset=windows-1251>", russian), SingleByteTables.koi8r)
        #expect(try ArticleExtractor().extract(html: koiAs1251).text == russian)
        let cp1251AsKOI = encode(page("<meta charset=koi8-r>", russian), SingleByteTables.windows1251)
        #expect(try ArticleExtractor().extract(html: cp1251AsKOI).text == russian)
        // Declared UTF-8 but written in KOI8-R.
        let koi = encode(page("<meta charset=utf-8>", russian), SingleByteTables.koi8r)
        #expect(try ArticleExtractor().extract(html: koi).text == russian)
    }

    @Test func contentTypeHeaderIsEvidence() {
        let bytes = encode(page("", russian), SingleByteTables.koi8r)
        #expect(CharsetDecoder.detect(bytes, contentType: "text/html; charset=koi8-r") == .koi8r)
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let bytes: [UInt8] = Array("Bad ".utf8) + [0xFF, 0xC3] + Array(" bytes: \u{00e9}t\u{00e9}".utf8)
        let (out, cs) = CharsetDecoder.decode(bytes, contentType: "text/html; charset=utf-8")
        #expect(cs == .utf8)
        #expect(String(decoding: out, as: UTF8.self) == "Bad \u{FFFD}\u{FFFD} bytes: été")
    }

    @Test func byteOrderMarkWinsAndIsDropped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=koi8-r>ok".utf8)
        let (out, cs) = CharsetDecoder.decode(bytes)
        #expect(cs == .utf8)
        #expect(out.first == 0x3C)
    }

    @Test func latinPagesWithoutDeclarationReadAsWindows1252() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me".utf8)
        let (out, cs) = CharsetDecoder.decode(bytes)
        #expect(cs == .windows1252)
        #expect(String(decoding: out, as: UTF8.self) == "Café crème")
    }
}
