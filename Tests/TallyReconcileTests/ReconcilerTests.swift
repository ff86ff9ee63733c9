import Testing
import TallyCore
@testable import TallyReconcile

/// Claims made up for these tests, shaped like the founding reports' figures.
func claim(_ doc: String, _ value: Int?, _ q: Qualifier = .exact, kind: ClaimKind = .detained, who: Group = .people,
           vague: String? = nil, place: Place?, date: String? = "2022-09-21", source: Source? = nil) -> Claim {
    Claim(doc: doc, kind: kind, who: who, quantity: Quantity(value: value, qualifier: q, vague: vague), place: place,
          date: date.flatMap { Day($0) }, source: source, evidence: "e", span: TextSpan(start: 0, end: 1),
          numberSpan: TextSpan(start: 0, end: 1))
}

let russia = Place(name: "Russia", geonameID: 2017370, country: "RU", level: .country)
let moscow = Place(name: "Moscow", geonameID: 524901, country: "RU")
let petersburg = Place(name: "Saint Petersburg", geonameID: 498817, country: "RU")
let monitor = Source(name: "OVD-Info", sourceClass: .monitoring)
let reports = Source(name: "some reports", sourceClass: .unattributed)

struct ReconcilerTests {
    func inputs(_ claims: [(Claim, String)]) -> [ReconcileInput] {
        claims.enumerated().map { ReconcileInput(claim: $1.0, published: Day($1.1), sequence: $0) }
    }

    var founding: [Tally] {
        Reconciler.tallies(inputs([
            (claim("a", 1300, .atLeast, place: russia, source: monitor), "2022-09-22"),
            (claim("a", 500, .atLeast, place: moscow, source: monitor), "2022-09-22"),
            (claim("a", 520, .atLeast, place: petersburg, source: monitor), "2022-09-22"),
            (claim("a", 9, who: .journalists, place: russia, source: monitor), "2022-09-22"),
            (claim("a", 33, who: .minors, place: russia, source: monitor), "2022-09-22"),
            (claim("b", 100, place: moscow), "2022-09-22"),
            (claim("b", 100, place: petersburg), "2022-09-22"),
            (claim("b", 1700, .atMost, place: russia, source: reports), "2022-09-22"),
        ]))
    }

    func find(_ tallies: [Tally], _ place: String?, _ who: Group = .people) throws -> Tally {
        try #require(tallies.first { $0.place == place && $0.who == who && $0.kind == .detained })
    }

    @Test func theCountryFigureComesFromTheMonitorWithTheWholeRange() throws {
        let t = try find(founding, "Russia")
        #expect(t.best == Tally.Best(value: 1300, qualifier: .atLeast, source: "OVD-Info", doc: "a"))
        #expect(t.low == 1300 && t.high == 1700 && t.claims == 2)
        #expect(!t.conflict)
    }

    @Test func cityFiguresThatCannotBothHoldAreConflicts() throws {
        let m = try find(founding, "Moscow")
        #expect(m.best.value == 500 && m.best.source == "OVD-Info" && m.low == 100 && m.conflict)
        let p = try find(founding, "Saint Petersburg")
        #expect(p.best.value == 520 && p.low == 100 && p.conflict)
        #expect(try find(founding, "Russia", .journalists).best.value == 9)
        #expect(try find(founding, "Russia", .minors).best.value == 33)
    }

    @Test func eachSourceCountsOnceWithItsLatestFigure() throws {
        let t = Reconciler.tallies(inputs([
            (claim("d1", 640, .atLeast, place: russia, date: "2026-03-14", source: monitor), "2026-03-15"),
            (claim("d2", 720, .atLeast, place: russia, date: "2026-03-14", source: monitor), "2026-03-16"),
        ]))
        #expect(t.count == 1)
        #expect(t[0].best.value == 720 && t[0].sources == ["OVD-Info"] && t[0].claims == 2)
        #expect(t[0].history.map(\.value) == [640, 720])
    }

    @Test func anUndatedClaimJoinsTheTallyOfTheDaysBeforeItsDocument() throws {
        let t = Reconciler.tallies(inputs([
            (claim("d1", 40, place: moscow, date: "2026-03-14"), "2026-03-15"),
            (claim("d2", 45, place: moscow, date: nil), "2026-03-16"),
            (claim("d3", 50, place: moscow, date: nil), "2026-03-30"),
        ]))
        #expect(t.map(\.claims).sorted() == [1, 2])
        #expect(t.first { $0.claims == 2 }?.date == Day("2026-03-14"))
    }

    @Test func vagueAmountsAreNeverBestWhileANumberExists() throws {
        let t = Reconciler.tallies(inputs([
            (claim("d1", nil, .about, vague: "hundreds", place: moscow, source: monitor), "2022-09-22"),
            (claim("d2", 120, place: moscow), "2022-09-22"),
        ]))
        #expect(t[0].best.value == 120)
        var ccc = ReconcileOptions()
        ccc.vague = .ccc
        let onlyVague = Reconciler.tallies(inputs([(claim("d1", nil, .about, vague: "hundreds", place: moscow), "2022-09-22")]), options: ccc)
        #expect(onlyVague[0].best == Tally.Best(value: 200, qualifier: .about, source: nil, doc: "d1", vague: "hundreds"))
    }

    @Test func citiesWithoutANationalFigureGiveADerivedOne() throws {
        let t = Reconciler.tallies(inputs([
            (claim("d1", 300, place: moscow), "2022-09-22"),
            (claim("d1", 200, .atLeast, place: petersburg), "2022-09-22"),
        ]))
        let derived = try #require(t.first { $0.derived })
        #expect(derived.best.value == 500 && derived.best.qualifier == .atLeast && derived.country == "RU")
        #expect(t.first == derived)
        // Its document is the largest city's, whatever order the claims come in.
        for order in [[0, 1], [1, 0]] {
            let pairs = [(claim("d1", 300, place: moscow), "2022-09-22"), (claim("d2", 200, .atLeast, place: petersburg), "2022-09-22")]
            let tallies = Reconciler.tallies(inputs(order.map { pairs[$0] }))
            #expect(tallies.first { $0.derived }?.best.doc == "d1")
        }
    }

    @Test func citiesAboveTheNationalFigureFlagIt() throws {
        let t = Reconciler.tallies(inputs([
            (claim("d1", 300, place: russia), "2022-09-22"),
            (claim("d1", 250, place: moscow), "2022-09-22"),
            (claim("d1", 200, place: petersburg), "2022-09-22"),
        ]))
        #expect(try find(t, "Russia").conflict)
    }

    @Test func asOfLeavesLaterDocumentsOut() throws {
        var options = ReconcileOptions()
        options.asOf = Day("2026-03-15")
        let t = Reconciler.tallies(inputs([
            (claim("d1", 640, .atLeast, place: russia, date: "2026-03-14", source: monitor), "2026-03-15"),
            (claim("d2", 720, .atLeast, place: russia, date: "2026-03-14", source: monitor), "2026-03-16"),
        ]), options: options)
        #expect(t[0].best.value == 640)
    }
    @Test func aListsTotalBeatsItsFirstItemAtTheSameWord() throws {
        // "A cyclist and a jogger were wounded": the total (2) and "a cyclist" (1) start at one word.
        var total = claim("d1", 2, kind: .injured, place: moscow)
        total.implicit = true
        total.numberSpan = TextSpan(start: 40, end: 62)
        var first = claim("d1", 1, kind: .injured, place: moscow)
        first.implicit = true
        first.numberSpan = TextSpan(start: 40, end: 49)
        for order in [[total, first], [first, total]] {
            // One document: one publication day and one place in the ingest order.
            let t = Reconciler.tallies(order.map { ReconcileInput(claim: $0, published: Day("2022-09-22"), sequence: 0) })
            #expect(t.count == 1 && t[0].best.value == 2)
            // The store keeps only where a figure starts; that is enough.
            #expect(TallyState.counts(ReconcileInput(claim: total, published: Day("2022-09-22"), sequence: 0),
                                      over: ReconcileInput(claim: first, published: Day("2022-09-22"), sequence: 0)))
        }
        // Figures of two documents still go to the most conservative when all else ties.
        var other = claim("d2", 1, kind: .injured, place: moscow)
        other.numberSpan = TextSpan(start: 40, end: 49)
        let pair = Reconciler.tallies([ReconcileInput(claim: total, published: Day("2022-09-22"), sequence: 0),
                                       ReconcileInput(claim: other, published: Day("2022-09-22"), sequence: 0)])
        #expect(pair[0].best.value == 1)
    }
}
