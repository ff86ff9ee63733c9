import TallyCore

/// Every word of the interface in one language; the templates read them as `{{t.name}}`.
struct PageStrings: Sendable {
    let siteName, tagline, overview, conflicts, map, documents, places: String
    let latest, best, range, claims, sources, source, conflict, conflictNote, derived, derivedNote: String
    let breakdown, timeline, quoted, inDocument, published, original, noTallies, noClaims, noConflicts, noPlaces: String
    let evidenceHighlighted, figures, place, date, day, unknownDate, unattributed, language, mapNote, back, error: String
    let reportDetention: String

    static func of(_ language: PageLanguage) -> PageStrings { language == .en ? english : russian }

    static let english = PageStrings(
        siteName: "Tally", tagline: "Figures from the news, each traced back to its sentence.",
        overview: "Overview", conflicts: "Conflicts", map: "Map", documents: "Documents", places: "Places",
        latest: "Latest", best: "Best figure", range: "Range", claims: "claims", sources: "sources", source: "Source",
        conflict: "conflict", conflictNote: "sources disagree", derived: "derived",
        derivedNote: "at least the sum of its cities", breakdown: "Among them", timeline: "How the figure changed",
        quoted: "What the reports say", inDocument: "in the report", published: "Published", original: "Original",
        noTallies: "No figures are stored yet.", noClaims: "No claims name this place.",
        noConflicts: "No two sources disagree.", noPlaces: "No located places yet.",
        evidenceHighlighted: "Every sentence a figure was read from is highlighted.", figures: "Figures in this report",
        place: "Place", date: "Date", day: "Day", unknownDate: "date unknown", unattributed: "the outlet itself",
        language: "Language", mapNote: "Each dot is a place; its size grows with the number of claims.",
        back: "Back to the overview", error: "Error", reportDetention: "Report a detention")

    static let russian = PageStrings(
        siteName: "Tally", tagline: "Цифры из новостей — каждая со ссылкой на своё предложение.",
        overview: "Обзор", conflicts: "Расхождения", map: "Карта", documents: "Документы", places: "Места",
        latest: "Последние данные", best: "Лучшая оценка", range: "Разброс", claims: "сообщений", sources: "источников",
        source: "Источник", conflict: "расхождение", conflictNote: "источники расходятся", derived: "выведено",
        derivedNote: "не меньше суммы по городам", breakdown: "Среди них", timeline: "Как менялась цифра",
        quoted: "Что пишут", inDocument: "в тексте", published: "Опубликовано", original: "Оригинал",
        noTallies: "Пока нет ни одной цифры.", noClaims: "Ни одно сообщение не называет это место.",
        noConflicts: "Источники нигде не расходятся.", noPlaces: "Пока нет мест с координатами.",
        evidenceHighlighted: "Выделено каждое предложение, из которого взята цифра.", figures: "Цифры в этом тексте",
        place: "Место", date: "Дата", day: "День", unknownDate: "дата неизвестна", unattributed: "само издание",
        language: "Язык", mapNote: "Каждая точка — место; чем больше сообщений, тем она крупнее.",
        back: "К обзору", error: "Ошибка", reportDetention: "Сообщить о задержании")

    /// "detained", "задержаны"…
    static func kind(_ kind: ClaimKind, _ language: PageLanguage) -> String {
        switch (kind, language) {
        case (.detained, .en): "Detained"
        case (.injured, .en): "Injured"
        case (.killed, .en): "Killed"
        case (.participants, .en): "Took part"
        case (.charged, .en): "Charged"
        case (.drafted, .en): "Drafted"
        case (.detained, .ru): "Задержаны"
        case (.injured, .ru): "Ранены"
        case (.killed, .ru): "Погибли"
        case (.participants, .ru): "Участники"
        case (.charged, .ru): "Обвинены"
        case (.drafted, .ru): "Призваны"
        }
    }

    static func group(_ group: Group, _ language: PageLanguage) -> String {
        switch (group, language) {
        case (.people, .en): "people"
        case (.journalists, .en): "journalists"
        case (.minors, .en): "minors"
        case (.women, .en): "women"
        case (.students, .en): "students"
        case (.lawyers, .en): "lawyers"
        case (.police, .en): "police"
        case (.people, .ru): "человек"
        case (.journalists, .ru): "журналисты"
        case (.minors, .ru): "несовершеннолетние"
        case (.women, .ru): "женщины"
        case (.students, .ru): "студенты"
        case (.lawyers, .ru): "юристы"
        case (.police, .ru): "полицейские"
        }
    }

    /// A figure as a reader says it: "more than 640", "около 120", "200–300", "dozens".
    static func figure(value: Int?, high: Int? = nil, qualifier: Qualifier, vague: String? = nil, _ language: PageLanguage) -> String {
        guard let value else { return vague ?? "?" }
        let n = language.number(value)
        switch (qualifier, language) {
        case (.exact, _): return n
        case (.about, .en): return "about " + n
        case (.about, .ru): return "около " + n
        case (.atLeast, .en): return "at least " + n
        case (.atLeast, .ru): return "не менее " + n
        case (.atMost, .en): return "up to " + n
        case (.atMost, .ru): return "до " + n
        case (.range, _): return high.map { n + "–" + language.number($0) } ?? n
        }
    }

    enum Counted { case claims, sources }

    /// "1 claim", "5 claims"; "1 сообщение", "3 сообщения", "5 сообщений" (Russian's three plural forms).
    static func count(_ n: Int, _ what: Counted, _ language: PageLanguage) -> String {
        let words: [String]
        switch (what, language) {
        case (.claims, .en): words = ["claim", "claims", "claims"]
        case (.sources, .en): words = ["source", "sources", "sources"]
        case (.claims, .ru): words = ["сообщение", "сообщения", "сообщений"]
        case (.sources, .ru): words = ["источник", "источника", "источников"]
        }
        let form: Int
        if language == .en {
            form = n == 1 ? 0 : 1
        } else {
            let ones = n % 10, tens = n % 100
            form = ones == 1 && tens != 11 ? 0 : (2...4).contains(ones) && !(12...14).contains(tens) ? 1 : 2
        }
        return language.number(n) + " " + words[form]
    }

    /// "120–1,300", or nil when the sources agree on one figure.
    static func range(low: Int?, high: Int?, _ language: PageLanguage) -> String? {
        guard let low, let high, low != high else { return nil }
        return language.number(low) + "–" + language.number(high)
    }
}
