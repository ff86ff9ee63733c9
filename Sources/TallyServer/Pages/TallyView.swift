import TallyCore

/// A tally as the pages show it: words and numbers in the reader's language, links ready.
struct TallyView {
    let kind: String
    let who: String
    let place: String
    let href: String?
    let date: String
    let best: String
    let range: String?
    let conflict: Bool
    let derived: Bool
    let source: String
    /// "3 claims", "3 сообщения".
    let claims: String
    let sourceCount: String
    let breakdown: [Breakdown]
    let hasBreakdown: Bool
    let timeline: String?

    struct Breakdown {
        let who: String
        let figure: String
    }

    init(_ t: Tally, _ c: PageRenderer.Context, breakdown: [Tally] = [], timeline: Bool = false) {
        let language = c.language
        kind = PageStrings.kind(t.kind, language)
        who = PageStrings.group(t.who, language)
        place = t.place ?? t.country ?? "?"
        href = c.placeHref(name: t.place, id: t.placeID)
        date = t.date?.description ?? c.t.unknownDate
        best = PageStrings.figure(value: t.best.value, qualifier: t.best.qualifier, vague: t.best.vague, language)
        range = PageStrings.range(low: t.low, high: t.high, language)
        conflict = t.conflict
        derived = t.derived
        source = t.best.source ?? c.t.unattributed
        claims = PageStrings.count(t.claims, .claims, language)
        sourceCount = PageStrings.count(t.sources.count, .sources, language)
        self.breakdown = breakdown.map {
            Breakdown(who: PageStrings.group($0.who, language),
                      figure: PageStrings.figure(value: $0.best.value, qualifier: $0.best.qualifier, vague: $0.best.vague, language))
        }
        hasBreakdown = !breakdown.isEmpty
        self.timeline = timeline ? TimelineSVG.svg(t.history, language: language, label: c.t.timeline) : nil
    }
}
