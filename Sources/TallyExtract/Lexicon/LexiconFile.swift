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
        var notSources: [String]

        enum CodingKeys: String, CodingKey {
            case before, verbs, anaphora, skip
            case notSources = "not_sources"
        }
    }

    struct Places: Decodable {
        var countryWords: [String]
        var capitalWords: [String]
        /// Squares, streets and institutions that place a figure in one city ("Trafalgar Square":
        /// "London"); the value is the city's gazetteer name.
        var landmarks: [String: String]?

        enum CodingKeys: String, CodingKey {
            case countryWords = "country_words"
            case capitalWords = "capital_words"
            case landmarks
        }
    }

    struct Dates: Decodable {
        var weekdays: [String: Int]
        var months: [String: Int]
        var relative: [String: Int]
        var spanWords: [String]

        enum CodingKeys: String, CodingKey {
            case weekdays, months, relative
            case spanWords = "span_words"
        }
    }

    struct Distributive: Decodable {
        var after: [String]
        var before: [String]
    }

    var language: String
    var numbers: NumberVocabulary
    var vague: [[String]]
    var qualifiers: [String: [String]]
    var range: [[String]]
    var rangeJoiners: [String]
    var distributive: Distributive
    var kinds: [String: Kind]
    var kindBlockers: [String]
    var nearTriggers: [String]
    var measureVerbs: [String]
    var who: [String: [String]]
    var notPeople: [String]
    var notClaimBeforeStrict: [String]
    var agesAfter: [String]
    var sources: Sources
    var places: Places
    var dates: Dates

    enum CodingKeys: String, CodingKey {
        case language, numbers, vague, qualifiers, range, distributive, kinds, who, sources, places, dates
        case rangeJoiners = "range_joiners"
        case kindBlockers = "kind_blockers"
        case nearTriggers = "near_triggers"
        case measureVerbs = "measure_verbs"
        case notPeople = "not_people"
        case notClaimBeforeStrict = "not_claim_before_strict"
        case agesAfter = "ages_after"
    }
}

/// The JSON shape of `Lexicons/sources.json`: well-known source names and source classes.
struct SourceNamesFile: Decodable {
    var names: [[String]]
    var classes: [ClassEntry]

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
