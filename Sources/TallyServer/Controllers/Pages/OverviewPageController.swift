import Hummingbird
import TallyCore
import TallyStore

/// `GET /`: the latest tallies of each kind — best figure, range, conflict mark, and how many of
/// the people were journalists, minors or women.
struct OverviewPageController {
    let store: any Store
    let renderer: PageRenderer

    static let breakdownGroups: [Group] = [.journalists, .minors, .women]

    struct Model {
        let chrome: PageRenderer.Chrome
        let kinds: [KindCard]
        let empty: Bool
    }

    struct KindCard {
        let kind: String
        let rows: [TallyView]
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("/") { request, _ in
            try await renderer.respond(request, cachedBy: store) { c in
                let tallies = try await readTallies(TallyQuery(), from: store, history: false)
                let cards = Self.latest(tallies).map { kind, rows in
                    KindCard(kind: PageStrings.kind(kind, c.language),
                             rows: rows.map { t in TallyView(t, c, breakdown: Self.breakdown(of: t, in: tallies)) })
                }
                return .init(template: "overview", model: Model(chrome: c.chrome(c.t.overview), kinds: cards, empty: cards.isEmpty))
            }
        }
    }

    /// Rows per kind on the overview; the place pages and the API have the rest.
    static let rowsPerKind = 8

    /// For each kind, in the order of `ClaimKind`: its tallies for people, latest event day first,
    /// then largest first.
    static func latest(_ tallies: [Tally]) -> [(ClaimKind, [Tally])] {
        ClaimKind.allCases.compactMap { kind in
            let people = tallies.filter { $0.kind == kind && $0.who == .people }
            guard !people.isEmpty else { return nil }
            let rows = people.sorted {
                ($0.date?.ordinal ?? .min, $0.best.value ?? 0, $1.place ?? "") > ($1.date?.ordinal ?? .min, $1.best.value ?? 0, $0.place ?? "")
            }
            return (kind, Array(rows.prefix(rowsPerKind)))
        }
    }

    /// The tallies of journalists, minors and women of the same kind, place and day.
    static func breakdown(of t: Tally, in tallies: [Tally]) -> [Tally] {
        breakdownGroups.compactMap { group in
            tallies.first { $0.kind == t.kind && $0.who == group && $0.place == t.place && $0.placeID == t.placeID && $0.date == t.date }
        }
    }
}
