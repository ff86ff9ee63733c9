import Testing
import TallyCore
import TallyReconcile
@testable import TallyStore

/// What a refresh looks up before it plans: a few days per family, all of them only for a family
/// that gets a new day.
struct TallyRefreshTests {
    func input(_ doc: String, date: String?, published: String, sequence: Int) -> ReconcileInput {
        let claim = Claim(doc: doc, kind: .detained, quantity: Quantity(value: 10, qualifier: .exact),
                          place: Place(name: "Moscow", geonameID: 524901, country: "RU"), date: date.flatMap { Day($0) },
                          source: nil, evidence: "", span: TextSpan(start: 0, end: 0), numberSpan: TextSpan(start: 0, end: 0))
        return ReconcileInput(claim: claim, published: Day(published), sequence: sequence)
    }

    @Test func probesADatedClaimsDayAndTheDaysAnUndatedOneMayJoin() throws {
        let refresh = TallyRefresh(new: [
            input("a", date: "2026-03-14", published: "2026-03-15", sequence: 1),
            input("b", date: nil, published: "2026-03-20", sequence: 2),
        ])
        let family = try #require(refresh.families.first)
        #expect(refresh.families.count == 1)
        #expect(refresh.probedDays[family] == ["2026-03-14", "2026-03-17", "2026-03-18", "2026-03-19", "2026-03-20"])
        // The dated claim's day is stored already: nothing more to read.
        #expect(refresh.needingAllDays(found: [family: [Day("2026-03-14")!, Day("2026-03-18")!]]).isEmpty)
        // It is new to the family: undated claims may move to it, so every day of the family is read.
        #expect(refresh.needingAllDays(found: [family: [Day("2026-03-18")!]]) == [family])
        #expect(refresh.needingAllDays(found: [:]) == [family])
    }
}
