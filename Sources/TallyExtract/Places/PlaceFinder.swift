import TallyCore
import TallyGeo
import TallyText

/// A place named in a sentence, at token positions.
struct SentencePlace {
    var first: Int
    var last: Int
    var place: Place
    /// "nationwide", "Russian cities", "в столице": places that stand in for a name.
    var indirect: Bool
    /// "the capital", "в столице": the capital of the story's country.
    var capital = false
    /// Named inside the attributed source's phrase.
    var weak = false
    /// After "in", "в", "near"…: surely a place, not a person's or a firm's name.
    var afterPreposition = false
    /// A country naming who acts or speaks ("Sudan doctors", "Russian police"): the figure's
    /// place only when the story has no city of its own in that country.
    var institutional = false
    /// Which of its sentence's place names this is (`PlaceDraft.names`); nil for a landmark.
    var mention: Int? = nil
}

/// The places of a sentence that do not depend on the story's country (see `PlaceFinder.draft`).
struct PlaceDraft {
    /// Names and landmarks, in the order `places` lists them before sorting; names carry the
    /// most populous reading until a country resolves them.
    var found: [SentencePlace]
    /// The sentence's place names, which `found` point into (`SentencePlace.mention`): the
    /// sentence's own array, shared, where a second array of copies was made for every sentence.
    var names: [PlaceMention]
    /// Token spans of "nationwide", "по всей стране".
    var countryWords: [ClosedRange<Int>]
    /// Token spans of "the capital", "в столице".
    var capitalWords: [ClosedRange<Int>]
    /// Token spans of a country's whole ("across Kenya", "по всей России"): the story's scope when
    /// its opening says so, not when a later paragraph turns to the country ("Separately, …").
    var countrySpans: [ClosedRange<Int>] = []
    /// Names the sentence uses for a person ("her son, Kendall,", "Washington, 25,"): the story's
    /// other mentions of them are the person too (`StoryPlace`). (Not a name that speaks: "Moscow
    /// said" is a government, and "Moscow police" still a place.)
    var persons: [String] = []
}

/// Finds the places of a sentence and gives each figure the one it most likely covers.
struct PlaceFinder {
    let lexicon: Lexicon
    let gazetteer: Gazetteer
    /// `lexicon.grammar`, held (read for every name).
    let grammar: Grammar

    /// The city of each landmark entry of the lexicon ("Trafalgar Square" → London), resolved once
    /// when the extractor is built (`landmarkCities`) instead of at every match.
    let landmarks: [String: Place]

    init(lexicon: Lexicon, gazetteer: Gazetteer, landmarks: [String: Place]) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.landmarks = landmarks
        self.grammar = lexicon.grammar
    }

    /// Places named in a sentence. `country` resolves "nationwide" and "the capital".
    /// Places named in a sentence. `country` resolves "nationwide" and "the capital"; names
    /// inside `excluded` (the attributed source, "МВД России") are not places of the figures.
    func places(_ tokens: [Token], sentence: Range<Int>, mentions: [PlaceMention], country: String?,
                excluded: Range<Int>? = nil) -> [SentencePlace] {
        places(draft(tokens, sentence: sentence, mentions: mentions, excluded: excluded), country: country)
    }

    /// The places of a sentence from its draft, names resolved in `country` when it is known.
    func places(_ draft: PlaceDraft, country: String?) -> [SentencePlace] {
        places(draft, country: country, seats: country.flatMap { c in gazetteer.country(code: c).map { ($0, gazetteer.capital(ofCountry: c)) } })
    }

    /// As `places(_:country:)`, with the country's place and its capital looked up once for all
    /// of a story's sentences (`seats`: nil when the gazetteer has no such country).
    func places(_ draft: PlaceDraft, country: String?, seats: (country: Place, capital: Place?)?) -> [SentencePlace] {
        var result = draft.found
        if let country {
            for k in result.indices {
                // (Assigned only when it changes: the draft's array is copied on the first write.)
                if let n = result[k].mention, case let place = gazetteer.resolve(draft.names[n], countryHint: country),
                   place != result[k].place { result[k].place = place }
            }
        }
        // (The seats are read only where a sentence has such words: binding the pair copied two
        // places, strings and all, for every sentence.)
        if country != nil, !draft.countryWords.isEmpty || !draft.capitalWords.isEmpty, let seats {
            for m in draft.countryWords {
                result.append(SentencePlace(first: m.lowerBound, last: m.upperBound, place: seats.country, indirect: true))
            }
            if let capital = seats.capital {
                for m in draft.capitalWords {
                    result.append(SentencePlace(first: m.lowerBound, last: m.upperBound, place: capital, indirect: true, capital: true))
                }
            }
        }
        // (Most sentences' places are in order already: then no sorted copy.)
        if zip(result, result.dropFirst()).contains(where: { $0.first > $1.first }) { result.sort { $0.first < $1.first } }
        return result
    }

    /// What a sentence names before the story's country is known: the work of `places` that does
    /// not depend on the country, done once per sentence.
    /// `phraseStarts`: the lists that may have a phrase in the sentence (`Lexicon.annotate`).
    /// `persons`: names the story uses for a person elsewhere; not places here unless after "in".
    func draft(_ tokens: [Token], sentence: Range<Int>, mentions: [PlaceMention], excluded: Range<Int>? = nil,
               phraseStarts: UInt64 = .max, persons: Set<String> = []) -> PlaceDraft {
        var result: [SentencePlace] = []
        var personNames: [String] = []
        var datelineEnd = -1
        var originEnd = -1
        for (index, m) in mentions.enumerated() {
            let start = sentence.lowerBound + m.span.start
            let end = sentence.lowerBound + m.span.end
            guard let first = Self.firstToken(endingAfter: start, tokens), let last = Self.lastToken(startingBefore: end, tokens) else { continue }
            let best = m.candidates[0]
            if !m.afterPreposition, persons.contains(m.surface) { continue }
            // "Male, 17, arrested", "Washington, 25, was shot": a name with an age between commas is a person's.
            if last + 3 < tokens.count, tokens[last + 1].hasText(","), tokens[last + 2].kind == .number,
               tokens[last + 2].text.utf8.count <= 2, tokens[last + 3].hasText(",") {
                if m.form == .name { personNames.append(m.surface) }
                continue
            }
            // "her son, Kendall,", "his daughter Jordan": a name after kin is a person's.
            if m.form == .name, !m.afterPreposition, first > 0,
               grammar.isKin(tokens[first - 1]) || (first > 1 && tokens[first - 1].hasText(",") && grammar.isKin(tokens[first - 2])) {
                personNames.append(m.surface)
                continue
            }
            // "агентство Turan", "Telegram-канал Baza": a name after an outlet word is the outlet's.
            if first > 0, tokens[first - 1].kind == .word, grammar.outletWords.contains(tokens[first - 1]) { continue }
            // "на площади Франции": a country after a street word names the street (a city there is
            // the street's city: "на центральной площади Жанаозена").
            if best.level == .country, first > 0, tokens[first - 1].kind == .word, grammar.streetWords.contains(tokens[first - 1]) { continue }
            // Datelines ("BISHKEK, Kyrgyzstan —") name where the story was filed.
            let letters = best.level == .city ? Self.letters(of: m.surface) : (count: 0, capitals: false)
            if best.level == .city, letters.count >= 3, letters.capitals {
                datelineEnd = last + 3
                continue
            }
            if first <= datelineEnd { continue }
            // "New Mexico", "Baja California": a country's name after a capitalised Latin word is part
            // of another name (a longer name of a country, "South Sudan", is matched whole).
            if m.form == .name, best.level == .country, first > 0, tokens[first - 1].kind == .word, tokens[first - 1].capitalized,
               !m.sentenceInitial, tokens[first - 1].text.utf8.first.map({ $0 < 0x80 }) == true,
               !grammar.cityTitleWords.contains(tokens[first - 1]) { continue }
            if m.form == .name, best.level == .city {
                // Part of a longer proper name: "Ales Bialiatski", "Mohamed Morsi", "Denver Post".
                if first > 0, tokens[first - 1].kind == .word, tokens[first - 1].capitalized, !m.sentenceInitial,
                   !m.afterPreposition, !grammar.cityTitleWords.contains(tokens[first - 1]) { continue }
                // "Al-Ahram": a name glued to a capitalised word by a hyphen.
                if first > 1, tokens[first - 1].hasText("-"), !tokens[first].spaceBefore, tokens[first - 2].capitalized { continue }
                let possessive = tokens[last].hasSuffix("'s") || tokens[last].hasSuffix("'")
                // "Тайга.инфо", "Fontanka.ru": a site.
                if last + 1 < tokens.count, AttributionFinder.isSitePeriod(tokens, last + 1) { continue }
                // "the San Francisco 49ers": a team.
                if last + 2 < tokens.count, tokens[last + 1].kind == .number, tokens[last + 2].kind == .word, !tokens[last + 2].spaceBefore { continue }
                // ("в Жанаозене Мангистауской области": a capitalised word before a region word names
                // the city's region, not a longer name.)
                let region = last + 2 < tokens.count && tokens[last + 2].kind == .word && grammar.regionWords.contains(tokens[last + 2])
                if !possessive, last + 1 < tokens.count, tokens[last + 1].kind == .word,
                   (tokens[last + 1].capitalized && !grammar.cityRoleWords.contains(tokens[last + 1]) && !region)
                    || grammar.landmarkWords.contains(tokens[last + 1]) { continue }
                // Russian cities take "в"; "на Болотной" is a square, "на Пушкинской" a street.
                if first > 0, grammar.notCityPrepositions.contains(tokens[first - 1]) { continue }
                // «Болотное дело», ОВД «Центральный»: a name in quotes is a thing's.
                if first > 0, tokens[first - 1].hasText("«") { continue }
                // "…, Hale said": a name that is the whole of who speaks is a person's (or a
                // government's, "Moscow said"), not where the figures are.
                if let excluded, excluded == first..<(last + 1), !m.afterPreposition { continue }
                // A capitalised word at the start of a sentence may be any word ("Как", "More").
                if m.sentenceInitial, !m.afterPreposition, last == first, gazetteer.population(of: best) < 100_000 { continue }
                if letters.count < 3 { continue }
            }
            // "the Oslo-based group", "pro-Palestinian", "anti-Russian": a place inside a compound
            // describes something else.
            if last + 2 < tokens.count, tokens[last + 1].hasText("-"), !tokens[last + 1].spaceBefore,
               lexicon.adjectiveCompounds.match(tokens, at: last + 2) != nil { continue }
            if first >= 2, tokens[first - 1].hasText("-"), !tokens[first - 1].spaceBefore, !tokens[first].spaceBefore,
               tokens[first - 2].kind == .word, !tokens[first - 2].capitalized { continue }
            var found = SentencePlace(first: first, last: last, place: m.best, indirect: m.form == .adjective)
            found.afterPreposition = m.afterPreposition
            // "In Marseille, France's second city,": the country of a city described, not another place.
            if best.level == .country, first >= 2, tokens[first - 1].hasText(","), let city = result.last, city.last == first - 2,
               city.place.level == .city, tokens[last].hasSuffix("'s") { continue }  // (a token's text reads ’ as ')
            if m.form == .adjective || best.level == .country {
                // "three British citizens", "150 Russian fans", "граждан Польши": where the people are
                // from, not where they are.
                if m.form == .adjective, last + 1 < tokens.count, isPeopleNoun(tokens, at: last + 1) { continue }
                // "nine Egyptians", "25 россиян": a demonym a figure counts.
                if m.form == .adjective, first > 0, tokens[first - 1].kind == .number || lexicon.numbers.isNumberWord(tokens[first - 1]) { continue }
                if m.form == .name, first > 0, Self.nationality(before: first, tokens, grammar: grammar) || origin(before: first, tokens) {
                    originEnd = last
                    continue
                }
                // "people from Iran, China and Russia", "from Italy, the Netherlands": the rest of a list of origins.
                if m.form == .name, originEnd >= 0, first > originEnd + 1, first - originEnd <= 4,
                   tokens[(originEnd + 1)..<first].allSatisfy({ $0.hasText(",") || grammar.and.contains($0) || grammar.numberListJoiners.contains($0)
                       || grammar.articles.contains($0) }) {
                    originEnd = last
                    continue
                }
                // "Russian-led", "Iranian-backed": the nationality describes something else.
                if last + 2 < tokens.count, tokens[last + 1].hasText("-"), !tokens[last + 1].spaceBefore,
                   lexicon.adjectiveCompounds.match(tokens, at: last + 2) != nil { continue }
                // "Sudan doctors say…", "Kazakhstan's president's office": who speaks or acts, not where.
                if !m.afterPreposition, last + 1 < tokens.count, lexicon.institutions.match(tokens, at: last + 1) != nil {
                    found.institutional = true
                }
                // "по статье 294 УК Украины": the country of a code or a ministry.
                if m.form == .name, lexicon.institutionsBefore.match(tokens, endingBefore: first) != nil { found.institutional = true }
            }
            // Inside the source's name ("МВД России", "Iranian media") a place is weaker evidence.
            if let excluded, excluded.contains(first) {
                // "белорусского МВД", "Iranian media": the source's nationality says nothing of the figure.
                if m.form == .adjective { continue }
                found.weak = true
            }
            found.mention = index
            result.append(found)
        }
        // "Trafalgar Square", "на Болотной площади": a landmark places the figure in its city.
        for m in lexicon.landmarks.mayOccur(in: phraseStarts) ? lexicon.landmarks.matches(tokens, in: 0..<tokens.count) : [] {
            let last = m.start + m.length - 1
            guard let place = landmarks[m.value] else { continue }
            // A landmark that holds a name is the place, not the name in it ("the U.S. Capitol").
            let overlapping = result.indices.filter { result[$0].first <= last && m.start <= result[$0].last }
            if !overlapping.isEmpty {
                guard overlapping.allSatisfy({ result[$0].first >= m.start && result[$0].last <= last && result[$0].last - result[$0].first < last - m.start }) else { continue }
                for k in overlapping.reversed() {
                    result.remove(at: k)
                }
            }
            var found = SentencePlace(first: m.start, last: last, place: place, indirect: false)
            if let excluded, excluded.contains(m.start) { found.weak = true }
            result.append(found)
        }
        var countryWords = !lexicon.countryWords.mayOccur(in: phraseStarts) ? []
            : lexicon.countryWords.matches(tokens, in: 0..<tokens.count).map { $0.start...($0.start + $0.length - 1) }
        // "across Kenya", "по всей России": the whole of a country.
        let countrySpans = result.filter { p in
            p.place.level == .country && p.first > 0 && tokens[p.first - 1].kind == .word && grammar.countrySpans.contains(tokens[p.first - 1])
        }.map { ($0.first - 1)...$0.last }
        // "in 38 Russian cities", "в 85 городах": so many places stand for their country.
        for k in (lexicon.placeCounts.mayOccur(in: phraseStarts) ? tokens.indices.dropLast() : 0..<0) where tokens[k].kind == .number
            || (tokens[k].kind == .word && lexicon.numbers.mayStart(tokens[k]) && lexicon.numbers.isNumberWord(tokens[k])) {
            if let w = ((k + 1)...min(k + 2, tokens.count - 1)).first(where: { tokens[$0].kind == .word && grammar.placeCounts.contains(tokens[$0]) }),
               w == k + 1 || tokens[k + 1].kind == .word, (Int(tokens[k].text) ?? 2) > 1 {
                countryWords.append(k...w)
            }
        }
        return PlaceDraft(
            found: result, names: mentions,
            countryWords: countryWords,
            capitalWords: !lexicon.capitalWords.mayOccur(in: phraseStarts) ? []
                : lexicon.capitalWords.matches(tokens, in: 0..<tokens.count).map { $0.start...($0.start + $0.length - 1) },
            countrySpans: countrySpans, persons: personNames)
    }

    /// Whether a noun of people starts at `k` ("fans", "citizens", "журналистов"), not of forces:
    /// "Nigerian soldiers", "Russian police" act in their own country.
    func isPeopleNoun(_ tokens: [Token], at k: Int) -> Bool {
        if let w = lexicon.who.match(tokens, at: k), let group = w.value { return group != .police }
        return lexicon.kindNouns.match(tokens, at: k) != nil
    }

    /// "people from Iran", "граждане из Ирана": a country after people and a preposition of origin.
    func origin(before first: Int, _ tokens: [Token]) -> Bool {
        let k = first - 1
        guard k >= 1, tokens[k].kind == .word, grammar.originPrepositions.contains(tokens[k]),
              let who = lexicon.who.match(tokens, endingBefore: k) else { return false }
        return who.value != nil
    }

    /// "citizens of Russia", "граждан Польши", "nationals of": a country named as where people are from.
    static func nationality(before first: Int, _ tokens: [Token], grammar: Grammar) -> Bool {
        var k = first - 1
        if k > 0, grammar.kinOf.contains(tokens[k]) { k -= 1 }
        return tokens[k].kind == .word && grammar.nationalityWords.contains(tokens[k])
    }

    /// The first token that ends after byte `offset` (`tokens.firstIndex { $0.end > offset }`): tokens
    /// lie in text order without overlapping, so their ends rise and a binary search finds it.
    static func firstToken(endingAfter offset: Int, _ tokens: [Token]) -> Int? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].end > offset { high = mid } else { low = mid + 1 }
        }
        return low < tokens.count ? low : nil
    }

    /// The last token that starts before byte `offset` (`tokens.lastIndex { $0.start < offset }`).
    static func lastToken(startingBefore offset: Int, _ tokens: [Token]) -> Int? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? low - 1 : nil
    }

    /// The cities of every landmark entry of the lexicons that the gazetteer knows (an entry it
    /// does not know has none, and places no figure).
    static func landmarkCities(_ lexicons: some Sequence<Lexicon>, _ gazetteer: Gazetteer) -> [String: Place] {
        var cities: [String: Place] = [:]
        for lexicon in lexicons {
            for entry in Set(lexicon.landmarks.phrases.map(\.value)) { cities[entry] = landmarkCity(entry, gazetteer) }
        }
        return cities
    }

    /// The city of a landmark entry, written "Name/CC" (the country fixes which Moscow).
    static func landmarkCity(_ entry: String, _ gazetteer: Gazetteer) -> Place? {
        guard !entry.isEmpty else { return nil }
        let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
        return gazetteer.place(named: parts[0], countryHint: parts.count > 1 ? parts[1] : nil)
    }

    /// For each candidate, the places it covers (several for a distributive figure); empty when
    /// the sentence names none.
    func assign(_ candidates: [Candidate], _ places: [SentencePlace], _ tokens: [Token], country: String?) -> [[Place]] {
        var result = Array(repeating: [Place](), count: candidates.count)
        guard !places.isEmpty else { return result }
        // Distances, shortest first; each place serves one figure until every figure has one.
        var pairs: [(c: Int, p: Int, d: Int)] = []
        pairs.reserveCapacity(candidates.count * places.count)
        for (ci, c) in candidates.enumerated() {
            for (pi, p) in places.enumerated() {
                var d = KindFinder.distance(tokens, c.first...c.last, p.first...p.last, grammar: grammar)
                if p.indirect { d += 2 }
                if p.weak { d += 20 }
                if p.last < c.first { d += 1 }
                // "17 were killed in Kathmandu and two in the city of Itahari": a place between two
                // figures, across "and" from the later one, is the earlier one's.
                if p.last < c.first, candidates.contains(where: { $0.last < p.first }),
                   tokens[(p.last + 1)..<c.first].contains(where: { $0.kind == .word && grammar.and.contains($0) }) { d += 4 }
                if Self.dashed(c, p, tokens) { d = 0 }
                if let own = country, p.place.country != own, p.place.level == .city || p.place.country != nil { d += 6 }
                // "Azerbaijan has detained six journalists … in Baku": a country that acts yields to a
                // city of its own that the sentence places things in (the most specific place).
                if p.place.level == .country, !p.afterPreposition, !p.indirect,
                   places.contains(where: { $0.place.level == .city && $0.afterPreposition && $0.place.country == p.place.country }) { d += 6 }
                pairs.append((ci, pi, d))
            }
        }
        pairs.sort { $0.d < $1.d || ($0.d == $1.d && $0.p > $1.p) }
        // The figure that took each place (-1: none; `Int.min`: used by another figure's list),
        // and which figures have a place: a sentence has a few of each.
        var takenBy = [Int](repeating: -1, count: places.count)
        var done = [Bool](repeating: false, count: candidates.count)
        for pair in pairs where !done[pair.c] && takenBy[pair.p] == -1 && pair.d <= 30 {
            result[pair.c] = [places[pair.p].place]
            done[pair.c] = true
            takenBy[pair.p] = pair.c
            if candidates[pair.c].distributive {
                // "100 each in Moscow and St Petersburg": every place of the coordinated list.
                for q in coordinated(places, around: pair.p, tokens) where q != pair.p {
                    result[pair.c].append(places[q].place)
                    if takenBy[q] == -1 { takenBy[q] = .min }
                }
            } else if let list = listOfCities(places, around: pair.p, tokens), let whole = gazetteer.country(code: list.country) {
                // "задержали 2800 человек в Москве, Петербурге и Екатеринбурге": one figure for a
                // list of cities covers their country.
                result[pair.c] = [whole]
                for q in list.members where takenBy[q] == -1 { takenBy[q] = .min }
            }
        }
        // Figures left over share the nearest place, a place inside the source's name ("по данным
        // МВД РФ") only when the sentence has no other.
        for (ci, c) in candidates.enumerated() where !done[ci] {
            func cost(_ p: SentencePlace) -> Int {
                KindFinder.distance(tokens, c.first...c.last, p.first...p.last, grammar: grammar) + (p.weak ? 1000 : 0)
            }
            guard let n = places.indices.min(by: { cost(places[$0]) < cost(places[$1]) }) else { continue }
            // "22 people died, 19 of them in Nairobi", "164, из них 103 — в Алматы": a whole whose
            // part took the place inside its own phrase is in the place's country, not in that city
            // (after the part's aside, "Twelve people, including two children, were shot in
            // Chicago", the place is the whole's too).
            if case let part = takenBy[n], part >= 0, isPart(candidates[part], of: c, tokens), places[n].place.level == .city,
               places[n].first > candidates[part].last,
               !tokens[(candidates[part].last + 1)..<places[n].first].contains(where: { $0.hasText(",") }),
               let code = places[n].place.country, let whole = gazetteer.country(code: code) {
                result[ci] = [whole]
                continue
            }
            result[ci] = [places[n].place]
        }
        return result
    }

    /// Whether `part` is a part of the figure `whole` before it: "19 of them", "из них 103",
    /// "including two", "в том числе 5" (a subset word right before it, its qualifier aside; not
    /// "of" alone: "the shooting of 15 people").
    func isPart(_ part: Candidate, of whole: Candidate, _ tokens: [Token]) -> Bool {
        guard part.first > whole.last else { return false }
        let kinds = KindFinder(lexicon: lexicon)
        if kinds.partOfThem(part, tokens) || kinds.afterPartOfThem(part, tokens) { return true }
        var k = part.first
        if let q = lexicon.qualifiers.match(tokens, endingBefore: k) { k -= q.length }
        guard k - 1 > whole.last else { return false }
        let before = tokens[k - 1]
        return before.kind == .word && grammar.subsetWords.contains(before) && !grammar.partitiveWords.contains(before)
    }

    /// "502 — в Москве и 524 — в Петербурге", "в Москве — 29": a figure and a place with only a
    /// dash between them (and the place's own preposition): the dash stands for the verb left out,
    /// and binds the two closer than any place across a comma or "и".
    static func dashed(_ c: Candidate, _ p: SentencePlace, _ tokens: [Token]) -> Bool {
        let gap = c.last < p.first ? (c.last + 1)..<p.first : p.last < c.first ? (p.last + 1)..<c.first : 0..<0
        guard let dash = gap.first(where: { KindFinder.dashMarks.contains(tokens[$0]) }) else { return false }
        return gap.allSatisfy { k in
            k == dash || (p.afterPreposition && k == p.first - 1 && k > dash && tokens[k].kind == .word)
        }
    }

    /// The list of two or more cities of one country that `index` is part of, joined by "and", "и"
    /// (commas alone join "Brooklyn, New York", a city and where it is).
    func listOfCities(_ places: [SentencePlace], around index: Int, _ tokens: [Token]) -> (members: [Int], country: String)? {
        let group = coordinated(places, around: index, tokens)
        guard group.count >= 2, let country = places[index].place.country,
              group.allSatisfy({ places[$0].place.level == .city && places[$0].place.country == country }),
              Set(group.map { places[$0].place.name }).count == group.count,
              let first = group.first, let last = group.last,
              tokens[places[first].last..<places[last].first].contains(where: { $0.kind == .word && grammar.and.contains($0) })
        else { return nil }
        return (Array(group), country)
    }

    /// Places joined to `index` by "and", "и", commas or prepositions only: the indices around it
    /// as far as the joins go on either side.
    func coordinated(_ places: [SentencePlace], around index: Int, _ tokens: [Token]) -> ClosedRange<Int> {
        let joiners = grammar.placeListJoiners
        func joined(_ a: SentencePlace, _ b: SentencePlace) -> Bool {
            guard a.last < b.first else { return false }
            return tokens[(a.last + 1)..<b.first].allSatisfy { $0.hasText(",") || $0.hasText("&") || joiners.contains($0) } && b.first - a.last <= 4
        }
        var low = index, high = index
        while low > 0, joined(places[low - 1], places[low]) { low -= 1 }
        while high + 1 < places.count, joined(places[high], places[high + 1]) { high += 1 }
        return low...high
    }

    /// How many letters a name has and whether none is lower case ("BISHKEK"): ASCII and the basic
    /// Cyrillic letters (U+0400–U+045F) read byte by byte, other text by its characters.
    static func letters(of surface: String) -> (count: Int, capitals: Bool) {
        var count = 0
        var capitals = true
        var bytes = surface.utf8.makeIterator()
        while let b = bytes.next() {
            if b >= 0x80 {
                // Ѐ–Я (D0 80–AF) are capitals, а–џ (D0 B0–BF, D1 80–9F) small letters.
                guard b == 0xD0 || b == 0xD1, let c = bytes.next(), c >= 0x80, c <= 0xBF, b == 0xD0 || c <= 0x9F else {
                    let all = surface.filter(\.isLetter)
                    return (all.count, all.allSatisfy(\.isUppercase))
                }
                count += 1
                if b == 0xD1 || c >= 0xB0 { capitals = false }
                continue
            }
            if b >= 97 && b <= 122 { count += 1; capitals = false }
            if b >= 65 && b <= 90 { count += 1 }
        }
        return (count, capitals)
    }
}
