import Testing
@testable import TallyCore

struct DayTests {
    @Test func parsesAndPrintsISODates() throws {
        let day = try #require(Day("2022-09-21"))
        #expect(day.year == 2022 && day.month == 9 && day.day == 21)
        #expect(day.description == "2022-09-21")
        #expect(Day("2022-09-21T23:10:00Z") == day)
    }

    @Test func stringsAndSubstringsParseAlikeAndSmallPartsArePadded() throws {
        let text = "published 2026-03-05, updated"
        let start = text.index(text.startIndex, offsetBy: 10)
        let part = text[start...]
        #expect(Day(part) == Day("2026-03-05"))
        #expect(Day(String(part.prefix(9))) == nil)
        #expect(Day(part.prefix(9)) == nil)
        #expect(try #require(Day(year: 987, month: 3, day: 5)).description == "0987-03-05")
        #expect(try #require(Day(year: 9999, month: 12, day: 31)).description == "9999-12-31")
        #expect(Day("2026-03-\u{0661}5") == nil)
    }

    @Test func rejectsImpossibleDates() {
        #expect(Day("2022-02-29") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2022-13-01") == nil)
        #expect(Day("22-09-21") == nil)
        #expect(Day("2022-09-2x") == nil)
    }

    @Test func weekdaysAndShifts() throws {
        let wednesday = try #require(Day("2022-09-21"))
        #expect(wednesday.weekday == 3)
        #expect(wednesday.adding(days: -1).description == "2022-09-20")
        #expect(try #require(Day("2000-03-01")).adding(days: -1).description == "2000-02-29")
        #expect(Day(ordinal: 0).description == "1970-01-01")
        #expect(try #require(Day("1970-01-01")).weekday == 4)
    }
}
