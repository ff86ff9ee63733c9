import TallyText

/// The JSON shape of `Lexicons/<language>.json`.
struct LexiconFile: Decodable {
    struct Kind: Decodable {
        var triggers: [String]
        var nouns: [String]
    }

    struct Sources: Decodable {
        var before: [String]
        var verbs: [String]
        var anaphora: [String]
        var skip: [String]
        /// Where a verb of saying was said, between it and an inverted source ("сообщил в
        /// Telegram-канале «ОВД-Инфо»").
        var channels: [String]
        var notSources: [String]
        /// Phrases anywhere in a sentence that give its figures to the source named before
        /// ("говорится в сообщении", "the statement said").
        var backReferences: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case before, verbs, anaphora, skip, channels
            case notSources = "not_sources"
            case backReferences = "back_references"
        }
    }

    struct Places: Decodable {
        var countryWords: [String]
        var capitalWords: [String]
        /// Squares, streets and institutions that place a figure in one city ("Trafalgar Square":
        /// "London"); the value is the city's gazetteer name.
        var landmarks: [String: String]?
        /// Regions after a comma that say which country a story is in ("BEDFORD, N.H.",
        /// "Burlington, Wash."): the value is the country's ISO code. They vote for the story's
        /// country and place no figure.
        var regions: [String: String]?
        /// Nouns after a country's name or adjective that make it part of who acts or speaks
        /// ("Sudan doctors", "Kazakh police"): the country then says nothing of where a figure is.
        var institutions: [String]
        /// The same before the country's name ("УК Украины", "the Criminal Code of Ukraine").
        var institutionsBefore: [String]
        /// Words that follow a nationality and a hyphen to describe something else ("Russian-led",
        /// "Iranian-backed"): no place at all.
        var adjectiveCompounds: [String]
        /// Words of a running total that reaches back weeks or months ("since the coup", "с начала
        /// протестов"): such a total covers the country, not the story's city.
        var longSpans: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case countryWords = "country_words"
            case capitalWords = "capital_words"
            case landmarks, institutions, regions
            case institutionsBefore = "institutions_before"
            case adjectiveCompounds = "adjective_compounds"
            case longSpans = "long_spans"
        }
    }

    struct Dates: Decodable {
        var weekdays: [String: Int]
        var months: [String: Int]
        var relative: [String: Int]
        var spanWords: [String]
        /// Words before a page's own dates ("Published Thursday, May 16"): not the day of an event.
        var stampWords: [String]
        /// Words that make a figure a year's count ("344 killed in the city last year", "126
        /// murdered so far this year"): a total over many events, no event's figure.
        var yearTotals: [String]?
        /// Words right before a date that make it the time a count was taken the morning after
        /// the events ("by the morning of September 22", "к утру 22 сентября"): not their day.
        var countCutoffs: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case weekdays, months, relative
            case spanWords = "span_words"
            case stampWords = "stamp_words"
            case yearTotals = "year_totals"
            case countCutoffs = "count_cutoffs"
        }
    }

    struct Distributive: Decodable {
        var after: [String]
        var before: [String]
    }

    var language: String
    /// Whether a comma is the decimal mark ("15,5" in Russian); a group of three digits is still thousands.
    var decimalComma: Bool
    var numbers: NumberVocabulary
    var vague: [[String]]
    var qualifiers: [String: [String]]
    var range: [[String]]
    var rangeJoiners: [String]
    var distributive: Distributive
    var kinds: [String: Kind]
    var kindBlockers: [String]
    /// Ordinal words and their numbers ("fourth": 4).
    var ordinals: [String: Int]?
    /// Words that make the verb right after them hypothetical ("would never hurt", "could have
    /// been killed"): blockers for the figure before that verb and for its object after it.
    var verbBlockers: [String]?
    var nearTriggers: [String]
    /// Words that start the object of a verb ("shot his wife", "killed two people"): the one
    /// before such a verb acts, and is not counted.
    var objectsAfterVerb: [String]
    /// Kin before "of" ("a mother of three", "the wife of one protester"): the figure counts
    /// someone's family, not people it happened to.
    var relatives: [String]
    /// Triggers that take no object ("died a week ago"): what follows them is never a victim.
    var intransitiveTriggers: [String]
    var measureVerbs: [String]
    var who: [String: [String]]
    var notPeople: [String]
    var notClaimBeforeStrict: [String]
    var agesAfter: [String]
    var sources: Sources
    var places: Places
    var dates: Dates
    var grammar: Grammar

    enum CodingKeys: String, CodingKey, CaseIterable {
        case language, numbers, vague, qualifiers, range, distributive, kinds, who, sources, places, dates, grammar
        case decimalComma = "decimal_comma"
        case rangeJoiners = "range_joiners"
        case kindBlockers = "kind_blockers"
        case verbBlockers = "verb_blockers"
        case ordinals
        case nearTriggers = "near_triggers"
        case objectsAfterVerb = "objects_after_verb"
        case relatives
        case intransitiveTriggers = "intransitive_triggers"
        case measureVerbs = "measure_verbs"
        case notPeople = "not_people"
        case notClaimBeforeStrict = "not_claim_before_strict"
        case agesAfter = "ages_after"
    }
}

/// The JSON shape of `Lexicons/sources.json`: well-known source names and source classes.
struct SourceNamesFile: Decodable {
    var names: [[String]]
    /// Nouns of kinds of sources ("правозащитники" → "human rights activists"), asked only when
    /// no name is in the phrase.
    var generic: [[String]]?
    var classes: [ClassEntry]
    /// Titles before a person's name, with the form printed ("gov" → "governor").
    var roles: [String: String]

    struct ClassEntry: Decodable {
        var name: String
        var patterns: [String]

        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            name = try c.decode(String.self)
            patterns = try c.decode([String].self)
        }
    }
}
