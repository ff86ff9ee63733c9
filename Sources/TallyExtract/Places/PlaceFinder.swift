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
}

/// Finds the places of a sentence and gives each figure the one it most likely covers.
struct PlaceFinder {
    let lexicon: Lexicon
    let gazetteer: Gazetteer

    /// Places named in a sentence. `country` resolves "nationwide" and "the capital".
    func places(_ tokens: [Token], sentence: Range<Int>, bytes: [UInt8], text: String, country: String?) -> [SentencePlace] {
        var result: [SentencePlace] = []
        for m in gazetteer.mentions(in: text) {
            // Datelines ("BISHKEK, Kyrgyzstan —") name where the story was filed.
            let letters = m.surface.filter(\.isLetter)
            if letters.count >= 3, letters.allSatisfy(\.isUppercase), m.candidates.first?.level == .city { continue }
            let start = sentence.lowerBound + m.span.start
            let end = sentence.lowerBound + m.span.end
            guard let first = tokens.firstIndex(where: { $0.end > start }), let last = tokens.lastIndex(where: { $0.start < end }) else { continue }
            // A lone sentence-initial name with no preposition is often something else ("Jackson said").
            let place = gazetteer.resolve(m, countryHint: country)
            result.append(SentencePlace(first: first, last: last, place: place, indirect: m.form == .adjective))
        }
        if let country, let countryPlace = gazetteer.country(code: country) {
            for m in lexicon.countryWords.matches(tokens, in: 0..<tokens.count) {
                result.append(SentencePlace(first: m.start, last: m.start + m.length - 1, place: countryPlace, indirect: true))
            }
            if let capital = gazetteer.capital(ofCountry: country) {
                for m in lexicon.capitalWords.matches(tokens, in: 0..<tokens.count) {
                    result.append(SentencePlace(first: m.start, last: m.start + m.length - 1, place: capital, indirect: true))
                }
            }
        }
        return result.sorted { $0.first < $1.first }
    }

    /// For each candidate, the places it covers (several for a distributive figure); empty when
    /// the sentence names none.
    func assign(_ candidates: [Candidate], _ places: [SentencePlace], _ tokens: [Token]) -> [[Place]] {
        var result = Array(repeating: [Place](), count: candidates.count)
        guard !places.isEmpty else { return result }
        // Distances, shortest first; each place serves one figure until every figure has one.
        var pairs: [(c: Int, p: Int, d: Int)] = []
        for (ci, c) in candidates.enumerated() {
            for (pi, p) in places.enumerated() {
                var d = KindFinder.distance(tokens, c.first...c.last, p.first...p.last)
                if p.indirect { d += 2 }
                if p.last < c.first { d += 1 }
                // "100 each in Moscow and St Petersburg": the places follow the figure.
                if c.distributive, p.last < c.first { continue }
                pairs.append((ci, pi, d))
            }
        }
        pairs.sort { $0.d < $1.d || ($0.d == $1.d && $0.p > $1.p) }
        var usedPlaces = Set<Int>()
        var done = Set<Int>()
        for pair in pairs where !done.contains(pair.c) && !usedPlaces.contains(pair.p) && pair.d <= 30 {
            result[pair.c] = [places[pair.p].place]
            done.insert(pair.c)
            usedPlaces.insert(pair.p)
            if candidates[pair.c].distributive {
                // "100 each in Moscow and St Petersburg": every place of the coordinated list.
                for q in coordinated(places, around: pair.p, tokens) where q != pair.p {
                    result[pair.c].append(places[q].place)
                    usedPlaces.insert(q)
                }
            }
        }
        // Figures left over share the nearest place.
        for (ci, c) in candidates.enumerated() where !done.contains(ci) {
            let nearest = places.indices.min { a, b in
                KindFinder.distance(tokens, c.first...c.last, places[a].first...places[a].last)
                    < KindFinder.distance(tokens, c.first...c.last, places[b].first...places[b].last)
            }
            if let n = nearest, KindFinder.distance(tokens, c.first...c.last, places[n].first...places[n].last) <= 30 {
                result[ci] = [places[n].place]
            }
        }
        return result
    }

    /// Places joined to `index` by "and", "и", commas or prepositions only.
    func coordinated(_ places: [SentencePlace], around index: Int, _ tokens: [Token]) -> [Int] {
        let joiners: Set<String> = ["and", "и", ",", "in", "в", "во", "as", "well", "also", "а", "также", "&"]
        func joined(_ a: SentencePlace, _ b: SentencePlace) -> Bool {
            guard a.last < b.first else { return false }
            return tokens[(a.last + 1)..<b.first].allSatisfy { joiners.contains($0.text) } && b.first - a.last <= 4
        }
        var group = [index]
        var k = index
        while k > 0, joined(places[k - 1], places[k]) { k -= 1; group.append(k) }
        k = index
        while k + 1 < places.count, joined(places[k], places[k + 1]) { k += 1; group.append(k) }
        return group.sorted()
    }
}
