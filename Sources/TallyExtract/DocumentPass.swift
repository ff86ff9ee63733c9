import TallyCore
import TallyGeo
import TallyText

/// One reading of one document: its sentences, their figures, sources, places and dates, handed
/// to `ClaimAssembly` to become claims.
struct DocumentPass {
    let document: Document
    let bytes: [UInt8]
    let lexicon: Lexicon
    let names: SourceNames
    let gazetteer: Gazetteer
    let landmarks: [String: Place]

    struct Sentence {
        var range: Range<Int>
        var tokens: [Token]
        /// The phrase lists that may have a phrase in the sentence (see `PhraseList.mayOccur(in:)`).
        var phraseStarts: UInt64 = .max
    }

    init(document: Document, bytes: [UInt8], lexicon: Lexicon, names: SourceNames, gazetteer: Gazetteer, landmarks: [String: Place]) {
        self.document = document
        self.landmarks = landmarks
        self.bytes = bytes
        self.lexicon = lexicon
        self.names = names
        self.gazetteer = gazetteer
    }

    func run() -> [Claim] {
        let furniture = FurnitureRanges.ranges(in: bytes)
        let ranges = SentenceSplitter.sentences(bytes)
        var read: [Sentence] = []
        read.reserveCapacity(ranges.count)
        for r in ranges where !furniture.contains(where: { $0.contains(r.lowerBound) }) {
            var tokens = Tokenizer.tokens(bytes, in: r)
            let starts = lexicon.annotate(&tokens)
            read.append(Sentence(range: r, tokens: tokens, phraseStarts: starts))
        }
        let sentences = Self.withoutGalleries(read, bytes: bytes, grammar: lexicon.grammar)
        guard !sentences.isEmpty else { return [] }

        // What each sentence counts, first: it needs neither places nor sources, and a document
        // that states no figure (most of a news feed) needs no more reading.
        let counted = figures(sentences)
        guard counted.contains(where: { $0.contains { $0.kind != nil } }) else { return [] }

        let placeFinder = PlaceFinder(lexicon: lexicon, gazetteer: gazetteer, landmarks: landmarks)
        let dateReader = DateReader(lexicon: lexicon)
        let attribution = AttributionFinder(lexicon: lexicon, names: names)

        // The place names of each sentence.
        let mentions = gazetteer.mentions(inUTF8: bytes, ranges: sentences.map(\.range))

        // Who each sentence quotes; the source's own words ("МВД России") are not places of figures.
        let attributions = zip(sentences, mentions).map { s, places in
            Self.notAHeadlinePlace(attribution.find(s.tokens, bytes: bytes, phraseStarts: s.phraseStarts), s, places)
        }
        // Clauses of a contrast with sources of their own ("Police said 5,000 …, while organisers put …").
        let clauseSources = zip(sentences, counted).map { s, found in
            found.count < 2 ? [] : attribution.clauseSources(s.tokens, figures: found.map(\.first), bytes: bytes)
        }

        // The document's country and main place (see StoryPlace).
        let story = StoryPlace.find(sentences: sentences, mentions: mentions, attributions: attributions,
                                    url: document.url, bytes: bytes, placeFinder: placeFinder, gazetteer: gazetteer, lexicon: lexicon)
        // "ГУВД Бишкека", "пресс-служба ГУВД города": a police body printed with the city it serves.
        let placedAttributions = zip(sentences.indices, attributions).map { n, a in
            Self.cityPolice(a, sentences[n], mentions[n], storyCity: story.city ?? (story.place?.level == .city ? story.place : nil), grammar: lexicon.grammar)
        }

        var documentYear: Int? = nil
        search: for s in sentences {
            for t in s.tokens where t.kind == .number && t.stored.count == 4 {
                if let y = Int(t.text), y >= 1900, y <= 2100 {
                    documentYear = y
                    break search
                }
            }
        }
        // "(Published Thursday, May 16, 2013)", "Updated 5 p.m.": the page's stamps are no event's day.
        // Read only where needed: up to the first dated sentence, and in sentences with figures.
        // A street named for a day ("на улице 22 Апреля") is no date.
        func eventDates(_ read: [DateReader.Found], _ s: Sentence) -> [DateReader.Found] {
            read.filter { d in
                !(max(0, d.token - 3)..<d.token).contains { lexicon.dateStamps.match(s.tokens, at: $0) != nil }
                    && !Self.inDateline(s.tokens, before: d.first, bytes: bytes)
                    && !(d.first > 0 && s.tokens[d.first - 1].kind == .word && lexicon.grammar.streetWords.contains(s.tokens[d.first - 1]))
            }
        }
        func dates(_ s: Sentence) -> [DateReader.Found] {
            eventDates(dateReader.dates(s.tokens, published: document.published, documentYear: documentYear), s)
        }
        // The story's day: the first it states of events ("Authorities said in a statement Monday
        // that …" above "shot Friday morning" tells when it was said).
        // A line of nothing but a date and a time ("14 мая 2019, 09:12") stamps the page: the
        // story's day only when the story states none of its own ("в понедельник, 13 мая").
        // So is a dateline's date ("САМАРА, 23 января. /ТАСС/."), the day the story was filed.
        // (Each sentence's dates are read once here, the dateline's among them.)
        var defaultDate: Day? = nil
        var stampDate: Day? = nil
        var datelineDate: Day? = nil
        for (n, s) in sentences.enumerated() {
            let read = dateReader.dates(s.tokens, published: document.published, documentYear: documentYear)
            if n < 4, datelineDate == nil { datelineDate = read.first { Self.inDateline(s.tokens, before: $0.first, bytes: bytes) }?.day }
            if let first = eventDates(read, s).first(where: { !dateReader.isDayOfSaying($0, s.tokens) }) {
                if Self.isStampLine(s.tokens, lexicon: lexicon) {
                    stampDate = stampDate ?? first.day
                    continue
                }
                defaultDate = first.day
                break
            }
        }
        defaultDate = defaultDate ?? stampDate ?? datelineDate

        // "Two officials said 40 people were arrested": a figure inside who speaks counts the
        // speakers, no one the story is about.
        let spoken = zip(counted, placedAttributions).map { found, a -> [Candidate] in
            guard let phrase = a?.phrase, !phrase.isEmpty, case .named = a?.found else { return found }
            func speaks(_ c: Candidate) -> Bool { phrase.contains(c.first) && phrase.contains(c.last) }
            return found.contains(where: speaks) ? found.filter { !speaks($0) } : found
        }
        return ClaimAssembly(document: document, bytes: bytes, lexicon: lexicon, sentences: sentences, counted: spoken,
                             attributions: placedAttributions, clauseSources: clauseSources, story: story, placeFinder: placeFinder,
                             dateReader: dateReader, dates: dates, defaultDate: defaultDate).claims()
    }

    /// "МИНСК, 10 августа. /ТАСС/ —", "NAIROBI, June 26 (Reuters) —": a date right after the
    /// capitals of a dateline tells when the story was filed, not when its events happened.
    static func inDateline(_ tokens: [Token], before first: Int, bytes: [UInt8]) -> Bool {
        guard first >= 2, first <= 5, tokens[first - 1].hasText(",") else { return false }
        return tokens[..<(first - 1)].allSatisfy { t in t.kind == .word ? isCapitals(t, bytes: bytes) : t.hasText("-") }
    }

    /// Whether a word is written in capitals, as a dateline's place is ("МИНСК", "NAIROBI"): two
    /// letters or more, none of them lower-case.
    static func isCapitals(_ t: Token, bytes: [UInt8]) -> Bool {
        t.kind == .word && t.capitalized && t.end - t.start >= 2 && !bytes[t.start..<t.end].contains(where: isLowerCaseByte)
    }

    /// Whether a sentence is only a page's time stamp: numbers, marks, month and weekday names and
    /// time words ("14 мая 2019, 09:12", "June 3, 2024 10:15 am"), with a month among them.
    static func isStampLine(_ tokens: [Token], lexicon: Lexicon) -> Bool {
        var month = false
        for (k, t) in tokens.enumerated() where t.kind == .word {
            if lexicon.month(t) != nil { month = true; continue }
            if lexicon.weekdays.match(tokens, at: k) != nil || lexicon.grammar.timesAfterNumber.contains(t) || lexicon.grammar.timeLetters.contains(t) { continue }
            return false
        }
        return month
    }

    /// Whether a byte of a word starts a lower-case letter: ASCII a–z, or the lead or second byte
    /// of a lower-case Cyrillic letter (а–п: D0 B0–BF; р–я, ё: D1 80–91).
    static func isLowerCaseByte(_ b: UInt8) -> Bool {
        b >= 0x61 && b <= 0x7A || (b >= 0xB0 && b <= 0xBF) || b == 0xD1
    }

    /// A source whose name holds `SourceNames.cityPlaceholder` ("{city} police": "ГУВД", "УВД",
    /// "полиция города") with the city it serves: a city named in the source's phrase or right
    /// after it ("ГУВД Бишкека"), else the story's city; plain "police" when neither is known.
    static func cityPolice(_ found: AttributionFinder.Result?, _ s: Sentence, _ places: [PlaceMention], storyCity: Place?,
                           grammar: Grammar) -> AttributionFinder.Result? {
        guard var found, case .named(var source) = found.found, source.name.includes(SourceNames.cityPlaceholder) else { return found }
        let from = found.phrase.isEmpty ? 0 : s.tokens[found.phrase.lowerBound].start - s.range.lowerBound
        let last = min(found.phrase.upperBound, s.tokens.count - 1)
        let to = s.tokens.isEmpty ? 0 : s.tokens[last].end - s.range.lowerBound
        // (Not a region named for its city: "ГУ МВД по Свердловской области".)
        func region(after m: PlaceMention) -> Bool {
            guard let next = s.tokens.first(where: { $0.start >= s.range.lowerBound + m.span.end }) else { return false }
            return next.kind == .word && grammar.regionWords.contains(next)
        }
        let named = places.first { $0.form == .name && $0.span.start >= from && $0.span.end <= to && $0.best.level == .city && !region(after: $0) }?.best
        // "{city} police|regional Interior Ministry" names its area: no city of its own, no story's city.
        source.name = Self.cityPolice(source.name, city: source.name.includes("|") ? named : named ?? storyCity)
        found.found = .named(source)
        return found
    }

    /// The name with its `{city}` filled in, or without it when the city is unknown ("police",
    /// "city hall"; a name with a second form after "|" takes that form then).
    static func cityPolice(_ name: String, city: Place?) -> String {
        guard name.includes(SourceNames.cityPlaceholder) else { return name }
        let parts = name.split(separator: "|", maxSplits: 1).map(String.init)
        if parts.count == 2 { return city.map { cityPolice(parts[0], city: $0) } ?? parts[1] }
        guard let city else { return name.replacing(SourceNames.cityPlaceholder + " ", with: "") }
        return name.replacing(SourceNames.cityPlaceholder, with: city.name)
    }

    /// "Russia: Over 1,300 Detained": a place before a headline's colon says where, not who
    /// (`AttributionFinder` reads "Sudan doctors: One dead" as a source). Nil for such a source.
    static func notAHeadlinePlace(_ found: AttributionFinder.Result?, _ s: Sentence, _ places: [PlaceMention]) -> AttributionFinder.Result? {
        guard let found, case .named = found.found, found.phrase.lowerBound == 0, !found.phrase.isEmpty,
              found.phrase.upperBound < s.tokens.count, s.tokens[found.phrase.upperBound].hasText(":") else { return found }
        let start = s.tokens[0].start - s.range.lowerBound, end = s.tokens[found.phrase.upperBound - 1].end - s.range.lowerBound
        return places.contains { $0.form == .name && $0.span.start == start && $0.span.end == end } ? nil : found
    }

    /// The figures of each sentence with what happened to those they count (`kind`, nil when the
    /// sentence says nothing of it), in text order. What happened carries from one sentence to a
    /// list right below it; a sentence that counts over a year or years keeps only its figures
    /// without a kind.
    func figures(_ sentences: [Sentence]) -> [[Candidate]] {
        let candidateFinder = CandidateFinder(lexicon: lexicon, gazetteer: gazetteer)
        let kindFinder = KindFinder(lexicon: lexicon)
        var carried: ClaimKind? = nil
        var carriedAge = 0
        var result: [[Candidate]] = []
        result.reserveCapacity(sentences.count)
        for s in sentences {
            let read = Self.coordinatedTotals(Self.separateFatal(grammar: lexicon.grammar, kindFinder.assign(candidateFinder.candidates(s.tokens, bytes: bytes), s.tokens, carried: carried), s.tokens), s.tokens,
                                               grammar: lexicon.grammar)
            // What happened carries to a list right below it. (Carrying it past a sentence without
            // figures found lists in Russian quotes but counted numbered lists in shooting news.)
            if let kind = read.last?.kind {
                carried = kind
                carriedAge = 0
            } else {
                carriedAge += 1
                if carriedAge > 0 { carried = nil }
            }
            // "A total of 344 people were killed in the city last year": a year's count is a total of
            // many events, no event's figure; a year that ranks the event does not make one
            // ("five killed in the deadliest shooting this year").
            // So is a count over years ("in two-and-a-half years", "since January 1, 2014"); a
            // ranking before it keeps the figure too ("the first killing in the city since 2019").
            func ranked(_ start: Int) -> Bool {
                (max(0, start - 5)..<start).contains { k in
                    s.tokens[k].kind == .word && (lexicon.grammar.rankingsAfter.contains(s.tokens[k]) || lexicon.grammar.spanRankings.contains(s.tokens[k]))
                }
            }
            let yearCount = !read.isEmpty && (lexicon.yearTotals.matches(s.tokens, in: 0..<s.tokens.count).contains { !ranked($0.start) }
                || Self.overYears(s.tokens, lexicon: lexicon, before: document.published?.year).contains { !ranked($0) })
            let found = yearCount ? read.filter { $0.kind == nil } : read
            // Nor does what happened carry from it to the list of those events below it.
            if yearCount { carried = nil }
            result.append(found)
        }
        return result
    }

    /// Sentences outside photo galleries: a paragraph with two or more gallery marks ("Caption",
    /// `grammar.galleryMarks`; "Image 3 of 9", `grammar.galleryCounters`) strings captions together,
    /// of other stories or repeating the article, so its figures are no claims of its own.
    static func withoutGalleries(_ sentences: [Sentence], bytes: [UInt8], grammar g: Grammar) -> [Sentence] {
        // The marks of each sentence's paragraph, counted in one pass; arrays only for a story
        // that has a gallery (most have none).
        func marks(_ s: Sentence) -> Int {
            let t = s.tokens
            var found = 0
            for k in t.indices where t[k].kind == .word {
                if t[k].capitalized, g.galleryMarks.contains(t[k]) { found += 1 }
                if k + 3 < t.count, t[k + 1].kind == .number, t[k + 3].kind == .number, t[k + 2].kind == .word,
                   g.galleryCounters.contains(t[k]), g.galleryOf.contains(t[k + 2]) { found += 1 }
            }
            return found
        }
        func startsParagraph(_ n: Int) -> Bool {
            n > 0 && bytes[sentences[n - 1].range.upperBound..<sentences[n].range.lowerBound].contains(0x0A)
        }
        var paragraph: [Int] = []   // paragraph of each sentence, once a gallery is seen
        var counts: [Int] = []      // marks of each paragraph, likewise
        var current = 0
        var gallery = false
        for n in sentences.indices {
            if startsParagraph(n) {
                if !gallery { current = 0 } else { counts.append(0) }
            }
            let m = marks(sentences[n])
            if !gallery {
                current += m
                guard current >= 2 else { continue }
                // A gallery: count again with every paragraph remembered.
                gallery = true
                var p = 0
                counts = [0]
                for k in 0...n {
                    if startsParagraph(k) { counts.append(0); p += 1 }
                    paragraph.append(p)
                    counts[p] += k == n ? m : marks(sentences[k])
                }
                continue
            }
            paragraph.append(counts.count - 1)
            counts[counts.count - 1] += m
        }
        guard gallery else { return sentences }
        return sentences.indices.filter { counts[paragraph[$0]] < 2 }.map { sentences[$0] }
    }

    /// Whether a sentence counts over years: "in two-and-a-half years", "the past five years"
    /// (`grammar.yearSpanLeads`, a number, `grammar.yearSpanWords`), or from or to a day of a year
    /// before `before`, the year of publication ("since January 1, 2014", "through May 2009";
    /// `grammar.yearSpanEdges`). Like a year's count, such a total is no event's figure.
    /// Returns where each such span starts.
    static func overYears(_ tokens: [Token], lexicon: Lexicon, before: Int?) -> [Int] {
        let g = lexicon.grammar
        var spans: [Int] = []
        for (k, t) in tokens.enumerated() where t.kind == .word {
            if g.yearSpanWords.contains(t) {
                // Back over the number ("five", "10", "two-and-a-half") and an article ("the past five").
                var j = k - 1
                var number = false
                while j >= 0, tokens[j].kind == .number || lexicon.numbers.isNumberWord(tokens[j]) || tokens[j].hasText("-")
                        || (g.and.contains(tokens[j]) && tokens[j + 1].hasText("-")) || g.articles.contains(tokens[j]) {
                    if tokens[j].kind == .number || lexicon.numbers.isNumberWord(tokens[j]) { number = true }
                    j -= 1
                }
                if number, j >= 0, tokens[j].kind == .word, g.yearSpanLeads.contains(tokens[j]) { spans.append(j) }
            } else if let before, g.yearSpanEdges.contains(t) {
                // A year among the next four tokens ("since January 1, 2014").
                if tokens[(k + 1)..<min(tokens.count, k + 5)].contains(where: { u in
                    u.kind == .number && u.text.utf8.count == 4 && Int(u.text).map { $0 >= 1900 && $0 < before } == true
                }) { spans.append(k) }
            }
        }
        return spans
    }

    /// "Five people were shot, two of them fatally": those hit by gunfire include the dead, so the
    /// injured are the shot less the killed of the same sentence.
    /// "One is dead and three others were shot": the others are not among the dead.
    static func separateFatal(grammar: Grammar, _ found: [Candidate], _ tokens: [Token]) -> [Candidate] {
        guard let killed = found.first(where: { $0.kind == .killed && $0.value != nil })?.value else { return found }
        return found.map { c in
            guard c.kind == .injured, grammar.isGunshot(c.trigger, suffix: true), let v = c.value, v > killed, c.valueHigh == nil else { return c }
            if countsOthers(c, tokens, grammar) { return c }
            var copy = c
            copy.value = v - killed
            return copy
        }
    }

    /// "Four women and one man were shot", "a man and a woman were killed": the people of a list
    /// joined by "and" add up. The total (implicit, of people) comes first, so a tally that takes
    /// a document's first figure takes the whole; the parts stay as claims of their own.
    /// Whether a figure counts the others ("three other people", "four others", "the other two"), not everyone.
    static func countsOthers(_ c: Candidate, _ tokens: [Token], _ grammar: Grammar) -> Bool {
        let after = (c.last + 1)..<min(tokens.count, max(c.last + 1, (c.headToken ?? c.last) + 2))
        if c.first > 0, tokens[c.first - 1].kind == .word, grammar.others.contains(tokens[c.first - 1]) { return true }
        return tokens[after].contains { $0.kind == .word && grammar.others.contains($0) }
    }

    /// Words before the list that make it a breakdown of a figure already given ("of whom 347 men
    /// and 73 women", `grammar.breakdownWords`) add no total.
    static func coordinatedTotals(_ found: [Candidate], _ tokens: [Token], grammar: Grammar) -> [Candidate] {
        guard found.count >= 2 else { return found }
        var result: [Candidate] = []
        var k = 0
        while k < found.count {
            var end = k
            while end + 1 < found.count, joins(found[end], found[end + 1], tokens, grammar: grammar) { end += 1 }
            let run = found[k...end]
            let heads = Set(run.compactMap { $0.headToken.map { tokens[$0].text } })
            let lead = tokens[max(0, found[k].first - 3)..<found[k].first]
            // Only a split by sex or age adds up ("four women and one man", "two girls and two boys");
            // "nine journalists and 33 minors" may count the same people twice.
            let groups = Set(run.map(\.who))
            // (Women and children do not overlap either: "a woman and a child were shot".)
            let partition = groups.isSubset(of: [.people, .women, .minors])
            if run.count >= 2, heads.count == run.count, partition, !lead.contains(where: { $0.kind == .word && grammar.breakdownWords.contains($0) }) {
                var total = found[k]
                total.last = found[end].last
                total.value = run.reduce(0) { $0 + ($1.value ?? 0) }
                total.who = .people
                total.implicit = true
                total.headToken = nil
                result.append(total)
                result += run
            } else {
                result += run
            }
            k = end + 1
        }
        return result
    }

    /// Whether `b` follows `a` as the next item of one list of people sharing a verb.
    static func joins(_ a: Candidate, _ b: Candidate, _ tokens: [Token], grammar: Grammar) -> Bool {
        guard let kind = a.kind, b.kind == kind, let head = a.headToken, b.headToken != nil, a.value != nil, b.value != nil,
              a.valueHigh == nil, b.valueHigh == nil, !a.partitive, !b.partitive, head < b.first else { return false }
        let between = tokens[(head + 1)..<b.first]
        // "2 adults, 1 child dead": a comma alone joins groups that cannot overlap, none of them everyone.
        // So do kin of different words ("his wife, 4 daughters").
        if between.count == 1, between.first?.hasText(",") == true, let bh = b.headToken,
           a.who != b.who || grammar.isKin(tokens[head]) && grammar.isKin(tokens[bh]) && tokens[head].text != tokens[bh].text,
           !grammar.wholeGroups.contains(tokens[head]), !grammar.wholeGroups.contains(tokens[bh]) { return true }
        // "his wife and their four children", "a man and a woman": articles and possessives may open the next item.
        return between.count <= 3 && between.contains { grammar.and.contains($0) } && between.allSatisfy {
            $0.hasText(",") || grammar.and.contains($0) || grammar.articles.contains($0) || grammar.possessives.contains($0)
        }
    }
}
