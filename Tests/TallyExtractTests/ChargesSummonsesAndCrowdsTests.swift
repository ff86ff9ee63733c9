import Testing
import TallyCore
@testable import TallyExtract

/// Charges, summonses and crowd sizes, and the sources that give them.
struct ChargesSummonsesAndCrowdsTests {
    // 2024-03-15 was a Friday.

    @Test func aChargeOrSummonsAfterADetentionParticipleSaysWhatTheFigureCounts() {
        #expect(summary("At least 15 men detained at the rally in Moscow on Wednesday were handed draft summonses, OVD-Info said.") ==
                ["drafted people 15 at_least Moscow 2024-03-13 OVD-Info"])
        #expect(summary("Ten protesters arrested in Lyon were charged with violence against police.") ==
                ["charged people 10 exact Lyon - -"])
        #expect(summary("At least 12 detained protesters received draft notices in Kazan, OVD-Info said.") ==
                ["drafted people 12 at_least Kazan - OVD-Info"])
        #expect(summary("На девятерых журналистов, задержанных в Москве, составлены протоколы.") ==
                ["charged journalists 9 exact Moscow - -"])
        // Still a detention: a charge that is denied, threatened or counts another figure.
        #expect(summary("Twelve people detained in Lyon were released without charge.") == ["detained people 12 exact Lyon - -"])
        #expect(summary("Twelve people detained in Lyon could face charges.") == ["detained people 12 exact Lyon - -"])
        #expect(summary("Fifty people detained in Minsk on Sunday, and 10 of them were charged.") ==
                ["detained people 50 exact Minsk 2024-03-10 -", "charged people 10 exact Minsk 2024-03-10 -"])
    }

    @Test func peopleFinedAreProsecutedButFinesAreNoClaims() {
        #expect(summary("Courts in Moscow fined 34 protesters on Monday, OVD-Info said.") ==
                ["charged people 34 exact Moscow 2024-03-11 OVD-Info"])
        #expect(summary("He was fined 500 roubles in Moscow.").isEmpty)
    }

    @Test func medicalTreatmentCountsTheInjured() {
        #expect(summary("At least 12 people needed medical treatment after police used water cannon in Tbilisi.") ==
                ["injured people 12 at_least Tbilisi - -"])
    }

    @Test func aTollThatRoseToAFigureIsExact() {
        #expect(summary("Число погибших в ходе беспорядков в Алма-Ате выросло до 225.") == ["killed people 225 exact Almaty - -"])
        #expect(summary("Число задержанных в Минске возросло до 300, сообщает «Вясна».") == ["detained people 300 exact Minsk - Viasna"])
        #expect(summary("В Минске задержали до 300 человек.") == ["detained people 300 at_most Minsk - -"])
    }

    @Test func collectiveNumeralsInTheDative() {
        #expect(summary("В Самаре обвинения предъявлены восьмерым задержанным.") == ["charged people 8 exact Samara - -"])
        #expect(summary("Повестки в военкомат вручили семерым задержанным в Туле.") == ["drafted people 7 exact Tula - -"])
    }

    @Test func aCrowdOfABareFigureIsCountedPastTheVerbAfterIt() {
        // "the square" after the verb is another noun phrase, not the thing the figure counts.
        #expect(summary("A crowd of 50,000 filled the square in Tbilisi.") == ["participants people 50000 exact Tbilisi - -"])
        #expect(summary("A crowd estimated at 50,000 filled the square in Tbilisi.") == ["participants people 50000 about Tbilisi - -"])
    }

    @Test func anAuthorisedSizeIsNoCrowd() {
        #expect(summary("The march in Leeds was authorised for 3,000 people, but about 8,000 turned out.") ==
                ["participants people 8000 about Leeds - -"])
    }

    @Test func whoPutsTheNumberOfTheDeadOrDetainedAtAFigureIsItsSource() {
        #expect(summary("Officials put the number of dead at 17 in Conakry.") == ["killed people 17 exact Conakry - Officials"])
        #expect(summary("Police put the number of detainees at 120 in Minsk.") == ["detained people 120 exact Minsk - Police"])
    }

    @Test func whoPutsTheCrowdAtAFigureIsItsSource() {
        #expect(summary("Police put the crowd at 30,000 in Krakow.") == ["participants people 30000 exact Kraków - Police"])
    }

    @Test func aNameBeforeSaidInAStatementSpeaks() {
        #expect(summary("Rights group Viasna said in a statement that 31 people had been detained in Grodno.") ==
                ["detained people 31 exact Hrodna - Viasna"])
    }

    @Test func namesKeepTheirLowerCaseConnectors() {
        #expect(summary("The Human Rights Commission of Pakistan said 19 journalists were detained in Lahore.") ==
                ["detained journalists 19 exact Lahore - Human Rights Commission of Pakistan"])
        #expect(summary("Four reporters were detained in Istanbul, the Committee to Protect Journalists said.") ==
                ["detained journalists 4 exact Istanbul - Committee to Protect Journalists"])
    }

    @Test func whereItWasSaidStandsBetweenTheVerbAndTheSource() {
        #expect(summary("В Перми задержали 8 человек, сообщил в Telegram-канале «ОВД-Инфо».") ==
                ["detained people 8 exact Perm - OVD-Info"])
        #expect(summary("В Перми задержали 8 человек, сообщает в своём телеграм-канале «Медиазона».") ==
                ["detained people 8 exact Perm - Mediazona"])
        #expect(summary("Police detained 12 students in Dhaka, Amnesty wrote on X.") ==
                ["detained students 12 exact Dhaka - Amnesty International"])
    }

    @Test func russianNamesOfSources() {
        #expect(summary("По подсчётам «Белого счётчика», в Москве пришли 60 тысяч человек.") ==
                ["participants people 60000 exact Moscow - White Counter"])
        #expect(summary("Против четырёх участников акции в Казани возбуждены уголовные дела, сообщили в СК.") ==
                ["charged people 4 exact Kazan - Investigative Committee"])
    }
}
