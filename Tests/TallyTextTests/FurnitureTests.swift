import Testing
@testable import TallyText

/// A plain-text report in the shape of a copied web page, written for these tests.
private let copiedPage = """
Crowds detained across the fictional republic

Support us and go ad-free

Police detained about 200 people each in the two largest fictional cities on Saturday, monitors said.

Some reports put the total as high as 900, with several people injured during the arrests.

The government said the protests had been organised from abroad and promised further checks.

Support us and go ad-free

We know times are hard, but independent media needs you more than ever. Please help us.

Our budget is a hundred times smaller than that of the big papers, and we rely on readers.

Even the smallest donation would mean the world to us.

Support us
  • Show Comments
    1. A reader says that 100s of people were held in his street alone, which nobody reported.

      1. Another reader replies that the figure of 5000 is closer to the truth than anything here.

    Leave a Reply

    Join the conversation
"""

struct FurnitureTests {
    let cleaned = PlainTextFurniture.removeFurniture(fromPlainText: copiedPage)

    @Test func keepsTheReportAndItsFigures() {
        #expect(cleaned.contains("about 200 people each in the two largest fictional cities"))
        #expect(cleaned.contains("as high as 900"))
        #expect(cleaned.contains("organised from abroad"))
    }

    @Test func dropsAppealsAndComments() {
        for gone in ["Support us", "ad-free", "hundred times smaller", "donation", "Show Comments", "100s of people",
                     "5000", "Leave a Reply", "Join the conversation"] {
            #expect(!cleaned.contains(gone), "\(gone) should be gone")
        }
    }

    /// A list of other stories under the article ("Most read") is furniture to the end.
    @Test func aListOfOtherStoriesEndsTheArticle() {
        let text = "Police detained 40 people at a fictional rally on Sunday, monitors said.\n\nMost read\n- 15 killed as bus plunges into gorge\n- 3 arrested in a fictional raid"
        let bytes = Array(text.utf8)
        let start = Array("Police detained 40 people at a fictional rally on Sunday, monitors said.\n\n".utf8).count
        #expect(FurnitureRanges.ranges(in: bytes) == [start..<bytes.count])
    }

    @Test func leavesCleanTextAlone() {
        let text = "First paragraph about a count of 40 people.\n\nSecond paragraph about support for the count."
        #expect(PlainTextFurniture.removeFurniture(fromPlainText: text) == text)
    }

    @Test func dropsShortPromptsAnywhere() {
        let text = "Report of 10 arrests in a fictional town.\n\nAdvertisement\n\nMore on the arrests.\n\nShare this article"
        #expect(PlainTextFurniture.removeFurniture(fromPlainText: text) == "Report of 10 arrests in a fictional town.\n\nMore on the arrests.")
    }

    @Test func dropsPromptLinesInsideAParagraph() {
        let text = "A photo caption of a crowd\nSupport us and go ad-free\n\nThe report says 30 people were held."
        #expect(PlainTextFurniture.removeFurniture(fromPlainText: text) == "A photo caption of a crowd\n\nThe report says 30 people were held.")
    }

    @Test func cutsTheStoryListAfterTheArticle() {
        let article = (1...6).map { "Paragraph \($0) of the report on the detentions in the fictional city." }
        let text = (article + ["More stories", "A teaser about some other story", "Another teaser about sport"])
            .joined(separator: "\n\n")
        #expect(PlainTextFurniture.removeFurniture(fromPlainText: text) == article.joined(separator: "\n\n"))
    }

    @Test func keepsAListHeadingEarlyInTheText() {
        let text = "Related stories\n\nThe first paragraph of the report.\n\nThe second one.\n\nThe third one.\n\nThe fourth one."
        #expect(PlainTextFurniture.removeFurniture(fromPlainText: text) == text)
    }

    @Test func dropsNoticesAboutThePage() {
        let story = "Police held 25 people at the fictional square, the monitors said on Sunday."
        let text = [
            "PUBLISHED: 09:15, Sun, Mar 3, 2030 | UPDATED: 10:00, Sun, Mar 3, 2030", story,
            "We may earn a commission when you buy through affiliate links on this page.",
            "Sign up for our newsletter to get the news delivered to your inbox.",
            "Follow the reporter on Twitter for more updates.",
            "A crowd in the square (Image: Example Agency / Getty Images)",
            "Example Wire March 3, 2030 9:02 AM", "reporter@example.org",
        ].joined(separator: "\n\n")
        #expect(PlainTextFurniture.removeFurniture(fromPlainText: text) == story)
    }

    @Test func keepsSentencesWithDates() {
        let text = [
            "On March 3, 2030 police detained 25 people.", "By March 5, 2030 it rose.",
            "By Monday, 300 people had been detained on the square", "Updated figures show 1,300 detained",
            "September 21, 2030: 1,300 detained", "March 4, 2030 — 52 detained in Riverton",
        ].joined(separator: "\n\n")
        #expect(PlainTextFurniture.removeFurniture(fromPlainText: text) == text)
    }
}

/// `FurnitureRanges.containsAppeal` skips positions by their first four bytes; it must answer as
/// asking `contains` of every marker does.
struct AppealScanTests {
    @Test func theScanAgreesWithAskingEveryMarker() {
        var generator = SystemRandomNumberGenerator()
        var lines: [[UInt8]] = FurnitureRanges.appealBytes.map { [0x61, 0x20] + $0 + [0x2E] } + [[], [0x61], Array("подпишитесь".utf8.dropLast())]
        var pieces: [[UInt8]] = [Array("police detained 40 people ".utf8), Array("задержали 12 человек ".utf8), [0xD0], [0x20]]
        for marker in FurnitureRanges.appealBytes { pieces += [marker, Array(marker.prefix(2)), Array(marker.prefix(4)), Array(marker.dropFirst())] }
        for _ in 0..<3_000 {
            var line: [UInt8] = []
            for _ in 0..<Int.random(in: 0...4, using: &generator) { line += pieces.randomElement(using: &generator)! }
            lines.append(line)
        }
        for line in lines {
            let naive = FurnitureRanges.appealBytes.contains { ByteSearch.contains(line, $0) }
            #expect(FurnitureRanges.containsAppeal(line) == naive, "\(String(decoding: line, as: UTF8.self))")
        }
    }
}

extension AppealScanTests {
    /// The scan looks at a marker's first four bytes, so none may be shorter.
    @Test func everyAppealMarkerHasFourBytesOrMore() {
        #expect(FurnitureRanges.appealBytes.allSatisfy { $0.count >= 4 })
    }
}
