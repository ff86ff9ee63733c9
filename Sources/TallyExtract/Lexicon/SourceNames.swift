import Foundation
import TallyCore
import TallyText

/// Well-known sources and the words that tell a source's class, from `Lexicons/sources.json`.
/// A class, as `Lexicon` is: each document's attribution finder holds it.
final class SourceNames: Sendable {
    let names: PhraseList<Source>
    let classes: PhraseList<SourceClass>
    let roles: PhraseList<String>

    /// Nouns of kinds of sources, printed in English ("правозащитники" → "human rights activists"):
    /// asked after `names`, so that a name anywhere in the phrase wins ("правозащитники из
    /// «Мемориала»" → Memorial).
    let generic: PhraseList<Source>

    /// The name of a police body that prints the city it serves (`"{city} police"`).
    static let cityPlaceholder = "{city}"

    init(file: SourceNamesFile) {
        func rows(_ list: [[String]]) -> [(String, Source)] {
            list.compactMap { row in
                guard row.count == 3, let cls = SourceClass(rawValue: row[2]) else { return nil }
                return (row[0], Source(name: row[1], sourceClass: cls))
            }
        }
        names = PhraseList(rows(file.names))
        generic = PhraseList(rows(file.generic ?? []))
        var c: [(String, SourceClass)] = []
        for entry in file.classes {
            guard let cls = SourceClass(rawValue: entry.name) else { continue }
            c += entry.patterns.map { ($0, cls) }
        }
        classes = PhraseList(c)
        roles = PhraseList(file.roles.map { ($0.key, $0.value) })
    }

    static func bundled() throws -> SourceNames {
        let data = try LexiconResources.data("sources", "json")
        do {
            return SourceNames(file: try JSONDecoder().decode(SourceNamesFile.self, from: data))
        } catch {
            throw TallyError(.configuration, input: "Lexicons/sources.json", "the source list is not valid: \(error)")
        }
    }

    /// The class the words of a phrase that points back name ("the monitor" → monitoring, "the
    /// ministry" → official), or nil ("it", "the group").
    func sourceClass(of tokens: some Collection<Token>) -> SourceClass? {
        let words = Array(tokens)
        for i in words.indices { if let m = classes.match(words, at: i) { return m.value } }
        return nil
    }

    /// The source a phrase of the text names: a well-known one by its usual name, otherwise the
    /// phrase as written with a class guessed from its words.
    /// `articles` are the language's articles, which a title's lead-in may hold ("the Istanbul Gov.").
    /// `connectors` are the lower-case words a name may hold between capitalised ones ("of", "to").
    func source(for tokens: [Token], text: String, articles: WordSet, connectors: WordSet = []) -> Source {
        if let office = office(tokens, text: text, articles: articles) { return office }
        for i in tokens.indices {
            if let m = names.match(tokens, at: i) {
                return m.value.name == "=" ? Source(name: Self.nominative(text), sourceClass: m.value.sourceClass) : m.value
            }
        }
        // A kind of source before a name keeps the name ("издание «Люди Байкала»"; not "СМИ" itself).
        for i in tokens.indices {
            if let m = generic.match(tokens, at: i) {
                let named = Self.properNameStart(tokens, connectors: connectors).flatMap { $0 >= i + m.length ? Self.properName(tokens, text, connectors: connectors) : nil }
                return Source(name: named.map(Self.nominative) ?? m.value.name, sourceClass: m.value.sourceClass)
            }
        }
        for i in tokens.indices {
            if let m = classes.match(tokens, at: i) {
                return Source(name: Self.properName(tokens, text, connectors: connectors).map(Self.nominative) ?? text, sourceClass: m.value)
            }
        }
        // A capitalised name with no class words: a person or an outlet; media is the cautious guess.
        return Source(name: Self.nominative(text), sourceClass: tokens.contains { $0.capitalized } ? .media : .unattributed)
    }

    /// "the independent monitoring group Civic Monitor" → "Civic Monitor": the capitalised name
    /// at the end of a description, when there is one.
    /// "Istanbul Gov. Hüseyin Avni Mutlu", "Interior Minister John Smith": a title followed by a
    /// person's name speaks for the office, so the source is the title with the words before it.
    func office(_ tokens: [Token], text: String, articles: WordSet) -> Source? {
        for i in tokens.indices {
            guard let m = roles.match(tokens, at: i) else { continue }
            var k = i + m.length
            if k < tokens.count, tokens[k].hasText(".") { k += 1 }
            let name = tokens[k...]
            guard name.count >= 2, name.count <= 4, name.allSatisfy({ $0.kind == .word && $0.capitalized }) else { return nil }
            let before = tokens[..<i].filter { $0.kind == .word && !articles.contains($0) }.map(\.text)
            guard before.count <= 3 else { return nil }
            // A well-known office in the title ("генеральный прокурор Асхат Даулбаев" → Prosecutor General).
            for j in 0..<k {
                if let known = names.match(tokens, at: j), j + known.length <= k, known.value.name != "=" { return known.value }
            }
            // The title as written ("Interior Minister"), or its full form for an abbreviation
            // ("Istanbul Gov." → "Istanbul governor").
            let title: String
            if k > i + m.length {
                title = (before + [m.value]).joined(separator: " ")
            } else {
                let utf8 = Array(text.utf8)
                let from = tokens[0].start, to = tokens[i + m.length - 1].end
                guard to - from <= utf8.count else { return nil }
                title = String(decoding: utf8[0..<(to - from)], as: UTF8.self)
            }
            let cls = classes.matches(Array(tokens[..<k]), in: 0..<k).first?.value ?? .official
            return Source(name: title.prefix(1).uppercased() + title.dropFirst(), sourceClass: cls)
        }
        return nil
    }

    /// "the Human Rights Commission of Pakistan", "Committee to Protect Journalists": a connector
    /// between capitalised words stays in the name.
    static func properName(_ tokens: [Token], _ text: String, connectors: WordSet = []) -> String? {
        guard let k = properNameStart(tokens, connectors: connectors) else { return nil }
        let start = tokens[k].start - tokens[0].start
        let utf8 = Array(text.utf8)
        guard start >= 0, start < utf8.count else { return nil }
        return String(decoding: utf8[start...], as: UTF8.self)
    }

    /// Where `properName`'s name starts: the capitalised words (with hyphens and connectors) that
    /// end the phrase, after a lower-case word.
    static func properNameStart(_ tokens: [Token], connectors: WordSet = []) -> Int? {
        guard let last = tokens.last, last.capitalized || last.kind == .punctuation else { return nil }
        // «Гражданский монитор», “Civic Monitor”: a quoted name that ends the phrase, whatever the
        // case of its words.
        if tokens.count >= 3, let open = QuoteMarks.typographicOpening(ofClosing: last) ?? (last.hasText("\"") ? "\"" : nil),
           let k = tokens.indices.dropLast().last(where: { tokens[$0].hasText(open) }), k > 0, k < tokens.count - 2,
           tokens[..<k].contains(where: { $0.kind == .word && !$0.capitalized }) { return k }
        var k = tokens.count - 1
        while k > 0, tokens[k - 1].capitalized || (tokens[k - 1].kind == .punctuation && tokens[k - 1].hasText("-"))
                || (k > 1 && tokens[k - 1].kind == .word && connectors.contains(tokens[k - 1]) && tokens[k - 2].capitalized) { k -= 1 }
        guard k > 0, tokens[k].capitalized, tokens[..<k].contains(where: { $0.kind == .word && !$0.capitalized }) else { return nil }
        return k
    }

    /// Russian surnames back in the nominative ("Кузнецовой" → "Кузнецова"), quotes dropped.
    static func nominative(_ text: String) -> String {
        // ASCII without quote marks: no word changes, so only the spacing is redone, byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x22 }) {
            // Words joined by single spaces: most names are so already, and are returned as they are.
            var previous: UInt8 = 0x20
            var spaced = false
            for b in text.utf8 {
                if b == 0x20 && previous == 0x20 { spaced = true; break }
                previous = b
            }
            if !spaced && previous != 0x20 { return text }
            return text.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        }
        return nominativeByBytes(text) ?? nominativeByCharacters(text)
    }

    static let quoteMarks: [[UInt8]] = QuoteMarks.all.map { Array($0.utf8) }
    static let quoteCharacters = Set(QuoteMarks.all.map { Character($0) })
    static let surnameEndings: [(ending: [UInt8], replacement: [UInt8])] = [("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")]
        .map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `nominative` read byte by byte, for text whose characters are single scalars that compare by
    /// their bytes (`Token.isPlainText`) and whose words start with ASCII or a basic Cyrillic letter
    /// (U+0400–U+045F, capitals U+0400–U+042F); nil for any other text.
    static func nominativeByBytes(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard Token.isPlainText(bytes) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (k, word) in bytes.split(separator: 0x20).enumerated() {
            var w: [UInt8] = []
            var i = word.startIndex
            while i < word.endIndex {
                // (Every mark starts with one of three bytes: the others are asked about none.)
                let b = word[i]
                if b == 0x22 || b == 0xC2 || b == 0xE2, let q = quoteMarks.first(where: { word[i...].starts(with: $0) }) {
                    i += q.count
                    continue
                }
                w.append(b)
                i += 1
            }
            if k > 0 { out.append(0x20) }
            guard let first = w.first else { continue }
            let capital: Bool
            if first < 0x80 {
                capital = first >= 65 && first <= 90
            } else if w.count >= 2, first == 0xD0 || (first == 0xD1 && w[1] <= 0x9F) {
                capital = first == 0xD0 && w[1] <= 0xAF
            } else {
                return nil
            }
            // A Cyrillic scalar is U+0400–U+04FF: lead bytes D0–D3.
            if capital, w.contains(where: { $0 >= 0xD0 && $0 <= 0xD3 }),
               let e = surnameEndings.first(where: { w.count >= $0.ending.count && w.suffix($0.ending.count).elementsEqual($0.ending) }) {
                w.removeLast(e.ending.count)
                w += e.replacement
            }
            out += w
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `nominative` read by characters, for any text.
    static func nominativeByCharacters(_ text: String) -> String {
        let words = text.split(separator: " ").map { word -> String in
            var w = String(word).filter { !quoteCharacters.contains($0) }
            guard let first = w.first, first.isUppercase, w.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) else { return w }
            for (ending, replacement) in [("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")] where w.hasSuffix(ending) {
                w = String(w.dropLast(ending.count)) + replacement
                break
            }
            return w
        }
        return words.joined(separator: " ")
    }
}
