import TallyCore
import TallyText
import TallyGeo

/// Finds the figures of one sentence that may count people, and what each counts.
struct CandidateFinder {
    let lexicon: Lexicon
    /// `lexicon.grammar`, held: asked at every token, a computed property counted a reference each time.
    let grammar: Grammar
    /// Tells a place before a bare number ("and in Lyon 56") from a name ("Route 66").
    let gazetteer: Gazetteer?

    init(lexicon: Lexicon, gazetteer: Gazetteer? = nil) {
        self.lexicon = lexicon
        self.grammar = lexicon.grammar
        self.gazetteer = gazetteer
    }

    func candidates(_ tokens: [Token], bytes: [UInt8]) -> [Candidate] {
        var found: [Candidate] = []
        // (Room for four at the first: the array grew figure by figure in every sentence.)
        func add(_ c: Candidate) {
            if found.isEmpty { found.reserveCapacity(4) }
            found.append(c)
        }
        // The next word a noun phrase of one person can end on (`lexicon.personWords`), found
        // lazily: `singular` reads at most six tokens past its determiner, so a determiner with
        // none that near starts no such phrase (most determiners of most sentences).
        var person = -1
        func nextPersonWord(from start: Int) -> Int {
            if person >= start { return person }
            var k = start
            while k < tokens.count, !(tokens[k].kind == .word && lexicon.personWords.contains(tokens[k])) { k += 1 }
            person = k
            return k
        }
        var i = 0
        while i < tokens.count {
            // (Asked in order of cost: the phrase index's bit, then the lookups.)
            if lexicon.vague.mayStart(tokens[i]), !(i > 0 && (tokens[i - 1].kind == .number || lexicon.numbers.isNumberWord(tokens[i - 1]))),
               !afterQualifier(tokens, i),
               let v = lexicon.vague.match(tokens, at: i) {
                var c = Candidate(first: i, last: i + v.length - 1, vague: v.value)
                c.qualifier = .about
                if describe(&c, tokens) { add(c) }
                i += v.length
                continue
            }
            // A headline's "4-year-old boy hit by stray bullet": an age before one person, the article dropped.
            if i == 0 || (i <= 3 && tokens[i - 1].hasText(":")), tokens[i].kind == .number, let age = lexicon.agesAfter.match(tokens, at: i + 1) {
                let noun = i + 1 + age.length
                var next = noun + 1
                if next + 1 < tokens.count, tokens[next].kind == .word, grammar.isAdverb(tokens[next]), lexicon.triggers.match(tokens, at: next) == nil { next += 1 }
                if next < tokens.count, grammar.singularPeople.words.contains(tokens[noun]), lexicon.triggers.match(tokens, at: next) != nil {
                    add(Self.onePerson(first: i, noun: noun, tokens, grammar))
                    i = next
                    continue
                }
            }
            if lexicon.numbers.mayStart(tokens[i]), let m = lexicon.numbers.read(tokens, at: i), startsNumber(tokens, i) {
                var c = Candidate(first: m.firstToken, last: m.lastToken)
                if accept(m, tokens, bytes), let value = Self.whole(m.value) {
                    c.value = value
                    c.valueHigh = m.valueHigh.flatMap(Self.whole)
                    if let q = lexicon.qualifiers.match(tokens, endingBefore: m.firstToken) { c.qualifier = q.value }
                    if c.valueHigh != nil { c.qualifier = .range }
                    if describe(&c, tokens), !isYear(m, tokens, c), !isNameOrAddress(m, tokens, c, bytes) { add(c) }
                } else if let named = namedPerson(m, tokens) {
                    add(named)
                }
                i = m.lastToken + 1
                continue
            }
            // A headline's "Boy, 6, dies after shooting", "Toddler killed in Tampa": one person, the
            // article dropped, right before what happened.
            // So is one after the source of a headline: "Police: Boy Fatally Shot In Accident", or
            // after one capitalised word ("Burien teen accidentally shot", "Teen girl shot"), with
            // an adverb before what happened.
            let lead = i == 0 || (i <= 3 && tokens[i - 1].hasText(":"))
            let noun = lead && tokens.count > i + 2 && !grammar.singularPeople.words.contains(tokens[i]) && tokens[i].kind == .word
                && tokens[i].capitalized && !grammar.articles.contains(tokens[i]) && grammar.singularPeople.words.contains(tokens[i + 1]) ? i + 1 : i
            if lead, tokens.count > noun + 2, grammar.singularPeople.words.contains(tokens[noun]) {
                var next = tokens.count > noun + 4 && tokens[noun + 1].hasText(",") && tokens[noun + 2].kind == .number && tokens[noun + 3].hasText(",") ? noun + 4 : noun + 1
                if next + 1 < tokens.count, tokens[next].kind == .word, grammar.isAdverb(tokens[next]), lexicon.triggers.match(tokens, at: next) == nil { next += 1 }
                if lexicon.triggers.match(tokens, at: next) != nil {
                    add(Self.onePerson(first: i, noun: noun, tokens, grammar))
                    i = next
                    continue
                }
            }
            // "killed four classmates and himself": one more person of the list. (Alone, "shot
            // himself" may be one who is dead in another story.)
            if tokens[i].kind == .word, i >= 2, let last = found.last, last.headToken == i - 2, grammar.reflexives.contains(tokens[i]),
               grammar.and.contains(tokens[i - 1]) {
                var c = Candidate(first: i, last: i, value: 1)
                c.implicit = true
                c.hasHead = true
                c.headToken = i
                add(c)
                i += 1
                continue
            }
            if tokens[i].kind == .word, nextPersonWord(from: i + 1) <= i + 6, isDeterminer(tokens[i]),
               var c = singular(tokens, at: i, relatives: grammar.possessives.contains(tokens[i])) {
                c.definite = grammar.definiteArticles.contains(tokens[i])
                // "A fourth victim was grazed": the story has counted at least four, when what happened
                // to that one follows at once (not "a fourth victim, who collapsed").
                if !c.definite, grammar.articles.contains(tokens[i]), c.last == i + 2, let n = lexicon.ordinals[tokens[i + 1].text],
                   grammar.ordinalNouns.contains(tokens[c.last]),
                   ((c.last + 1)..<min(tokens.count, c.last + 4)).first(where: { lexicon.triggers.match(tokens, at: $0) != nil })
                    .map({ k in tokens[(c.last + 1)..<k].allSatisfy { $0.kind == .word } }) == true {
                    c.value = n
                    c.qualifier = .atLeast
                }
                // "shot by an unknown man": the one who acts is not among those counted.
                if i > 0, grammar.agentPrepositions.contains(tokens[i - 1]) { i = c.last + 1; continue }
                // "a man suspected of killing his wife": the one suspected acted.
                if isAgent(after: c.last, tokens) { i = c.last + 1; continue }
                add(c)
                i = c.last + 1
                // "her brother and 4-year-old daughter": the possessive is the whole list's.
                if grammar.possessives.contains(tokens[c.first]), i < tokens.count, grammar.and.contains(tokens[i]),
                   var next = singular(tokens, at: i, relatives: true) {
                    next.first = i + 1
                    add(next)
                    i = next.last + 1
                }
                continue
            }
            i += 1
        }
        return found
    }

    /// "Donovan Roe, 18, was killed": a name with its age between commas, right before what
    /// happened (after an auxiliary or two), is one person. Its span runs from the name to the comma.
    func namedPerson(_ m: NumberMention, _ tokens: [Token]) -> Candidate? {
        let name = m.firstToken - 2, comma = m.lastToken + 1
        guard name >= 0, m.firstToken == m.lastToken, tokens[m.firstToken].kind == .number, m.value < 120,
              tokens[m.firstToken - 1].hasText(","), tokens[name].kind == .word, tokens[name].capitalized,
              comma < tokens.count, tokens[comma].hasText(",") else { return nil }
        var k = comma + 1
        while k < tokens.count, k <= comma + 2, tokens[k].kind == .word, grammar.passiveAuxiliaries.contains(tokens[k]) { k += 1 }
        guard k < tokens.count, lexicon.triggers.match(tokens, at: k) != nil else { return nil }
        var c = Candidate(first: name, last: comma, value: 1)
        c.implicit = true
        c.hasHead = true
        c.headToken = name
        return c
    }

    /// A multiplier alone starts a number only in the singular or after an article ("тысяча
    /// человек", "a thousand people"), not "Марш миллионов".
    func startsNumber(_ tokens: [Token], _ i: Int) -> Bool {
        let t = tokens[i]
        guard let m = lexicon.numbers.multiplier(t) else { return true }
        if m == 12 { return false }  // "dozen" alone is "a dozen", read from its article
        return grammar.loneMultipliers.contains(t) || afterQualifier(tokens, i)
    }

    /// "более тысячи", "около сотни": a multiplier right after a qualifier is one thousand (one
    /// hundred), in the genitive singular that elsewhere reads as the plural "тысячи".
    func afterQualifier(_ tokens: [Token], _ i: Int) -> Bool {
        tokens[i].kind == .word && grammar.loneMultipliersAfterQualifier.contains(tokens[i])
            && lexicon.qualifiers.match(tokens, endingBefore: i) != nil
    }

    /// A count of people is a whole number; "1.5 million" is, "4.0" is not.
    /// One person named by a noun of one ("a boy", "Boy, 6, dies", "4-year-old girl shot"): from
    /// `first` to the noun at `noun`.
    static func onePerson(first: Int, noun: Int, _ tokens: [Token], _ grammar: Grammar) -> Candidate {
        var c = Candidate(first: first, last: noun, value: 1)
        c.implicit = true
        c.hasHead = true
        c.headToken = noun
        c.who = grammar.group(ofSingular: tokens[noun])
        return c
    }

    static func whole(_ value: Double) -> Int? {
        guard value >= 1, value < 1e10, value.rounded() == value else { return nil }
        return Int(value)
    }

    /// Marks after a number that make it a measure, a share or money ("15%", "20°", "5/7").
    static let unitMarks: WordSet = ["%", "‰", "°", "$", "€", "£", "₽", "/", "+", "×"]
    /// Marks before a number that make it money, a code or a number of something ("$20", "№ 5").
    static let signsBefore: WordSet = ["$", "€", "£", "₽", "№", "#", "§", "+"]
    /// Quote marks, which a figure's noun may come after ("500 «иноагентов»").
    static let quoteMarks = WordSet(QuoteMarks.all + ["'"])

    /// Rejects numbers that are times, dates, ordinals, ages, codes, money or percentages.
    func accept(_ m: NumberMention, _ tokens: [Token], _ bytes: [UInt8]) -> Bool {
        if Self.isScore(m, tokens) || Self.isCode(m, tokens) { return false }
        let first = tokens[m.firstToken]
        let next = m.lastToken + 1 < tokens.count ? tokens[m.lastToken + 1] : nil
        let afterNext = m.lastToken + 2 < tokens.count ? tokens[m.lastToken + 2] : nil
        let before = m.firstToken > 0 ? tokens[m.firstToken - 1] : nil
        if let next {
            // "8am", "16th", "100s", "403px", "2nd": letters glued to the digits.
            if next.kind == .word, !next.spaceBefore, tokens[m.lastToken].kind == .number { return false }
            if next.kind == .punctuation, Self.unitMarks.contains(next) { return false }
            // "16:00", "23.09", "8-й", "23-летний"
            if next.hasText(":"), !next.spaceBefore, afterNext?.kind == .number { return false }
            if next.hasText("-") || next.hasText("‑"), !next.spaceBefore, let a = afterNext, a.kind == .word, !a.spaceBefore {
                if a.text.count <= 3 || lexicon.agesAfter.match(tokens, at: m.lastToken + 1) != nil
                    || lexicon.agesAfter.match(tokens, at: m.lastToken + 2) != nil { return false }
                // "15-years jail sentence", "5-km march", "an eight-storey building", "a 7.8-magnitude quake":
                // a compound of a word that names no people (but "a 5,000-strong crowd").
                if !grammar.countCompounds.contains(a), lexicon.who.match(tokens, at: m.lastToken + 2)?.value == nil { return false }
            }
            if lexicon.agesAfter.match(tokens, at: m.lastToken + 1) != nil { return false }
            // "19- and 20-year-old brothers": the first age of a pair sharing one compound.
            if next.hasText("-"), !next.spaceBefore, let a = afterNext, a.kind == .word, grammar.numberListJoiners.contains(a),
               m.lastToken + 3 < tokens.count, tokens[m.lastToken + 3].kind == .number,
               lexicon.agesAfter.match(tokens, at: m.lastToken + 4) != nil { return false }
            if next.kind == .word, grammar.timesAfterNumber.contains(next) || grammar.rankingsAfter.contains(next) { return false }
            if next.kind == .word, next.capitalized, tokens[m.lastToken].kind == .number, grammar.stationWords.contains(next) { return false }
            // "5 p.m.", "9 a.m."
            if next.kind == .word, grammar.timeLetters.contains(next), afterNext?.hasText(".") == true { return false }
            if next.kind == .word, lexicon.month(next) != nil { return false }
            if next.hasText("."), !next.spaceBefore, afterNext?.kind == .word, afterNext?.spaceBefore == false { return false }
        }
        if let before {
            // ".380 handgun": a calibre or a decimal fragment.
            if before.hasText("."), !first.spaceBefore { return false }
            // "10:10": the minutes of a time.
            if before.hasText(":"), !first.spaceBefore, m.firstToken >= 2, tokens[m.firstToken - 2].kind == .number { return false }
            // "Detroit boy, 9, killed", "Feisal Abdelrahman (51)": an age in apposition.
            if let next, (before.hasText(",") && next.hasText(",")) || (before.hasText("(") && next.hasText(")")),
               m.firstToken >= 2, tokens[m.firstToken - 2].kind == .word, m.value < 120, tokens[m.firstToken].kind == .number {
                return false
            }
            // "Renee Doe, 30; John Roe, 31; and Ann Poe, 44.": after a name, before any mark or the end.
            if before.hasText(","), next == nil || next!.kind == .punctuation, m.firstToken >= 2, tokens[m.firstToken - 2].kind == .word,
               tokens[m.firstToken - 2].capitalized, m.value < 120, tokens[m.firstToken].kind == .number {
                return false
            }
            // "a mother of three", "the wife of one protester": someone's family.
            if before.kind == .word, grammar.kinOf.contains(before), m.firstToken >= 2, lexicon.relatives.match(tokens, at: m.firstToken - 2) != nil { return false }
            // "teams of four", "батальон из 400", "a city of some 20 million": the size of each of
            // some things, no people counted (but "its count of 640" states a figure, `grammar.sourceDataWords`).
            let lead = m.firstToken - (lexicon.qualifiers.match(tokens, endingBefore: m.firstToken)?.length ?? 0)
            if lead >= 2, tokens[lead - 1].kind == .word, grammar.kinOf.contains(tokens[lead - 1]),
               !grammar.sourceDataWords.contains(tokens[lead - 2]),
               let things = lexicon.who.match(tokens, endingBefore: lead - 1), things.value == nil { return false }
            // "LE100,000", "COVID19": a word glued to the digits.
            if before.kind == .word, !first.spaceBefore { return false }
            // "Oct. 25"
            if before.hasText("."), m.firstToken >= 2, lexicon.month(tokens[m.firstToken - 2]) != nil, m.value <= 31 { return false }
            if before.kind == .punctuation, Self.signsBefore.contains(before) { return false }
            if before.kind == .word, lexicon.notClaimBefore.contains(before) { return false }
            // "the city's roughly 100,000 residents": a place's possessive before a qualifier too.
            if let q = lexicon.qualifiers.match(tokens, endingBefore: m.firstToken), m.firstToken - q.length >= 1,
               case let w = tokens[m.firstToken - q.length - 1], w.kind == .word, lexicon.notClaimBefore.contains(w),
               w.hasSuffix("'s") { return false }  // (a token's text reads ’ as ')
            // "aged between 15 and 66": a range after such a word.
            if before.kind == .word, m.firstToken >= 2, lexicon.numbers.rangePairs.contains(where: { before.isWord($0.0) }),
               tokens[m.firstToken - 2].kind == .word, lexicon.notClaimBefore.contains(tokens[m.firstToken - 2]) { return false }
            // "ages 14, 11, 7 and 3": every number of a list after such a word.
            if before.hasText(",") || grammar.and.contains(before) {
                var k = m.firstToken - 1
                while k > 0, tokens[k].hasText(",") || grammar.and.contains(tokens[k]) || tokens[k].kind == .number { k -= 1 }
                if k < m.firstToken - 2, tokens[k].kind == .word, lexicon.notClaimBefore.contains(tokens[k]) { return false }
                // "between the ages of 6 and 15": a list after "of" and things.
                if k < m.firstToken - 2, k >= 1, tokens[k].kind == .word, grammar.kinOf.contains(tokens[k]),
                   !grammar.sourceDataWords.contains(tokens[k - 1]),
                   let things = lexicon.who.match(tokens, endingBefore: k), things.value == nil { return false }
            }
            if before.kind == .word, lexicon.month(before) != nil, m.value <= 31 { return false }
            if Self.isSecondDay(m, tokens, lexicon: lexicon) { return false }
            // "more than half of those shot were under 16": a bound of age after a copula, no noun.
            if before.kind == .word, grammar.ageBounds.contains(before), m.value < 120, next == nil || next!.kind == .punctuation,
               m.firstToken >= 2, tokens[m.firstToken - 2].kind == .word, grammar.predicateCopulas.contains(tokens[m.firstToken - 2]) { return false }
            // "COVID-19", "Ан-26", "G-20": a code glued to a word by a hyphen.
            if (before.hasText("-") || before.hasText("‑")), !first.spaceBefore, !before.spaceBefore, m.firstToken >= 2,
               tokens[m.firstToken - 2].kind == .word { return false }
        }
        return true
    }

    /// "between Nov. 15 and 18", "March 3 to 5": the second day of a pair of days after a month.
    static func isSecondDay(_ m: NumberMention, _ tokens: [Token], lexicon: Lexicon) -> Bool {
        let i = m.firstToken
        guard m.value <= 31, m.valueHigh == nil, i >= 3, tokens[i].kind == .number else { return false }
        // (Not "since June 21 and 19 killed": a day ends its phrase.)
        if m.lastToken + 1 < tokens.count, tokens[m.lastToken + 1].kind != .punctuation { return false }
        let joiner = tokens[i - 1]
        guard joiner.kind == .word && (lexicon.grammar.numberListJoiners.contains(joiner) || lexicon.numbers.rangeJoiners.contains(joiner.text))
                || joiner.hasText("-") || joiner.hasText("–") else { return false }
        guard tokens[i - 2].kind == .number, let day = Int(tokens[i - 2].text), (1...31).contains(day) else { return false }
        let month = tokens[i - 3].hasText(".") && i >= 4 ? tokens[i - 4] : tokens[i - 3]
        return month.kind == .word && lexicon.month(month) != nil
    }

    /// "at 7900 Scott Hamilton", "Club 502", "Route 66": a bare number joined to a capitalised
    /// name is an address or part of a name, not a count.
    func isNameOrAddress(_ m: NumberMention, _ tokens: [Token], _ c: Candidate, _ bytes: [UInt8]) -> Bool {
        guard !c.hasHead, c.qualifier == .exact else { return false }
        if m.lastToken + 1 < tokens.count, tokens[m.lastToken + 1].kind == .word, tokens[m.lastToken + 1].capitalized {
            return !isDemonym(m.lastToken + 1, tokens, bytes)
        }
        if m.firstToken > 0, tokens[m.firstToken - 1].kind == .word, tokens[m.firstToken - 1].capitalized, m.firstToken - 1 > 0 {
            return !placeAfterPreposition(m.firstToken - 1, tokens, bytes)
        }
        return false
    }

    /// "nine Egyptians", "two Americans": a people's name after a figure is who it counts.
    func isDemonym(_ k: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Bool {
        guard let gazetteer else { return false }
        return gazetteer.mentions(inUTF8: Array(bytes[tokens[k].start..<tokens[k].end])).contains { $0.form == .adjective }
    }

    /// "and in Lyon 56", "в Лионе — 56": a city or country after a lower-case preposition, which a
    /// bare number after it counts for (not "on Route 66").
    func placeAfterPreposition(_ k: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Bool {
        guard let gazetteer, k >= 1, tokens[k - 1].kind == .word, !tokens[k - 1].capitalized else { return false }
        let mentions = gazetteer.mentions(inUTF8: Array(bytes[tokens[k - 1].start..<tokens[k].end]))
        return mentions.contains { $0.form == .name && $0.afterPreposition && $0.span.start > 0 }
    }

    /// A bare four-digit number between 1800 and 2100 is a year unless a people noun follows.
    func isYear(_ m: NumberMention, _ tokens: [Token], _ c: Candidate) -> Bool {
        let t = tokens[m.firstToken]
        // "between 2010 and 2015", "2009-2018": a span of years.
        if let high = m.valueHigh, (1800...2100).contains(m.value), (1800...2100).contains(high), t.kind == .number, t.text.count == 4,
           tokens[m.lastToken].kind == .number, tokens[m.lastToken].text.count == 4 { return true }
        guard t.kind == .number, m.firstToken == m.lastToken, t.text.count == 4, (1800...2100).contains(m.value) else { return false }
        // "as high as 1700", "more than 2000 people": a hedged figure is a count, not a year.
        return !c.hasHead && c.qualifier == .exact
    }

    /// Finds the head noun after the figure: who it counts, or that it counts no people.
    /// Returns false when the figure counts something else (cities, years, roubles).
    func describe(_ c: inout Candidate, _ tokens: [Token]) -> Bool {
        var k = c.last + 1
        // "100 each", "100 people each"
        if lexicon.distributiveAfter.match(tokens, at: k) != nil { c.distributive = true }
        if lexicon.distributiveBefore.match(tokens, endingBefore: c.first) != nil { c.distributive = true }
        var steps = 0
        while k < tokens.count, steps < 5 {
            let t = tokens[k]
            // "33 were minors", "33 — несовершеннолетние": the group after a copula.
            if let p = predicateGroup(tokens, at: k) {
                c.who = p.group
                c.hasHead = true
                c.headToken = p.head
                return true
            }
            if t.kind == .punctuation {
                // A period right after an abbreviated multiplier ("тыс.") or a quote mark is no stop.
                if t.hasText(".") && k == c.last + 1 && tokens[c.last].text.count <= 4 { k += 1; continue }
                if Self.quoteMarks.contains(t) { k += 1; continue }
                break
            }
            // "Image 4 of 5 Two children were shot": a number word starts another figure.
            if t.kind == .number || lexicon.numbers.isNumberWord(t) { break }
            // "9 и 12 лет", "two or three years": numbers in a list share the noun after the last.
            if grammar.numberListJoiners.contains(t), k + 1 < tokens.count,
               tokens[k + 1].kind == .number || lexicon.numbers.unit(tokens[k + 1]) != nil {
                var j = k + 2
                while j < tokens.count, j < k + 4, tokens[j].kind == .word {
                    if let w = lexicon.who.match(tokens, at: j) { return w.value != nil }
                    j += 1
                }
                break
            }
            if t.kind == .word, grammar.partitiveWords.contains(t) {
                // "one of the minors", "500 of the more than 1,300 people", "одному из протестующих"
                var j = k + 1
                // "из них", "of them": a pronoun, after which no noun of the figure's own follows.
                var pronoun = false
                if j < tokens.count, tokens[j].kind == .word, grammar.partitiveArticles.contains(tokens[j]) {
                    pronoun = !grammar.definiteArticles.contains(tokens[j])
                    j += 1
                }
                if let q = lexicon.qualifiers.match(tokens, at: j) { j += q.length }
                if j < tokens.count, tokens[j].kind == .number || lexicon.numbers.isNumberWord(tokens[j]) {
                    c.partitive = true
                    c.hasHead = true
                    return true
                }
                for h in j..<min(j + 2, tokens.count) where tokens[h].kind == .word {
                    if let w = lexicon.who.match(tokens, at: h) {
                        // "30 из них возбуждены уголовные дела": after the pronoun, a thing a word
                        // later is no head.
                        guard let group = w.value else { if pronoun && h > j { break } else { return false } }
                        c.who = group
                        c.hasHead = true
                        c.partitive = true
                        c.headToken = h
                        // "Nine of the detainees (in Almaty) were journalists": the group after the whole is the figure's.
                        if let p = predicateGroup(tokens, after: h + w.length) {
                            c.who = p.group
                            c.headToken = p.head
                        }
                        return true
                    }
                }
                // "33 of those detained were minors", "девять из задержанных — журналисты".
                if let p = predicateGroup(tokens, after: j) {
                    c.who = p.group
                    c.hasHead = true
                    c.headToken = p.head
                    return true
                }
                break
            }
            if let w = lexicon.who.match(tokens, at: k) {
                guard let group = w.value else {
                    // "one shot dead": a longer trigger starting here outranks "shot" as a thing counted;
                    // so does the same word after two or more ("2 shot, 1 dead"), where the noun would
                    // take the plural ("2 shots").
                    // ("2 gunshot wounds" stays a count of wounds: only the gunshot verb reads so.)
                    if let t = lexicon.triggers.match(tokens, at: k),
                       t.length > w.length || (t.length == w.length && (c.value ?? 2) >= 2 && grammar.isGunshot(tokens[k].text.lowercased())) { break }
                    return false
                }
                c.who = group
                c.hasHead = true
                c.headToken = k
                if let n = lexicon.kindNouns.match(tokens, at: k) { c.nounKind = n.value }
                if lexicon.distributiveAfter.match(tokens, at: k + w.length) != nil { c.distributive = true }
                return true
            }
            if let t = lexicon.triggers.match(tokens, at: k) {
                // "60 arrests each in Almaty and Astana"
                if lexicon.distributiveAfter.match(tokens, at: k + t.length) != nil { c.distributive = true }
                break
            }
            if grammar.nounPhraseEnds.contains(t) { break }
            // "A crowd of 50,000 filled the square": past an article begins another noun phrase.
            if k > c.last + 1, grammar.articles.contains(t) { break }
            k += 1
            steps += 1
        }
        return true
    }


    /// A group named after a copula at `k` (`grammar.predicateCopulas`, then articles): "were
    /// minors", "— журналисты". Only a group narrower than everyone counts ("were people" says nothing).
    func predicateGroup(_ tokens: [Token], at k: Int) -> (group: Group, head: Int)? {
        guard k + 1 < tokens.count, grammar.predicateCopulas.contains(tokens[k]) else { return nil }
        var h = k + 1
        while h < tokens.count, tokens[h].kind == .word, grammar.articles.contains(tokens[h]) { h += 1 }
        guard h < tokens.count, tokens[h].kind == .word, let w = lexicon.who.match(tokens, at: h), let group = w.value, group != .people else { return nil }
        return (group, h)
    }

    /// `predicateGroup(_:at:)` at the first copula among the four tokens from `start`, read past
    /// the words of the whole ("of those detained in Almaty were minors"), not past a mark, a
    /// number or a verb of what happened.
    func predicateGroup(_ tokens: [Token], after start: Int) -> (group: Group, head: Int)? {
        var k = start
        while k < min(start + 4, tokens.count) {
            if grammar.predicateCopulas.contains(tokens[k]) { return predicateGroup(tokens, at: k) }
            if tokens[k].kind != .word || lexicon.triggers.match(tokens, at: k) != nil && k > start { return nil }
            k += 1
        }
        return nil
    }

    /// "901-528-2274", "(555) 123-4567": a phone number or another code of digit groups joined by
    /// hyphens with no space, three groups or more; none of its groups counts anyone.
    static func isCode(_ m: NumberMention, _ tokens: [Token]) -> Bool {
        func glued(_ k: Int) -> Bool { k >= 0 && k < tokens.count && !tokens[k].spaceBefore }
        var first = m.firstToken, last = m.lastToken
        while first >= 2, tokens[first - 1].hasText("-"), glued(first - 1), glued(first), tokens[first - 2].kind == .number { first -= 2 }
        while last + 2 < tokens.count, tokens[last + 1].hasText("-"), glued(last + 1), glued(last + 2), tokens[last + 2].kind == .number { last += 2 }
        if (last - first) / 2 + 1 >= 3 { return true }
        // "8 (8732) 22-33-44", "(202) 555-0198": an area code in brackets among a phone number's digits.
        func code(_ k: Int) -> Bool {
            k >= 1 && k + 2 < tokens.count && tokens[k - 1].hasText("(") && tokens[k].kind == .number && tokens[k + 1].hasText(")")
                && tokens[k + 2].kind == .number
        }
        if code(m.firstToken) || code(m.lastToken + 2) || (m.firstToken >= 3 && code(m.firstToken - 2)) { return true }
        // "hotline on 0100 555 0198": numbers side by side with only spaces between, three or more
        // of them or one with a leading zero, are a phone number's groups.
        var a = m.firstToken, b = m.lastToken
        while a >= 1, tokens[a - 1].kind == .number { a -= 1 }
        while b + 1 < tokens.count, tokens[b + 1].kind == .number { b += 1 }
        let neighbours = (m.firstToken - a) + (b - m.lastToken)
        guard neighbours > 0 else { return false }
        if neighbours + 1 >= 3 { return true }
        func leadingZero(_ k: Int) -> Bool {
            guard tokens[k].kind == .number else { return false }
            return tokens[k].stored.withBytes { d in d.count >= 2 && d[0] == UInt8(ascii: "0") && d.allSatisfy { $0 >= 48 && $0 <= 57 } }
        }
        return leadingZero(m.firstToken) || (a..<m.firstToken).contains(where: leadingZero) || ((m.lastToken + 1)..<(b + 1)).contains(where: leadingZero)
    }

    /// "6-3, 7-6 (7)", "beat Gibraltar 6-0", "a 1-1 draw": a game's score, no count of people. Two
    /// numbers of one or two digits joined by a hyphen with no space are a score when the second is
    /// not above the first (a range of people rises: "20-30"), when a third number follows ("a
    /// 1-6-2 skid"), or when another such pair stands next to them after a comma; so is a number
    /// in brackets right after such a pair.
    static func isScore(_ m: NumberMention, _ tokens: [Token]) -> Bool {
        /// The two numbers of the pair whose hyphen is at `k`.
        func pair(hyphen k: Int) -> (Int, Int)? {
            guard k >= 1, k + 1 < tokens.count, tokens[k].hasText("-"), !tokens[k].spaceBefore, !tokens[k + 1].spaceBefore,
                  tokens[k - 1].kind == .number, tokens[k + 1].kind == .number,
                  tokens[k - 1].text.utf8.count <= 2, tokens[k + 1].text.utf8.count <= 2,
                  let a = Int(tokens[k - 1].text), let b = Int(tokens[k + 1].text) else { return nil }
            return (a, b)
        }
        func score(hyphen k: Int) -> Bool {
            guard let (a, b) = pair(hyphen: k) else { return false }
            if b <= a { return true }
            // A record of wins, losses and ties: "a 1-6-2 skid".
            if pair(hyphen: k + 2) != nil || pair(hyphen: k - 2) != nil { return true }
            // Another pair after a comma, before or after: "7-5, 3-6, 7-6".
            return (k >= 4 && tokens[k - 2].hasText(",") && pair(hyphen: k - 3) != nil)
                || (k + 3 < tokens.count && tokens[k + 2].hasText(",") && pair(hyphen: k + 4) != nil)
        }
        let f = m.firstToken
        if f + 1 < tokens.count, score(hyphen: f + 1) { return true }
        if f >= 1, score(hyphen: f - 1) { return true }
        // "7-6 (7)": a tiebreak in brackets.
        if f >= 3, tokens[f - 1].hasText("("), score(hyphen: f - 3) { return true }
        return false
    }

    /// Whether a word of `grammar.agentsAfter` follows the noun at `noun` within three words, before
    /// any mark or trigger ("a man suspected of", "the man police suspect of", "a man who was arrested").
    func isAgent(after noun: Int, _ tokens: [Token]) -> Bool {
        var k = noun + 1
        while k < tokens.count, k <= noun + 3, tokens[k].kind == .word, lexicon.triggers.match(tokens, at: k) == nil {
            if grammar.agentsAfter.contains(tokens[k]) { return true }
            k += 1
        }
        return false
    }

    /// Words that open the noun phrase of one person: articles, and possessives before kin
    /// ("his 3-year-old son").
    func isDeterminer(_ t: Token) -> Bool { t.kind == .word && (grammar.articles.contains(t) || grammar.possessives.contains(t)) }

    /// "a man was killed": one person, implicit. `relatives` (after "his", "her"): only kin count.
    func singular(_ tokens: [Token], at i: Int, relatives: Bool = false) -> Candidate? {
        var k = i + 1
        var steps = 0
        while k < tokens.count, steps < 6 {
            // "a 17-year-old was shot": the age stands for the person.
            if !relatives, k >= i + 4, grammar.ageCompound.count == 2, tokens[k - 1].isWord(grammar.ageCompound[1]), tokens[k - 2].hasText("-"),
               tokens[k - 3].isWord(grammar.ageCompound[0]),
               grammar.nounPhraseEnds.contains(tokens[k]) || lexicon.triggers.match(tokens, at: k) != nil,
               let age = (i + 1..<(k - 3)).first(where: { tokens[$0].kind == .number || lexicon.numbers.isNumberWord(tokens[$0]) })
                .flatMap({ lexicon.numbers.read(tokens, at: $0).map { Int($0.value) } }) {
                var c = Candidate(first: i, last: k - 1, value: 1)
                c.implicit = true
                c.hasHead = true
                c.headToken = k - 1
                c.who = age < 18 ? .minors : .people
                return c
            }
            // "a 23-year-old man", "a two-year-old boy": ages and hyphens between the article and the noun.
            if tokens[k].kind != .word || (lexicon.numbers.isNumberWord(tokens[k]) && k + 1 < tokens.count && tokens[k + 1].hasText("-")) {
                guard tokens[k].kind == .number || tokens[k].kind == .word || tokens[k].hasText("-") else { break }
                k += 1
                steps += 1
                continue
            }
            // "A shooting fatally wounded one student": a verb or a number ends the noun phrase.
            if lexicon.triggers.match(tokens, at: k) != nil || lexicon.numbers.isNumberWord(tokens[k]) || grammar.nounPhraseEnds.contains(tokens[k]) { break }
            if relatives ? grammar.kin.contains(tokens[k]) : (grammar.singularPeople.words.contains(tokens[k]) || grammar.kin.contains(tokens[k])) {
                return Self.onePerson(first: i, noun: k, tokens, grammar)
            }
            k += 1
            steps += 1
        }
        return nil
    }
}
