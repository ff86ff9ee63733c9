import Foundation
import TallyCore
import TallyText

/// Tells the language of a text: Russian by its share of Cyrillic letters; else English, unless
/// the function words of other Latin-script languages (`Lexicons/languages.json`) clearly outnumber
/// the English ones. Then the text is in a language Tally has no lexicon for, `undetermined`, and
/// gives no claims: English rules read over German or Spanish find only false figures.
struct LanguageGuess: Sendable {
    /// The code of a language Tally cannot read.
    static let undetermined = "und"

    /// Function words by the key of their bytes (`Token.key(of:)`): true for English ones.
    let functionWords: KeyTable<Bool>

    struct File: Decodable {
        let english: [String]
        let other: [String]
    }

    init(english: [String], other: [String]) {
        functionWords = KeyTable(english.map { (Token.key(of: $0.utf8), true) } + other.map { (Token.key(of: $0.utf8), false) })
    }

    /// The bundled word lists.
    static func bundled() throws -> LanguageGuess {
        let data = try LexiconResources.data("languages", "json")
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            return LanguageGuess(english: file.english, other: file.other)
        } catch {
            throw TallyError(.configuration, input: "Lexicons/languages.json", "the language word lists are not valid: \(error)")
        }
    }

    /// "ru", "en" or `undetermined`, from the first 8 KB of the text.
    func code(for bytes: [UInt8]) -> String {
        var cyrillic = 0
        var latin = 0
        var english = 0
        var other = 0
        // The key of the lower-case ASCII word being read (`Token.key(of:)`; nil between words),
        // and whether a letter outside ASCII ("für", "não") made it none of the listed ones.
        var key: UInt64? = nil
        var foreign = false
        func endWord() {
            if let k = key, !foreign, let isEnglish = functionWords[k] {
                if isEnglish { english += 1 } else { other += 1 }
            }
            key = nil
            foreign = false
        }
        var i = 0
        let end = min(bytes.count, 8192)
        while i < end {
            let b = bytes[i]
            if b == 0xD0 || b == 0xD1 {
                cyrillic += 1
                endWord()
                i += 2
                continue
            }
            if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) {
                latin += 1
                key = ((key ?? 0xcbf2_9ce4_8422_2325) ^ UInt64(b | 0x20)) &* 0x100_0000_01b3
            } else if b >= 0xC3 && b <= 0xC5 {
                // A Latin letter outside ASCII: the word goes on, but is none of the listed ones.
                foreign = true
                key = key ?? 0xcbf2_9ce4_8422_2325
            } else if b >= 0x80 && b < 0xC0 && foreign {
                // (The rest of that letter.)
            } else {
                // Anything else ends the word: a space, a mark, a curly quote or dash ("“the”").
                endWord()
            }
            i += 1
        }
        endWord()
        if cyrillic * 2 > latin { return "ru" }
        return other >= 8 && other > 2 * english ? Self.undetermined : "en"
    }
}
