import Testing
import TallyCore
import TallyGeo
import TallyText
@testable import TallyExtract
@testable import TallyText

/// The phrase index's shortcuts answer as the plain scans they stand for.
struct PhraseIndexTests {
    /// Every match of `list`, found by asking `match` at every token (the plain definition).
    func plainMatches<V>(_ list: PhraseList<V>, _ tokens: [Token]) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        var i = 0
        while i < tokens.count {
            if let m = list.match(tokens, at: i) { found.append((i, m.length)); i += m.length } else { i += 1 }
        }
        return found
    }

    @Test func aSentenceSkipsOnlyListsWithNoPhraseInIt() throws {
        let sentences = [
            ("en", "Police detained 45 people near Trafalgar Square, the Metropolitan Police said on Sunday."),
            ("en", "Protests were held across the country, according to OVD-Info; it also said 9 were journalists."),
            ("en", "The weather was fine."),
            ("ru", "На Болотной площади задержали более 500 человек по всей стране, сообщает ОВД-Инфо."),
            ("ru", "В столице прошли акции."),
        ]
        for (code, text) in sentences {
            let lexicon = try Lexicon.bundled(code)
            let bytes = Array(text.utf8)
            var tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
            let starts = lexicon.annotate(&tokens)
            for (name, list) in [("landmarks", lexicon.landmarks), ("vague", lexicon.vague)] as [(String, PhraseList<String>)] {
                let plain = plainMatches(list, tokens)
                #expect(list.matches(tokens, in: 0..<tokens.count).map { [$0.start, $0.length] } == plain.map { [$0.0, $0.1] }, "\(name): \(text)")
                if !list.mayOccur(in: starts) { #expect(plain.isEmpty, "\(name): \(text)") }
            }
            for (name, list) in [("countryWords", lexicon.countryWords), ("capitalWords", lexicon.capitalWords), ("sourceBefore", lexicon.sourceBefore),
                                 ("sourceVerbs", lexicon.sourceVerbs), ("backReferences", lexicon.backReferences)] as [(String, PhraseList<Bool>)] {
                let plain = plainMatches(list, tokens)
                #expect(list.matches(tokens, in: 0..<tokens.count).map { [$0.start, $0.length] } == plain.map { [$0.0, $0.1] }, "\(name): \(text)")
                if !list.mayOccur(in: starts) { #expect(plain.isEmpty, "\(name): \(text)") }
            }
        }
        // A sentence with none of a list's words does not have the list's bit.
        let en = try Lexicon.bundled("en")
        let bytes = Array("The weather was fine.".utf8)
        var tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(!en.landmarks.mayOccur(in: en.annotate(&tokens)))
    }

    /// A list's match at a token is the first of its phrases (longest first) whose words all match
    /// the tokens there: the buckets, the phrase index's bits and the gates on the first two words
    /// only skip phrases that would not match. Tried at every token of a text made of the lists'
    /// own phrases, their stems completed, pairs of them run together, and capitalised forms.
    @Test func matchesAreTheFirstPhraseThatMatches() throws {
        func naive<V>(_ list: PhraseList<V>, _ tokens: [Token], at i: Int) -> Int? {
            for p in list.phrases where i + p.words.count <= tokens.count {
                if p.words.indices.allSatisfy({ p.words[$0].matches(tokens[i + $0]) }) { return p.words.count }
            }
            return nil
        }
        for code in ["en", "ru"] {
            let lexicon = try Lexicon.bundled(code)
            let lists: [(String, [[WordPattern]], ([Token], Int) -> Int?, ([Token], Int) -> Int?)] = [
                ("triggers", lexicon.triggers.phrases.map(\.words), { lexicon.triggers.match($0, at: $1)?.length }, { naive(lexicon.triggers, $0, at: $1) }),
                ("qualifiers", lexicon.qualifiers.phrases.map(\.words), { lexicon.qualifiers.match($0, at: $1)?.length }, { naive(lexicon.qualifiers, $0, at: $1) }),
                ("sourceVerbs", lexicon.sourceVerbs.phrases.map(\.words), { lexicon.sourceVerbs.match($0, at: $1)?.length }, { naive(lexicon.sourceVerbs, $0, at: $1) }),
                ("backReferences", lexicon.backReferences.phrases.map(\.words), { lexicon.backReferences.match($0, at: $1)?.length }, { naive(lexicon.backReferences, $0, at: $1) }),
                ("who", lexicon.who.phrases.map(\.words), { lexicon.who.match($0, at: $1)?.length }, { naive(lexicon.who, $0, at: $1) }),
            ]
            for (name, phrases, match, expected) in lists {
                let texts = phrases.map { words in words.map { String(decoding: $0.bytes, as: UTF8.self) + ($0.isPrefix ? "ed" : "") } }
                var pieces = texts.map { $0.joined(separator: " ") }
                for (a, b) in zip(texts, texts.dropFirst(3)) { pieces.append(([a[0]] + b).joined(separator: " ")) }
                pieces += texts.prefix(50).map { $0.joined(separator: " ").capitalized }
                let bytes = Array(pieces.joined(separator: " , ").utf8)
                var tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
                lexicon.annotate(&tokens)
                var found = 0
                for i in tokens.indices {
                    let m = match(tokens, i)
                    #expect(m == expected(tokens, i), "\(code) \(name) at \(tokens[i].text)")
                    if m != nil { found += 1 }
                }
                #expect(found > phrases.count / 2, "\(code) \(name): \(found) matches")
            }
        }
    }

    /// Every word set of a lexicon's grammar has its bit, and a token the lexicon read answers by
    /// the bit exactly as the set's own lookup answers (`WordClasses`): on the sets' own words,
    /// their capitalised forms, words of no set, and text outside the plain ranges.
    @Test func wordClassesAnswerAsTheSetsThemselves() throws {
        for code in ["en", "ru"] {
            let lexicon = try Lexicon.bundled(code)
            var sets: [(String, WordSet)] = Mirror(reflecting: lexicon.grammar).children.compactMap { c in
                (c.value as? WordSet).map { (c.label ?? "?", $0) }
            }
            sets += [("personWords", lexicon.personWords), ("notClaimBefore", lexicon.notClaimBefore),
                     ("singularPeople", lexicon.grammar.singularPeople.words)]
            #expect(sets.count > 50)
            let numbers = lexicon.numbers.vocabulary
            let numberWords = [numbers.units, numbers.hundreds, numbers.multipliers, numbers.fractions].flatMap(\.keys) + numbers.articles
            let words = Set(sets.flatMap { $0.1.words }).union(numberWords).union(lexicon.months.keys)
            let text = words.sorted().map { w in w + " " + w.capitalized }.joined(separator: " , ")
                + " weather погода naïve nai\u{0308}ve e\u{0301}té ё е\u{0308}"
            let bytes = Array(text.utf8)
            var tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
            lexicon.annotate(&tokens)
            #expect(tokens.contains { $0.wordClasses != .max } && tokens.contains { $0.wordClasses == .max })
            let plainNumbers = NumberReader(vocabulary: numbers, decimalComma: lexicon.numbers.decimalComma)
            for t in tokens {
                #expect(lexicon.numbers.isNumberWord(t) == plainNumbers.isNumberWord(t), "\(code) number word '\(t.text)'")
                #expect(lexicon.numbers.mayStart(t) == plainNumbers.mayStart(t), "\(code) number start '\(t.text)'")
                #expect(lexicon.month(t) == (t.kind == .word ? lexicon.months[t.text] : nil), "\(code) month '\(t.text)'")
            }
            for (name, set) in sets {
                #expect(set.bit != 0, "\(code) \(name) has no bit")
                let unregistered = WordSet(set.words)
                for t in tokens where set.contains(t) != unregistered.contains(t) {
                    Issue.record("\(code) \(name): '\(t.text)' answered \(set.contains(t)) by its bit")
                }
            }
        }
    }

    @Test func landmarksAreResolvedOnceToTheirCities() throws {
        let lexicons = [try Lexicon.bundled("en"), try Lexicon.bundled("ru")]
        let gazetteer = try Gazetteer.shared.get()
        let cities = PlaceFinder.landmarkCities(lexicons, gazetteer)
        for lexicon in lexicons {
            for entry in Set(lexicon.landmarks.phrases.map(\.value)) {
                #expect(cities[entry] == PlaceFinder.landmarkCity(entry, gazetteer), "\(entry)")
            }
        }
        #expect(cities.values.contains { $0.name == "London" } && cities.values.contains { $0.name == "Moscow" })
    }
}
