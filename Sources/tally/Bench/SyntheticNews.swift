import TallyCore
import TallyIngest

/// Made-up protest reports in English and Russian, from templates with varied cities, figures,
/// sources and days, for `tally bench ingest`. Document `k` of a seed is always the same text.
///
/// Each (city, day, kind) has a true figure; reports give it with noise, through different
/// sources, dated by weekday, by date, by "yesterday" or not at all, a few days after the event.
struct SyntheticNews {
    struct City {
        var en: String
        /// The Russian prepositional form ("в Москве").
        var ru: String
        var size: Int
    }

    static let cities: [City] = [
        City(en: "Moscow", ru: "Москве", size: 10), City(en: "Saint Petersburg", ru: "Санкт-Петербурге", size: 8),
        City(en: "Yekaterinburg", ru: "Екатеринбурге", size: 5), City(en: "Novosibirsk", ru: "Новосибирске", size: 5),
        City(en: "Kazan", ru: "Казани", size: 4), City(en: "Nizhny Novgorod", ru: "Нижнем Новгороде", size: 4),
        City(en: "Samara", ru: "Самаре", size: 3), City(en: "Omsk", ru: "Омске", size: 3),
        City(en: "Chelyabinsk", ru: "Челябинске", size: 3), City(en: "Ufa", ru: "Уфе", size: 3),
        City(en: "Krasnoyarsk", ru: "Красноярске", size: 3), City(en: "Perm", ru: "Перми", size: 3),
        City(en: "Voronezh", ru: "Воронеже", size: 2), City(en: "Volgograd", ru: "Волгограде", size: 2),
        City(en: "Krasnodar", ru: "Краснодаре", size: 2), City(en: "Saratov", ru: "Саратове", size: 2),
        City(en: "Tyumen", ru: "Тюмени", size: 2), City(en: "Irkutsk", ru: "Иркутске", size: 2),
        City(en: "Khabarovsk", ru: "Хабаровске", size: 2), City(en: "Vladivostok", ru: "Владивостоке", size: 2),
        City(en: "Tomsk", ru: "Томске", size: 1), City(en: "Kaliningrad", ru: "Калининграде", size: 1),
        City(en: "Minsk", ru: "Минске", size: 6), City(en: "Gomel", ru: "Гомеле", size: 2),
        City(en: "Tbilisi", ru: "Тбилиси", size: 5), City(en: "Yerevan", ru: "Ереване", size: 4),
    ]

    static let weekdaysEN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let weekdaysRU = ["в воскресенье", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let monthsRU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    static let sourcesEN = ["according to OVD-Info", "Amnesty International said", "the interior ministry said", "Reuters reported",
                            "according to local media", "police said"]
    static let sourcesRU = ["сообщает ОВД-Инфо", "сообщили в МВД", "сообщает «Медиазона»", "рассказали правозащитники", "сообщили в полиции"]
    static let fillerEN = ["The rally began at noon near the city hall.", "Riot police blocked the central square.",
                           "Witnesses described a heavy police presence.", "The authorities had not approved the march.",
                           "Protesters carried banners and chanted slogans.", "Several metro stations were closed for hours."]
    static let fillerRU = ["Акция началась в полдень у здания мэрии.", "ОМОН перекрыл центральную площадь.",
                           "Очевидцы рассказали о большом числе полицейских.", "Власти не согласовали шествие.",
                           "Участники несли плакаты и скандировали лозунги.", "Несколько станций метро были закрыты."]

    var seed: UInt64
    /// The first publication day; reports spread over `days` days from it.
    var start = Day("2026-03-01")!
    var days = 90

    /// A small deterministic generator (SplitMix64) per document.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }
    }

    /// The true figure of an event, the same in every report of it.
    func truth(_ city: Int, _ day: Day, _ kind: Int) -> Int {
        var r = Random(state: seed ^ UInt64(city &* 7919) ^ UInt64(day.ordinal &* 104_729) ^ UInt64(kind &* 15_485_863))
        let size = Self.cities[city].size
        switch kind {
        case 0: return 5 + r.below(40 * size)  // detained
        case 1: return 1 + r.below(6 * size)  // injured
        case 2: return 200 + r.below(900 * size)  // participants
        default: return 1 + r.below(3 * size)  // journalists detained, charged
        }
    }

    func document(_ k: Int) -> Document {
        var r = Random(state: seed &+ UInt64(k) &* 0x2545_F491_4F6C_DD1D)
        let published = Day(ordinal: start.ordinal + r.below(days))
        let russian = r.below(100) < 45
        var sentences: [String] = []
        for _ in 0..<(1 + r.below(3)) {
            // Bigger cities are in the news more often.
            var city = r.below(Self.cities.count)
            if r.below(3) == 0 { city = r.below(6) }
            let offset = r.below(3)
            let event = Day(ordinal: published.ordinal - offset)
            let kind = r.below(10) < 5 ? 0 : r.below(4)
            let value = truth(city, event, kind) + r.below(1 + truth(city, event, kind) / 8)
            sentences.append(russian ? Self.russian(&r, city, event, offset, kind, value) : Self.english(&r, city, event, offset, kind, value))
            if r.below(2) == 0 { sentences.append(r.pick(russian ? Self.fillerRU : Self.fillerEN)) }
        }
        var tag = "", n = k
        repeat {
            tag.append(Character(UnicodeScalar(UInt8(97 + n % 26))))
            n /= 26
        } while n > 0
        sentences.append(russian ? "Код редакции \(tag)." : "Desk code \(tag).")
        return Document(id: "syn-\(k)", language: russian ? "ru" : "en", url: "https://news.example/\(k)",
                        published: published, text: sentences.joined(separator: " "))
    }

    static func dayEN(_ r: inout Random, _ event: Day, _ offset: Int) -> String {
        switch r.below(8) {
        case 0, 1, 2: return " on " + weekdaysEN[((event.ordinal % 7) + 11) % 7]
        case 3, 4: return " on \(monthsEN[event.month - 1]) \(event.day)"
        case 5: return offset == 1 ? " yesterday" : " on " + weekdaysEN[((event.ordinal % 7) + 11) % 7]
        default: return ""
        }
    }

    static func dayRU(_ r: inout Random, _ event: Day, _ offset: Int) -> String {
        switch r.below(8) {
        case 0, 1, 2: return " " + weekdaysRU[((event.ordinal % 7) + 11) % 7]
        case 3, 4: return " \(event.day) \(monthsRU[event.month - 1])"
        case 5: return offset == 1 ? " вчера" : " " + weekdaysRU[((event.ordinal % 7) + 11) % 7]
        default: return ""
        }
    }

    static func english(_ r: inout Random, _ c: Int, _ event: Day, _ offset: Int, _ kind: Int, _ n: Int) -> String {
        let city = cities[c].en, day = dayEN(&r, event, offset), source = r.pick(sourcesEN)
        let figure = ProgressBar.grouped(n)
        switch (kind, r.below(3)) {
        case (0, 0): return "Police detained \(figure) people in \(city)\(day), \(source)."
        case (0, 1): return "At least \(figure) protesters were detained in \(city)\(day), \(source)."
        case (0, _): return "More than \(figure) people were arrested at the rally in \(city)\(day), \(source)."
        case (1, 0): return "\(figure) people were injured in clashes with police in \(city)\(day), \(source)."
        case (1, _): return "At least \(figure) protesters were hurt in \(city)\(day), \(source)."
        case (2, 0): return "More than \(figure) people took part in the protest in \(city)\(day), organisers said."
        case (2, _): return "About \(figure) people marched in \(city)\(day), \(source)."
        case (_, 0): return "\(figure) journalists were detained in \(city)\(day), \(source)."
        default: return "Dozens of people were detained in \(city)\(day)."
        }
    }

    static func russian(_ r: inout Random, _ c: Int, _ event: Day, _ offset: Int, _ kind: Int, _ n: Int) -> String {
        let city = cities[c].ru, day = dayRU(&r, event, offset), source = r.pick(sourcesRU)
        switch (kind, r.below(3)) {
        case (0, 0): return "В \(city)\(day) задержали \(n) человек, \(source)."
        case (0, 1): return ("\(day.dropFirst()) в \(city) задержаны не менее \(n) участников акции, \(source).").trimmingPrefix(" ").capitalizedFirst
        case (0, _): return "В \(city)\(day) полиция задержала более \(n) человек, \(source)."
        case (1, _): return "В \(city)\(day) пострадали \(n) человек, \(source)."
        case (2, 0): return "В \(city)\(day) в акции протеста приняли участие более \(n) человек, сообщили организаторы."
        case (2, _): return "В \(city)\(day) на шествие вышли около \(n) человек, \(source)."
        case (_, 0): return "В \(city)\(day) задержаны \(n) журналистов, \(source)."
        default: return "В \(city)\(day) задержали десятки человек."
        }
    }
}

extension StringProtocol {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
