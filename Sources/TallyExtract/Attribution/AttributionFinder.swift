import TallyCore
import TallyText

/// Finds whom a sentence attributes its figures to: "according to X", "X said", "says X",
/// "по данным X", "сообщает X", "X: …" — and pronouns ("it also said") that point back.
struct AttributionFinder {
    let lexicon: Lexicon
    let names: SourceNames
    /// `lexicon.grammar`, held: asked at every token, a computed property counted a reference each time.
    let grammar: Grammar

    init(lexicon: Lexicon, names: SourceNames) {
        self.lexicon = lexicon
        self.names = names
        self.grammar = lexicon.grammar
    }

    enum Found {
        case named(Source)
        /// "It also said", "the group said": the last source named before; "the monitor said",
        /// "в министерстве": the last one of that class (`SourceClass`), when the words name one.
        case anaphora(SourceClass?)
    }

    /// What was found, and the tokens of the source's phrase.
    struct Result {
        var found: Found
        var phrase: Range<Int>
    }

    /// Quote marks trimmed from the start of a source's phrase, and those (with a dash) from its end.
    static let openingMarks = WordSet(QuoteMarks.all)
    static let closingMarks = WordSet(QuoteMarks.all + ["-"])

    static let stopMarks: WordSet = [",", ".", ";", ":", "(", ")", "—", "–", "!", "?", "…"]

    /// `phraseStarts`: the lists that may have a phrase in the sentence (`Lexicon.annotate`); a
    /// lead-in or verb of saying that cannot occur there is not looked for token by token.
    func find(_ tokens: [Token], bytes: [UInt8], phraseStarts: UInt64 = .max) -> Result? {
        // "…", говорится в сообщении: the statement of the source named before.
        if lexicon.backReferences.mayOccur(in: phraseStarts), let ref = lexicon.backReferences.matches(tokens, in: 0..<tokens.count).first {
            // "Viasna said in a statement that …": a name right before the phrase is the one speaking.
            if ref.start > 0, tokens[ref.start - 1].kind == .word, let np = backward(tokens, before: ref.start), !grammar.sourcePrepositions.contains(tokens[np.lowerBound]),
               case .named(let source)? = classify(tokens, np, bytes) {
                return Result(found: .named(source), phrase: np)
            }
            // "…, говорится в сообщении прокуратуры Парижа": whose statement, named right after it.
            if let np = forward(tokens, from: ref.start + ref.length), Self.endsClause(tokens, np), knownSource(Array(tokens[np])),
               case .named(let source)? = classify(tokens, np, bytes) {
                return Result(found: .named(source), phrase: np)
            }
            return Result(found: .anaphora(nil), phrase: 0..<0)
        }
        // 1. "according to X", "по данным X" ("со ссылкой на X" wins: it names the origin).
        var before: Result? = nil
        var i = lexicon.sourceBefore.mayOccur(in: phraseStarts) ? 0 : tokens.count
        while i < tokens.count {
            if let m = lexicon.sourceBefore.match(tokens, at: i) {
                let phrase = tokens[i..<(i + m.length)].map(\.text).joined(separator: " ")
                // "сообщили в министерстве": the lead-in's last word and the phrase may together
                // point back to the source named before ("в министерстве", "в ведомстве").
                if let np = forward(tokens, from: i + m.length), grammar.impersonalPrepositions.contains(tokens[i + m.length - 1]),
                   lexicon.anaphora.match(tokens, at: i + m.length - 1)?.length == np.count + 1 {
                    if before == nil { before = Result(found: .anaphora(names.sourceClass(of: tokens[(i + m.length - 1)..<np.upperBound])), phrase: np) }
                    i += m.length
                    continue
                }
                if let np = forward(tokens, from: i + m.length), let found = classify(tokens, np, bytes) {
                    if grammar.sourcePriority.contains(phrase) { return Result(found: found, phrase: np) }
                    if before == nil { before = Result(found: found, phrase: np) }
                }
                i += m.length
                continue
            }
            i += 1
        }
        if let before { return before }
        // 2. "X said", or inverted "…, said X" / "says human rights group".
        i = lexicon.sourceVerbs.mayOccur(in: phraseStarts) ? 0 : tokens.count
        while i < tokens.count {
            if var m = lexicon.sourceVerbs.match(tokens, at: i) {
                // "сообщил в Telegram-канале «ОВД-Инфо»": where it was said comes before who said it.
                if let channel = lexicon.sourceChannels.match(tokens, at: i + m.length) { m.length += channel.length }
                // "responded to a report of shots": after an article the word is a noun, not a verb of saying.
                if i > 0, tokens[i - 1].kind == .word, grammar.articles.contains(tokens[i - 1]) {
                    i += m.length
                    continue
                }
                // "…, сообщает пресс-служба МВД.", "…, said the ministry.": after a comma, the
                // phrase that closes the sentence is the speaker, not the clause before.
                if i > 0, tokens[i - 1].hasText(","), let speaker = speaker(after: i + m.length, tokens, bytes) { return speaker }
                if var np = backward(tokens, before: i) {
                    // "В субботу ФСБ сообщила", "On Sunday police said": the day is no part of who speaks.
                    if case let day = afterDay(tokens, from: np.lowerBound), day > np.lowerBound, day < np.upperBound { np = day..<np.upperBound }
                    // "with AFP confirming that …": the source follows "with".
                    if grammar.sourceWith.contains(tokens[np.lowerBound]), np.count > 1, grammar.isParticiple(tokens[i]) { np = (np.lowerBound + 1)..<np.upperBound }
                    // "Iran Human Rights, a Norway-based group, said": the name before an apposition
                    // that opens with an article and names nobody speaks, not its description ("Sgt.
                    // Mark Francis, a spokesman for the Washington State Patrol" speaks for the Patrol).
                    if grammar.articles.contains(tokens[np.lowerBound]),
                       !np.dropFirst().contains(where: { tokens[$0].capitalized && !($0 + 1 < np.upperBound && tokens[$0 + 1].hasText("-")) }),
                       let name = nameBefore(apposition: np, tokens),
                       case .named(let source)? = classify(tokens, name, bytes) {
                        return Result(found: .named(source), phrase: name)
                    }
                    if !grammar.sourcePrepositions.contains(tokens[np.lowerBound]), let found = classify(tokens, np, bytes) {
                        return Result(found: found, phrase: np)
                    }
                    // "Adam Smith, a lawyer for the detainees, said": the name before an apposition that names no source.
                    if let name = nameBefore(apposition: np, tokens), case .named(let source)? = classify(tokens, name, bytes) {
                        return Result(found: .named(source), phrase: name)
                    }
                    // "в полиции рассказали", "в МВД сообщили": an institution speaking impersonally.
                    if grammar.impersonalPrepositions.contains(tokens[np.lowerBound]), np.count > 1, grammar.isPluralVerb(tokens[i]),
                       lexicon.anaphora.match(tokens, at: np.lowerBound)?.length == np.count {
                        return Result(found: .anaphora(names.sourceClass(of: tokens[np])), phrase: np)
                    }
                    if grammar.impersonalPrepositions.contains(tokens[np.lowerBound]), np.count > 1, grammar.isPluralVerb(tokens[i]) {
                        let rest = (np.lowerBound + 1)..<np.upperBound
                        if let found = classify(tokens, rest, bytes) { return Result(found: found, phrase: rest) }
                    }
                }
                if let speaker = speaker(after: i + m.length, tokens, bytes) { return speaker }
                i += m.length
                continue
            }
            i += 1
        }
        // 3. A headline "Sudan doctors: One dead" or "Кузнецова: всего…".
        if let colon = tokens.prefix(7).firstIndex(where: { $0.hasText(":") }), colon > 0,
           tokens[..<colon].allSatisfy({ $0.kind == .word || $0.hasText("«") || $0.hasText("»") || $0.hasText("-") || $0.hasText("‑") }),
           tokens[..<colon].contains(where: { $0.capitalized }),
           !tokens[..<colon].contains(where: { grammar.sourceLeadWords.contains($0) || grammar.sourceClauseVerbs.contains($0) }),
           // "France riots: 667 arrested", "Chicago holiday weekend: 19 killed": a topic, no speaker.
           !(0..<colon).contains(where: { k in tokens[k].kind == .word && lexicon.who.match(tokens, at: k).map { $0.value == nil } == true }),
           // "Greek shipwreck: …", "Channel tragedy: …": common words with no kind of source in them name a topic.
           knownSource(Array(tokens[..<colon])) || !tokens[..<colon].contains(where: { $0.kind == .word && !$0.capitalized }) {
            if let found = classify(tokens, 0..<colon, bytes) { return Result(found: found, phrase: 0..<colon) }
        }
        // 4. A clause whose verb a dash stands for: "…, организаторы — в 10 тысяч", "в МВД — в 3 тысячи".
        if let dash = speakerDash(tokens, at: 0), case .named(let source)? = classify(tokens, speakerPhrase(tokens, 0..<dash), bytes) {
            return Result(found: .named(source), phrase: speakerPhrase(tokens, 0..<dash))
        }
        return nil
    }

    /// Where the dash stands after a kind of source that opens the tokens at `k` ("организаторы —",
    /// "в МВД республики —"), when one does; nil otherwise.
    func speakerDash(_ tokens: [Token], at k: Int) -> Int? {
        var v = k + 1
        while v < min(k + 5, tokens.count) {
            if tokens[v].hasText("—") || tokens[v].hasText("–") {
                return knownSource(Array(tokens[speakerPhrase(tokens, k..<v)])) ? v : nil
            }
            guard tokens[v].kind == .word else { return nil }
            v += 1
        }
        return nil
    }

    /// The phrase without a leading impersonal preposition ("в МВД" → "МВД").
    func speakerPhrase(_ tokens: [Token], _ r: Range<Int>) -> Range<Int> {
        r.count > 1 && grammar.impersonalPrepositions.contains(tokens[r.lowerBound]) ? (r.lowerBound + 1)..<r.upperBound : r
    }

    /// "…, said the ministry.", "сообщает пресс-служба МВД": the phrase after a verb of saying
    /// (ending at `verbEnd`) that closes its clause, when it speaks — told an outlet (`told`) or
    /// named as itself; not a lead-in word nor a day ("said Sunday").
    func speaker(after verbEnd: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Result? {
        guard var np = forward(tokens, from: afterDay(tokens, from: verbEnd)), Self.endsClause(tokens, np),
              !grammar.sourceLeadWords.contains(tokens[np.lowerBound]), !isDay(tokens, at: np.lowerBound) else { return nil }
        // "said police on Sunday": the day is not part of who speaks.
        if let day = np.dropFirst().first(where: { afterDay(tokens, from: $0) != $0 }) { np = np.lowerBound..<day }
        if let speaker = told(tokens, np, bytes) { return speaker }
        return classify(tokens, np, bytes, inverted: true).map { Result(found: $0, phrase: np) }
    }

    /// A clause of a sentence that quotes a source of its own.
    struct ClauseSource {
        /// The clause's tokens.
        var range: Range<Int>
        var found: Found
    }

    /// "Police said 5,000 took part, while organisers put the turnout at 20,000": the clauses of
    /// a contrast (split at ";", at `grammar.clauseOpeners` or `grammar.and` after a comma, and at
    /// a comma before who speaks: "…, полиция насчитала 5 тысяч", "…, по данным полиции — 1074")
    /// may quote different sources, each for its own figures. Returns the clauses that quote one,
    /// or nothing when fewer than two do or the figures (their first tokens, `figures`) all stand
    /// in one clause. Whether the sources differ is the caller's to judge: "the ministry" points
    /// back to a source named before.
    func clauseSources(_ tokens: [Token], figures: [Int], bytes: [UInt8]) -> [ClauseSource] {
        var starts = [0]
        for k in tokens.indices.dropFirst() {
            if tokens[k].hasText(";") && k + 1 < tokens.count
                || tokens[k - 1].hasText(",") && tokens[k].kind == .word && (grammar.clauseOpeners.contains(tokens[k]) || grammar.and.contains(tokens[k])) {
                starts.append(k + 1)
            } else if tokens[k - 1].hasText(","), opensWithSpeaker(tokens, at: k, bytes) || speakerDash(tokens, at: k) != nil
                        || lexicon.sourceBefore.mayStart(tokens[k]) && lexicon.sourceBefore.match(tokens, at: k) != nil {
                // "…, полиция насчитала 5 тысяч", "…, по данным полиции — 1074": a clause after a
                // comma that opens with who speaks.
                starts.append(k)
            }
        }
        guard starts.count > 1 else { return [] }
        let clauses = zip(starts, starts.dropFirst() + [tokens.count]).map { $0..<$1 }
        guard Set(figures.compactMap { f in clauses.firstIndex { $0.contains(f) } }).count > 1 else { return [] }
        let found = clauses.compactMap { clause in find(Array(tokens[clause]), bytes: bytes).map { ClauseSource(range: clause, found: $0.found) } }
        return found.count > 1 ? found : []
    }

    /// Whether a source and its verb of saying open the tokens from `k` ("полиция насчитала",
    /// "«ОВД-Инфо» сообщает"): a phrase of up to four words or quotes, then the verb.
    func opensWithSpeaker(_ tokens: [Token], at k: Int, _ bytes: [UInt8]) -> Bool {
        var v = k + 1
        while v < min(k + 5, tokens.count) {
            if lexicon.sourceVerbs.mayStart(tokens[v]), lexicon.sourceVerbs.match(tokens, at: v) != nil {
                if case .named? = classify(tokens, k..<v, bytes) { return true }
                return false
            }
            guard tokens[v].kind == .word || Self.openingMarks.contains(tokens[v]) || tokens[v].hasText("-") else { return false }
            v += 1
        }
        return false
    }

    /// The capitalised name (two to six tokens, initials with their periods) that ends right before
    /// the comma opening `apposition` and starts the sentence or follows a mark: "Adam Smith" of
    /// "Adam Smith, a lawyer for the detainees, said".
    func nameBefore(apposition: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        let comma = apposition.lowerBound - 1
        guard comma >= 1, tokens[comma].hasText(",") else { return nil }
        var k = comma
        while k > 0, comma - k < 6, tokens[k - 1].kind == .word ? tokens[k - 1].capitalized : tokens[k - 1].hasText(".") && !tokens[k - 1].spaceBefore {
            k -= 1
        }
        // Two words or more ("Так, …" is no name), the first no preposition ("In Minsk, …").
        guard comma - k >= 2, tokens[k].kind == .word, k == 0 || tokens[k - 1].kind == .punctuation,
              !grammar.sourceLeadWords.contains(tokens[k]), !grammar.sourcePrepositions.contains(tokens[k]),
              !grammar.articles.contains(tokens[k]) else { return nil }
        return k..<comma
    }

    /// "…, рассказал «Медиазоне» адвокат задержанных", "заявил ТАСС представитель МВД": after a
    /// verb of saying, an outlet in the case of one told (`grammar.recipientEndings`; an
    /// abbreviation in capitals does not decline) is told, and the words after it speak. Nil when
    /// the phrase opens with no such outlet or the words after it name no source.
    func told(_ tokens: [Token], _ phrase: Range<Int>, _ bytes: [UInt8]) -> Result? {
        guard !grammar.recipientEndings.strings.isEmpty else { return nil }
        var end = phrase.lowerBound  // the outlet's last token
        var quoted = false
        if Self.openingMarks.contains(tokens[end]) {
            guard let close = tokens[(end + 1)..<phrase.upperBound].firstIndex(where: { Self.openingMarks.contains($0) }), close > end + 1 else { return nil }
            end = close
            quoted = true
        } else if !tokens[end].capitalized {
            return nil
        }
        let last = tokens[quoted ? end - 1 : end]
        let capitals = String(decoding: bytes[last.start..<last.end], as: UTF8.self)
        let abbreviation = capitals.count >= 2 && !capitals.contains(where: \.isLowercase)
        guard last.kind == .word, abbreviation || grammar.recipientEndings.endsWord(last), end + 1 < phrase.upperBound else { return nil }
        let rest = (end + 1)..<phrase.upperBound
        guard case .named(let speaker)? = classify(tokens, rest, bytes, inverted: true) else { return nil }
        return Result(found: .named(speaker), phrase: rest)
    }

    /// Whether a phrase runs to the end of its clause (punctuation or the end of the sentence).
    static func endsClause(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        range.upperBound >= tokens.count || (tokens[range.upperBound].kind == .punctuation && stopMarks.contains(tokens[range.upperBound]))
    }

    /// The phrase after a lead-in, up to punctuation, a number, or a clause word.
    func forward(_ tokens: [Token], from start: Int) -> Range<Int>? {
        var k = start
        while k < tokens.count, k - start < 12 {
            let t = tokens[k]
            if t.kind == .number { break }
            if Self.isSitePeriod(tokens, k) { k += 1; continue }
            // «Осторожно, новости»: a name in quotes runs to its closing quote, commas and all.
            if t.hasText("«"), k + 1 < tokens.count, tokens[k + 1].capitalized,
               let close = tokens[k...].prefix(10).firstIndex(where: { $0.hasText("»") }),
               !tokens[k..<close].contains(where: { $0.kind == .number || lexicon.numbers.isNumberWord($0) }) {
                k = close + 1
                continue
            }
            if t.kind == .punctuation, Self.stopMarks.contains(t) { break }
            if t.kind == .word, grammar.sourceStopWords.contains(t) { break }
            k += 1
        }
        return k > start ? start..<k : nil
    }

    /// "Lenta.ru", "Тайга.инфо": a period between two words with no space is part of a site's name.
    static func isSitePeriod(_ tokens: [Token], _ k: Int) -> Bool {
        k > 0 && k + 1 < tokens.count && tokens[k].hasText(".") && !tokens[k].spaceBefore && tokens[k - 1].kind == .word
            && tokens[k + 1].kind == .word && !tokens[k + 1].spaceBefore
    }

    /// Past a day between a verb and who speaks ("…, сообщила в понедельник прокуратура", "…, said
    /// on Sunday the ministry"): where the speaker's phrase may start. `k` when no day stands there.
    func afterDay(_ tokens: [Token], from k: Int) -> Int {
        var i = k
        // A short preposition before the day: "в", "во", "on" (capitalised only where a sentence starts).
        if i + 1 < tokens.count, tokens[i].kind == .word, tokens[i].text.count <= 2, !tokens[i].capitalized || i == 0 { i += 1 }
        guard i < tokens.count, let day = lexicon.weekdays.match(tokens, at: i) ?? lexicon.relativeDays.match(tokens, at: i) else { return k }
        return i + day.length
    }

    /// "…, authorities said Sunday", "сообщили в понедельник": a day after a verb of saying says
    /// when, not who.
    func isDay(_ tokens: [Token], at k: Int) -> Bool {
        lexicon.weekdays.match(tokens, at: k) != nil || lexicon.relativeDays.match(tokens, at: k) != nil || lexicon.month(tokens[k]) != nil
    }

    /// The phrase before a verb, back to punctuation or the start; "Amnesty International,
    /// however, said" skips the aside.
    func backward(_ tokens: [Token], before end: Int) -> Range<Int>? {
        var stop = end
        while stop > 0 {
            if tokens[stop - 1].hasText(",") { stop -= 1; continue }
            if let s = lexicon.sourceSkip.match(tokens, endingBefore: stop) { stop -= s.length; continue }
            break
        }
        // "Iran's Human Rights Organization (IHR) said": the abbreviation is the name.
        if stop >= 3, tokens[stop - 1].hasText(")"), tokens[stop - 3].hasText("("), tokens[stop - 2].capitalized {
            return (stop - 2)..<(stop - 1)
        }
        var k = stop - 1
        while k >= 0, stop - k <= 7 {
            let t = tokens[k]
            if t.kind == .number { break }
            // "Istanbul Gov. Hüseyin Avni Mutlu said": the period of a title is no stop.
            if t.hasText("."), k > 0, !t.spaceBefore, names.roles.match(tokens, at: k - 1) != nil { k -= 1; continue }
            if t.kind == .punctuation, Self.stopMarks.contains(t) { break }
            // "BOGOTA, May 5 (LatAm Wire) - Colombia's ombudsman said": a hyphen between spaces is a dash.
            if t.hasText("-"), t.spaceBefore, k + 1 < tokens.count, tokens[k + 1].spaceBefore { break }
            if t.kind == .word, grammar.sourceStopWords.contains(t) { break }
            k -= 1
        }
        return k + 1 < stop ? (k + 1)..<stop : nil
    }

    /// Whether the words hold a well-known source, a kind of source or a word of a source's class.
    func knownSource(_ words: [Token]) -> Bool {
        let all = 0..<words.count
        return names.names.occurs(in: words, all) || names.generic.occurs(in: words, all) || names.classes.occurs(in: words, all)
    }

    func classify(_ tokens: [Token], _ range: Range<Int>, _ bytes: [UInt8], inverted: Bool = false) -> Found? {
        // "The group said", "It also said": a pronoun or a definite reference back to the last source.
        // (Copied to ask only when short enough to be one: the lists' phrases are a few words.)
        if !range.isEmpty, range.count <= lexicon.anaphora.longestPhrase, case let all = Array(tokens[range]),
           lexicon.anaphora.match(all, at: 0)?.length == all.count { return .anaphora(names.sourceClass(of: all)) }
        var r = range
        // Trim quotes and leading articles.
        while r.lowerBound < r.upperBound, (Self.openingMarks.contains(tokens[r.lowerBound]) || grammar.articles.contains(tokens[r.lowerBound])) { r = (r.lowerBound + 1)..<r.upperBound }
        while r.lowerBound < r.upperBound, Self.closingMarks.contains(tokens[r.upperBound - 1]) {
            // «Гражданский монитор»: a closing quote whose opening one is in the name stays.
            if let opening = QuoteMarks.typographicOpening(ofClosing: tokens[r.upperBound - 1]),
               tokens[r.lowerBound..<(r.upperBound - 1)].contains(where: { $0.hasText(opening) }) { break }
            r = r.lowerBound..<(r.upperBound - 1)
        }
        // "police figures", "organisers' estimates", "OVD-Info's count": the source, not its numbers.
        var ownerOfData = false
        if r.count >= 2, tokens[r.upperBound - 1].kind == .word, grammar.sourceDataWords.contains(tokens[r.upperBound - 1]) {
            r = r.lowerBound..<(r.upperBound - 1)
            if r.count >= 2, tokens[r.upperBound - 1].hasText("'") || tokens[r.upperBound - 1].hasText("’") { r = r.lowerBound..<(r.upperBound - 1) }
            ownerOfData = true
        }
        guard !r.isEmpty else { return nil }
        // "… after the minister visited the town and said": a clause that ends in "and" names no one.
        if tokens[r.upperBound - 1].kind == .word, grammar.and.contains(tokens[r.upperBound - 1]) { return nil }
        var words = Array(tokens[r])
        if ownerOfData, let last = words.last, last.kind == .word, last.hasSuffix("'s"), last.text.count > 2 {
            // The name without its "'s" (or "’s", three bytes for the mark).
            let cut = bytes[last.start..<last.end].suffix(4).starts(with: [0xE2, 0x80, 0x99]) ? 4 : 2
            words[words.count - 1] = Token(kind: .word, start: last.start, end: last.end - cut, text: String(last.text.dropLast(2)),
                                           capitalized: last.capitalized, spaceBefore: last.spaceBefore)
        }
        // ("UPDATE:", "RECALL:" label a headline: as written, in capitals or not.)
        // (Not a capitalised pair inside a sentence: "New Hampshire authorities", "New York police".)
        let properPair = words.count >= 2 && words[0].capitalized && words[1].capitalized && r.lowerBound > 0 && !tokens[r.lowerBound - 1].hasText(":")
        // (Words are read in lower case: the set is asked by the token, no string made.)
        if !properPair, lexicon.notSources.contains(words[0]) { return nil }
        if words.contains(where: { grammar.sourceClauseVerbs.contains($0) }) { return nil }
        if lexicon.anaphora.match(words, at: 0)?.length == words.count { return .anaphora(names.sourceClass(of: words)) }
        // (Words only: "пресс-служба ГУ МВД по Москве" is six words and two marks.)
        if inverted, words.count(where: { $0.kind == .word }) > 6 { return nil }
        // "Ранения получили четверо полицейских, сообщила …": a phrase counting people is no one's name.
        if words.indices.contains(where: { k in
            k + 1 < words.count && lexicon.numbers.isNumberWord(words[k]) && lexicon.who.match(words, at: k + 1)?.value != nil
        }) { return nil }
        // A phrase of only lower-case common words is rarely a source ("people said"); keep it
        // when it names a kind of source ("police", "organisers", "witnesses").
        let named = names.source(for: words, text: String(decoding: bytes[words.first!.start..<words.last!.end], as: UTF8.self),
                                 articles: grammar.articles, connectors: grammar.nameConnectors)
        if !words.contains(where: { $0.capitalized }), named.sourceClass == .unattributed, !names.names.occurs(in: words, 0..<words.count),
           !names.generic.occurs(in: words, 0..<words.count) {
            return nil
        }
        return .named(named)
    }
}
