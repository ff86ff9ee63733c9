import Testing
import TallyCore
@testable import TallyGeo

struct GazetteerTests {
    let geo = try! Gazetteer.shared.get()

    func names(_ text: String, hint: String? = nil) -> [String] {
        geo.mentions(in: text).filter { $0.form == .name }.map { geo.resolve($0, countryHint: hint).name }
    }

    @Test func loadsEveryCountryAndTheLargeCities() throws {
        #expect(geo.count > 30_000)
        #expect(geo.country(code: "RU")?.name == "Russia")
        #expect(geo.country(code: "ru")?.level == .country)
        // Codes are looked up by slot, either case; anything but two letters is no country.
        #expect(geo.country(code: "Ru")?.name == "Russia" && geo.country(code: "KZ")?.name == "Kazakhstan")
        for code in ["", "R", "RUS", "1U", "Р", "ZZ"] { #expect(geo.country(code: code) == nil, "\(code)") }
        // Every country the data holds has a two-letter code, so the slots miss none.
        for (code, entry) in geo.index.countries {
            #expect(geo.country(code: code) == geo.index.entries[Int(entry)].place && geo.country(code: code.lowercased()) != nil, "\(code)")
        }
        #expect(geo.capital(ofCountry: "RU")?.name == "Moscow" && geo.capital(ofCountry: "ru")?.name == "Moscow")
        #expect(geo.capital(ofCountry: "UA")?.name == "Kyiv" && geo.capital(ofCountry: "RUS") == nil)
        let moscow = try #require(geo.place(named: "Moscow"))
        #expect(moscow.country == "RU" && moscow.geonameID == 524901)
        #expect(moscow.latitude! > 55 && moscow.latitude! < 56)
    }

    @Test func ambiguityGoesToTheCountryInContextThenToPopulation() throws {
        #expect(geo.place(named: "Moscow")?.country == "RU")
        #expect(geo.place(named: "Moscow", countryHint: "US")?.country == "US")
        let mention = try #require(geo.mentions(in: "Students rallied in Moscow on Friday.").first)
        #expect(geo.resolve(mention, countryHint: "US").country == "US")
        #expect(geo.resolve(mention, countryHint: nil).country == "RU")
    }

    /// A place's own name outweighs a far more populous place's former or local name:
    /// "Islamabad" is Pakistan's capital, not Chattogram, once so called; "Petersburg" stays
    /// Saint Petersburg, which is a hundred times larger than Petersburg, Virginia, and
    /// "Washington" the capital (its display name is "Washington, D.C."), not the English town.
    @Test func aPlacesOwnNameWeighsEightTimesItsPopulation() {
        #expect(geo.place(named: "Islamabad")?.country == "PK")
        #expect(geo.place(named: "Petersburg")?.country == "RU")
        #expect(geo.place(named: "Washington")?.country == "US")
    }

    /// US states that GeoNames also lists as another town's name ("Maine" for Des Plaines) are
    /// not matched alone; the states themselves are not in the gazetteer.
    @Test func usStatesAreNoTownsElsewhere() {
        #expect(names("Shootings in Maine and Colorado, and a rally in Virginia.") == [])
        #expect(names("Crowds gathered in Portland, Oregon.") == ["Portland"])
    }

    @Test func multiWordAndHyphenatedNames() {
        #expect(names("Crowds gathered in St. Petersburg and in St Petersburg.") == ["Saint Petersburg", "Saint Petersburg"])
        #expect(names("Police in Rostov-on-Don and New York City made arrests.") == ["Rostov-on-Don", "New York City"])
        #expect(names("Marchers reached Washington, D.C. by noon.") == ["Washington, D.C."])
    }

    @Test func russianCaseFormsMeetTheirNominative() {
        #expect(names("Акции прошли в Москве, Санкт-Петербурге и Екатеринбурге.") == ["Moscow", "Saint Petersburg", "Yekaterinburg"])
        #expect(names("Жители Нижнего Новгорода и Ростова-на-Дону вышли на улицы.") == ["Nizhniy Novgorod", "Rostov-on-Don"])
        #expect(names("Из Казани и Уфы сообщают о задержаниях, в Новосибирске тоже.") == ["Kazan", "Ufa", "Novosibirsk"])
        #expect(names("Задержания прошли по всей России и в Беларуси, а также в Белоруссии.") == ["Russia", "Belarus", "Belarus"])
    }

    @Test func spansAreUTF8ByteOffsets() throws {
        let text = "Вчера в Минске задержали"
        let mention = try #require(geo.mentions(in: text).first)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[mention.span.start..<mention.span.end], as: UTF8.self) == "Минске")
        #expect(mention.surface == "Минске")
        #expect(mention.afterPreposition)
    }

    @Test func everydayWordsAndLowerCaseAreNotPlaces() {
        #expect(names("Police said the march was peaceful. Most people left in May.") == [])
        #expect(names("the moscow of our dreams") == [])
        #expect(names("Mobile phones were seized.") == [])
        // "Белая", a variant name of Gudermes, is the White House of "у Белого дома" and the White
        // Counter of "«Белого счётчика»"; a longer name with it still matches.
        #expect(names("У Белого дома задержали 20 человек, по данным «Белого счётчика».") == [])
        #expect(names("Акция прошла в городе Белая Церковь.") == ["Bila Tserkva"])
    }

    @Test func countryAliasesAndAdjectives() {
        #expect(names("Protests spread across the USA and the UK.") == ["United States", "United Kingdom"])
        let adjectives = geo.mentions(in: "Police detained people in 38 Russian cities and in российских городах.")
            .filter { $0.form == .adjective }.map(\.best.name)
        #expect(adjectives == ["Russia", "Russia"])
    }

    @Test func pluralDemonymsNameTheirCountry() {
        let found = geo.mentions(in: "Hundreds detained as Iranians and Russians protest. Thousands marched; Others stayed.")
        #expect(found.map { "\($0.surface) \($0.best.country ?? "-")" } == ["Iranians IR", "Russians RU"])
    }

    @Test func rangesAreScannedEachAsATextOfItsOwn() {
        // One scratch serves every range: nothing of one sentence may reach the next.
        let text = "Police detained 40 people in Moscow. В Санкт-Петербурге задержали 12 человек. Nothing here. Rallies in Kazan and Ufa."
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: ".") {
            ranges.append(start..<(i + 1))
            start = i + 2
        }
        let together = geo.mentions(inUTF8: bytes, ranges: ranges)
        #expect(together == ranges.map { geo.mentions(inUTF8: Array(bytes[$0])) })
        #expect(together.map { $0.map(\.best.name) } == [["Moscow"], ["Saint Petersburg"], [], ["Kazan", "Ufa"]])
    }

    @Test func sentenceStartIsMarked() throws {
        let m = geo.mentions(in: "He left. Minsk was calm.")
        #expect(m.first?.sentenceInitial == true)
        #expect(geo.mentions(in: "They met near Minsk.").first?.sentenceInitial == false)
    }

    @Test func aCityBeforeStateIsNoPlaceOfItsOwn() {
        // "Washington State", "New York State": a state (not in the gazetteer), not the city.
        #expect(names("A spokesman for the Washington State Patrol spoke in Seattle.") == ["Seattle"])
        #expect(names("New York State police said so.").isEmpty)
        // A city before another capitalised word stays a city.
        #expect(names("Washington Post reporters in Washington.") == ["Washington, D.C.", "Washington, D.C."])
    }
}

struct DistrictTests {
    let geo = try! Gazetteer.shared.get()

    @Test func aDistrictIsItsCity() {
        #expect(geo.place(named: "Nasr City")?.name == "Cairo")
        #expect(geo.place(named: "Lefortovo")?.name == "Moscow")
        // A town elsewhere that shares a district's alternate name keeps its own name.
        #expect(geo.place(named: "Toledo")?.name == "Toledo")
    }
}

struct DistrictNameTests {
    let geo = try! Gazetteer.shared.get()

    @Test func aDistrictsTranslatedNameIsNotItsCitys() {
        // Warsaw's Śródmieście is "Downtown" in GeoNames' alternate names: no city is called that.
        #expect(geo.place(named: "Downtown")?.name != "Warsaw")
        #expect(geo.place(named: "Hlaing Tharyar")?.name == "Yangon")
    }
}

struct DistrictBoundaryTests {
    let geo = try! Gazetteer.shared.get()

    @Test func aCityOverTheBorderOfItsDivisionIsNoDistrict() {
        // Callao is its own region beside Lima; Hoboken, New Jersey lies across the river from New York.
        #expect(geo.place(named: "Callao")?.name == "Callao")
        #expect(geo.place(named: "Hoboken", countryHint: "US")?.country == "US")
    }

    @Test func aBoroughIsNoParent() {
        // New Rochelle lies near The Bronx, a part of New York City, not in it.
        #expect(geo.place(named: "New Rochelle")?.name == "New Rochelle")
        // Districts of a city of its own still are that city.
        #expect(geo.place(named: "Nasr City")?.name == "Cairo")
    }
}

/// The name scan's byte tests answer as their general definitions.
struct WordBytesTests {
    @Test func theFastWidthIsTheLetterWidth() {
        // Every one- and two-byte start, at the end of the text and before more bytes.
        for a in 0...255 {
            for b in [0x20, 0x80, 0x97, 0xA0, 0xBF] {
                for bytes in [[UInt8(a)], [UInt8(a), UInt8(b)], [UInt8(a), UInt8(b), 0x41]] {
                    #expect(WordBytes.width(bytes, 0) == WordBytes.letterWidth(bytes, 0), "\(bytes)")
                }
            }
        }
    }

    /// `words` splits as a plain loop over `width` does, on mixed scripts, cut characters and
    /// random bytes.
    @Test func wordsAreTheRunsOfWidth() {
        func plain(_ bytes: [UInt8]) -> [Range<Int>] {
            var words: [Range<Int>] = []
            var i = 0
            while i < bytes.count {
                if WordBytes.width(bytes, i) == 0 {
                    i += WordBytes.sequenceLength(bytes[i])
                    continue
                }
                let start = i
                while i < bytes.count, WordBytes.width(bytes, i) > 0 { i += WordBytes.width(bytes, i) }
                words.append(start..<i)
            }
            return words
        }
        var texts: [[UInt8]] = ["", "a", "В Москве, 12 — Łódź; São-Paulo’s «Ёлки» x", "Ростов-на-Дону 2024 г."].map { Array($0.utf8) }
        texts.append(Array("Москва".utf8.dropLast()))  // a Cyrillic lead byte at the very end
        var state: UInt64 = 7
        for _ in 0..<2000 {
            var t: [UInt8] = []
            for _ in 0..<(state % 23) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                t.append(UInt8(truncatingIfNeeded: state >> 56))
            }
            texts.append(t)
        }
        // One array written again and again, as the scan reuses it.
        var words: [Range<Int>] = []
        for t in texts {
            WordBytes.words(t, into: &words)
            #expect(words == plain(t), "\(t)")
        }
    }
}

/// `AdjectiveStems.mayStart` turns most Russian words away before they are normalised; it may say
/// "maybe" too often, never "no" for a word a stem starts.
struct AdjectiveStemsTests {
    @Test func noWordAStemStartsIsTurnedAway() throws {
        let stems = try Gazetteer.shared.get().index.adjectiveStems
        let starts = ["росс", "Росс", "РОСС", "рус", "укр", "Укра", "бел", "Бело", "каз", "по", "на", "пр", "ро", "ру", "к", "ё", "Ё", "е"]
        let ends = ["ийских", "ий", "ая", "скую", "иями", "", "й", "ёв", "оссийский"]
        var asked = 0, turnedAway = 0
        var buffer: [UInt8] = []
        for a in starts {
            for b in ends {
                for word in [a + b, a + "ск" + b, a + "ос" + b] {
                    let bytes = Array(word.utf8)[...]
                    NameKey.normalise(bytes, into: &buffer)
                    asked += 1
                    let text = Array(("x " + word + " y").utf8)
                    #expect(stems.mayStart(text, 2..<(2 + bytes.count)) == stems.mayStart(bytes), "\(word) in place")
                    if !stems.mayStart(bytes) {
                        turnedAway += 1
                        #expect(stems.country(ofWord: buffer) == nil, "\(word)")
                    }
                }
            }
        }
        #expect(stems.country(ofWord: Array("российских".utf8)) == "RU")
        #expect(stems.mayStart(Array("Российских".utf8)[...]) && !stems.mayStart(Array("пришли".utf8)[...]))
        #expect(turnedAway > asked / 3)
    }
}

/// An ASCII word extends the name hashes as its normalised copy does (`NameKey.extendASCII`).
struct NameKeyTests {
    @Test func asciiWordsExtendAsTheirNormalisedCopies() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZqM019-'. ,".utf8)
        let text = Array("Rostov-on-Don NEW york São Łódź Москва o'Neil COVID19".utf8) + (0..<400).map { _ in alphabet.randomElement(using: &generator)! }
        var words: [Range<Int>] = []
        WordBytes.words(text, into: &words)
        var buffer: [UInt8] = []
        for word in words {
            for start in [[NameKey.offset], [NameKey.offset, 42, NameKey.offset], [7, 7, 9]] {
                for first in [true, false] {
                    var fast = start
                    var plain = start
                    let ascii = NameKey.extendASCII(&fast, first: first, text, word)
                    let cyrillic = NameKey.normalise(text[word], into: &buffer)
                    if ascii {
                        NameKey.extend(&plain, first: first, with: buffer)
                        #expect(!cyrillic && fast == plain, "\(String(decoding: text[word], as: UTF8.self))")
                    } else {
                        #expect(fast == start && text[word].contains { $0 >= 0x80 })
                    }
                }
            }
        }
    }
}
