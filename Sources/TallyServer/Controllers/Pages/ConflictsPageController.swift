import Hummingbird
import TallyCore
import TallyStore

/// `GET /conflicts`: every tally whose sources disagree, with each source's latest figure and a
/// link to the report it came from.
struct ConflictsPageController {
    let store: any Store
    let renderer: PageRenderer

    struct Model {
        let chrome: PageRenderer.Chrome
        let rows: [Row]
        let empty: Bool
    }

    struct Row {
        let tally: TallyView
        let figures: [SourceFigure]
    }

    struct SourceFigure {
        let source: String
        let figure: String
        let published: String?
        let href: String
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("conflicts") { request, _ in
            try await renderer.respond(request, cachedBy: store) { c in
                let rows = try await readTallies(TallyQuery(), from: store).filter(\.conflict).map { t in
                    Row(tally: TallyView(t, c), figures: Self.latestPerSource(t.history).map { p in
                        SourceFigure(source: p.source ?? c.t.unattributed,
                                     figure: PageStrings.figure(value: p.value, high: p.valueHigh, qualifier: p.qualifier, c.language),
                                     published: p.published?.description, href: c.documentHref(p.doc))
                    })
                }
                return .init(template: "conflicts", model: Model(chrome: c.chrome(c.t.conflicts), rows: rows, empty: rows.isEmpty))
            }
        }
    }

    /// Each source's last figure in the history (history is in publication order), in the order sources first spoke.
    static func latestPerSource(_ history: [Tally.HistoryPoint]) -> [Tally.HistoryPoint] {
        var order: [String?] = [], last: [String?: Tally.HistoryPoint] = [:]
        for p in history {
            if last[p.source] == nil { order.append(p.source) }
            last[p.source] = p
        }
        return order.compactMap { last[$0] }
    }
}
