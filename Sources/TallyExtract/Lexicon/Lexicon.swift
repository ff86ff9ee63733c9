import Foundation
import TallyCore
import TallyText

/// The words of one language that the extractor works with, compiled for matching.
///
/// Everything language-specific lives in `Lexicons/<code>.json`; this type only indexes it, so
/// a new language is a new file. A class: every finder of a document pass holds the same one,
/// and copying a struct of thirty tables cost a retain and a release per table.
final class Lexicon: Sendable {
    enum Trigger: Sendable, Hashable {
        case kind(ClaimKind)
        case blocker
        /// A blocker that also governs the verb right after it ("would never hurt her brother").
        case verbBlocker
    }

    let language: String
    let numbers: NumberReader
    let vague: PhraseList<String>
    let qualifiers: PhraseList<Qualifier>
    let distributiveAfter: PhraseList<Bool>
    let distributiveBefore: PhraseList<Bool>
    let triggers: PhraseList<Trigger>
    let nearTriggers: PhraseList<Bool>
    let objectsAfterVerb: PhraseList<Bool>
    let relatives: PhraseList<Bool>
    let intransitiveTriggers: PhraseList<Bool>
    /// "arrests … were as high as 1700", "число задержанных превысило 1000": a verb that ties a
    /// figure to a count named earlier in the sentence.
    let measureVerbs: PhraseList<Bool>
    let kindNouns: PhraseList<ClaimKind>
    let who: PhraseList<Group?>   // nil value: a noun that is not people (cities, years…)
    let notClaimBefore: WordSet
    let agesAfter: PhraseList<Bool>
    let sourceBefore: PhraseList<Bool>
    let sourceVerbs: PhraseList<Bool>
    let anaphora: PhraseList<Bool>
    let sourceSkip: PhraseList<Bool>
    let sourceChannels: PhraseList<Bool>
    let notSources: WordSet
    let backReferences: PhraseList<Bool>
    let countryWords: PhraseList<Bool>
    let capitalWords: PhraseList<Bool>
    let institutions: PhraseList<Bool>
    let institutionsBefore: PhraseList<Bool>
    let adjectiveCompounds: PhraseList<Bool>
    let longSpans: PhraseList<Bool>
    /// Landmarks that stand for their city ("Bolotnaya Square" → Moscow).
    let landmarks: PhraseList<String>
    /// Regions after a comma and the country they are in ("Kan." → US), see `LexiconFile.Places.regions`.
    let regions: PhraseList<String>
    /// `grammar.placeCounts` as a phrase list, so a sentence without one is not searched ("в 85 городах").
    let placeCounts: PhraseList<Bool>
    let weekdays: PhraseList<Int>
    let months: [String: Int]
    let monthKeys: KeyTable<Int>

    /// The month a word names, if it does.
    func month(_ token: Token) -> Int? {
        token.kind == .word && token.mayBeIn(monthBit) ? monthKeys[token.key] : nil
    }
    /// The word class (`WordClasses`) of the month names, 0 without a registry.
    let monthBit: UInt64
    let relativeDays: PhraseList<Int>
    let spanWords: PhraseList<Bool>
    let dateStamps: PhraseList<Bool>
    /// "by the morning of": a date after it is when a count was taken, not the events' day.
    let countCutoffs: PhraseList<Bool>
    let yearTotals: PhraseList<Bool>
    /// Ordinal words by their text ("fourth": 4).
    let ordinals: [String: Int]
    /// Function words the rules read (the file's `grammar` section).
    let grammar: Grammar
    /// Every word a noun phrase of one person can end on (`grammar.singularPeople`, `grammar.kin`,
    /// and the last word of an age compound, "old"): a sentence without one has no such phrase, so
    /// the candidate finder looks for one before it reads any noun phrase.
    let personWords: WordSet
    /// Which of the lists above may match at a token (see `annotate(_:)`).
    let phraseIndex: PhraseIndex

    /// Marks each token with the lists whose phrases may start or end at it, so that a list
    /// with no phrase there answers without a lookup of its own.
    /// Returns the bits of the lists that may have a phrase in the tokens (see `PhraseList.mayOccur(in:)`).
    @discardableResult
    func annotate(_ tokens: inout [Token]) -> UInt64 { phraseIndex.annotate(&tokens) }

    /// The lexicon of a decoded file; `classes` is the registry its word sets were decoded with
    /// (see `bundled(_:)`), nil for a file decoded without one (its sets then look every token up).
    init(file f: LexiconFile, classes: WordClasses? = nil) {
        language = f.language
        grammar = f.grammar
        personWords = WordSet(f.grammar.singularPeople.words.words.union(f.grammar.kin.words)
            .union(f.grammar.ageCompound.count == 2 ? [f.grammar.ageCompound[1]] : []), classes: classes)
        ordinals = f.ordinals ?? [:]
        var index = PhraseIndex()
        numbers = NumberReader(
            vocabulary: f.numbers, decimalComma: f.decimalComma,
            rangePairs: f.range.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil },
            rangeJoiners: Set(f.rangeJoiners), classes: classes)
        vague = index.add(PhraseList(f.vague.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }))
        var q: [(String, Qualifier)] = []
        for (name, words) in f.qualifiers {
            guard let qualifier = Qualifier(rawValue: name) else { continue }
            q += words.map { ($0, qualifier) }
        }
        qualifiers = index.add(PhraseList(q))
        distributiveAfter = index.add(PhraseList(f.distributive.after, value: true))
        distributiveBefore = index.add(PhraseList(f.distributive.before, value: true))
        var t: [(String, Trigger)] = f.kindBlockers.map { ($0, .blocker) } + (f.verbBlockers ?? []).map { ($0, .verbBlocker) }
        var nouns: [(String, ClaimKind)] = []
        for (name, kind) in f.kinds {
            guard let k = ClaimKind(rawValue: name) else { continue }
            t += kind.triggers.map { ($0, .kind(k)) }
            nouns += kind.nouns.map { ($0, k) }
        }
        triggers = index.add(PhraseList(t))
        nearTriggers = index.add(PhraseList(f.nearTriggers, value: true))
        objectsAfterVerb = index.add(PhraseList(f.objectsAfterVerb, value: true))
        relatives = index.add(PhraseList(f.relatives, value: true))
        intransitiveTriggers = index.add(PhraseList(f.intransitiveTriggers, value: true))
        measureVerbs = index.add(PhraseList(f.measureVerbs, value: true))
        kindNouns = index.add(PhraseList(nouns))
        var w: [(String, Group?)] = f.notPeople.map { ($0, nil) }
        for (name, words) in f.who {
            guard let g = Group(rawValue: name) else { continue }
            w += words.map { ($0, g) }
        }
        who = index.add(PhraseList(w))
        notClaimBefore = WordSet(f.notClaimBeforeStrict, classes: classes)
        agesAfter = index.add(PhraseList(f.agesAfter, value: true))
        sourceBefore = index.add(PhraseList(f.sources.before, value: true))
        sourceVerbs = index.add(PhraseList(f.sources.verbs, value: true))
        anaphora = index.add(PhraseList(f.sources.anaphora, value: true))
        sourceSkip = index.add(PhraseList(f.sources.skip, value: true))
        sourceChannels = index.add(PhraseList(f.sources.channels, value: true))
        notSources = WordSet(f.sources.notSources, classes: classes)
        backReferences = index.add(PhraseList(f.sources.backReferences, value: true))
        countryWords = index.add(PhraseList(f.places.countryWords, value: true))
        capitalWords = index.add(PhraseList(f.places.capitalWords, value: true))
        institutions = index.add(PhraseList(f.places.institutions, value: true))
        institutionsBefore = index.add(PhraseList(f.places.institutionsBefore, value: true))
        adjectiveCompounds = index.add(PhraseList(f.places.adjectiveCompounds, value: true))
        longSpans = index.add(PhraseList(f.places.longSpans, value: true))
        landmarks = index.add(PhraseList((f.places.landmarks ?? [:]).map { ($0.key, $0.value) }))
        regions = index.add(PhraseList((f.places.regions ?? [:]).map { ($0.key, $0.value) }))
        placeCounts = index.add(PhraseList(f.grammar.placeCounts.words.sorted(), value: true))
        weekdays = index.add(PhraseList(f.dates.weekdays.map { ($0.key, $0.value) }))
        months = f.dates.months
        monthBit = classes?.register(f.dates.months.keys) ?? 0
        monthKeys = KeyTable(Dictionary(f.dates.months.map { (Token.key(of: Array($0.key.utf8)), $0.value) }, uniquingKeysWith: { a, _ in a }))
        relativeDays = index.add(PhraseList(f.dates.relative.map { ($0.key, $0.value) }))
        spanWords = index.add(PhraseList(f.dates.spanWords, value: true))
        dateStamps = index.add(PhraseList(f.dates.stampWords, value: true))
        countCutoffs = index.add(PhraseList(f.dates.countCutoffs, value: true))
        yearTotals = index.add(PhraseList(f.dates.yearTotals ?? [], value: true))
        index.seal(classes: classes?.bitsByKey ?? [:])
        phraseIndex = index
    }

    /// Loads `Lexicons/<code>.json` from the module's resources.
    static func bundled(_ code: String) throws -> Lexicon {
        let data = try LexiconResources.data(code, "json")
        do {
            let classes = WordClasses()
            let decoder = JSONDecoder()
            decoder.userInfo[WordClasses.key] = classes
            return Lexicon(file: try decoder.decode(LexiconFile.self, from: data), classes: classes)
        } catch {
            throw TallyError(.configuration, input: "Lexicons/\(code).json", "the lexicon is not valid: \(error)")
        }
    }
}

/// Reads files from the module's `Lexicons` folder.
enum LexiconResources {
    static func data(_ name: String, _ ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Lexicons")
                ?? Bundle.module.url(forResource: name, withExtension: ext),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw TallyError(.configuration, input: "Lexicons/\(name).\(ext)", "the lexicon is missing from Tally's resources; rebuild Tally")
        }
        return data
    }
}
