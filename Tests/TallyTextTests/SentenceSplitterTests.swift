import Testing
@testable import TallyText

struct SentenceSplitterTests {
    func split(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return SentenceSplitter.sentences(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func splitsAtStopsAndLineBreaks() {
        #expect(split("Police held 12 people. Two were freed!\nHeadline here\n\nНовый абзац. Ещё одно.") ==
                ["Police held 12 people.", "Two were freed!", "Headline here", "Новый абзац.", "Ещё одно."])
    }

    @Test func abbreviationsInitialsAndDecimalsDoNotSplit() {
        #expect(split("Gov. Ann Lee said 1.5 million marched in St. Petersburg on Sunday. Dr. Roe agreed.") ==
                ["Gov. Ann Lee said 1.5 million marched in St. Petersburg on Sunday.", "Dr. Roe agreed."])
        #expect(split("Activist A. B. Smith was held. Около 100 тыс. человек вышли.") ==
                ["Activist A. B. Smith was held.", "Около 100 тыс. человек вышли."])
    }

    @Test func aStopGluedToTheNextSentenceSplits() {
        // Scraped pages lose the space between paragraphs.
        #expect(split("It went from bad to worse.According to police, two men fled.") ==
                ["It went from bad to worse.", "According to police, two men fled."])
        #expect(split("Задержаны 12 человек.По данным полиции, все отпущены.") == ["Задержаны 12 человек.", "По данным полиции, все отпущены."])
        // Names, initials, abbreviations, decimals and addresses stay whole.
        #expect(split("He lives in St.Petersburg, e.g.Nevsky, since 3.5 years; see example.com or the U.S.Army.").count == 1)
        #expect(split("Crowds gathered etc.Then they left.").count == 1)
    }

    @Test func aUnitAbbreviationBeforeACapitalEndsTheSentence() {
        #expect(split("Полиция насчитала 6,5 тыс. В Северодвинске задержали двоих.") == ["Полиция насчитала 6,5 тыс.", "В Северодвинске задержали двоих."])
        #expect(split("Около 100 тыс. человек вышли. Ущерб — 5 млн. руб.").count == 2)
    }

    @Test func quotesCloseTheirSentence() {
        #expect(split("“We will return,” he said. “Soon.” They left.") == ["“We will return,” he said.", "“Soon.”", "They left."])
    }
}

/// The splitter skips eight bytes at a time past those that cannot end a sentence: the word test
/// must find every such byte in every place of the word.
struct SentenceSkipTests {
    @Test func theWordTestFindsEveryBreakingByte() {
        for b in 0...255 {
            for place in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[place] = UInt8(b)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(SentenceSplitter.mayBreak(word) == SentenceSplitter.mayBreak(UInt8(b)), "byte \(b) at \(place)")
            }
        }
        // Bytes next to one another do not hide or fake one (the borrow of the test runs upwards).
        for a in [0x00, 0x01, 0x0B, 0x2F, 0xE1, 0xE3, 0xFF] as [UInt8] {
            let word = [a, 0x0A, a, a, a, a, a, a].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(SentenceSplitter.mayBreak(word))
            let none = [a, a, a, a, a, a, a, a].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(!SentenceSplitter.mayBreak(none))
        }
    }
}
