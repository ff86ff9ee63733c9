import TallyCore

/// Where a claim stands in its tally's history: its document's publication day (undated documents
/// first), ingest order, then the place of its number in the text. Intrinsic to the claim, so the
/// order claims are stored or read in never changes a tally.
public struct MemberOrder: Sendable, Hashable, Comparable {
    public var published: Day?
    public var sequence: Int
    public var numberStart: Int

    public init(published: Day?, sequence: Int, numberStart: Int) {
        self.published = published
        self.sequence = sequence
        self.numberStart = numberStart
    }

    public init(_ m: ReconcileInput) {
        self.init(published: m.published, sequence: m.sequence, numberStart: m.claim.numberSpan.start)
    }

    public static func < (a: MemberOrder, b: MemberOrder) -> Bool {
        if a.published != b.published { return (a.published?.ordinal ?? .min) < (b.published?.ordinal ?? .min) }
        if a.sequence != b.sequence { return a.sequence < b.sequence }
        return a.numberStart < b.numberStart
    }
}

/// What a tally keeps of its claims so that new claims can be added without reading the old ones:
/// each source's figure (the one it counts with), where each source and the tally first appear,
/// and how many claims it has. `Reconciler.tally(from:)` makes the tally of a state; adding claims
/// in any order, all at once or batch by batch, gives the same state.
public struct TallyState: Sendable, Hashable {
    /// One source's figure in a tally.
    public struct Pick: Sendable, Hashable {
        /// `Reconciler.sourceKey`: the source's name in lower case, or an unattributed figure's document.
        public var source: String
        /// The first of the source's claims in history order (sources are listed in this order).
        public var first: MemberOrder
        /// The claim the source counts with.
        public var figure: ReconcileInput

        public init(source: String, first: MemberOrder, figure: ReconcileInput) {
            self.source = source
            self.first = first
            self.figure = figure
        }
    }

    public var picks: [String: Pick] = [:]
    public var claims = 0
    /// The tally's first claim in history order; its place names the tally.
    public var first: MemberOrder?
    public var place: Place?

    public init() {}

    public init(picks: [Pick], claims: Int, first: MemberOrder?, place: Place?) {
        self.picks = Dictionary(picks.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        self.claims = claims
        self.first = first
        self.place = place
    }

    public init(_ members: some Sequence<ReconcileInput>) {
        self.init()
        for m in members { add(m) }
    }

    /// Counts one more claim.
    public mutating func add(_ m: ReconcileInput) {
        claims += 1
        let order = MemberOrder(m)
        if first.map({ order < $0 || (order == $0 && Self.placeName(m.claim.place) < Self.placeName(place)) }) ?? true {
            first = order
            place = m.claim.place
        }
        let key = Reconciler.sourceKey(m)
        guard var pick = picks[key] else {
            picks[key] = Pick(source: key, first: order, figure: m)
            return
        }
        if order < pick.first { pick.first = order }
        if Self.counts(m, over: pick.figure) { pick.figure = m }
        picks[key] = pick
    }

    static func placeName(_ p: Place?) -> String { p?.name ?? "" }

    /// Whether a source counts with `m` rather than `current`: a number beats a vague amount, then
    /// the later document, then within one document the figure earlier in the text; claims that tie
    /// on all of that are told apart by their fields, so the choice never depends on order.
    static func counts(_ m: ReconcileInput, over current: ReconcileInput) -> Bool {
        let mNumeric = m.claim.quantity.value != nil, cNumeric = current.claim.quantity.value != nil
        if mNumeric != cNumeric { return mNumeric }
        if m.published != current.published || m.sequence != current.sequence { return Reconciler.later(m, current) }
        if m.claim.numberSpan.start != current.claim.numberSpan.start { return m.claim.numberSpan.start < current.claim.numberSpan.start }
        if let total = Self.wholeList(m, current) { return total }
        return Self.fieldsBefore(m, current)
    }

    /// Two figures of one document that start at the same word: a list's total and its first item
    /// ("a man and a boy were shot": 2, and "a man": 1). The larger is the whole list. Nil when
    /// that does not tell them apart.
    static func wholeList(_ a: ReconcileInput, _ b: ReconcileInput) -> Bool? {
        guard a.claim.doc == b.claim.doc, a.claim.numberSpan.start == b.claim.numberSpan.start,
              let va = a.claim.quantity.value, let vb = b.claim.quantity.value, va != vb else { return nil }
        return va > vb
    }

    /// A total order on what a claim contributes to a tally, for ties nothing else breaks.
    static func fieldsBefore(_ a: ReconcileInput, _ b: ReconcileInput) -> Bool {
        let qa = a.claim.quantity, qb = b.claim.quantity
        if qa.value != qb.value { return (qa.value ?? -1) < (qb.value ?? -1) }
        if qa.valueHigh != qb.valueHigh { return (qa.valueHigh ?? -1) < (qb.valueHigh ?? -1) }
        if qa.qualifier != qb.qualifier { return qa.qualifier.rawValue < qb.qualifier.rawValue }
        if qa.vague != qb.vague { return (qa.vague ?? "") < (qb.vague ?? "") }
        if a.claim.source?.name != b.claim.source?.name { return (a.claim.source?.name ?? "") < (b.claim.source?.name ?? "") }
        if a.claim.source?.sourceClass != b.claim.source?.sourceClass {
            return (a.claim.source?.sourceClass.rawValue ?? "") < (b.claim.source?.sourceClass.rawValue ?? "")
        }
        if a.claim.implicit != b.claim.implicit { return !a.claim.implicit }
        return a.claim.doc < b.claim.doc
    }
}

extension Reconciler {
    /// A tally's history: its claims in history order (`MemberOrder`, then their fields).
    public static func history(_ members: [ReconcileInput]) -> [Tally.HistoryPoint] {
        members.sorted { a, b in
            let oa = MemberOrder(a), ob = MemberOrder(b)
            return oa != ob ? oa < ob : TallyState.fieldsBefore(a, b)
        }.map { m in
            Tally.HistoryPoint(published: m.published, value: m.claim.quantity.value, valueHigh: m.claim.quantity.valueHigh,
                               qualifier: m.claim.quantity.qualifier, source: m.claim.source?.name, doc: m.claim.doc)
        }
    }
}
