import Testing
@testable import TallyText

struct NumberReaderTests {
    static let english = NumberReader(
        vocabulary: NumberVocabulary(
            units: ["one": 1, "two": 2, "three": 3, "five": 5, "nine": 9, "twenty": 20, "thirty": 30],
            multipliers: ["hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12],
            articles: ["a", "an"], joiners: ["and"]),
        decimalComma: false, rangePairs: [("between", "and"), ("from", "to")], rangeJoiners: ["-", "–", "to", "or"])
    static let russian = NumberReader(
        vocabulary: NumberVocabulary(
            units: ["девять": 9, "девятерых": 9, "тридцати": 30, "трёх": 3, "двоих": 2],
            hundreds: ["триста": 300],
            multipliers: ["тысяч": 1000, "тысячи": 1000, "тыс": 1000, "млн": 1_000_000],
            fractions: ["полторы": 1.5]),
        decimalComma: true, rangePairs: [("от", "до")], rangeJoiners: ["-", "–"])

    func read(_ reader: NumberReader, _ text: String, at index: Int = 0) -> NumberMention? {
        let bytes = Array(text.utf8)
        return reader.read(Tokenizer.tokens(bytes, in: 0..<bytes.count), at: index)
    }

    @Test func digitsWithSeparators() {
        #expect(NumberReader.parseDigits("1,300", decimalComma: false) == 1300)
        #expect(NumberReader.parseDigits("1 300", decimalComma: true) == 1300)
        #expect(NumberReader.parseDigits("1.300", decimalComma: true) == 1300)
        #expect(NumberReader.parseDigits("15,5", decimalComma: true) == 15.5)
        #expect(NumberReader.parseDigits("1.3", decimalComma: false) == 1.3)
        #expect(NumberReader.parseDigits("21.09.2022", decimalComma: true) == nil)
    }

    @Test func englishWordsAndMultipliers() {
        #expect(read(Self.english, "twenty-five people")?.value == 25)
        #expect(read(Self.english, "nine journalists")?.value == 9)
        #expect(read(Self.english, "1.3 thousand people")?.value == 1300)
        #expect(read(Self.english, "a dozen protesters")?.value == 12)
        #expect(read(Self.english, "two hundred and thirty")?.value == 230)
        #expect(read(Self.english, "1.7 million marched")?.value == 1_700_000)
    }

    @Test func russianCaseFormsFractionsAndAbbreviations() {
        #expect(read(Self.russian, "девятерых задержанных")?.value == 9)
        #expect(read(Self.russian, "тридцати трёх человек")?.value == 33)
        #expect(read(Self.russian, "полторы тысячи человек")?.value == 1500)
        #expect(read(Self.russian, "1,3 тыс. человек")?.value == 1300)
        #expect(read(Self.russian, "20 тысяч")?.value == 20_000)
        #expect(read(Self.russian, "триста")?.value == 300)
    }

    @Test func ranges() throws {
        let a = try #require(read(Self.russian, "20-30 тысяч человек"))
        #expect(a.value == 20_000 && a.valueHigh == 30_000)
        let b = try #require(read(Self.english, "between 200 and 300 people", at: 1))
        #expect(b.value == 200 && b.valueHigh == 300)
        let c = try #require(read(Self.english, "two or three"))
        #expect(c.value == 2 && c.valueHigh == 3)
        let d = try #require(read(Self.russian, "от 50 до 60 тысяч", at: 1))
        #expect(d.value == 50_000 && d.valueHigh == 60_000)
    }
}

/// Digits with separators are read from their bytes (`NumberReader.groupedDigits`) when they look
/// like news numbers; the reading must be the one the characters give, on every text.
struct GroupedDigitsTests {
    @Test func bytesReadAsTheCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["1", "3", "13", "300", "1300", "0", "05", "999", "123456", "9999999999999999", ",", ".", " ", "\u{A0}",
                      "\u{2009}", "\u{202F}", "\u{205F}", "-", "x", ",\u{301}"]
        var texts = ["", "1,300", "1 300", "1.300", "15,5", "1.3", "21.09.2022", "1,300.5", "1.300,5", "1,300,000", "1.2.3",
                     "1,3,", ",5", "12,34,567", "1 234 567", "1 23", "123456789012345", "1234567890123456", "1,234,567,890.12"]
        for _ in 0..<5_000 {
            texts.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            for decimalComma in [false, true] {
                #expect(NumberReader.parseDigits(text, decimalComma: decimalComma)
                        == NumberReader.parseDigitsByCharacters(text, decimalComma: decimalComma), "\(text) \(decimalComma)")
            }
        }
        #expect(NumberReader.parseDigits("1,300.5", decimalComma: false) == 1300.5)
        #expect(NumberReader.parseDigits("1\u{A0}300", decimalComma: true) == 1300)
    }
}
