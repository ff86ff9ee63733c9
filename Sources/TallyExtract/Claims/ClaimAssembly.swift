import TallyCore
import TallyText

/// Turns the figures of a document's sentences into claims: each figure with its place, day and
/// source, the sources flowing from sentence to sentence as a reader follows them (`SourceFlow`:
/// "It also said", a paragraph's source, a source named just after its figures); then the corrections that
/// need the whole story ("Four people were shot. … Caudill died": the injured are the shot less
/// the dead).
///
/// `DocumentPass` reads the sentences, their figures, sources and the story's place; this only
/// puts them together.
struct ClaimAssembly {
    let document: Document
    let bytes: [UInt8]
    let lexicon: Lexicon
    let sentences: [DocumentPass.Sentence]
    /// What each sentence counts (`DocumentPass.figures(_:)`).
    let counted: [[Candidate]]
    /// Who each sentence quotes.
    let attributions: [AttributionFinder.Result?]
    /// The clauses of each sentence that quote sources of their own (`AttributionFinder.clauseSources`).
    let clauseSources: [[AttributionFinder.ClauseSource]]
    let story: StoryPlace
    let placeFinder: PlaceFinder
    /// Reads the sentences' dates; tells the day of a saying from the day of events.
    let dateReader: DateReader
    /// The dates a sentence states, the page's own stamps left out.
    let dates: (DocumentPass.Sentence) -> [DateReader.Found]
    /// The story's day: the first date it states.
    let defaultDate: Day?

    /// The claims, in text order, a figure repeated in the document given once.
    func claims() -> [Claim] {
        // (A police body a clause named, "{city} police", serves the story's city; one that names
        // its area, "{city} police|regional Interior Ministry", did not name a city there.)
        let city = story.city ?? (story.place?.level == .city ? story.place : nil)
        // (Claims are changed in place here and below: copying every claim to change a few
        // counted a reference for each of its strings, three times over.)
        var claims = sentenceClaims()
        for k in claims.indices {
            guard let name = claims[k].source?.name, name.includes(SourceNames.cityPlaceholder) else { continue }
            claims[k].source?.name = DocumentPass.cityPolice(name, city: name.includes("|") ? nil : city)
        }
        return Self.merge(Self.namedSources(claims, pluralWords: lexicon.grammar.pluralSourceWords))
    }

    /// Each sentence's claims, in text order, with the story's source and its corrections.
    func sentenceClaims() -> [Claim] {
        let country = story.country
        let allPlaces = story.sentencePlaces
        let defaultPlace = story.place
        var claims: [Claim] = []
        var sources = SourceFlow()
        // Claims of one person "shot", with no word saying they lived ("wounded", "injured").
        var onlyShot = Set<Int>()
        // Figures of people "shot" that may include the dead of other sentences, by sentence.
        var shotTotals: [Int: Int] = [:]
        // Figures of the other injured ("the other three were wounded"), by sentence.
        var othersInjured: [Int: Int] = [:]
        var sentenceOf: [Int] = []
        // (Room for a claim per figure at once; a figure of several places or groups adds more.)
        let figures = counted.reduce(0) { $0 + $1.count }
        claims.reserveCapacity(figures)
        sentenceOf.reserveCapacity(figures)
        // The last sentence with figures gave a national running total.
        var nationalTotal = false
        for (n, s) in sentences.enumerated() {
            // A new paragraph starts when a line break stands between two sentences.
            if n > 0, bytes[sentences[n - 1].range.upperBound..<s.range.lowerBound].contains(0x0A) {
                sources.startParagraph()
            }
            let sentenceSources = sources.next(attributions[n]?.found, clauses: clauseSources[n], claims: &claims)
            let found = counted[n]
            guard !found.isEmpty else { continue }
            // "Sudan doctors say one shot dead" in a story about Khartoum: the city, not the country.
            // So does a country inside the source's name ("Полиция Армении сообщила…" in a story of Yerevan).
            func yields(_ p: SentencePlace) -> Bool {
                (p.institutional || p.weak && p.place.level == .country) && defaultPlace?.level == .city && defaultPlace?.country == p.place.country
            }
            // (A copy only when a place yields: most sentences keep all of theirs.)
            let places = allPlaces[n].contains(where: yields) ? allPlaces[n].filter { !yields($0) } : allPlaces[n]
            let placed = placeFinder.assign(found, places, s.tokens, country: country)
            let evidence = String(decoding: bytes[s.range], as: UTF8.self)
            let cumulative = lexicon.spanWords.occurs(in: s.tokens, 0..<s.tokens.count)
            // A toll since the coup, or the next toll that answers it ("Opposition groups put the
            // death toll at 40"), covers the whole country when it names no place.
            let longSpan = lexicon.longSpans.occurs(in: s.tokens, 0..<s.tokens.count)
            let national = cumulative && (longSpan || nationalTotal)
            nationalTotal = national
            // "said on Monday that … on Saturday": the day of the saying is not the day of the event.
            // "40 wounded since Friday": the start of a span is not the day of the figure's event
            // (it may still be the story's: "since the Dec. 23 shooting").
            // "by the morning of September 22, 1,308 had been detained": the count's time, after
            // the events; the story's day stands.
            let eventDates = dates(s).filter { d in
                !dateReader.isDayOfSaying(d, s.tokens)
                    && !(max(0, d.token - 2)..<d.token).contains { s.tokens[$0].kind == .word && lexicon.grammar.spanStarts.contains(s.tokens[$0]) }
                    && lexicon.countCutoffs.match(s.tokens, endingBefore: d.first) == nil
            }
            for (c, places) in zip(found, placed) {
                guard let kind = c.kind else { continue }
                let source = sentenceSources.source(ofFigureAt: c.first)
                let date: Day? = {
                    if let nearest = eventDates.min(by: { abs($0.token - c.first) < abs($1.token - c.first) }) { return nearest.day }
                    return cumulative ? nil : defaultDate
                }()
                let numberSpan = TextSpan(start: s.tokens[c.first].start, end: s.tokens[c.last].end)
                let quantity = c.value == nil ? Quantity.vague(c.vague ?? "several")
                    : Quantity(value: c.value, valueHigh: c.valueHigh, qualifier: c.qualifier)
                // A running total with no place of its own covers the whole country.
                let fallback = national ? (story.countryPlace ?? story.totalPlace) : cumulative ? story.totalPlace : defaultPlace
                // "A boy was shot": one of the minors, and one person (an implicit one counts in both).
                let groups = c.implicit && c.value == 1 && c.who != .people ? 2 : 1
                // "three other people", "the other two": not everyone (see `DocumentPass.countsOthers`).
                let others = DocumentPass.countsOthers(c, s.tokens, lexicon.grammar)
                // (Indices, not arrays of the places and groups made for every figure.)
                for k in 0..<max(1, places.count) {
                    let place = places.isEmpty ? fallback : places[k]
                    for g in 0..<groups {
                        let who = g == 0 ? c.who : .people
                        if source == nil { sources.noteUnsourced(claims.count) }
                        if c.implicit, kind == .injured, lexicon.grammar.isGunshot(c.trigger) { onlyShot.insert(claims.count) }
                        if !c.implicit, kind == .injured, who == .people, c.valueHigh == nil, lexicon.grammar.isGunshot(c.trigger, suffix: true),
                           !found.contains(where: { $0.kind == .killed }), !others {
                            shotTotals[claims.count] = n
                        }
                        if kind == .injured, who == .people, c.value != nil, c.valueHigh == nil, others {
                            othersInjured[claims.count] = n
                        }
                        sentenceOf.append(n)
                        claims.append(Claim(
                            doc: document.id, kind: kind, who: who, quantity: quantity, place: place, date: date,
                            source: source, evidence: evidence, span: TextSpan(start: s.range.lowerBound, end: s.range.upperBound),
                            numberSpan: numberSpan, implicit: c.implicit))
                    }
                }
            }
        }
        // The story's source is read from all its figures, those of the shot who died below too.
        claims = Self.documentSource(claims)
        // Whether claim `j`, of another sentence, may be of the event of claim `i`: no word of a
        // separate event in its sentence, and no other place or day.
        func sameEvent(_ j: Int, _ i: Int) -> Bool {
            let k = claims[j]
            return !sentences[sentenceOf[j]].tokens.contains { $0.kind == .word && lexicon.grammar.separateEvents.contains($0) }
                && (k.place == nil || claims[i].place == nil || k.place?.name == claims[i].place?.name)
                && (k.date == nil || claims[i].date == nil || k.date == claims[i].date)
        }
        // "Four people were shot. … Smith died": those shot include the dead of the story's other
        // sentences, so the injured are the shot less the killed of the same place and day.
        var allDead = Set<Int>()
        for (i, n) in shotTotals {
            guard let shot = claims[i].quantity.value else { continue }
            let dead = claims.indices.filter { j in
                claims[j].kind == .killed && sentenceOf[j] != n && claims[j].quantity.valueHigh == nil && sameEvent(j, i)
            }.compactMap { claims[$0].quantity.value }.filter { $0 <= shot }.max()
            // "Four people were found shot in the head. … All four died": none of them lived.
            if dead == shot { allDead.insert(i) } else if let dead { claims[i].quantity = Quantity(value: shot - dead, qualifier: claims[i].quantity.qualifier) }
            // "Four people were shot. … Smith died; the other three were injured": the others of a
            // later sentence are those of the shot who lived, whoever the rest are. ("Three of the
            // victims … and two others", "one is in critical condition, while the other three…":
            // others that add up with a figure of their sentence to the shot are the rest of them.)
            guard !allDead.contains(i), let left = claims[i].quantity.value else { continue }
            let others = othersInjured.filter { j, m in
                m > n && sameEvent(j, i) && (claims[j].quantity.value ?? left) < left
                    && !claims.indices.contains { k in
                        k != j && sentenceOf[k] == m && claims[k].kind == .injured && !claims[k].implicit
                            && claims[k].numberSpan.start < claims[j].numberSpan.start
                            && (claims[k].quantity.value ?? 0) + (claims[j].quantity.value ?? 0) == shot
                    }
            }.compactMap { claims[$0.key].quantity.value }.max()
            if let others { claims[i].quantity = Quantity(value: others, qualifier: claims[i].quantity.qualifier) }
        }
        if !allDead.isEmpty {
            claims = claims.enumerated().filter { !allDead.contains($0.offset) }.map(\.element)
            onlyShot = Set(onlyShot.map { i in i - allDead.filter { $0 < i }.count })
        }
        // "Man shot …" in a story of a man killed: one who was shot and died counts as killed, not
        // injured too. Only a single victim read from "a man was shot" gives way to a death.
        // One of another group than any of the dead ("a woman was shot" where a girl died) stays, with
        // the copy that counts her among all people.
        let deaths = Set(claims.filter { $0.kind == .killed }.map(\.who))
        if !deaths.isEmpty {
            let specific = deaths.contains { $0 != .people }
            let kept = Set(onlyShot.filter { specific && claims[$0].who != .people && !deaths.contains(claims[$0].who) }.map { claims[$0].numberSpan })
            claims = claims.enumerated().filter { !onlyShot.contains($0.offset) || kept.contains($0.element.numberSpan) }.map(\.element)
        }
        return claims
    }

    /// A figure the story gives without saying whose is, in a story that quotes one source for
    /// its figures, that source's ("police said …" above a list of counts).
    /// The classes of source taken to stand behind a story's bare figures.
    static let standsBehindStories: Set<SourceClass> = [.monitoring, .official, .caseRecords]

    static func documentSource(_ claims: consuming [Claim]) -> [Claim] {
        var claims = claims
        // (A list, not a dictionary: a story names a few sources.)
        var counts: [(name: String, count: Int, source: Source)] = []
        for k in claims.indices {
            guard let s = claims[k].source else { continue }
            if let k = counts.firstIndex(where: { $0.name == s.name }) { counts[k].count += 1 } else { counts.append((s.name, 1, s)) }
        }
        // Only a monitor or an authority is taken to stand behind a story's bare figures.
        // A story that names one source for its figures at all gives it the rest ("The Metropolitan
        // Police said … 21 arrests. … eight people arrested on Saturday").
        let only = counts.count == 1
        counts.removeAll { !Self.standsBehindStories.contains($0.source.sourceClass) }
        guard let top = counts.max(by: { $0.count < $1.count }), top.count >= (only ? 1 : 2),
              top.count * 2 > counts.reduce(0, { $0 + $1.count }) else {
            return claims
        }
        for k in claims.indices where claims[k].source == nil { claims[k].source = top.source }
        return claims
    }

    /// "says monitoring group" in a story that names OVD-Info: the generic phrase becomes the
    /// name the story gives for a source of the same class.
    /// `pluralWords` end a source that names several ("human rights groups").
    static func namedSources(_ claims: consuming [Claim], pluralWords: [String]) -> [Claim] {
        var named: [SourceClass: Source] = [:]
        var claims = claims
        for k in claims.indices {
            guard let s = claims[k].source, s.name.first?.isUppercase == true, named[s.sourceClass] == nil else { continue }
            named[s.sourceClass] = s
        }
        for k in claims.indices {
            // "according to human rights groups" names several: no one group stands for them.
            guard let s = claims[k].source, s.sourceClass == .monitoring, s.name.first?.isLowercase == true,
                  !pluralWords.contains(where: { s.name.hasSuffix($0) }),
                  let specific = named[s.sourceClass] else { continue }
            claims[k].source = specific
        }
        return claims
    }

    /// A figure repeated in one document is one claim: the first, with a source from any repeat.
    static func merge(_ claims: [Claim]) -> [Claim] {
        struct Key: Hashable {
            var kind: ClaimKind
            var who: Group
            var value: Int?
            var high: Int?
            var vague: String?
            var place: String?
        }
        var index: [Key: Int] = [:]
        var keys: [Key] = []
        var result: [Claim] = []
        result.reserveCapacity(claims.count)
        // (A document states a handful of figures: their keys are compared in turn, without hashing
        // each one's strings, until there are many.)
        let hashed = claims.count > 16
        if !hashed { keys.reserveCapacity(claims.count) }
        for c in claims {
            let key = Key(kind: c.kind, who: c.who, value: c.quantity.value, high: c.quantity.valueHigh,
                          vague: c.quantity.value == nil ? c.quantity.vague : nil, place: c.place?.name)
            if let i = hashed ? index[key] : keys.firstIndex(of: key) {
                if result[i].source == nil, let s = c.source { result[i].source = s }
                if result[i].date == nil, let d = c.date { result[i].date = d }
                if result[i].implicit, !c.implicit { result[i] = c }
                continue
            }
            if hashed { index[key] = result.count } else { keys.append(key) }
            result.append(c)
        }
        return result
    }
}
