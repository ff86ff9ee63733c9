import TallyCore
import TallyText

/// Decides what happened to the people a figure counts, from the trigger words of its sentence.
struct KindFinder {
    let lexicon: Lexicon

    /// Words that open a new clause: a trigger across one is farther than it looks.
    static let clauseWords: Set<String> = ["but", "while", "whereas", "although", "though", "а", "но", "однако", "хотя", "тогда"]
    static let clauseMarks: Set<String> = [",", ";", ":", "(", ")", "—", "–", "\""]

    /// Token distance between two spans of a sentence, with a penalty for each clause boundary between.
    static func distance(_ tokens: [Token], _ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Int {
        if a.overlaps(b) { return 0 }
        let (from, to) = a.upperBound < b.lowerBound ? (a.upperBound + 1, b.lowerBound) : (b.upperBound + 1, a.lowerBound)
        var d = to - from
        if from < to {
            for k in from..<to {
                let t = tokens[k]
                if t.kind == .punctuation, clauseMarks.contains(t.text) { d += 5 }
                else if t.kind == .punctuation, t.text == "-", t.spaceBefore { d += 5 }
                else if t.kind == .word, clauseWords.contains(t.text) { d += 5 }
            }
        }
        return d
    }

    /// Sets `kind` on each candidate; returns the candidates that have one.
    func assign(_ candidates: [Candidate], _ tokens: [Token]) -> [Candidate] {
        let found = lexicon.triggers.matches(tokens, in: 0..<tokens.count)
        var result: [Candidate] = []
        var previous: Candidate? = nil
        for var c in candidates {
            let span = c.first...c.last
            // For blockers the head noun counts too: "one of the detainees has been threatened…"
            let wide = c.first...max(c.last, c.headToken ?? c.last)
            var best: (kind: ClaimKind, distance: Int)? = nil
            var blocked = false
            for t in found {
                let tspan = t.start...(t.start + t.length - 1)
                if tspan.overlaps(span) { continue }
                // "one of the detainees": the noun names the group, not what happened to the one.
                if c.partitive, let head = c.headToken, tspan.contains(head) { continue }
                let d = Self.distance(tokens, span, tspan)
                switch t.value {
                case .blocker:
                    if Self.distance(tokens, wide, tspan) <= 4 { blocked = true }
                case .kind(let kind):
                    let near = lexicon.nearTriggers.match(tokens, at: t.start) != nil
                    if near && d > 4 { continue }
                    if d > 25 { continue }
                    if best == nil || d < best!.distance { best = (kind, d) }
                }
            }
            if blocked { continue }
            // "more than 500 … were in Moscow, and more than 520 were in St. Petersburg": a bare
            // figure after another in the same sentence counts the same thing.
            if !c.hasHead, best == nil || best!.distance > 8, let p = previous, c.value != nil {
                c.kind = p.kind
                c.who = p.who
                result.append(c)
                previous = c
                continue
            }
            if let best {
                c.kind = best.kind
            } else if !c.partitive, let nounKind = c.nounKind {
                c.kind = nounKind
            } else {
                continue
            }
            // A bare figure with no head noun needs its trigger close by, or a verb that ties it
            // to the count named before ("arrests … were as high as 1700").
            if !c.hasHead, let best, best.distance > 8 {
                var k = c.first
                if let q = lexicon.qualifiers.match(tokens, endingBefore: k) { k -= q.length }
                guard best.distance <= 16, lexicon.measureVerbs.match(tokens, endingBefore: k) != nil else { continue }
            }
            // A figure whose only tie is a trigger for a different sort of count: drop the
            // implicit ones that have no trigger close by.
            if c.implicit, let best, best.distance > 6 { continue }
            result.append(c)
            previous = c
        }
        return result
    }
}
