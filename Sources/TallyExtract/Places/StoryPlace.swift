import TallyCore
import TallyGeo
import TallyText

/// Where a story is: its country, the one city it is about (if there is one), and the place a
/// figure gets when its own sentence names none.
///
/// Figures take the most specific place they cover. A story about one city ("Khartoum North",
/// "London") gives that city to figures that name no place and to figures whose sentence names
/// only the country in passing; a story spread over several cities keeps the country.
struct StoryPlace {
    /// ISO code of the country most of the story's places are in.
    var country: String?
    var countryPlace: Place?
    /// The city the story is about, when one city clearly dominates its place names.
    var city: Place?
    /// The default place of the story's figures.
    var place: Place?
    /// The place of a running total ("so far", "в общей сложности") that names none: the story's
    /// one city when it has one, else its country.
    var totalPlace: Place?
    /// Places named in each sentence, resolved with the story's country known.
    var sentencePlaces: [[SentencePlace]]
    /// Sentences that speak of the whole country ("nationwide", "по всей стране").
    var nationalSentences: Set<Int>

    static func find(sentences: [DocumentPass.Sentence], mentions: [[PlaceMention]], attributions: [AttributionFinder.Result?],
                     url: String?, bytes: [UInt8], placeFinder: PlaceFinder, gazetteer: Gazetteer, lexicon: Lexicon) -> StoryPlace {
        let slug = urlPlaces(url, gazetteer: gazetteer)
        // A small town's name outside "in …" is as often a surname ("Bush") as a place: it does not
        // decide where the story is (it may still place a figure in its own sentence).
        func trusted(_ p: SentencePlace) -> Bool {
            p.place.level != .city || p.afterPreposition || p.capital || gazetteer.population(of: p.place) >= 100_000
        }
        // Country: a vote of the named places, the opening lines and the page address counting more;
        // a nationality ("Russian-led", "Iranian media") is weaker evidence than a name.
        var votes = Votes<String>()
        for p in slug { if let c = p.country { votes.add(c, 3) } }
        var drafts = sentences.enumerated().map { n, s in
            placeFinder.draft(s.tokens, sentence: s.range, mentions: mentions[n], excluded: attributions[n]?.phrase, phraseStarts: s.phraseStarts)
        }
        // "her son, Kendall," makes "Kendall was hit" and "Kendall's birthday" the son, not Kendall, Florida.
        let persons = Set(drafts.flatMap(\.persons))
        if !persons.isEmpty {
            for (n, s) in sentences.enumerated() where mentions[n].contains(where: { persons.contains($0.surface) }) {
                drafts[n] = placeFinder.draft(s.tokens, sentence: s.range, mentions: mentions[n], excluded: attributions[n]?.phrase,
                                              phraseStarts: s.phraseStarts, persons: persons)
            }
        }
        for (n, draft) in drafts.enumerated() {
            // (Without a country, `places` is the draft's own places sorted; a vote needs no order.)
            for p in draft.found {
                guard let c = p.place.country else { continue }
                if !trusted(p) { continue }
                let weight = p.indirect ? 1 : (n < 3 ? 3 : 2)
                votes.add(c, weight)
            }
        }
        // "BEDFORD, N.H.", "Burlington, Wash.", "in Dayton, Ohio,": a region after a name and a comma
        // says which country the story is in, more surely than a name alone (it places no figure).
        for s in sentences where lexicon.regions.mayOccur(in: s.phraseStarts) {
            for code in regionCountries(s.tokens, lexicon: lexicon) { votes.add(code, 5) }
        }
        let country = votes.winner(by: >)
        // Resolve with the country known (Moscow, Idaho only in an American story).
        let seats = country.flatMap { c in gazetteer.country(code: c).map { ($0, gazetteer.capital(ofCountry: c)) } }
        // (The seats go only to the sentences that name the country or its capital as words:
        // handing them over copied both places, strings and all, for every sentence.)
        let all = drafts.map { d in
            placeFinder.places(d, country: country, seats: d.countryWords.isEmpty && d.capitalWords.isEmpty ? nil : seats)
        }
        // (A country's whole, "across Kenya", sets the story's scope only in its opening.)
        var national = Set<Int>()
        for n in drafts.indices where !drafts[n].countryWords.isEmpty || (n < 3 && !drafts[n].countrySpans.isEmpty) { national.insert(n) }
        func votesForCity(_ p: SentencePlace) -> Bool { (!p.indirect || p.capital) && trusted(p) }
        var named: [SentencePlace] = []
        named.reserveCapacity(all.reduce(0) { $0 + $1.count })
        var openingPlace: Place? = nil
        for (n, places) in all.enumerated() {
            for p in places where votesForCity(p) {
                named.append(p)
                if n < 3, openingPlace == nil { openingPlace = p.place }
            }
        }
        let countryPlace = country.flatMap { gazetteer.country(code: $0) }

        // The city: one that most of the story's city names are in ("Khartoum North"), unless the
        // story speaks of the whole country somewhere; then figures without a place are national.
        var counts = Votes<Place>()
        for p in named where p.place.level == .city && p.place.country == country {
            counts.add(p.place, 1)
        }
        // "ТБИЛИСИ, 2 мая —", "ISLAMABAD —": the city of a dateline is where the story was filed,
        // most often where it happened; it counts as three mentions.
        if let dateline = datelineCity(sentences, mentions, country: country, bytes: bytes) {
            counts.add(dateline, 2)
        }
        let cityMentions = counts.total
        let city = national.isEmpty ? counts.top(by: { $0.name > $1.name })
            .flatMap { top in top.count >= 2 && Double(top.count) >= 0.7 * Double(cityMentions) ? top.item : nil } : nil
        // Else the first place of the opening lines, the page address's ("/london-police-arrest-21-…").
        let addressed = slug.first { $0.country == country }
        // Then a story's only city ("near Tahrir Square" in a story of a Cairo court): the most
        // specific place its figures can cover, before the country of the address.
        let sole = national.isEmpty && counts.count == 1 ? counts.first : nil
        let place = city ?? openingPlace ?? sole ?? addressed ?? mostFrequent(named.map(\.place)) ?? countryPlace
        let addressedCity = addressed?.level == .city ? addressed : nil
        return StoryPlace(country: country, countryPlace: countryPlace, city: city, place: place,
                          totalPlace: city ?? addressedCity ?? countryPlace ?? place,
                          sentencePlaces: all, nationalSentences: national)
    }

    /// The city of the story's dateline: a city of `country` in capitals that opens one of its
    /// first four sentences, before a comma or a dash ("ТБИЛИСИ, 2 мая — Sputnik.", "MAPUTO — …").
    /// (`PlaceFinder` gives a dateline's city to no figure of its own sentence.)
    static func datelineCity(_ sentences: [DocumentPass.Sentence], _ mentions: [[PlaceMention]], country: String?, bytes: [UInt8]) -> Place? {
        for (n, s) in sentences.prefix(4).enumerated() {
            let t = s.tokens
            var k = 0
            while k < min(t.count, 4), DocumentPass.isCapitals(t[k], bytes: bytes) || k > 0 && t[k].hasText("-") && !t[k].spaceBefore { k += 1 }
            guard k > 0, k < t.count, t[k].hasText(",") || KindFinder.dashMarks.contains(t[k]) || t[k].hasText("-") && t[k].spaceBefore else { continue }
            let start = t[0].start - s.range.lowerBound, end = t[k - 1].end - s.range.lowerBound
            guard let m = mentions[n].first(where: { $0.form == .name && $0.span.start == start && $0.span.end <= end }) else { continue }
            return m.candidates.first { $0.level == .city && $0.country == country }
        }
        return nil
    }

    /// The countries of the regions (`Lexicon.regions`) that follow a capitalised word and a comma
    /// and end their phrase ("HESSTON, Kan. –", "Augusta, GA –", "in Dayton, Ohio, on Friday").
    static func regionCountries(_ tokens: [Token], lexicon: Lexicon) -> [String] {
        var found: [String] = []
        for k in tokens.indices.dropFirst() where tokens[k].hasText(",") && tokens[k - 1].kind == .word && tokens[k - 1].capitalized {
            guard k + 1 < tokens.count, tokens[k + 1].capitalized, let m = lexicon.regions.match(tokens, at: k + 1) else { continue }
            let next = k + 1 + m.length
            if next >= tokens.count || tokens[next].kind == .punctuation { found.append(m.value) }
        }
        return found
    }

    /// Places named in the path of the page's address ("/2019/10/07/london-police-arrest-21-…"):
    /// cities of at least 100,000 people and countries. The host is left out ("cyprus-mail.com").
    /// The path's words are runs of letters of three or more, each capitalised, joined by spaces.
    static func urlPlaces(_ url: String?, gazetteer: Gazetteer) -> [Place] {
        guard let url else { return [] }
        let slug = pathSlug(Array(url.utf8))
        guard !slug.isEmpty else { return [] }
        return gazetteer.mentions(inUTF8: slug).compactMap { m -> Place? in
            guard m.form == .name else { return nil }
            let p = m.best
            if p.level == .country { return p }
            return gazetteer.population(of: p) >= 100_000 ? p : nil
        }
    }

    /// The words of an address's path as `urlPlaces` reads them, in UTF-8: empty when the address
    /// has no "://" or no path. An ASCII path is read byte by byte; any other by its characters.
    static func pathSlug(_ url: [UInt8]) -> [UInt8] {
        // Past the "://" after the scheme, then from the first slash.
        var seen = 0
        var i = 0
        while i < url.count, seen < 3 {
            seen = url[i] == UInt8(ascii: ":") ? 1 : (url[i] == UInt8(ascii: "/") && seen > 0 ? seen + 1 : 0)
            i += 1
        }
        guard seen == 3, let slash = url[i...].firstIndex(of: UInt8(ascii: "/")) else { return [] }
        let path = url[slash...]
        guard path.allSatisfy({ $0 < 0x80 }) else {
            var words: [String] = []
            var current = ""
            for ch in String(decoding: path, as: UTF8.self) {
                if ch.isLetter { current.append(ch) } else if !current.isEmpty { words.append(current); current = "" }
            }
            if !current.isEmpty { words.append(current) }
            // Only slugs of words: query strings and ids say nothing.
            return Array(words.filter { $0.count >= 3 }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ").utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(path.count)
        var k = path.startIndex
        while k < path.endIndex {
            guard Self.isASCIILetter(path[k]) else { k += 1; continue }
            let start = k
            while k < path.endIndex, Self.isASCIILetter(path[k]) { k += 1 }
            guard k - start >= 3 else { continue }
            if !out.isEmpty { out.append(0x20) }
            out.append(path[start] >= 97 ? path[start] - 32 : path[start])
            out += path[(start + 1)..<k]
        }
        return out
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }

    static func mostFrequent(_ places: [Place]) -> Place? {
        var counts = Votes<Place>()
        for p in places { counts.add(p, 1) }
        return counts.winner(by: { $0.name > $1.name })
    }
}

/// Votes for a handful of items (a story's countries, its cities), kept in the order first voted
/// for: a story names few places, and a short list searched by name costs less than a dictionary
/// hashing each name (1,000 instructions a vote). Items are told apart by `Votable.voteName` (the
/// first place counted under a name stands for it).
struct Votes<Item: Votable> {
    private(set) var entries: [(count: Int, item: Item)] = []

    var count: Int { entries.count }
    var total: Int { entries.reduce(0) { $0 + $1.count } }
    var first: Item? { entries.first?.item }

    mutating func add(_ item: Item, _ n: Int) {
        let name = item.voteName
        if let k = entries.firstIndex(where: { $0.item.voteName == name }) { entries[k].count += n } else { entries.append((n, item)) }
    }

    /// The entry with the most votes; among equals, the one `before` puts first (a total order,
    /// so the answer does not depend on the order of voting).
    func top(by before: (Item, Item) -> Bool) -> (count: Int, item: Item)? {
        entries.max { $0.count < $1.count || ($0.count == $1.count && before($0.item, $1.item)) }
    }

    /// `top`'s item.
    func winner(by before: (Item, Item) -> Bool) -> Item? { top(by: before)?.item }
}

/// What `Votes` tells items apart by: a country's code, a place's name.
protocol Votable {
    var voteName: String { get }
}

extension String: Votable {
    var voteName: String { self }
}

extension Place: Votable {
    var voteName: String { name }
}
