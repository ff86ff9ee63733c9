import Testing
import TallyCore
@testable import TallyExtract

struct ExtractorRussianTests {
    // With no date in the text, a claim has none: the publication day is not the event's.
    @Test func caseFormsQualifiersAndSources() {
        #expect(summary("По данным «ОВД-Инфо», вчера в Екатеринбурге задержали более 120 человек.") ==
                ["detained people 120 at_least Yekaterinburg 2024-03-14 OVD-Info"])
        #expect(summary("В Казани полиция задержала девятерых, в том числе троих несовершеннолетних, сообщает МВД.") == [
            "detained people 9 exact Kazan - Interior Ministry",
            "detained minors 3 exact Kazan - Interior Ministry",
        ])
    }

    @Test func numberWordsScaleWordsAndRanges() {
        #expect(summary("На митинг в Новосибирске, по оценкам организаторов, пришли полторы тысячи человек.") ==
                ["participants people 1500 exact Novosibirsk - organizers"])
        #expect(summary("В субботу в Москве на акцию вышли 20-30 тысяч человек.") ==
                ["participants people 20000-30000 range Moscow 2024-03-09 -"])
        #expect(summary("В Омске собрались около 1,3 тыс. человек.") == ["participants people 1300 about Omsk - -"])
    }

    @Test func kindsInRussian() {
        #expect(summary("В Уфе пострадали пятеро участников акции, двое погибли.") == [
            "injured people 5 exact Ufa - -", "killed people 2 exact Ufa - -",
        ])
        #expect(summary("На семерых задержанных в Перми составили протоколы.") == ["charged people 7 exact Perm - -"])
        #expect(summary("Двоим задержанным в Самаре вручили повестки в военкомат.") == ["drafted people 2 exact Samara - -"])
    }

    @Test func nationwideAndVague() {
        #expect(summary("По всей России задержаны сотни человек.") == ["detained people hundreds about Russia - -"])
    }

    @Test func yearsAgesAndTermsAreNotClaims() {
        #expect(summary("В 2021 году суд приговорил его к 3 годам, ему 19 лет.").isEmpty)
        #expect(summary("Акции прошли в 13 городах.").isEmpty)
        // Days of arrest in any case, protocols counted as documents, people evacuated.
        #expect(summary("Позже его приговорили к 30 суткам ареста.", language: "ru").isEmpty)
        #expect(summary("По этой статье было составлено более 5 500 протоколов.", language: "ru").isEmpty)
        #expect(summary("Из здания эвакуировали более 700 учеников, погибли девять человек.", language: "ru") == ["killed people 9 exact - - -"])
        // Those who turned to first-aid posts were hurt.
        #expect(summary("В медпункты обратились шестеро участников акции.", language: "ru") == ["injured people 6 exact - - -"])
        // Those who study or live somewhere are no count of an event.
        #expect(summary("В колледже обучаются около 1 200 студентов.", language: "ru").isEmpty)
        #expect(summary("В городе проживают почти 1,5 млн человек.", language: "ru").isEmpty)
        // Those a case names are charged; a name after an outlet word is the outlet's, no place.
        #expect(summary("Всего по делу проходят семь журналистов.", language: "ru") == ["charged journalists 7 exact - - -"])
        #expect(summary("По информации агентства Turan, задержаны 14 человек.", language: "ru").allSatisfy { $0.contains(" 14 exact - ") })
    }
}

struct LexiconOrderTests {
    /// A longer stem wins over a shorter one: "школьников" are pupils (minors), not schools.
    @Test func theMostSpecificWordWins() {
        #expect(summary("Полиция задержала 2 школьников в Туле.") == ["detained minors 2 exact Tula - -"])
    }
}

struct RussianListTests {
    @Test func aBareFigureOfAListCountsWhomTheNextOneNames() {
        let text = "В субботу были задержаны около 200 несовершеннолетних. «В Омске — около 40, в Томске — порядка 20 детей», — уточнила она."
        let found = summary(text, language: "ru").filter { !$0.contains(" 200 ") }
        #expect(found.map { $0.split(separator: " ").prefix(4).joined(separator: " ") } ==
                ["detained minors 40 about", "detained minors 20 about"])
    }
}

/// Failures found on invented news passages (the audit of December 2026), each failing without its rule.
struct ExtractorRussianAuditTests {
    /// "более тысячи", "около сотни": after a qualifier the genitive singular is one thousand (one
    /// hundred), not the plural "тысячи" of a vague amount, which stays vague without a qualifier.
    @Test func aMultiplierAfterAQualifierIsOne() {
        #expect(summary("В Екатеринбурге задержали более тысячи человек, сообщает «ОВД-Инфо».") ==
                ["detained people 1000 at_least Yekaterinburg - OVD-Info"])
        #expect(summary("В Казани на акцию вышли около сотни человек.") == ["participants people 100 about Kazan - -"])
        #expect(summary("Тысячи человек вышли на улицы Новосибирска.") == ["participants people thousands about Novosibirsk - -"])
    }

    /// "40 — в Казани и 56 — в Уфе": the dash stands for the verb left out and binds each figure
    /// to the place after it, not to the place across "и".
    @Test func aDashBindsAFigureToItsPlace() {
        let found = summary("Задержаны 96 человек, из них 40 — в Казани и 56 — в Уфе.")
        #expect(found.contains("detained people 40 exact Kazan - -"), "\(found)")
        #expect(found.contains("detained people 56 exact Ufa - -"), "\(found)")
    }

    @Test func militiaOfficersArePolice() {
        #expect(summary("В Гродно пострадали 12 сотрудников милиции.") == ["injured police 12 exact Hrodna - -"])
    }

    @Test func anEstimateInTheSingularNamesTheSource() {
        #expect(summary("По оценке «Мемориала», в Назрани задержаны 30 человек.") == ["detained people 30 exact Nazran - Memorial"])
    }

    @Test func aHealthMinistryIsNamedAsOne() {
        #expect(summary("Погибли 14 человек, сообщил Минздрав Ирана.") == ["killed people 14 exact Iran - Health Ministry"])
    }
}

/// The second round of the audit on invented passages.
struct ExtractorRussianAuditListTests {
    /// "Figures covering several cities get the country": one figure for "Москве, Петербурге и
    /// Екатеринбурге" is Russia's, not the nearest city's; figures of their own keep their city.
    @Test func aFigureOfAListOfCitiesIsTheCountrys() {
        #expect(summary("В воскресенье в Москве, Петербурге и Екатеринбурге задержали около 2800 человек.") ==
                ["detained people 2800 about Russia 2024-03-10 -"])
        #expect(summary("Police detained 2,800 people in Moscow, St Petersburg and Yekaterinburg on Sunday.") ==
                ["detained people 2800 exact Russia 2024-03-10 -"])
        #expect(summary("Police detained 502 people in Moscow and 524 in St Petersburg.") ==
                ["detained people 502 exact Moscow - -", "detained people 524 exact Saint Petersburg - -"])
    }

    @Test func aMinisterNamedByOfficeInRussian() {
        #expect(summary("В Алма-Ате погибли 103 человека, сообщил министр здравоохранения Казахстана.") ==
                ["killed people 103 exact Almaty - Health Minister"])
        #expect(summary("В Тбилиси пострадали 10 человек, сообщил министр внутренних дел Грузии.") ==
                ["injured people 10 exact Tbilisi - Interior Minister"])
    }

    @Test func theMoscowCityCourtIsInMoscow() {
        #expect(summary("Во вторник у Мосгорсуда задержали свыше 1400 человек.") == ["detained people 1400 at_least Moscow 2024-03-12 -"])
    }
}

struct SubsetKindTests {
    /// A subset in an aside after its whole ("…, в том числе 20 женщин", "…, including six
    /// journalists") counts what the whole counts, not what a verb of the clause about the whole
    /// ("пришедших", "gathered") says; a trigger of the subset's own still decides.
    @Test func aSubsetCountsWhatItsWholeCounts() {
        #expect(summary("В субботу в Петербурге задержаны не меньше 150 человек, пришедших к Соловецкому камню, в том числе 20 женщин.") == [
            "detained people 150 at_least Saint Petersburg 2024-03-09 -", "detained women 20 exact Saint Petersburg 2024-03-09 -",
        ])
        #expect(summary("Police detained 40 people who had gathered outside the embassy, including six journalists.") ==
                ["detained people 40 exact - - -", "detained journalists 6 exact - - -"])
        #expect(summary("Police detained 20 people, including 5 who were injured.") ==
                ["detained people 20 exact - - -", "injured people 5 exact - - -"])
        // A trigger inside the aside is the subset's own: "wounding of 3 others".
        #expect(summary("A man was charged over a shooting in Tacoma, wounding of 3 others.").contains { $0.hasPrefix("injured people 3 ") })
        #expect(!summary("A man was charged over a shooting in Tacoma, wounding of 3 others.").contains { $0.hasPrefix("charged people 3 ") })
    }
}

struct PartitivePronounTests {
    /// "против 30 из них возбуждены уголовные дела": after "из них" the figure counts those named
    /// before; "уголовные дела" a word later is what happened to them, not what the figure counts.
    @Test func aPartitivePronounIsTheHead() {
        #expect(summary("Задержали 1400 человек. В отношении 30 из них возбуждены уголовные дела.") ==
                ["detained people 1400 exact - - -", "charged people 30 exact - - -"])
        // Without the pronoun a thing still counts no people: "в одном из московских отделений".
        #expect(summary("Задержанных держали в одном из московских отделений.").isEmpty)
    }

    @Test func eachFigureKeepsItsOwnNounAndAnAsideOfSourceCostsNothing() {
        #expect(summary("Полиция сообщила о 1074 задержанных и о 3500 участниках.", language: "ru") ==
                ["detained people 1074 exact - - police", "participants people 3500 exact - - police"])
        #expect(summary("На площадь вышли, по данным полиции, 1500 человек.", language: "ru") == ["participants people 1500 exact - - police"])
        // Nights and fines in base units count no one.
        #expect(summary("За четыре ночи протестов задержаны 224 человека. Штрафы составили от 50 до 100 МРП.", language: "ru") == ["detained people 224 exact - - -"])
        // A part with no noun of its own counts the whole's people.
        #expect(summary("Ранения получили 50 полицейских, десять из них госпитализированы.", language: "ru") ==
                ["injured police 50 exact - - -", "injured police 10 exact - - -"])
        #expect(summary("The ministry said 143 police officers had been injured, five of whom remain in hospital.") ==
                ["injured police 143 exact - - -", "injured police 5 exact - - -"])
        // A noun of the detained beats where they were; a summons after it says what the figure counts.
        #expect(summary("Пятнадцати задержанным на акции в Москве вручили повестки в военкомат.", language: "ru") == ["drafted people 15 exact Moscow - -"])
        // Sent into custody is detained; an administrative arrest is a sentence; losing an eye is an injury.
        #expect(summary("Суд отправил под стражу ещё четырёх участников митинга.", language: "ru") == ["detained people 4 exact - - -"])
        #expect(summary("Ещё пятеро получили административный арест.", language: "ru") == ["charged people 5 exact - - -"])
        #expect(summary("Двое участников акции лишились глаза.", language: "ru") == ["injured people 2 exact - - -"])
        // Held in custody is detained.
        #expect(summary("Под стражей остаются по меньшей мере 12 журналистов.", language: "ru") == ["detained journalists 12 at_least - - -"])
        // Every case of «тысяча» multiplies.
        #expect(summary("В полиции заявили о 20 тысячах участников.", language: "ru") == ["participants people 20000 exact - - police"])
    }


    @Test func aDatelinesDateIsWhenTheStoryWasFiled() {
        let text = "МИНСК, 10 августа. /ТАСС/ — Около 3 тыс. человек задержаны в воскресенье, 9 августа, в ходе акций в Белоруссии."
        #expect(summary(text, language: "ru", published: "2020-08-10") == ["detained people 3000 about Belarus 2020-08-09 -"])
        let wire = "TBILISI, June 21 (Reuters) — Police detained 305 people after clashes on Thursday night, the ministry said."
        #expect(summary(wire, published: "2019-06-21") == ["detained people 305 exact - 2019-06-20 -"])
        // A dateline's date is the story's day only when the story states none of its own.
        let filed = "САМАРА, 23 января. /ТАСС/. Пять человек погибли при пожаре в хостеле в Самаре."
        #expect(summary(filed, language: "ru", published: "2024-01-25") == ["killed people 5 exact Samara 2024-01-23 -"])
        // A line of only a date and a time stamps the page: the story's own day comes first,
        // the stamp only when the story states none.
        let stamped = "В Екатеринбурге задержали 27 человек\n\n14 мая 2019, 09:12\n\nВечером в понедельник, 13 мая, в центре города прошла акция. Полиция задержала 27 её участников."
        #expect(summary(stamped, language: "ru", published: "2019-05-14").allSatisfy { $0.contains("2019-05-13") })
        let stampOnly = "В Москве задержали 66 человек\n2 апреля 2022, 15:43\n\nСиловики задержали 66 участников акций."
        #expect(summary(stampOnly, language: "ru", published: "2022-04-02").first?.contains("2022-04-02") == true)
        // A street named for a day is no date.
        let street = "Пять человек погибли при пожаре в общежитии на улице 22 Апреля в Омске."
        #expect(summary(street, language: "ru", published: "2023-02-14") == ["killed people 5 exact Omsk - -"])
        // "yesterday's protests" is yesterday.
        #expect(summary("We know of 3,521 people detained during yesterday's protests.", published: "2021-01-24").first?.contains("2021-01-23") == true)
    }

    /// "В больницы доставлены" is injured, not detained; "ни один" is no one; a phone number with
    /// its code in brackets, a law's "двух и более лиц" and cars burnt are no counts.
    @Test func hospitalsPhonesAndThingsInRussian() {
        #expect(summary("В Киеве в больницы доставлены 263 человека.") == ["injured people 263 exact Kyiv - -"])
        #expect(summary("Двое участников акции в Тбилиси потеряли глаз.") == ["injured people 2 exact Tbilisi - -"])
        #expect(summary("По словам посла, ни один из задержанных россиян не пострадал.") == [])
        #expect(summary("Телефон горячей линии: 8 (8732) 22-33-44.") == [])
        #expect(summary("Возбуждено уголовное дело по статье об убийстве двух и более лиц.") == [])
        #expect(summary("Протестующие подожгли 112 автомобилей.") == [])
        #expect(summary("Толпа, насчитывавшая около полутора тысяч человек, прорвалась к аэропорту Махачкалы.") ==
                ["participants people 1500 about Makhachkala - -"])
    }

    /// "в Жанаозене Мангистауской области": a capitalised word before a region word is the city's
    /// region, not the rest of a longer name.
    @Test func aCityBeforeItsRegion() {
        #expect(summary("В результате беспорядков в Жанаозене Мангистауской области погибли 11 человек.") ==
                ["killed people 11 exact Zhanaozen - -"])
    }

    /// Those who lost an eye are injured; people identified or whom a service means to prosecute
    /// are counted as neither.
    @Test func eyesIdentitiesAndIntentions() {
        #expect(summary("Двое участников акции в Тбилиси лишились глаза.") == ["injured people 2 exact Tbilisi - -"])
        #expect(summary("Установлены личности более 150 участников беспорядков в Махачкале.") == [])
        #expect(summary("В ГУФСИН по Иркутской области рассчитывают привлечь к ответственности 30 заключённых.") == [])
    }

    /// A day before who speaks is no part of the name; «Весне» is Viasna; things and the rescued count no one.
    @Test func daysBeforeSpeakersThingsAndTheRescued() {
        #expect(summary("В пятницу ФСБ сообщила о задержании семи человек в Казани.") == ["detained people 7 exact Kazan 2024-03-15 FSB"])
        #expect(summary("В Гомеле задержали 14 человек, сообщили в «Весне».") == ["detained people 14 exact Homyel - Viasna"])
        #expect(summary("После двух взрывов на шахте в Воркуте погибли 9 горняков.") == ["killed people 9 exact Vorkuta - -"])
        #expect(summary("В Измире погибли 40 человек, из-под завалов живыми извлечены около 300 человек.") ==
                ["killed people 40 exact İzmir - -"])
        #expect(summary("К поискам стрелка в Перми подключены более 400 сотрудников.") == [])
        #expect(summary("В колонии под Омском содержатся около 1,2 тысячи осужденных.") == [])
        // "местных" is no "место" (a seat): only the noun's own forms are things.
        #expect(summary("В Уфе в драке погибли трое местных жителей.") == ["killed people 3 exact Ufa - -"])
        #expect(summary("В зале в Уфе было 300 мест, задержали 20 человек.") == ["detained people 20 exact Ufa - -"])
    }

    /// A verb right after the next figure, past a comma, is that figure's, however long the toll's
    /// own phrase; not when the two figures are listed with "и".
    @Test func aVerbAfterTheNextFigureIsItsOwn() {
        #expect(summary("Число погибших в результате столкновений в Ферганской и Андижанской областях Узбекистана выросло до 23 человек, еще 318 получили ранения.") ==
                ["killed people 23 exact Uzbekistan - -", "injured people 318 exact Uzbekistan - -"])
        #expect(summary("В Андижане трое полицейских и двое военных были ранены.") ==
                ["injured police 3 exact Andijon - -", "injured people 2 exact Andijon - -"])
    }
}
