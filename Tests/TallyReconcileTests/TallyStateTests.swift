import Testing
import TallyCore
@testable import TallyReconcile

/// What a tally keeps (`TallyState`) gives the same tally however its claims arrive: all at once,
/// batch by batch, in any order — what lets a store add a batch without reading a tally's claims again.
struct TallyStateTests {
    /// Claims of one family and day from a few sources, with ties on publication day, document
    /// and place in the text, vague amounts and implicit figures.
    func members(seed: UInt64) -> [ReconcileInput] {
        var g = SplitMix(state: seed)
        let sources: [Source?] = [monitor, Source(name: "ovd-info", sourceClass: .monitoring), reports,
                                  Source(name: "the police", sourceClass: .official), nil]
        return (0..<40).map { k in
            let vague = g.below(6) == 0
            var c = claim("d\(g.below(12))", vague ? nil : 10 + g.below(300), [.exact, .atLeast, .about, .atMost][g.below(4)],
                          vague: vague ? "dozens" : nil, place: g.below(2) == 0 ? moscow : Place(name: "Москва", geonameID: 524901, country: "RU"),
                          source: sources[g.below(sources.count)])
            c.numberSpan = TextSpan(start: g.below(3), end: 4)
            c.implicit = g.below(10) == 0
            let published = g.below(8) == 0 ? nil : Day(ordinal: Day("2022-09-21")!.ordinal + g.below(4))
            return ReconcileInput(claim: c, published: published, sequence: g.below(15))
        }
    }

    struct SplitMix {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func anyOrderAndAnyBatchingGiveTheSameTally(seed: UInt64) {
        let all = members(seed: seed)
        let whole = Reconciler.tally(kind: .detained, who: .people, date: Day("2022-09-21"), all, ReconcileOptions())
        var shuffled = all
        var g = SplitMix(state: seed &* 31)
        for i in shuffled.indices.reversed() { shuffled.swapAt(i, g.below(i + 1)) }
        // Batch by batch, as a store adds them.
        var state = TallyState(shuffled.prefix(13))
        for m in shuffled.dropFirst(13) { state.add(m) }
        #expect(state == TallyState(all))
        var kept = Reconciler.tally(kind: .detained, who: .people, date: Day("2022-09-21"), state: state)
        #expect(kept.history.isEmpty)
        kept.history = Reconciler.history(shuffled)
        #expect(kept == whole)
        #expect(kept.claims == all.count)
    }

    @Test func aSourceCountsWithItsLatestNumberAndTheTallyIsNamedByItsFirstClaim() throws {
        let early = ReconcileInput(claim: claim("a", 100, place: Place(name: "Москва", geonameID: 524901, country: "RU"), source: monitor),
                                   published: Day("2022-09-21"), sequence: 1)
        let late = ReconcileInput(claim: claim("b", 150, place: moscow, source: Source(name: "ovd-info", sourceClass: .monitoring)),
                                  published: Day("2022-09-22"), sequence: 2)
        let vague = ReconcileInput(claim: claim("c", nil, vague: "hundreds", place: moscow, source: monitor),
                                   published: Day("2022-09-23"), sequence: 3)
        var state = TallyState([vague, late])
        state.add(early)
        let pick = try #require(state.picks["src:ovd-info"])
        #expect(pick.figure.claim.quantity.value == 150 && pick.first == MemberOrder(early))
        #expect(state.place?.name == "Москва" && state.claims == 3)
        let t = Reconciler.tally(kind: .detained, who: .people, date: Day("2022-09-21"), state: state)
        #expect(t.best.value == 150 && t.sources == ["ovd-info"] && t.place == "Москва")
    }
}
