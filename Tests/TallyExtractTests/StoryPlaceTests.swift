import Testing
import TallyCore
import TallyText
@testable import TallyExtract

/// Where a figure is when its sentence names no city: landmarks, districts and the page address.
struct StoryPlaceTests {
    func places(_ text: String, url: String? = nil, language: String? = nil) -> [String] {
        let document = Document(id: "t", language: language, url: url, published: Day("2024-03-15"), text: text)
        return sharedExtractor.claims(in: document).filter { !$0.implicit && $0.quantity.value != nil }.map { c in
            "\(c.quantity.value ?? 0) \(c.place?.name ?? "-")"
        }
    }

    @Test func aWholeWhosePartIsInACityIsInTheCountry() {
        #expect(places("Rights groups said 22 people had died, 19 of them in Nairobi.") == ["22 Kenya", "19 Nairobi"])
        #expect(places("At least six people, including two in Kisumu, were killed.") == ["6 Kenya", "2 Kisumu"])
        #expect(places("В ходе беспорядков погибли 164 человека, из них 103 — в Алматы.", language: "ru") == ["164 Kazakhstan", "103 Almaty"])
        // After the part's aside, the place is the whole's too; "of" alone makes no part.
        #expect(places("Twelve people, including two children, were shot in Chicago.") == ["12 Chicago", "2 Chicago"])
        #expect(places("Two teens were arrested in the shooting of 15 people at a Miami nightclub.") == ["2 Miami", "15 Miami"])
    }

    /// A dateline's city ("ТБИЛИСИ, 2 мая —") is where the story is when no other city outnumbers
    /// it, so figures that name only the country in passing are the city's; a story that speaks
    /// of the whole country ("across Kenya") keeps the country.
    @Test func aDatelinesCityIsTheStorysCity() {
        let tbilisi = "МВД Грузии: задержаны 63 человека\n\nТБИЛИСИ, 2 мая — Sputnik. МВД Грузии сообщило о задержании 63 участников акции у здания парламента."
        #expect(places(tbilisi, language: "ru") == ["63 Tbilisi"])
        let kenya = "NAIROBI, July 8 — At least 31 people were killed during protests across Kenya on Monday, the commission said.\n\nPolice figures put the death toll at 11."
        #expect(places(kenya) == ["31 Kenya", "11 Kenya"])
        // A later paragraph that turns to the whole country leaves the story its city.
        let tehran = "Iran says prison fire kills inmates\n\nA fire broke out at Evin prison in Tehran on Saturday. State media said 61 prisoners were injured.\n\nThe blaze in Tehran was put out by Sunday.\n\nSeparately, activists said at least 233 protesters have been killed across Iran."
        #expect(places(tehran) == ["61 Tehran", "233 Iran"])
        // Without the dateline, the country.
        #expect(places("МВД Грузии сообщило о задержании 63 участников акции у здания парламента.", language: "ru") == ["63 Georgia"])
    }

    /// A name that is the whole of who speaks ("…, Hale said") is a person's, not a place; a
    /// "Molotov cocktail" is no town.
    @Test func aSpeakersNameIsNoPlace() {
        #expect(places("Eight other people remain hospitalized in Birmingham.\n\nTwo of them are in critical condition, Hale said.") == ["8 Birmingham", "2 Birmingham"])
        #expect(places("In Atlanta, protesters threw Molotov cocktails and 23 people were charged.") == ["23 Atlanta"])
        // A name after a street word names the street: France Square is in Yerevan.
        #expect(places("В Ереване на площади Франции собрались порядка 30 тысяч человек.", language: "ru") == ["30000 Yerevan"])
    }

    /// "17 … in Kathmandu and two in the city of Itahari": a place between two figures, across
    /// "and" from the later one, is the earlier one's.
    @Test func eachFigureOfAListTakesThePlaceAfterIt() {
        // (GeoNames writes the city "Īṭaharī", with its marks.)
        let found = places("Seventeen people were killed in Kathmandu and two in the eastern city of Itahari, police said.")
        #expect(found.count == 2 && found[0] == "17 Kathmandu" && found[1].hasPrefix("2 ") && found[1].contains("ahar"))
    }

    @Test func aFigureOverManyCitiesIsTheCountrys() {
        #expect(places("Акции прошли в Москве и Петербурге. Всего в 85 городах задержаны 5135 человек.", language: "ru") == ["5135 Russia"])
        #expect(places("Rallies began in Moscow. Police detained 1,300 people in 38 Russian cities.") == ["1300 Russia"])
    }

    @Test func aQuotedNameIsNoCity() {
        #expect(places("В Москве обвинения по «Болотному делу» предъявили 30 людям.", language: "ru") == ["30 Moscow"])
        // A capitalised preposition opening a sentence is no town ("При" is also Praia's name).
        #expect(places("При попытке разогнать толпу пострадали 39 человек.", language: "ru") == ["39 -"])
    }

    @Test func aPlaceInsideACompoundIsNone() {
        #expect(places("The Oslo-based group said 41 people were killed in Zahedan.") == ["41 Zahedan"])
        #expect(places("Police detained 200 people at the pro-Palestinian encampment in Los Angeles.") == ["200 Los Angeles"])
    }

    @Test func aRegionAfterACommaTellsTheCountry() {
        // Bedford and Burlington are also English and Canadian towns; the state says which.
        let bedford = summaryPlaces("BEDFORD, N.H. (CBS) — Three people were found dead in a Bedford home.")
        #expect(bedford == ["3 Bedford US"])
        #expect(summaryPlaces("BURLINGTON, Wash. — Four women were killed at a Burlington mall on Friday.") == ["4 Burlington US"])
        // A state alone names no place of a figure.
        #expect(summaryPlaces("Police in Dayton, Ohio, said two men were shot.") == ["2 Dayton US"])
    }

    func summaryPlaces(_ text: String) -> [String] {
        let document = Document(id: "t", language: "en", published: Day("2024-03-15"), text: text)
        return sharedExtractor.claims(in: document).filter { !$0.implicit }.map { "\($0.quantity.value ?? 0) \($0.place?.name ?? "-") \($0.place?.country ?? "-")" }
    }

    @Test func aTotalSinceProtestsEruptedCoversTheCountry() {
        let text = "ANKARA — Police clashed with students in Istanbul on Sunday. The interior minister said 1,130 people had been detained since protests erupted."
        #expect(places(text) == ["1130 Turkey"])
    }

    @Test func aCountryInsideTheSourcesNameYieldsToTheStorysCity() {
        let text = "В Ереване прошла акция протеста. Полиция Армении сообщила о задержании 98 участников акции."
        #expect(places(text, language: "ru") == ["98 Yerevan"])
        // People who turned to hospitals are injured; parties are no people.
        #expect(places("В Тбилиси в больницы обратились не менее 20 человек. В выборах участвовали 16 партий.", language: "ru") == ["20 Tbilisi"])
    }

    @Test func aCountryThatActsYieldsToItsCity() {
        #expect(places("Azerbaijan has detained at least six journalists from an independent outlet in Baku since November.") == ["6 Baku"])
        // "nationwide" still speaks of the country.
        #expect(places("More than 500 of the 1,300 people detained nationwide were in Moscow.") == ["500 Moscow", "1300 Russia"])
    }

    @Test func aTeamIsNoPlace() {
        #expect(places("Fans of the San Francisco 49ers watched as 22 people were shot at the Kansas City parade.") == ["22 Kansas City"])
    }

    @Test func aLandmarkStandsForItsCity() {
        #expect(places("About 300 people rallied in Trafalgar Square on Saturday.") == ["300 London"])
        #expect(places("Four people died during the riot at the U.S. Capitol.") == ["4 Washington, D.C."])
        #expect(places("На Болотной площади собрались около 20 тысяч человек.", language: "ru") == ["20000 Moscow"])
        #expect(places("Police detained 45 people on Rustaveli Avenue late on Monday.") == ["45 Tbilisi"])
    }

    @Test func aDistrictCountsForItsCity() {
        #expect(places("Twelve protesters were arrested in Nasr City on Tuesday.") == ["12 Cairo"])
    }

    @Test func thePageAddressNamesThePlaceOfAStoryThatNamesNone() {
        let text = "Police said 62 people were arrested on Sunday.\n\nAll of them were later released."
        #expect(places(text, url: "https://news.example/2024/03/10/manchester-police-arrest-62-at-climate-march/") == ["62 Manchester"])
        // The host is not the story's place.
        #expect(places(text, url: "https://cyprus-times.example/2024/03/10/police-arrest-62/") != ["62 Cyprus"])
    }

    @Test func thePathsWordsAreItsLongRunsOfLettersCapitalised() {
        func slug(_ url: String) -> String { String(decoding: StoryPlace.pathSlug(Array(url.utf8)), as: UTF8.self) }
        #expect(slug("https://news.example/2024/03/10/manchester-police-arrest-62/") == "Manchester Police Arrest")
        #expect(slug("http://example.org/a/to/rio-de-janeiro?id=77") == "Rio Janeiro")
        // The host is left out, and an address without a scheme or a path has no words.
        #expect(slug("https://cyprus-mail.com") == "")
        #expect(slug("cyprus-mail.com/cyprus/news") == "")
        // Letters beyond ASCII are letters too.
        #expect(slug("https://ria.example/новости/москва-задержания-20220921") == "Новости Москва Задержания")
    }

    @Test func aRunningTotalKeepsTheStorysOneCity() {
        let text = """
            Hundreds marched through Leeds on Saturday.
            Police in Leeds said 14 people were arrested over the weekend.
            """
        #expect(places(text) == ["14 Leeds"])
    }

    @Test func aCountryThatNamesWhoSpeaksYieldsToTheStorysCity() {
        let text = """
            Chile doctors say one shot dead at Santiago march

            A Chilean medics' association said a man was shot dead on Friday near the university in Santiago.
            Thousands marched in Santiago again on Saturday.
            """
        #expect(places(text) == ["1 Santiago"])
        // With no city of its own the story's figure stays national.
        #expect(places("Chilean police detained 312 people on Friday at marches nationwide.") == ["312 Chile"])
    }

    @Test func aNationalityCompoundIsNoPlace() {
        #expect(places("Police detained 80 people in Almaty as Russian-led troops arrived.") == ["80 Almaty"])
        #expect(places("Officials said 40 protesters were arrested after a Russian-backed rally in Bishkek.") == ["40 Bishkek"])
    }

    @Test func acrossTheRiverIsNotNationwide() {
        let text = "One protester was shot dead on Sunday across the river from the capital Khartoum."
        #expect(places(text) == ["1 Khartoum"])
    }

    @Test func aTollSinceTheCoupCoversTheCountry() {
        let text = """
            Two protesters were killed in Khartoum on Thursday, medics said.
            Demonstrators marched in Khartoum again on Friday.
            The medics said 84 people have been killed since the coup in October.

            Opposition groups put the death toll at closer to 100.
            """
        #expect(places(text) == ["2 Khartoum", "84 Sudan", "100 Sudan"])
    }

    @Test func oneShotDeadCountsAPerson() {
        #expect(summary("Medics say one shot dead in Khartoum on Sunday.", published: "2024-03-18") ==
                ["killed people 1 exact Khartoum 2024-03-17 Medics"])
        #expect(summary("One shot was fired and three people were injured in Khartoum.").map { $0.hasPrefix("injured people 3") } == [true])
    }

    @Test func theCountryOfACodeOrMinistryYieldsToTheStorysCity() {
        let text = """
            В Харькове у здания администрации прошла акция протеста.

            Полиция Харькова задержала 12 человек по статье 293 УК Украины.
            """
        #expect(places(text, language: "ru") == ["12 Kharkiv"])
    }

    @Test func aStorysOnlyCityIsMorePreciseThanItsAddressesCountry() {
        let text = """
            Thirty defendants were sentenced on Monday to three years in prison.

            The protest took place in 2019 outside the parliament near Tahrir Square.
            """
        #expect(places(text, url: "https://news.example/egypt/politics/30-sentenced") == ["30 Cairo"])
    }

    /// "and in Lyon 56", "в Казани 45": a bare number after a place and its preposition counts
    /// for it ("on Route 66" stays a name); a city's description ("France's second city") names
    /// no other place.
    @Test func aBareNumberAfterAPlace() {
        #expect(places("In Marseille, France's second city, 88 people were arrested and in Lyon 56.") == ["88 Marseille", "56 Lyon"])
        #expect(places("В Москве задержаны 120 человек, в Казани 45.", language: "ru") == ["120 Moscow", "45 Kazan"])
        #expect(places("Two people were hurt on Route 66 in Tulsa.") == ["2 Tulsa"])
    }

    /// Where people are from is not where they are: "three British citizens", "150 Russian fans",
    /// "граждан Польши" take the story's place.
    @Test func aNationalityIsNoPlace() {
        #expect(places("Police in Marseille detained six people on Saturday, among them three British citizens.") == ["6 Marseille", "3 Marseille"])
        #expect(places("Police in Marseille said 150 Russian fans had been detained.") == ["150 Marseille"])
        #expect(places("Полиция в Варшаве задержала 184 человека, среди них 20 граждан России.", language: "ru") == ["184 Warsaw", "20 Warsaw"])
        #expect(places("In Seoul, 19 people were killed, including a man from Iran.") == ["19 Seoul"])
        #expect(places("Greek police in Kalamata arrested nine Egyptians.") == ["9 Kalamata"])
        #expect(places("In Seoul, 19 people were killed, including people from Iran, China and Russia.") == ["19 Seoul"])
    }

    /// A name the story uses for a person ("her son, Kendall,") is that person wherever it
    /// recurs, not Kendall, Florida; after "in" it is still a place.
    @Test func aNameGivenToAPersonIsThePersonThroughout() {
        let story = "Six people were shot at a club in Louisville on Sunday.\n\nHer son, Kendall, was among them. Kendall and two friends were wounded near the door."
        #expect(places(story) == ["6 Louisville", "2 Louisville"])
        #expect(places("Her son, Kendall, was hurt. Two people were wounded in Kendall on Friday.") == ["2 Kendall"])
    }
}


/// `PlaceFinder.letters(of:)` reads ASCII and basic Cyrillic by bytes; it must answer as the
/// character-by-character reading does (how many letters, whether none is lower case).
struct NameLettersTests {
    static func byCharacters(_ s: String) -> (count: Int, capitals: Bool) {
        let all = s.filter(\.isLetter)
        return (all.count, all.allSatisfy(\.isUppercase))
    }

    @Test func bytesAndCharactersAgree() {
        for name in ["BISHKEK", "Bishkek", "St. Petersburg", "МОСКВА", "Москва", "Санкт-Петербург", "ЁЛКИНО", "Ёлкино", "ЙОШКАР-ОЛА",
                     "Ѓ", "ѓ", "Ѝ", "ѝ", "São Paulo", "SÃO PAULO", "Łódź", "ŁÓDŹ", "Ѣ", "ѣ", "Київ", "КИЇВ", "", "-", "A-1"] {
            let fast = PlaceFinder.letters(of: name)
            let slow = Self.byCharacters(name)
            #expect(fast.count == slow.count && fast.capitals == slow.capitals, "\(name): \(fast) against \(slow)")
        }
    }
}

/// The binary searches that map a place name's bytes to its tokens answer as the linear ones do.
struct TokenSearchTests {
    @Test func binarySearchesAgreeWithLinearOnes() {
        let bytes = Array("Police detained 40 people in Nizhny Novgorod, «Москва» — 12 Sept.".utf8)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        for offset in -1...(bytes.count + 1) {
            #expect(PlaceFinder.firstToken(endingAfter: offset, tokens) == tokens.firstIndex { $0.end > offset }, "first after \(offset)")
            #expect(PlaceFinder.lastToken(startingBefore: offset, tokens) == tokens.lastIndex { $0.start < offset }, "last before \(offset)")
        }
        #expect(PlaceFinder.firstToken(endingAfter: 0, []) == nil && PlaceFinder.lastToken(startingBefore: 5, []) == nil)
    }
}

/// A figure repeated in one document is one claim, whether the document states a few figures
/// (keys compared in turn) or many (keys hashed).
struct ClaimMergeTests {
    func claim(_ n: Int, _ value: Int, place: String?, source: String? = nil, implicit: Bool = false) -> Claim {
        Claim(doc: "d", kind: .detained, quantity: Quantity(value: value),
              place: place.map { Place(name: $0, country: "RU", level: .city) },
              source: source.map { Source(name: $0, sourceClass: .monitoring) }, evidence: "e\(n)",
              span: TextSpan(start: n, end: n + 1), numberSpan: TextSpan(start: n, end: n + 1), implicit: implicit)
    }

    @Test func repeatsMergeTheSameWayAtAnyCount() {
        for count in [3, 16, 17, 40] {
            var claims: [Claim] = []
            for n in 0..<count { claims.append(claim(n, 100 + n % 5, place: n % 2 == 0 ? "Moscow" : nil, source: n >= 10 ? "OVD-Info" : nil)) }
            let merged = ClaimAssembly.merge(claims)
            // One claim per distinct (value, place), the first of each, in order.
            var seen: [String] = []
            for c in claims where !seen.contains("\(c.quantity.value!) \(c.place?.name ?? "-")") { seen.append("\(c.quantity.value!) \(c.place?.name ?? "-")") }
            #expect(merged.map { "\($0.quantity.value!) \($0.place?.name ?? "-")" } == seen, "\(count) claims")
            #expect(merged.map(\.evidence) == merged.map { c in claims.first { $0.quantity.value == c.quantity.value && $0.place?.name == c.place?.name }!.evidence })
            // A repeat lends its source to a first statement without one.
            #expect(merged.allSatisfy { $0.source != nil } == (count >= 20))
        }
    }
}

/// A story's votes (its countries, its cities) are kept in a short list: the winner must not depend
/// on the order of voting, a place counts under its name, and equal counts go to the first name in
/// alphabetical order (as the dictionaries they replaced answered).
struct VotesTests {
    @Test func theWinnerDoesNotDependOnTheOrderOfVoting() {
        let ballots: [(String, Int)] = [("RU", 3), ("KZ", 2), ("RU", 1), ("BY", 1), ("KZ", 2), ("AM", 2)]
        for order in [ballots, ballots.reversed(), ballots.sorted { $0.0 < $1.0 }] {
            var votes = Votes<String>()
            for (code, n) in order { votes.add(code, n) }
            #expect(votes.winner(by: >) == "KZ")  // RU 4 and KZ 4: the tie goes to KZ
            #expect(votes.count == 4 && votes.total == 11)
        }
    }

    @Test func placesCountUnderTheirNames() {
        let moscow = Place(name: "Moscow", geonameID: 524901, country: "RU", level: .city)
        let idaho = Place(name: "Moscow", geonameID: 5601538, country: "US", level: .city)
        let kazan = Place(name: "Kazan", geonameID: 551487, country: "RU", level: .city)
        var counts = Votes<Place>()
        counts.add(moscow, 1)
        counts.add(kazan, 2)
        counts.add(idaho, 1)
        #expect(counts.count == 2 && counts.first == moscow)
        let top = counts.top(by: { $0.name > $1.name })
        #expect(top?.item == kazan && top?.count == 2)  // 2 and 2: Kazan before Moscow
        #expect(StoryPlace.mostFrequent([kazan, moscow, idaho]) == moscow)
    }
}
