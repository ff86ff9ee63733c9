import TallyCore
import TallyText

/// Decides what happened to the people a figure counts, from the trigger words of its sentence.
struct KindFinder {
    let lexicon: Lexicon
    /// `lexicon.grammar`, held (read at every token).
    let grammar: Grammar

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.grammar = lexicon.grammar
    }

    static let clauseMarks: WordSet = [",", ";", ":", "\""]
    /// Dashes join "Новосибирск – 400 человек" as often as they split clauses: a smaller penalty.
    static let dashMarks: WordSet = ["—", "–"]

    /// Token distance between two spans of a sentence, with a penalty for each clause boundary between.
    /// `asides`, when given, says whether the token after a comma opens an aside that the distance skips
    /// ("Six people, three of them teens, were shot": the aside costs one).
    static func distance(_ tokens: [Token], _ a: ClosedRange<Int>, _ b: ClosedRange<Int>, grammar: Grammar,
                         asides: KindFinder? = nil) -> Int {
        if a.overlaps(b) { return 0 }
        let (from, to) = a.upperBound < b.lowerBound ? (a.upperBound + 1, b.lowerBound) : (b.upperBound + 1, a.lowerBound)
        var d = to - from
        if from < to {
            var k = from
            while k < to {
                defer { k += 1 }
                let t = tokens[k]
                if let asides, t.hasText(","), k + 1 < to, asides.opensAside(tokens, at: k + 1),
                   let close = tokens[(k + 1)..<min(to, k + 10)].firstIndex(where: { $0.hasText(",") }) {
                    d -= close - k
                    k = close
                    continue
                }
                if t.kind == .punctuation, t.hasText("(") || t.hasText(")") { d += 1 }
                else if t.kind == .punctuation, clauseMarks.contains(t) { d += 5 }
                else if t.kind == .punctuation, dashMarks.contains(t) { d += 2 }
                else if t.kind == .punctuation, t.hasText("-"), t.spaceBefore { d += 5 }
                // Words that open a new clause: a trigger across one is farther than it looks.
                else if t.kind == .word, grammar.clauseOpeners.contains(t) { d += 5 }
                // "one dead and three injured": a trigger across "and" belongs to the other figure.
                else if t.kind == .word, grammar.and.contains(t) { d += 1 }
            }
        }
        return d
    }

    /// Whether the token at `k` opens an aside after a figure: a number or "including", "among
    /// them", "aged"; or who says it ("вышли, по данным полиции, 1500 человек").
    func opensAside(_ tokens: [Token], at k: Int) -> Bool {
        let token = tokens[k]
        return token.kind == .number || lexicon.numbers.isNumberWord(token)
            || (token.kind == .word && (grammar.subsetWords.contains(token) || grammar.asideOpeners.contains(token)
                || lexicon.sourceBefore.mayStart(token) && lexicon.sourceBefore.match(tokens, at: k) != nil))
    }

    /// The comma that opens an aside of subset words right before a figure (and its qualifier):
    /// ", в том числе", ", including", ", среди них" (not "the killing of three").
    func subsetComma(_ c: Candidate, _ tokens: [Token]) -> Int? {
        var k = c.first
        if let q = lexicon.qualifiers.match(tokens, endingBefore: k) { k -= q.length }
        var lead = k
        while lead > 0, k - lead < 3, tokens[lead - 1].kind == .word, grammar.subsetWords.contains(tokens[lead - 1]) { lead -= 1 }
        guard lead < k else { return nil }
        // The comma, or the comma and one word ("в том числе", "and among them").
        let comma = lead >= 2 && tokens[lead - 1].kind == .word ? lead - 2 : lead - 1
        return comma >= 0 && tokens[comma].hasText(",") ? comma : nil
    }

    /// Whether the trigger at `at` is in the passive voice: an auxiliary ("were detained", "были
    /// задержаны") among the three words before it, or a participle passive by itself.
    func passive(_ tokens: [Token], before at: Int) -> Bool {
        auxiliary(tokens, before: at) || (at < tokens.count && grammar.isPassiveStem(tokens[at]))
    }

    /// Whether an auxiliary of the passive ("were", "были") is among the three words before `at`.
    func auxiliary(_ tokens: [Token], before at: Int) -> Bool {
        (max(0, at - 3)..<at).contains { tokens[$0].kind == .word && grammar.passiveAuxiliaries.contains(tokens[$0]) }
    }

    /// Whether the figure follows "of them", "из них", "among them" (a partitive or subset word and
    /// a pronoun, then perhaps a comma): a part of the figure given before it.
    func afterPartOfThem(_ c: Candidate, _ tokens: [Token]) -> Bool {
        let k = c.first >= 1 && tokens[c.first - 1].hasText(",") ? c.first - 3 : c.first - 2
        return ofThem(at: k, tokens, subset: true)
    }

    /// Whether a partitive word ("of", "из"; with `subset`, "among", "среди" too) and a pronoun
    /// ("them", "них", no article) stand at `k` and `k + 1`.
    func ofThem(at k: Int, _ tokens: [Token], subset: Bool) -> Bool {
        guard k >= 0, k + 1 < tokens.count, tokens[k].kind == .word, tokens[k + 1].kind == .word,
              grammar.partitiveWords.contains(tokens[k]) || subset && grammar.subsetWords.contains(tokens[k]) else { return false }
        return grammar.partitiveArticles.contains(tokens[k + 1]) && !grammar.definiteArticles.contains(tokens[k + 1])
    }

    /// Whether a word of company or measure stands before the figure and its qualifier ("with two
    /// family members", `grammar.companyWords`).
    func afterCompanyWord(_ c: Candidate, _ tokens: [Token]) -> Bool {
        var k = c.first
        if let q = lexicon.qualifiers.match(tokens, endingBefore: k) { k -= q.length }
        return k > 0 && tokens[k - 1].kind == .word && grammar.companyWords.contains(tokens[k - 1])
    }

    /// Whether "of those", "of the" follows the figure ("28 of those arrested"), a word after it.
    func ofWhole(after c: Candidate, _ tokens: [Token]) -> Bool {
        let k = c.last + 1
        return k + 2 < tokens.count && tokens[k].kind == .word && grammar.partitiveWords.contains(tokens[k])
            && grammar.partitiveArticles.contains(tokens[k + 1]) && tokens[k + 2].kind == .word
    }

    /// Whether "of them", "из них" follows the figure ("12 of them were students"): a part of the
    /// figure given before, unlike a part of a whole the sentence names ("six of the 20 staffers").
    func partOfThem(_ c: Candidate, _ tokens: [Token]) -> Bool { ofThem(at: c.last + 1, tokens, subset: false) }

    /// Whether a measuring verb stands right before the figure ("were less than 200,000", "цифра — 120 тысяч"),
    /// or is itself the figure's qualifier ("выросло до 225": exact, not "up to").
    func tiedByMeasure(_ c: Candidate, _ tokens: [Token]) -> Bool {
        var k = c.first
        if let q = lexicon.qualifiers.match(tokens, endingBefore: k) { k -= q.length }
        return lexicon.measureVerbs.match(tokens, endingBefore: k) != nil
            || (k != c.first && lexicon.measureVerbs.match(tokens, endingBefore: c.first) != nil)
    }

    func text(_ tokens: [Token], _ at: Int, _ length: Int) -> String {
        if length == 1 { return tokens[at].text }
        var bytes: [UInt8] = []
        for k in at..<(at + length) {
            if k > at { bytes.append(0x20) }
            tokens[k].stored.withBytes { bytes.append(contentsOf: $0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "Man shot, killed", "the two were shot multiple times and died at the scene": a death
    /// trigger that the gunshot's own subject shares, joined right after it by "and" or a comma
    /// (a verb that takes no object may come a few words later, with no figure or clause between).
    func diedAfter(shotAt end: Int, _ found: [(start: Int, length: Int, value: Lexicon.Trigger)], _ tokens: [Token]) -> (start: Int, length: Int)? {
        let g = grammar
        for t in found where t.start >= end {
            guard case .kind(.killed) = t.value else { continue }
            let between = tokens[end..<t.start]
            if !between.isEmpty, between.count <= 2, between.allSatisfy({ $0.hasText(",") || g.and.contains($0) }) {
                return (t.start, t.length)
            }
            // "Four people shot in the head, killed", "Teen shot near festival dies": where they were
            // hit may come between.
            let intransitive = lexicon.intransitiveTriggers.match(tokens, at: t.start) != nil
            if let first = between.first, g.nounPhraseEnds.contains(first), between.count <= 5, let last = between.last,
               last.hasText(",") || g.and.contains(last) || (intransitive && last.kind == .word),
               !between.dropLast().contains(where: { $0.kind != .word || lexicon.numbers.isNumberWord($0) || g.and.contains($0) }) {
                return (t.start, t.length)
            }
            // ("and later died": a time adverb may stand between.)
            let andThen = between.count >= 2 && g.thenAdverbs.contains(between[between.endIndex - 1]) && g.and.contains(between[between.endIndex - 2])
            if intransitive, between.count <= 8, let last = between.last, g.and.contains(last) || andThen,
               !between.contains(where: { $0.kind == .number || ($0.kind == .punctuation && !$0.hasText("-")) || lexicon.numbers.isNumberWord($0) }) {
                return (t.start, t.length)
            }
            return nil
        }
        return nil
    }

    /// The first charge or summons trigger from `after` up to `before` that nothing denies.
    func laterStage(after: Int, before: Int, _ found: [(start: Int, length: Int, value: Lexicon.Trigger)],
                    _ tokens: [Token]) -> (kind: ClaimKind, start: Int, length: Int)? {
        for t in found where t.start >= after && t.start < before {
            guard case .kind(let kind) = t.value, kind == .charged || kind == .drafted else { continue }
            if grammar.negations.contains(tokens[t.start - 1]) { return nil }
            return (kind, t.start, t.length)
        }
        return nil
    }

    /// Sets `kind` on each candidate; returns the candidates that have one. `carried` is the
    /// kind of the previous sentence's claims, for a sentence that names none of its own.
    func assign(_ candidates: [Candidate], _ tokens: [Token], carried: ClaimKind? = nil) -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        let found = lexicon.triggers.matches(tokens, in: 0..<tokens.count)
        let anyTrigger = found.contains { if case .kind = $0.value { true } else { false } }
        // The head nouns of the figures: "о 1074 задержанных и о 3500 участниках" — a noun that
        // says what one figure counts is no trigger of another.
        // (Read by index from the candidates in place: an array of them was made for every
        // sentence, and a lazy view copied each candidate, strings and all, at every question.)
        func isHead(_ k: Int, notOf c: Candidate) -> Bool {
            candidates.indices.contains { n in candidates[n].headToken.map { $0 == k && $0 != c.headToken } ?? false }
        }
        // The parts of a figure before them ("17 of them"): a verb after one is the part's.
        let parts = candidates.filter { partOfThem($0, tokens) }.map { $0.first...$0.last }
        var result: [Candidate] = []
        var previous: Candidate? = nil
        /// Where the trigger `previous` took starts.
        var previousAt: Int? = nil
        // "Four women and one man were shot": a list of people shares the verb after its last item,
        // so each item is as near the verb as the list's end.
        // (Made only for a sentence that lists figures: most have no list.)
        var listEnds: [Int]? = nil
        func listEnd(_ n: Int) -> Int { listEnds?[n] ?? candidates[n].last }
        for k in candidates.indices.reversed().dropFirst() {
            guard let head = candidates[k].headToken, head < candidates[k + 1].first else { continue }
            let between = tokens[(head + 1)..<candidates[k + 1].first]
            if between.count <= 2, between.contains(where: { grammar.and.contains($0) }),
               between.allSatisfy({ $0.hasText(",") || grammar.and.contains($0) }) {
                if listEnds == nil { listEnds = candidates.map(\.last) }
                listEnds![k] = listEnd(k + 1)
            }
        }
        for (n, var c) in candidates.enumerated() {
            let span = c.first...max(c.last, listEnd(n))
            let tied = tiedByMeasure(c, tokens)
            // "A student is dead and two people are in police custody": a figure followed by its own
            // auxiliary is the subject of what comes next, not of a trigger before it.
            let afterHead = max(c.headToken ?? c.last, listEnd(n)) + 1
            let subjectOfNext = afterHead < tokens.count && tokens[afterHead].kind == .word
                && grammar.passiveAuxiliaries.contains(tokens[afterHead])
            var best: (kind: ClaimKind, distance: Int, at: Int, length: Int)? = nil
            var blockers: [Int] = []
            var verbBlockers: [Int] = []
            for t in found {
                let tspan = t.start...(t.start + t.length - 1)
                if tspan.overlaps(span) { continue }
                switch t.value {
                case .blocker:
                    blockers.append(t.start)
                case .verbBlocker:
                    blockers.append(t.start)
                    verbBlockers.append(t.start)
                case .kind(let kind):
                    // "were not injured", "не пострадал": a denied event counts nobody.
                    if t.start > 0, grammar.negations.contains(tokens[t.start - 1]) { continue }
                    if tspan.contains(where: { isHead($0, notOf: c) }) { continue }
                    // "300 people formed a chain, and 17 of them were detained": a verb after a part
                    // of the figure is the part's, not the whole's.
                    if t.start > span.upperBound, parts.contains(where: { $0.lowerBound > span.upperBound && $0.upperBound < t.start }) { continue }
                    var d = Self.distance(tokens, span, tspan, grammar: grammar, asides: self)
                    // "14 police officers were injured": a verb after the figure's noun is as near as
                    // it is to the noun.
                    if let head = c.headToken, head > span.upperBound, tspan.lowerBound > head {
                        d = min(d, Self.distance(tokens, span.lowerBound...head, tspan, grammar: grammar, asides: self))
                    }
                    // "457 people were arrested and 441 officers injured": a verb that the figure
                    // before took, between the two, is that figure's before it is this one's.
                    if let p = previous, let used = previousAt, used == t.start, t.start > p.last, t.start < c.first { d += 3 }
                    // "выросло до 124 человек, еще 1685 получили ранения": a verb right after the next
                    // figure, past a comma, is that figure's (not when the two are listed, "four
                    // Rangers and two policemen were killed", nor for a part: "5, including 2 children, were killed").
                    if t.start > span.upperBound, n + 1 < candidates.count, case let next = candidates[n + 1], next.first > span.upperBound,
                       case let end = next.headToken.map({ max($0, next.last) }) ?? next.last, end < t.start, t.start - end <= 2,
                       case let between = tokens[(span.upperBound + 1)..<next.first], between.contains(where: { $0.hasText(",") }),
                       !between.contains(where: { $0.kind == .word && grammar.and.contains($0) }),
                       !partOfThem(next, tokens), !grammar.subsetWords.contains(tokens[next.first - 1]) { d += 10 }
                    // "28 of those arrested had been charged": the participle of the whole is how
                    // they came to be counted; the verb after says what happened to the part.
                    let inWhole = t.start == c.last + 3 && ofWhole(after: c, tokens)
                    // The head noun is a weak trigger: "66 участников" detained by "задержали".
                    if let head = c.headToken, tspan.contains(head) {
                        if c.partitive { continue }
                        d += 10
                    }
                    if subjectOfNext, tspan.upperBound < c.first { d += 4 }
                    if inWhole, kind == .detained { d += 6 }
                    let near = lexicon.nearTriggers.match(tokens, at: t.start) != nil
                    // "estimated the crowd in Piazza del Popolo at some 10,000": a bare figure tied by
                    // "at" reaches a crowd word a few words back.
                    if near && d > 4 && !(d <= 8 && t.start < c.first && !c.hasHead && tied) { continue }
                    if d > 25 { continue }
                    if best == nil || d < best!.distance { best = (kind, d, t.start, t.length) }
                }
            }
            // A blocker between the figure and its trigger, or just before the figure with no
            // trigger between, makes it hypothetical: "threatened with prosecution", "permit for 500".
            let reach = c.headToken.map { max($0, c.last) } ?? c.last
            let blocked = blockers.contains { b in
                if let at = best?.at, (min(c.first, at)...max(reach, at)).contains(b) { return true }
                if b < c.first {
                    let gap = Self.distance(tokens, b...b, c.first...c.last, grammar: grammar)
                    return gap <= 6 && (best == nil || best!.at > c.last || best!.at < b)
                }
                // (After it, auxiliaries and adverbs aside: "10,100 people were still unaccounted for".)
                return b > c.last && (b <= reach + 2 || b <= reach + 4
                    && tokens[(reach + 1)..<b].allSatisfy { $0.kind == .word && (grammar.passiveAuxiliaries.contains($0) || grammar.isAdverb($0)) })
            }
            // "15 задержанным на акции вручили повестки": a noun of the detained beats where they
            // were ("на акции" reads as a crowd's place), and a later stage may still follow.
            if let b = best, b.kind == .participants, let nk = c.nounKind, nk == .detained || nk == .charged, let head = c.headToken {
                best = (nk, 0, head, 1)
            }
            // "15 men detained at the rally were handed summonses", "на девятерых журналистов,
            // задержанных в Москве, составлены протоколы": a participle right after the noun (or
            // before it, inside the noun phrase: "10 detained protesters received draft notices")
            // says how the people came to be counted; a charge or a summons later in the clause
            // (before the next figure) says what the figure counts.
            if let b = best, b.kind == .detained, case let head = c.headToken ?? c.last, b.at > head ? b.at - head <= 2 : b.at > c.last,
               !auxiliary(tokens, before: b.at),
               let later = laterStage(after: b.at + b.length, before: n + 1 < candidates.count ? candidates[n + 1].first : tokens.count, found, tokens),
               !blockers.contains(where: { $0 > b.at && $0 < later.start }) {
                best = (later.kind, b.distance, later.start, later.length)
            }
            // "would never hurt her brother": the object of a verb made hypothetical.
            if blocked || verbBlockers.contains(where: { b in best.map { $0.at < c.first && b < $0.at && $0.at - b <= 4 } ?? false }) { continue }
            // "задержаны 150 человек, пришедших к камню, в том числе 20 женщин": a subset counts
            // what its whole counts, not what a word of the clause about the whole says (a trigger
            // inside the aside is its own: "a shooting, wounding of 3 others").
            if let p = previous, let whole = p.kind, let b = best, b.kind != whole, b.at > p.last, let comma = subsetComma(c, tokens),
               b.at + b.length <= comma {
                best = (whole, b.distance, b.at, b.length)
            }
            if var b = best {
                var trigger = text(tokens, b.at, b.length)
                if b.kind == .injured, grammar.isGunshot(trigger),
                   let death = diedAfter(shotAt: b.at + b.length, found, tokens) {
                    b = (.killed, b.distance, death.start, death.length)
                    trigger = text(tokens, b.at, b.length)
                }
                c.kind = b.kind
                c.trigger = trigger
            } else if !c.partitive, let nounKind = c.nounKind {
                c.kind = nounKind
            } else if let p = previous, !afterCompanyWord(c, tokens) {
                // "в Москве задержали 70 подростков, а в Санкт-Петербурге — 30 детей"
                // The verb is the previous figure's too: "shot his wife, his daughter and himself".
                c.kind = p.kind
                c.trigger = p.trigger
                if !c.hasHead { c.who = p.who }
                result.append(c)
                previous = c
                continue
            } else if !anyTrigger, let value = c.value, value > 1 || c.implicit, let carried, !c.partitive || partOfThem(c, tokens),
                      c.who != .police || carried == .killed || carried == .injured,
                      !c.definite || c.headToken.map({ grammar.wholeGroups.contains(tokens[$0]) }) == true,
                      !afterCompanyWord(c, tokens),
                      // (Not past a blocker later in the sentence: "355 people had been reported missing".)
                      !blockers.contains(where: { $0 > c.last }),
                      c.hasHead || tiedByMeasure(c, tokens) || afterPartOfThem(c, tokens) {
                // A list under a sentence that said what happened: "… — 400 человек, Самаре — 650",
                // "Из них 502 — в Москве", or a figure restated: "Организаторы утверждают, что реальная цифра — 120 тысяч".
                // Not to: one person counted ("“I lost my daughter!” one woman wails"); one met before
                // ("The 35-year-old woman may be the only witness"; "the victim" is counted); a part of
                // a whole the sentence names ("six of the 20 staffers were working overtime"); police
                // below arrests, who made them ("About 40,000 officers had been deployed"; a toll
                // does carry to them); company ("hunting with two family members").
                c.kind = carried
            } else {
                continue
            }
            if !c.hasHead, let b = best, b.distance > 8 {
                // A bare figure after another in the same sentence counts the same thing.
                if let p = previous {
                    c.kind = p.kind
                    c.who = p.who
                } else {
                    // Or a verb ties it to the count named before ("arrests … were as high as 1700").
                    guard b.distance <= 16, tiedByMeasure(c, tokens) else { continue }
                }
            }
            if c.implicit, let b = best, b.distance > 6 { continue }
            // "The gunman fatally shot one student", "a man shot two people", "two men shot a
            // woman": the subject of an active verb of harm is the one who acts; "a man died", "a
            // man was shot" are counted (and "1.7 million people attended a rally").
            if let b = best, c.implicit || b.kind == .killed || b.kind == .injured, let head = c.headToken, b.at > head, !passive(tokens, before: b.at),
               lexicon.intransitiveTriggers.match(tokens, at: b.at) == nil, b.at + b.length < tokens.count, tokens[b.at + b.length].kind == .number
                || lexicon.numbers.isNumberWord(tokens[b.at + b.length]) || lexicon.objectsAfterVerb.match(tokens, at: b.at + b.length) != nil { continue }
            // "Three suspects invaded an apartment and shot through the floor": those who attack,
            // before an active verb of harm further on, are not among those it hit ("two gunmen were
            // killed", "two suspects shot dead" are).
            if let b = best, b.kind == .killed || b.kind == .injured, let head = c.headToken, b.at > head + 1,
               grammar.agentNouns.contains(tokens[head]), !passive(tokens, before: b.at) { continue }
            // "The four officers who detained him", "50 police arrested 20 people": the police
            // who make the arrests are not among the arrested.
            if c.who == .police, c.kind == .detained || c.kind == .charged, let b = best, let head = c.headToken, b.at > head,
               !passive(tokens, before: b.at) { continue }
            // "one lawyer told Reuters", "two witnesses said": a figure that speaks is a source.
            if let head = c.headToken, case let after = head + 1, after < tokens.count, lexicon.sourceVerbs.match(tokens, at: after) != nil, best.map({ $0.at > after }) ?? true { continue }
            // "seven women — one of whom was pregnant": a part that is only described (a copula and
            // no noun of people after it, what happened told before) counts no one new.
            if !c.hasHead, partOfThem(c, tokens), best.map({ $0.at < c.first }) ?? true, c.last + 4 < tokens.count,
               tokens[c.last + 3].kind == .word, grammar.predicateCopulas.contains(tokens[c.last + 3]),
               case let k = c.last + 4, tokens[k].kind == .word, !grammar.articles.contains(tokens[k]),
               lexicon.who.match(tokens, at: k) == nil, lexicon.triggers.match(tokens, at: k) == nil { continue }
            // "The man was shot" may be anyone already counted; "the victim died" is a death.
            if c.definite, c.kind != .killed { continue }
            // "50 полицейских, десять из них госпитализированы", "143 officers, five of whom remain
            // in hospital": a part with no noun of its own counts the whole's people.
            if !c.hasHead, let p = previous, p.who != .people, partOfThem(c, tokens) || afterPartOfThem(c, tokens) { c.who = p.who }
            result.append(c)
            previous = c
            previousAt = best?.at
        }
        // "в Москве — около 70, в Санкт-Петербурге — порядка 30 детей": a bare figure of a list
        // counts what the next figure of the same kind names.
        var next: Candidate? = nil
        for k in result.indices.reversed() {
            if !result[k].hasHead, !result[k].partitive, let n = next, n.kind == result[k].kind, n.hasHead, !n.implicit,
               !tokens[(result[k].last + 1)..<n.first].contains(where: { $0.kind == .word && grammar.subsetWords.contains($0) }) {
                result[k].who = n.who
            }
            next = result[k]
        }
        return result
    }
}
