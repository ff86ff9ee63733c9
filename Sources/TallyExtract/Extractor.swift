import TallyCore
import TallyGeo
import TallyText

/// Reads a document and returns every claim it states: how many people, what happened to
/// them, where, when, according to whom, and the sentence it came from.
///
/// Rules are the engine's; words are data (`Lexicons/`). The extractor is a value: build it
/// once (it loads the lexicons and the gazetteer) and call it from any thread.
public struct Extractor: Sendable {
    let lexicons: [String: Lexicon]
    let sourceNames: SourceNames
    let gazetteer: Gazetteer
    /// The lexicons' landmarks with their cities (see `PlaceFinder.landmarks`).
    let landmarks: [String: Place]
    /// Tells the language of a document that does not say it.
    let languageGuess: LanguageGuess

    /// Loads the bundled lexicons (English, Russian) and the gazetteer.
    public init() throws {
        lexicons = ["en": try Lexicon.bundled("en"), "ru": try Lexicon.bundled("ru")]
        sourceNames = try SourceNames.bundled()
        gazetteer = try Gazetteer.shared.get()
        landmarks = PlaceFinder.landmarkCities(lexicons.values, gazetteer)
        languageGuess = try LanguageGuess.bundled()
    }

    /// The languages the extractor reads.
    public var languages: [String] { lexicons.keys.sorted() }

    /// Every claim in the document, in text order. `document.language` picks the lexicon (a
    /// guess from the text when nil or without a lexicon); `document.published` resolves
    /// "yesterday" and weekdays. A text in a language Tally has no lexicon for (German, Spanish…)
    /// gives no claims.
    public func claims(in document: Document) -> [Claim] {
        let bytes = Array(document.text.utf8)
        guard !bytes.isEmpty else { return [] }
        // The document's own language when there is a lexicon for it, else the text's (guessed once).
        let stated = document.language.flatMap { lexicons[String($0.prefix(2)).lowercased()] }
        guard let lexicon = stated ?? lexicons[languageGuess.code(for: bytes)] else { return [] }
        let pass = DocumentPass(document: document, bytes: bytes, lexicon: lexicon, names: sourceNames, gazetteer: gazetteer, landmarks: landmarks)
        return pass.run()
    }
}
