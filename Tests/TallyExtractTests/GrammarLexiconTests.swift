import Foundation
import Testing
import TallyCore
import TallyGeo
import TallyText
@testable import TallyExtract

/// The `grammar` section of a lexicon: the function words that the rules read come from data, and a
/// bad section is refused with a message that says what to fix.
struct GrammarLexiconTests {
    /// The bundled English lexicon as JSON, with `change` applied to its grammar section.
    func english(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var root = try #require(try JSONSerialization.jsonObject(with: LexiconResources.data("en", "json")) as? [String: Any])
        var grammar = try #require(root["grammar"] as? [String: Any])
        change(&grammar)
        root["grammar"] = grammar
        return try JSONSerialization.data(withJSONObject: root)
    }

    func load(_ data: Data) throws -> Lexicon {
        try Lexicon(file: JSONDecoder().decode(LexiconFile.self, from: data))
    }

    @Test func bothLanguagesLoadTheirOwnWords() throws {
        let en = try Lexicon.bundled("en").grammar
        let ru = try Lexicon.bundled("ru").grammar
        #expect(en.articles.contains(Token(kind: .word, start: 0, end: 3, text: "the")))
        #expect(!ru.articles.contains(Token(kind: .word, start: 0, end: 3, text: "the")))
        #expect(ru.and.contains(Token(kind: .word, start: 0, end: 2, text: "и")))
        #expect(en.group(ofSingular: Token(kind: .word, start: 0, end: 3, text: "boy")) == .minors)
        #expect(en.group(ofSingular: Token(kind: .word, start: 0, end: 3, text: "son")) == .people)
        #expect(ru.isPluralVerb(Token(kind: .word, start: 0, end: 20, text: "рассказали")))
        #expect(!en.isPluralVerb(Token(kind: .word, start: 0, end: 4, text: "told")))
    }

    /// Every list a lexicon file holds is read: a key the decoder skips is a list no rule uses
    /// (a misspelt name, or words an author added in vain).
    @Test func everyKeyOfTheLexiconFilesIsRead() throws {
        func unread(_ object: Any?, _ keys: [String]) -> [String] {
            ((object as? [String: Any])?.keys).map { Set($0).subtracting(keys + ["comment"]).sorted() } ?? []
        }
        for language in ["en", "ru"] {
            let root = try #require(try JSONSerialization.jsonObject(with: LexiconResources.data(language, "json")) as? [String: Any])
            #expect(unread(root, LexiconFile.CodingKeys.allCases.map(\.stringValue)).isEmpty, "\(language)")
            #expect(unread(root["grammar"], Grammar.CodingKeys.allCases.map(\.stringValue)).isEmpty, "\(language) grammar")
            #expect(unread(root["sources"], LexiconFile.Sources.CodingKeys.allCases.map(\.stringValue)).isEmpty, "\(language) sources")
            #expect(unread(root["places"], LexiconFile.Places.CodingKeys.allCases.map(\.stringValue)).isEmpty, "\(language) places")
            #expect(unread(root["dates"], LexiconFile.Dates.CodingKeys.allCases.map(\.stringValue)).isEmpty, "\(language) dates")
        }
    }

    @Test func aMissingListIsNamed() throws {
        let data = try english { $0.removeValue(forKey: "noun_phrase_ends") }
        #expect { try load(data) } throws: { "\($0)".contains("noun_phrase_ends") }
    }

    @Test func aPhraseInAWordListIsRefused() throws {
        let data = try english { $0["articles"] = ["a", "the", "a few"] }
        #expect { try load(data) } throws: { "\($0)".contains("'a few' has a space") }
    }

    @Test func anUnknownGroupIsRefused() throws {
        let data = try english { $0["singular_people"] = ["monks": ["monk"]] }
        #expect { try load(data) } throws: { "\($0)".contains("'monks'") }
    }

    /// The rules follow the data: without the English articles, "a man was killed" counts no one,
    /// and with the words of another language's list the rule reads that language.
    @Test func theRulesReadTheListsTheyAreGiven() throws {
        let text = "A man was killed in Leeds on Friday."
        func claims(_ lexicon: Lexicon) throws -> [Claim] {
            let pass = DocumentPass(document: Document(id: "t", language: "en", published: Day("2024-03-15"), text: text),
                                    bytes: Array(text.utf8), lexicon: lexicon, names: try SourceNames.bundled(),
                                    gazetteer: try Gazetteer.shared.get(),
                                    landmarks: PlaceFinder.landmarkCities([lexicon], try Gazetteer.shared.get()))
            return pass.run()
        }
        let bundled = try claims(try Lexicon.bundled("en"))
        #expect(bundled.map { "\($0.kind) \($0.quantity.value ?? 0)" } == ["killed 1"])
        let without = try claims(try load(try english { $0["articles"] = [String]() }))
        #expect(without.isEmpty)
    }
}
