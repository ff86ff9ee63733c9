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

    @Test func quotesCloseTheirSentence() {
        #expect(split("“We will return,” he said. “Soon.” They left.") == ["“We will return,” he said.", "“Soon.”", "They left."])
    }
}
