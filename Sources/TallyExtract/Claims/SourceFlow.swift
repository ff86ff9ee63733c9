import TallyCore

/// Whose each sentence's figures are, as a reader follows the sources from sentence to sentence:
/// "It also said" is the last source named; within a paragraph, figures stay the last named
/// source's; a source named right after figures of the same paragraph is theirs too; and each
/// clause of a contrast ("police said …, while organisers put …") keeps its own.
struct SourceFlow {
    /// The last source named, for "it also said", "the ministry".
    private var lastSource: Source? = nil
    /// The sources named so far, the latest last, for "the monitor said" after an official spoke.
    private var history: [Source] = []
    /// The source of the paragraph's sentences so far.
    private var paragraphSource: Source? = nil
    /// Claims of the previous sentence of the paragraph that no source was found for.
    private var unsourced: [Int] = []

    /// The sources of one sentence's figures.
    struct Sentence {
        /// The sentence's source.
        var source: Source?
        /// Clauses with sources of their own (token ranges), when they differ.
        var clauses: [(tokens: Range<Int>, source: Source)]

        /// The source of the figure whose first token is `token`.
        func source(ofFigureAt token: Int) -> Source? {
            clauses.first { $0.tokens.contains(token) }?.source ?? source
        }
    }

    /// A line break: the paragraph's source and its unsourced claims are forgotten.
    mutating func startParagraph() {
        paragraphSource = nil
        unsourced = []
    }

    /// The sources of the next sentence, from what it quotes (`found`, its clauses' `clauses`).
    /// A source it names is given to the claims of the sentence before that had none.
    mutating func next(_ found: AttributionFinder.Found?, clauses: [AttributionFinder.ClauseSource], claims: inout [Claim]) -> Sentence {
        // Each clause of a contrast its own source, when they differ ("the ministry" is the last one named).
        let named = clauses.compactMap { c -> (tokens: Range<Int>, source: Source)? in
            switch c.found {
            case .named(let source): (c.range, source)
            case .anaphora(let cls): pointedAt(cls).map { (c.range, $0) }
            }
        }
        let own = Set(named.map(\.source.name)).count > 1 ? named : []
        var source: Source? = nil
        switch found {
        case .named(let name):
            source = name
            lastSource = name
            history.append(name)
            // "…были задержаны 12 подростков. Им 16-17 лет, сообщает пресс-служба МВД": a source
            // named right after figures of the same paragraph is theirs too.
            for i in unsourced { claims[i].source = name }
        case .anaphora(let cls):
            source = pointedAt(cls)
        case nil:
            // Within a paragraph, figures go on being the last named source's.
            source = paragraphSource
        }
        paragraphSource = source
        unsourced = []
        // After a contrast of sources, "they" is the last clause's.
        if let last = own.last { lastSource = last.source }
        return Sentence(source: source, clauses: own)
    }

    /// The source a phrase pointing back means: the latest of its class, else the last named.
    private func pointedAt(_ cls: SourceClass?) -> Source? {
        guard let cls else { return lastSource }
        return history.last { $0.sourceClass == cls } ?? lastSource
    }

    /// Claim `index` of the current sentence has no source: one named in the next sentence may be its.
    mutating func noteUnsourced(_ index: Int) {
        unsourced.append(index)
    }
}
