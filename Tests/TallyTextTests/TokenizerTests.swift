import Testing
@testable import TallyText

struct TokenizerTests {
    func texts(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return Tokenizer.tokens(bytes, in: 0..<bytes.count).map(\.text)
    }

    @Test func groupedNumbersStayWhole() {
        #expect(texts("1,300 and 1 300 and 1\u{A0}300 and 15,5") == ["1,300", "and", "1 300", "and", "1\u{A0}300", "and", "15,5"])
        // A space before a group that is not three digits splits the number.
        #expect(texts("in 2019 30 people") == ["in", "2019", "30", "people"])
    }

    @Test func wordsAreLowerCasedWithTheirOffsets() throws {
        let text = "Вчера ОВД-Инфо said"
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(tokens.map(\.text) == ["вчера", "овд", "-", "инфо", "said"])
        #expect(tokens[0].capitalized && !tokens[4].capitalized)
        #expect(String(decoding: bytes[tokens[1].start..<tokens[1].end], as: UTF8.self) == "ОВД")
    }

    @Test func apostrophesInsideWordsAndNonBreakingHyphens() {
        #expect(texts("doctors’ committee") == ["doctors", "’", "committee"])
        #expect(texts("Viasna’s leader") == ["viasna's", "leader"])
        #expect(texts("ОВД\u{2011}Инфо") == ["овд", "-", "инфо"])
    }
}
