import Testing
import TallyCore
@testable import TallyExtract

/// Who a figure is attributed to when the text does not say "according to X" next to it.
struct AttributionTests {
    func sources(_ text: String, language: String? = nil) -> [String] {
        let document = Document(id: "t", language: language, published: Day("2024-03-15"), text: text)
        return sharedExtractor.claims(in: document).filter { !$0.implicit && $0.quantity.value != nil }.map { c in
            "\(c.quantity.value!) \(c.source?.name ?? "-")"
        }
    }

    @Test func anInstitutionSpeakingImpersonallyIsTheSource() {
        #expect(sources("Как рассказали в полиции, в Омске задержаны 14 человек.", language: "ru") == ["14 police"])
        #expect(sources("В Омске задержаны 14 человек, говорят в полиции.", language: "ru") == ["14 police"])
    }

    @Test func aSourceInTheNextSentenceOfTheParagraphIsTheFiguresSource() {
        let text = "В Томске на акции задержали 17 студентов. Их отпустили к вечеру, сообщает пресс-служба областного управления МВД."
        #expect(sources(text, language: "ru") == ["17 regional Interior Ministry"])
        // A new paragraph starts afresh.
        let apart = "В Томске на акции задержали 17 студентов.\n\nВечером их отпустили, сообщает пресс-служба МВД."
        #expect(sources(apart, language: "ru") == ["17 -"])
    }

    @Test func aStoryWithOneSourceGivesItItsOtherFigures() {
        let text = """
            The Greater Manchester Police said 30 people had been arrested by Sunday evening.

            On Saturday, 12 people were arrested near the town hall.
            """
        #expect(sources(text) == ["30 Greater Manchester Police", "12 Greater Manchester Police"])
    }

    @Test func whoPutsACrowdAtAFigureSpeaks() {
        #expect(sources("Organisers put the crowd in Republic Square at 30,000.") == ["30000 Organisers"])
        #expect(summary("Police estimated the crowd in Piazza del Popolo at some 10,000.") == ["participants people 10000 about - - Police"])
    }

    @Test func aLeadInWithAWordBetweenNamesTheSource() {
        #expect(sources("По последним данным «ОВД-Инфо», в 85 городах задержаны уже 5135 человек.", language: "ru") == ["5135 OVD-Info"])
    }

    @Test func aTopicBeforeAHeadlinesColonIsNoSource() {
        #expect(sources("France riots: 667 arrested on third night") == ["667 -"])
        #expect(sources("Chicago holiday weekend: 19 killed, 90 wounded") == ["19 -", "90 -"])
        // A second source of a sentence opens its own clause after a comma.
        #expect(sources("По данным «ОВД-Инфо», были задержаны 1373 человека, по данным полиции — 1074.", language: "ru") == ["1373 OVD-Info", "1074 police"])
    }

    @Test func aPlaceBeforeAHeadlinesColonIsNoSource() {
        #expect(summary("Kazakhstan: Over 200 Detained at Fuel Price Protests") == ["detained people 200 at_least Kazakhstan - -"])
        #expect(summary("Almaty: 40 detained, police say") == ["detained people 40 exact Almaty - police"])
        // A speaker before the colon still is one.
        #expect(summary("Viasna: 40 detained in Minsk") == ["detained people 40 exact Minsk - Viasna"])
    }

    @Test func aNameBeforeAnAppositionThatNamesNoSourceSpeaks() {
        #expect(sources("Adam Smith, a neighbour of the family, said 12 of them were beaten in custody in Minsk.") == ["12 Adam Smith"])
        // So does one before an apposition of a kind of source that names no organisation.
        #expect(sources("Adam Smith, a lawyer for the detainees, said 12 of them were beaten in custody in Minsk.") == ["12 Adam Smith"])
        #expect(sources("В Минске задержаны 45 человек, рассказал «Медиазоне» адвокат задержанных.", language: "ru") == ["45 lawyer"])
        // A word opening the sentence, or a place after a preposition, is no name.
        #expect(sources("In Minsk, a neighbour of the family said 12 of them were beaten.") == ["12 -"])
    }

    @Test func aSourcesFiguresAreTheSource() {
        #expect(sources("According to police figures, 100 people were detained in Minsk.") == ["100 police"])
        #expect(sources("According to OVD-Info's count, 100 people were detained in Moscow.") == ["100 OVD-Info"])
        #expect(sources("According to organisers' estimates, 100,000 people marched in Warsaw.") == ["100000 organisers"])
    }

    @Test func anOutletToldIsNotTheOneSpeaking() {
        #expect(sources("В Минске задержаны 45 человек, рассказал ТАСС представитель МВД.", language: "ru") == ["45 Interior Ministry"])
        #expect(sources("В Минске задержаны 45 человек, сообщил «Интерфаксу» источник в силовых структурах.", language: "ru") == ["45 source"])
        // An outlet that speaks is the source: "сообщает «ОВД-Инфо»" (a hyphen inside its quotes too).
        #expect(sources("В Минске задержаны 45 человек, сообщает «ОВД-Инфо».", language: "ru") == ["45 OVD-Info"])
    }

    @Test func aLongOfficeNamedAfterItsFiguresIsTheSource() {
        // Six words and a hyphen after the verb; the clause before, counting people, is no name.
        #expect(sources("Ранения получили четверо полицейских, сообщила пресс-служба ГУ МВД по Москве.", language: "ru")
            == ["4 Moscow police"])
    }

    @Test func eachClauseOfAContrastKeepsItsOwnSource() {
        #expect(sources("Police said 4,000 people joined the march in Tbilisi, while organisers put the turnout at 15,000.")
            == ["4000 Police", "15000 organisers"])
        #expect(sources("The Interior Ministry reported 18 arrests in Almaty; Human Rights Watch said 60 people had been detained.")
            == ["18 Interior Ministry", "60 Human Rights Watch"])
        #expect(sources("По данным МВД, в Казани задержаны 45 человек, но правозащитники сообщают о 90 задержанных.", language: "ru")
            == ["45 Interior Ministry", "90 human rights activists"])
        // A comma before who speaks opens a clause too.
        #expect(sources("Организаторы заявили, что в акции в Казани участвовали 20 тысяч человек, полиция насчитала 5 тысяч.", language: "ru")
            == ["20000 organizers", "5000 police"])
        // One source for both clauses, or a clause without a source of its own: the sentence's source.
        #expect(sources("Police said 25 people were detained in Riga, and 3 officers were hurt.") == ["25 Police", "3 Police"])
    }

    /// Well-known Russian sources print their English names, a known office before a person's
    /// name too ("генеральный прокурор Асхат Даулбаев" → Prosecutor General).
    @Test func wellKnownRussianSourcesInEnglish() {
        #expect(summary("В Жанаозене задержаны 70 человек, сообщил генеральный прокурор Асхат Даулбаев.") ==
                ["detained people 70 exact Zhanaozen - Prosecutor General"])
        #expect(summary("МОМ: у побережья Ливии погиб по меньшей мере 61 мигрант.").first?.hasSuffix("IOM") == true)
        #expect(summary("Среди задержанных в Ереване — 14 несовершеннолетних, сообщил омбудсмен Арман Татоян.") ==
                ["detained minors 14 exact Yerevan - Ombudsman"])
        #expect(summary("По данным «Кавказского узла», в Нальчике задержаны семеро.") == ["detained people 7 exact Nalchik - Caucasian Knot"])
    }

    /// "говорится в сообщении прокуратуры Парижа": whose statement is named after it; a
    /// prosecutor's office prints its city; "по данным агентства" points back to the agency named
    /// before; a health department is one.
    @Test func statementsOfficesAndAgencies() {
        #expect(summary("В Париже задержаны 412 человек, говорится в сообщении прокуратуры Парижа.") ==
                ["detained people 412 exact Paris - Paris prosecutor"])
        #expect(summary("По данным прокуратуры, в Омске задержаны 12 человек.") == ["detained people 12 exact Omsk - prosecutor's office"])
        #expect(summary("Агентство AP сообщило о протестах. По данным агентства, в Лагосе погибли не менее пяти человек.") ==
                ["killed people 5 at_least Lagos - AP"])
        #expect(summary("Как рассказали в департаменте здравоохранения Москвы, за медицинской помощью обратились 25 человек.") ==
                ["injured people 25 exact Moscow - Health Department"])
    }

    /// A headline's topic before its colon is no source unless it names one ("Greek shipwreck:"
    /// against "Amnesty:"); a hyphen between spaces ends who speaks; a day after "said in a
    /// statement" is nobody.
    @Test func topicsDashesAndDaysAreNoSources() {
        #expect(summary("Greek shipwreck: 78 dead off Pylos") == ["killed people 78 exact Greece - -"])
        #expect(summary("Amnesty: 40 killed in Lagos") == ["killed people 40 exact Lagos - Amnesty International"])
        #expect(summary("BOGOTA, May 5 (Wire) - Colombia's human rights ombudsman said 24 people had died in Cali.") ==
                ["killed people 24 exact Cali 2023-05-05 Colombia's human rights ombudsman"])
        #expect(summary("At least 31 people were killed in Nairobi on Monday, the commission said in a statement on Tuesday.") ==
                ["killed people 31 at_least Nairobi 2024-03-11 -"])
    }

    /// "представитель главка" speaks for the police headquarters of the story's city.
    @Test func theGlavkIsThePolice() {
        #expect(summary("В Москве задержаны 400 человек. «Пострадали 29 сотрудников полиции», — сообщил представитель главка.") ==
                ["detained people 400 exact Moscow - Moscow police", "injured police 29 exact Moscow - Moscow police"])
    }

    /// A city hall prints its city, named after it or the story's; none known, plain "city hall".
    @Test func aCityHallPrintsItsCity() {
        #expect(summary("По оценке мэрии Хабаровска, в шествии участвовали 10 тысяч человек.") ==
                ["participants people 10000 exact Khabarovsk - Khabarovsk city hall"])
        #expect(summary("По оценке мэрии, в акции участвовали 10 тысяч человек.") == ["participants people 10000 exact - - city hall"])
    }

    /// A clause whose verb a dash stands for has its own speaker ("…, организаторы — в 10 тыс.");
    /// a place before a dash speaks for no one.
    @Test func aDashForTheVerbOfSaying() {
        #expect(summary("Полиция оценивала число участников акции в Москве в 3,5 тыс., организаторы — в 10 тыс.") ==
                ["participants people 3500 exact Moscow - police", "participants people 10000 exact Moscow - organizers"])
        #expect(summary("Организаторы оценили число участников митинга в Магасе в 10 тысяч человек, в МВД республики — в 3 тысячи.").last?
                .hasSuffix("Interior Ministry") == true)
        #expect(summary("Москва — 500 задержанных.") == ["detained people 500 exact Moscow - -"])
    }

    /// A quoted name that ends a description of the source is its name, whatever the case of its
    /// words ("правозащитный проект «Гражданский монитор»"); «Весна» is Viasna.
    @Test func aQuotedNameNamesTheSource() {
        #expect(summary("По данным правозащитного проекта «Гражданский монитор», в Казани задержаны 9 человек.") ==
                ["detained people 9 exact Kazan - Гражданский монитор"])
        #expect(summary("Как сообщил правозащитный центр «Весна», в Минске задержаны 9 человек.") == ["detained people 9 exact Minsk - Viasna"])
        #expect(summary("The rights group \"Civic Monitor\" said 9 people were detained in Kazan.") == ["detained people 9 exact Kazan - Civic Monitor"])
    }

    /// A day between the verb and who speaks is skipped, and a day after who speaks is no part of
    /// the name: "…, сообщила в понедельник прокуратура", "said police on Sunday".
    @Test func aDayBesideTheSpeakerIsNotTheSpeaker() {
        #expect(summary("В Нукусе пострадали 243 человека, сообщила в понедельник Генеральная прокуратура Узбекистана.") ==
                ["injured people 243 exact Nukus - Prosecutor General's Office"])
        #expect(summary("В Омске задержаны 12 человек, сообщила вчера полиция.") == ["detained people 12 exact Omsk - police"])
        #expect(summary("Twelve people were arrested in Leeds, said police on Sunday.") == ["detained people 12 exact Leeds - police"])
    }
}

struct MinistryAnaphoraTests {
    @Test func inTheMinistryPointsBackToTheMinistry() {
        let text = "По данным МВД, в Омске задержаны 40 человек. Трое полицейских получили травмы, сообщили в министерстве."
        let found = sharedExtractor.claims(in: Document(id: "t", language: "ru", published: Day("2024-03-15"), text: text))
            .filter { !$0.implicit }.map { "\($0.quantity.value ?? 0) \($0.source?.name ?? "-")" }
        #expect(found == ["40 Interior Ministry", "3 Interior Ministry"])
    }
}

extension AttributionTests {
    /// "сказал представитель пресс-службы", "по данным пресс-службы": a press service that names
    /// no body is the one of the source named before (as "the spokesman" is in English).
    @Test func aPressServiceWithoutItsBodyIsThePreviousSources() {
        let text = """
            По данным ГУ МВД по Омской области, на площади собрались 600 человек. «Задержаны 25 участников акции», — сказал представитель пресс-службы.

            По данным пресс-службы, ещё 12 человек задержаны у метро.
            """
        let found = sharedExtractor.claims(in: Document(id: "t", language: "ru", published: Day("2024-03-15"), text: text))
            .filter { !$0.implicit }.map { "\($0.quantity.value ?? 0) \($0.source?.name ?? "-")" }
        #expect(found.count == 3)
        #expect(Set(found.map { $0.split(separator: " ", maxSplits: 1)[1] }).count == 1, "\(found)")
        #expect(!found.contains { $0.contains("пресс") }, "\(found)")
        // With a body named, the press service speaks for it.
        #expect(sources("В Омске задержаны 25 человек, сообщила пресс-служба МВД.", language: "ru") == ["25 Interior Ministry"])
    }

    @Test func aTitleBeforeAPersonsNameSpeaksForTheOffice() {
        #expect(sources("Ankara Gov. Mehmet Yilmaz told reporters that 52 people were detained.") == ["52 Ankara governor"])
        #expect(sources("Interior Minister Ana Costa said 16 protesters were arrested in Porto.") == ["16 Interior Minister"])
    }

    @Test func anAbbreviationInBracketsBeforeTheVerbIsTheSource() {
        #expect(sources("At least 12 people were killed in clashes on Friday, the Chad Rights Network (CRN) said.") == ["12 CRN"])
    }

    @Test func withXConfirmingNamesTheSource() {
        #expect(sources("It was the worst day yet, with Reuters confirming that at least 19 people were killed in Bamako.") == ["19 Reuters"])
    }

    @Test func aStatementReferredBackToIsThePreviousSources() {
        let text = """
            Пресс-служба МВД сообщила о задержании 300 человек. «В Алматы задержаны 40 человек», — говорится в сообщении.
            """
        #expect(sources(text, language: "ru") == ["300 Interior Ministry", "40 Interior Ministry"])
    }

    /// A quoted name after its description runs to its closing quote and is the source's name.
    @Test func aQuotedNameRunsToItsClosingQuote() {
        #expect(sources("В Казани задержаны 50 человек, сообщает правозащитный проект «Открытый счёт».", language: "ru") ==
                ["50 Открытый счёт"])
    }
}


extension AttributionTests {
    @Test func aDayAfterAVerbOfSayingIsNoSource() {
        #expect(sources("Three people were found dead in the house, authorities said Sunday.") == ["3 authorities"])
        #expect(sources("Four protesters were detained in Minsk, Viasna said Monday night.") == ["4 Viasna"])
        #expect(sources("В Омске задержаны 14 человек, сообщили в понедельник в полиции.", language: "ru") == ["14 police"])
    }

    @Test func aPhrasePointingBackMeansTheLastSourceOfItsClass() {
        let text = """
            Police detained more than 100 people in Minsk, Viasna reported. Officials insisted that fewer than 50 people had taken part.

            Elsewhere, 15 people were held in Hrodna, the monitor said.
            """
        #expect(sources(text) == ["100 Viasna", "50 Officials", "15 Viasna"])
    }

    @Test func theNameBeforeADescriptionSpeaks() {
        #expect(sources("At least 41 people were killed, Iran Human Rights, a Norway-based group, said.") == ["41 Iran Human Rights"])
        // A description that names an organisation speaks for it.
        #expect(sources("Four women were killed, Sgt. Mark Francis, a spokesman for the Washington State Patrol, said.") == ["4 Washington State Patrol"])
    }

    @Test func aSitesNameKeepsItsPeriodAndIsNoPlace() {
        #expect(summary("Полиция задержала пятерых участников акции в Новосибирске, сообщает «Тайга.инфо».", language: "ru") ==
                ["detained people 5 exact Novosibirsk - Taiga.info"])
        #expect(sources("По данным «Фонтанки», повестки вручили пятерым задержанным.", language: "ru") == ["5 Fontanka"])
    }

    @Test func aPlaceNameStartingWithNewCanOpenASource() {
        #expect(sources("Three people were found dead in a home, New Hampshire authorities said.") == ["3 New Hampshire authorities"])
        #expect(sources("Two men were shot, New York police said.") == ["2 New York police"])
        // A headline label is still none.
        #expect(sources("New: 12 detained at the rally in Minsk") == ["12 -"])
    }

    /// Kinds of sources are printed in English, as names are ("МВД" → "Interior Ministry"); a name
    /// in the phrase wins over the kind before it.
    @Test func kindsOfSourcesArePrintedInEnglish() {
        #expect(sources("В Казани задержали 12 человек, сообщили правозащитники.", language: "ru") == ["12 human rights activists"])
        #expect(sources("По данным местных СМИ, в Уфе задержали 40 человек.", language: "ru") == ["40 local media"])
        #expect(sources("Как сообщает издание «Люди Байкала», в Иркутске задержали 14 человек.", language: "ru") == ["14 Люди Байкала"])
        #expect(sources("По словам правозащитников из «Мемориала», в Москве задержали 30 человек.", language: "ru") == ["30 Memorial"])
        #expect(sources("В ГУ МВД по Самарской области назвали цифру в 600 участников.", language: "ru") == ["600 regional Interior Ministry"])
        // The ministry's office of a city is the city's police; of a region named for its city, the region's.
        #expect(sources("Задержаны около 40 человек, сообщили в пресс-службе ГУ МВД России по Санкт-Петербургу и Ленинградской области.",
                        language: "ru") == ["40 Saint Petersburg police"])
        #expect(sources("В Екатеринбурге задержаны 21 человек, сообщили в ГУ МВД по Свердловской области.", language: "ru") == ["21 regional Interior Ministry"])
        #expect(sources("В Красноярске задержаны 18 человек, сообщили в ГУ МВД по Красноярскому краю.", language: "ru") == ["18 regional Interior Ministry"])
    }

    /// A police body named by the city it serves prints that city: the one named after it, else
    /// the story's city, else none.
    @Test func aCityPoliceBodyPrintsItsCity() {
        #expect(sources("В ГУВД Бишкека подтвердили задержание 68 человек.", language: "ru") == ["68 Bishkek police"])
        let story = "В Самаре задержали участников митинга.\n\nПолицейские задержали 19 человек у здания мэрии Самары, сообщила пресс-служба ГУВД города."
        #expect(sources(story, language: "ru") == ["19 Samara police"])
        #expect(sources("Задержаны 5 человек, сообщили в ГУВД.", language: "ru") == ["5 police"])
    }

    /// A name in quotes runs to its closing quote, commas and all; a quoted figure does not.
    @Test func aQuotedNameKeepsItsComma() {
        #expect(sources("По данным Telegram-канала «Тихо, новости», в Москве задержаны 10 человек.", language: "ru")
                == ["10 Тихо, новости"])
        #expect(sources("По данным Telegram-канала «Осторожно, новости», в Москве задержаны 10 человек.", language: "ru")
                == ["10 Ostorozhno Novosti"])
        #expect(sources("ТАСС со ссылкой на источник сообщал о задержании в Петербурге «около 100 человек».", language: "ru").first?.hasPrefix("100") == true)
    }

    /// A figure inside who speaks counts the speakers, not the people the story is about.
    @Test func theSpeakersOwnNumberIsNoClaim() {
        #expect(sources("Two officials said 40 people were arrested in Yangon.") == ["40 Two officials"])
    }

    @Test func aVerbOfSayingAfterAnArticleIsANoun() {
        #expect(sources("Officers answered a report of gunfire in Dayton on Friday and found two men shot.") == ["2 -"])
        // The verb itself still names its speaker.
        #expect(sources("Officers reported that two men were shot in Dayton on Friday.") == ["2 Officers"])
    }
}

/// `SourceNames.nominative` reads plain text byte by byte; it must answer as the reading by
/// characters does.
struct NominativeTests {
    @Test func bytesAndCharactersAgree() {
        let samples = [
            "Анны Кузнецовой", "«Анна Кузнецова»", "пресс-службы МВД", "Ирины Смирновой и Петра Ивановой", "«ОВД-Инфо»",
            "“Мемориал”", "Civic Monitor", "\"Viasna\"", "Союза журналистов  России", " ведущей Петровой ", "Щукиной", "ёлкиной",
            "Ёлкиной", "«»", "Łódź Police", "Élise Ivanovой", "Ѣ Ивановой", "group «Правозащитной»", "Сибирской", "a\u{301}b Ивановой",
            "Civic  Monitor", " Civic Monitor", "Civic Monitor ", "", " ", "OVD-Info", "the Interior Ministry",
        ]
        for text in samples {
            let fast = SourceNames.nominativeByBytes(text)
            if let fast { #expect(fast == SourceNames.nominativeByCharacters(text), "\(text)") }
            #expect(SourceNames.nominative(text) == SourceNames.nominativeByCharacters(text), "\(text)")
        }
        #expect(SourceNames.nominative("Анны Кузнецовой") == "Анны Кузнецова")
    }
}
