import Foundation
import TallyCore
import TallyReconcile
import Testing
@testable import TallyStore

/// Random documents and claims over a few days, places, sources and kinds of figure, from a seed:
/// enough collisions for undated claims to join and leave tallies, sources to repeat, cities to
/// add up against their countries and derived tallies to come and go.
struct RandomCorpus {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let places: [Place?] = [
        Place(name: "Russia", geonameID: 2017370, country: "RU", level: .country),
        Place(name: "Moscow", geonameID: 524901, country: "RU"),
        Place(name: "Saint Petersburg", geonameID: 498817, country: "RU"),
        Place(name: "Kazan", geonameID: 551487, country: "RU"),
        Place(name: "Belarus", geonameID: 630336, country: "BY", level: .country),
        Place(name: "Minsk", geonameID: 625144, country: "BY"),
        Place(name: "Brest", geonameID: 629634, country: "BY"),
        Place(name: "Bolotnaya Square"), Place(name: "bolotnaya square"), Place(name: "Площадь Революции"),
        nil,
    ]
    static let sources: [Source?] = [
        nil, Source(name: "OVD-Info", sourceClass: .monitoring), Source(name: "ovd-info", sourceClass: .monitoring),
        Source(name: "Viasna", sourceClass: .caseRecords), Source(name: "the police", sourceClass: .official),
        Source(name: "organisers", sourceClass: .organisers), Source(name: "Reuters", sourceClass: .media),
    ]

    var items: [IngestItem] = []

    init(seed: UInt64, documents: Int) {
        var g = Generator(state: seed)
        func day(_ from: Int, _ span: Int) -> Day { Day(ordinal: Day("2026-03-10")!.ordinal + from + Int.random(in: 0..<span, using: &g)) }
        for k in 0..<documents {
            let published: Day? = Int.random(in: 0..<10, using: &g) == 0 ? nil : day(0, 14)
            let text = "Document \(k) of seed \(seed)."
            let claims = (0..<Int.random(in: 0...4, using: &g)).map { _ -> Claim in
                let value = Int.random(in: 1...900, using: &g)
                let quantity: Quantity
                switch Int.random(in: 0..<7, using: &g) {
                case 0: quantity = Quantity(value: value, qualifier: .atLeast)
                case 1: quantity = Quantity(value: value, qualifier: .atMost)
                case 2: quantity = Quantity(value: value, qualifier: .about)
                case 3: quantity = Quantity(value: value, valueHigh: value + Int.random(in: 1...100, using: &g), qualifier: .range)
                case 4: quantity = Quantity(value: nil, qualifier: .about, vague: ["dozens", "hundreds"].randomElement(using: &g)!)
                default: quantity = Quantity(value: value, qualifier: .exact)
                }
                return Claim(doc: "doc-\(k)", kind: [.detained, .detained, .injured].randomElement(using: &g)!,
                             who: [.people, .people, .journalists].randomElement(using: &g)!, quantity: quantity,
                             place: Self.places.randomElement(using: &g)!,
                             date: Int.random(in: 0..<4, using: &g) == 0 ? nil : day(0, 12),
                             source: Self.sources.randomElement(using: &g)!, evidence: text,
                             // Figures of one document often share a place in the text (ties to break
                             // the same way however they are read); some are implicit ("a man was shot").
                             span: TextSpan(start: 0, end: text.utf8.count), numberSpan: TextSpan(start: Int.random(in: 0..<3, using: &g), end: 4),
                             implicit: Int.random(in: 0..<12, using: &g) == 0)
            }
            items.append(IngestItem(document: Document(id: "doc-\(k)", language: "en", published: published, text: text), claims: claims))
        }
        // Some texts come again under another id (to be seen, not stored twice).
        for k in stride(from: 0, to: documents, by: 9) {
            var again = items[k]
            again.document.id += "-again"
            items.append(again)
        }
        items.shuffle(using: &g)
    }

    /// The items cut into batches of random sizes.
    func batches(seed: UInt64, upTo size: Int) -> [[IngestItem]] {
        var g = Generator(state: seed)
        var out: [[IngestItem]] = []
        var i = 0
        while i < items.count {
            let n = min(Int.random(in: 1...size, using: &g), items.count - i)
            out.append(Array(items[i..<i + n]))
            i += n
        }
        return out
    }
}

extension StoreConformance {
    /// The tallies the store keeps, batch after batch, are those a full reconcile of its claims gives.
    static func storedTalliesMatchAFullReconcile(_ f: StoreFixture) async throws {
        let store = try await f.open()
        #expect(try await store.tallies(TallyFilter()).isEmpty)
        let corpus = RandomCorpus(seed: 7, documents: 260)
        for (n, batch) in corpus.batches(seed: 11, upTo: 25).enumerated() {
            _ = try await store.ingest(batch)
            if n % 4 == 0 { try await expectTalliesMatch(store) }
        }
        let full = try await expectTalliesMatch(store)
        #expect(full.contains { $0.derived } && full.contains { $0.conflict } && full.contains { $0.date == nil })
        // Filters are answered by the store as the full reconcile filtered.
        for filter in [TallyFilter(kind: .injured), TallyFilter(place: "MOSCOW"), TallyFilter(place: "ru"),
                       TallyFilter(place: "площадь революции"), TallyFilter(date: Day("2026-03-14")),
                       TallyFilter(kind: .detained, place: "minsk", date: Day("2026-03-15"))] {
            let stored = try await store.tallies(filter)
            #expect(stored == full.filter(filter.matches), "\(filter)")
        }
        let noHistory = try await store.tallies(TallyFilter(history: false))
        #expect(noHistory.map(\.history).allSatisfy(\.isEmpty) && noHistory.count == full.count)
    }

    /// Four stores (as four processes) ingest one random corpus at once, each its own part in its own
    /// order: the tallies are still those of a full reconcile.
    static func concurrentIngestsKeepTalliesRight(_ f: StoreFixture) async throws {
        _ = try await f.open()
        let corpus = RandomCorpus(seed: 21, documents: 240)
        let batches = corpus.batches(seed: 5, upTo: 12)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<4 {
                group.addTask {
                    let store = try await f.open()
                    for (n, batch) in batches.enumerated() where n % 4 == w { _ = try await store.ingest(batch) }
                }
            }
            try await group.waitForAll()
        }
        let full = try await expectTalliesMatch(try await f.open())
        #expect(!full.isEmpty)
    }

    @discardableResult
    static func expectTalliesMatch(_ store: any Store, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Tally] {
        let stored = try await store.tallies(TallyFilter())
        let full = Reconciler.tallies(try await store.reconcileInputs(asOf: nil))
        #expect(stored.count == full.count, sourceLocation: sourceLocation)
        if stored != full {
            let a = Set(stored), b = Set(full)
            let extra = a.subtracting(b).prefix(3).map { "\($0)" }.joined(separator: "\n")
            let missing = b.subtracting(a).prefix(3).map { "\($0)" }.joined(separator: "\n")
            Issue.record("stored tallies differ from a full reconcile\nstored only:\n\(extra)\nfull only:\n\(missing)",
                         sourceLocation: sourceLocation)
        }
        return full
    }
}
