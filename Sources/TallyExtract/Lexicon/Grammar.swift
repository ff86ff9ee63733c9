import TallyCore
import TallyText

/// The function words of one language that the extraction rules read: articles, auxiliaries,
/// conjunctions, the words that end a noun phrase or open a clause. They are the lexicon's
/// `grammar` section, one list per rule, so a rule never names a word of a language in code; a
/// language without articles (Russian) leaves those lists empty and the rules that need them stay
/// silent. Decoding refuses a missing list (by its name) and a phrase in a list of words.
/// A class: the finders ask it at every token, and a struct of forty tables would be copied, with a
/// retain and a release per table, wherever it is handed on.
final class Grammar: Sendable, Decodable {
    let and: WordSet
    /// "9 и 12 лет", "two or three years": numbers of one list share the noun after the last.
    let numberListJoiners: WordSet
    /// Words that open a new clause: a trigger across one is farther than it looks.
    let clauseOpeners: WordSet
    /// Words that deny the trigger after them.
    let negations: WordSet
    /// Words that make the next figure a part of the one before ("9, including 3 minors").
    let subsetWords: WordSet
    /// Words before a list that make it a breakdown of a figure already given ("of whom 347 men").
    let breakdownWords: WordSet
    /// Auxiliaries of the passive ("were detained", "были задержаны").
    let passiveAuxiliaries: WordSet
    /// Stems of a participle that is passive by itself ("задержан…").
    let passiveStems: WordAffixes
    /// "one of the minors", "одному из протестующих", and the articles that may follow.
    let partitiveWords: WordSet
    let partitiveArticles: WordSet
    /// "33 were minors", "33 — несовершеннолетние": a copula after a figure, before the group it counts.
    let predicateCopulas: WordSet
    /// Words after which no head noun of a figure follows.
    let nounPhraseEnds: WordSet
    /// Multipliers that start a number alone ("тысяча человек", "a thousand people").
    let loneMultipliers: WordSet
    /// Multipliers that start a number alone right after a qualifier, where they are the singular
    /// of a case that otherwise reads as a plural ("более тысячи человек" is 1,000, "тысячи
    /// человек" thousands).
    let loneMultipliersAfterQualifier: WordSet
    /// "Allegheny County's 20 most wanted", "the 10 deadliest shootings": a ranked list, not a count.
    let rankingsAfter: WordSet
    /// "8 am", "16 часов": a time, not a count.
    let timesAfterNumber: WordSet
    /// "citizens of Russia", "граждан Польши": a country after these says where people are from.
    let nationalityWords: WordSet
    /// "people from Iran", "граждане из Ирана": after a noun of people, these name where they are from.
    let originPrepositions: WordSet
    /// "were under 16": after a copula, these before a bare number give an age.
    let ageBounds: WordSet
    /// "WAVE 3 News", "Fox 5 News": capitalised after a number, a broadcaster's name, not a count.
    let stationWords: WordSet
    /// "a 5,000-strong crowd", "10-тысячный митинг": joined to a number by a hyphen, these keep it a
    /// count (any other word that names no people makes a compound: "an eight-storey building").
    let countCompounds: WordSet
    /// Letters of an abbreviated time after a number ("5 p.m.").
    let timeLetters: WordSet
    let articles: WordSet
    let definiteArticles: WordSet
    /// Possessives before kin ("his 3-year-old son").
    let possessives: WordSet
    /// Kin counted as one person after a determiner ("her brother").
    let kin: WordSet
    /// Plural kin ("daughters"): kin of different words do not overlap, so a list of them joined by
    /// commas alone adds up ("his wife, 4 daughters").
    let kinPlurals: WordSet
    /// "a man suspected of killing", "the man police suspect": words right after a noun of one
    /// person that make that person the one who acted, not one of those counted.
    let agentsAfter: WordSet
    /// Nouns of those who attack ("three suspects", "two gunmen"): before an active verb of harm
    /// some words on, they did the harm ("three suspects invaded the flat and shot…").
    let agentNouns: WordSet
    /// "hunting with two family members", "для 30 человек": words before a figure that make it
    /// company or a measure, no item of a list under the sentence above (no kind carries to it).
    let companyWords: WordSet
    /// "in 38 Russian cities", "в 85 городах": a figure over so many places covers their country.
    let placeCounts: WordSet
    /// "across Kenya", "по всей России": right before a country's name, the sentence speaks of
    /// the whole country.
    let countrySpans: WordSet
    /// "на улице 22 Апреля", "проспект 50 лет Октября": a day after these words names a street.
    let streetWords: WordSet
    /// "по Свердловской области", "Kherson region": after a place's name, a region named for it.
    let regionWords: WordSet
    /// "агентство Turan", "Telegram-канал Baza", "the news agency Tass": a name after these is an
    /// outlet's, no place.
    let outletWords: WordSet
    /// "shot in the chest and later died": adverbs of time between "and" and what happened next.
    let thenAdverbs: WordSet
    /// "two boys, aged 2 and 13, were wounded": words that open an aside after a figure's noun.
    let asideOpeners: WordSet
    /// "a mother of three": the word between kin and a figure of their family; also between
    /// things and their size ("teams of four"), which counts no people.
    let kinOf: WordSet
    /// Nouns of one person after an article ("a man was killed"), with the group each counts in.
    let singularPeople: SingularPeople
    /// The words of an age written as one compound ("17-year-old": "year", "old"), or none.
    let ageCompound: [String]
    /// "shot by a man": the word before the one who acts.
    let agentPrepositions: WordSet
    /// Triggers that say someone was hit by gunfire, not whether they lived ("shot"): those shot
    /// include the dead of the same sentence, and one "shot" who is later dead is no injury.
    let gunshotTriggers: [String]
    /// "one is dead and three others were shot": a figure of the others leaves out those named before.
    let others: WordSet
    /// "in a separate shooting": a sentence about another event than the story's.
    let separateEvents: WordSet
    /// "since Friday", "since January 1": a date after one starts a span; it is no event's day.
    let spanStarts: WordSet
    /// "in two years", "over the past five years": the word before a number of years (an article between) …
    let yearSpanLeads: WordSet
    /// … and the words of years themselves ("years", "decades"): a count over years.
    let yearSpanWords: WordSet
    /// "since January 1, 2014", "through May 2009": words that start or end a span at a year's day.
    let yearSpanEdges: WordSet
    /// Words that mark a photo caption ("Caption", capitalised) and that count pictures ("Image 3
    /// of 9", with the word between): a paragraph with two or more is a gallery.
    let galleryMarks: WordSet
    let galleryCounters: WordSet
    let galleryOf: WordSet
    /// "the first killing since 2019", "the only shooting this year": words that rank an event
    /// against a span's others, so that the span does not make its figure a total.
    let spanRankings: WordSet
    /// "a fourth victim": nouns of one who was hurt that an ordinal after an indefinite article
    /// makes a count of at least that many.
    let ordinalNouns: WordSet
    /// Heads that count everyone ("people", "victims"): after a comma, such a figure may sum the
    /// ones before it, so a list joined by commas alone adds up only without them.
    let wholeGroups: WordSet
    /// "killed four classmates and himself": a reflexive pronoun is one person.
    let reflexives: WordSet
    /// Endings of an adverb ("accidentally", "fatally") that may stand between a headline's person and verb.
    let adverbEndings: WordAffixes
    /// Words that end a source's phrase ("that", "что").
    let sourceStopWords: WordSet
    /// Lead-ins that name the origin of a figure and win over other attributions ("citing").
    let sourcePriority: [String]
    /// Prepositions of an impersonal source: "в полиции рассказали" (in the police they said).
    let impersonalPrepositions: WordSet
    /// Endings of a verb in the third person plural ("рассказали"): the form of an impersonal statement.
    let pluralVerbEndings: WordAffixes
    /// Case endings of one told ("рассказал «Медиазоне» адвокат": the outlet is told, the lawyer
    /// speaks). Empty for a language that does not mark the one told by case.
    let recipientEndings: WordAffixes
    /// Words for a source's numbers after its name ("police figures", "organisers' estimates"):
    /// the source is the name.
    let sourceDataWords: WordSet
    /// Words that start a phrase that is not a source ("reported across Russia", "said on Monday").
    let sourceLeadWords: WordSet
    /// Words no source's name has: a phrase with them is a clause, not a name.
    let sourceClauseVerbs: WordSet
    /// Prepositions: a phrase that starts with one is a place or time, not a source.
    let sourcePrepositions: WordSet
    /// "with AFP confirming": the word before a source that a participle follows, and its endings.
    let sourceWith: WordSet
    let participleEndings: WordAffixes
    /// Last words of a source that names several ("human rights groups").
    let pluralSourceWords: [String]
    /// Words after a name that make it a street, square, park or newspaper, not a city.
    let landmarkWords: WordSet
    /// Capitalised words after a city that keep it a city ("Istanbul Gov.", "Moscow Police").
    let cityRoleWords: WordSet
    /// Capitalised words that may stand before a city without making it part of a longer name.
    let cityTitleWords: WordSet
    /// Prepositions that put a name in a square or street, not a city ("на Болотной").
    let notCityPrepositions: WordSet
    /// Words that join places of one list ("in Moscow and St Petersburg").
    let placeListJoiners: WordSet
    /// Lower-case words inside an organisation's name ("Human Rights Commission of Pakistan").
    let nameConnectors: WordSet

    enum CodingKeys: String, CodingKey, CaseIterable {
        case and, negations, articles, possessives, kin
        case numberListJoiners = "number_list_joiners"
        case clauseOpeners = "clause_openers"
        case subsetWords = "subset_words"
        case breakdownWords = "breakdown_words"
        case passiveAuxiliaries = "passive_auxiliaries"
        case passiveStems = "passive_stems"
        case partitiveWords = "partitive_words"
        case partitiveArticles = "partitive_articles"
        case predicateCopulas = "predicate_copulas"
        case nounPhraseEnds = "noun_phrase_ends"
        case loneMultipliers = "lone_multipliers"
        case loneMultipliersAfterQualifier = "lone_multipliers_after_qualifier"
        case timesAfterNumber = "times_after_number"
        case rankingsAfter = "rankings_after"
        case stationWords = "station_words"
        case countCompounds = "count_compounds"
        case ageBounds = "age_bounds"
        case originPrepositions = "origin_prepositions"
        case nationalityWords = "nationality_words"
        case timeLetters = "time_letters"
        case definiteArticles = "definite_articles"
        case kinOf = "kin_of"
        case kinPlurals = "kin_plurals"
        case agentsAfter = "agents_after"
        case agentNouns = "agent_nouns"
        case companyWords = "company_words"
        case placeCounts = "place_counts"
        case countrySpans = "country_spans"
        case streetWords = "street_words"
        case regionWords = "region_words"
        case outletWords = "outlet_words"
        case thenAdverbs = "then_adverbs"
        case asideOpeners = "aside_openers"
        case singularPeople = "singular_people"
        case ageCompound = "age_compound"
        case agentPrepositions = "agent_prepositions"
        case gunshotTriggers = "gunshot_triggers"
        case others
        case separateEvents = "separate_events"
        case spanStarts = "span_starts"
        case yearSpanLeads = "year_span_leads"
        case yearSpanWords = "year_span_words"
        case yearSpanEdges = "year_span_edges"
        case spanRankings = "span_rankings"
        case ordinalNouns = "ordinal_nouns"
        case galleryMarks = "gallery_marks"
        case galleryCounters = "gallery_counters"
        case galleryOf = "gallery_of"
        case wholeGroups = "whole_groups"
        case reflexives
        case adverbEndings = "adverb_endings"
        case sourceStopWords = "source_stop_words"
        case sourcePriority = "source_priority"
        case impersonalPrepositions = "impersonal_prepositions"
        case pluralVerbEndings = "plural_verb_endings"
        case recipientEndings = "recipient_endings"
        case sourceDataWords = "source_data_words"
        case sourceLeadWords = "source_lead_words"
        case sourceClauseVerbs = "source_clause_verbs"
        case sourcePrepositions = "source_prepositions"
        case sourceWith = "source_with"
        case participleEndings = "participle_endings"
        case pluralSourceWords = "plural_source_words"
        case landmarkWords = "landmark_words"
        case cityRoleWords = "city_role_words"
        case cityTitleWords = "city_title_words"
        case notCityPrepositions = "not_city_prepositions"
        case placeListJoiners = "place_list_joiners"
        case nameConnectors = "name_connectors"
    }

    /// Whom a noun of one person counts among ("a boy": minors; "her son": people).
    func group(ofSingular token: Token) -> Group { singularPeople.groups[token.text] ?? .people }

    /// Whether a verb has the ending of the third person plural.
    func isPluralVerb(_ token: Token) -> Bool { pluralVerbEndings.endsWord(token) }

    /// Whether a word names kin, one ("wife") or several ("daughters").
    func isKin(_ token: Token) -> Bool { token.kind == .word && (kin.contains(token) || kinPlurals.contains(token)) }

    /// Whether a word ends like an adverb ("accidentally"). (Words are asked in the lower case the
    /// tokenizer gives them.)
    func isAdverb(_ token: Token) -> Bool { adverbEndings.endsWord(token) }

    /// Whether a verb ends like a participle ("confirming").
    func isParticiple(_ token: Token) -> Bool { participleEndings.endsWord(token) }

    /// Whether a word is a participle passive by itself.
    func isPassiveStem(_ token: Token) -> Bool { passiveStems.startsWord(token) }

    /// Whether a trigger is one of `gunshotTriggers`, or (`suffix`) ends with one ("fatally shot").
    func isGunshot(_ trigger: String?, suffix: Bool = false) -> Bool {
        guard let trigger else { return false }
        return gunshotTriggers.contains { suffix ? trigger.hasSuffix($0) : trigger == $0 }
    }
}

/// Nouns of one person by the group they count in: `{"minors": ["boy", "girl"], "women": ["woman"]}`.
struct SingularPeople: Sendable, Decodable {
    let groups: [String: Group]
    let words: WordSet

    init(from decoder: any Decoder) throws {
        var groups: [String: Group] = [:]
        // (Lists of strings, not word sets: only the set of all of them is asked, and only it takes a word class.)
        for (name, words) in try decoder.singleValueContainer().decode([String: [String]].self) {
            guard let group = Group(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "singular_people has the group '\(name)', which is none of \(Group.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            if let phrase = words.first(where: { $0.contains(" ") }) {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "singular_people.\(name): '\(phrase)' has a space, but this list holds single words"))
            }
            for w in words { groups[w] = group }
        }
        self.groups = groups
        words = WordSet(groups.keys, classes: decoder.userInfo[WordClasses.key] as? WordClasses)
    }
}
