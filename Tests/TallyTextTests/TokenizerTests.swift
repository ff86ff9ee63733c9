import Testing
@testable import TallyText

struct TokenizerTests {
    /// Lower-casing: ASCII, Cyrillic (Ё too), Latin-1 capitals, ’ as '; other text as written,
    /// a cut multi-byte character at the end kept as it is.
    @Test func lowerCasesTheLettersItKnows() {
        var out: [UInt8] = [9, 9, 9]
        let text = Array("Ёлка ПОЛИЦИЯ O’Brien ÀÉ× Straße ΑΒΓ 1,300 — OK".utf8)
        Tokenizer.lowercase(text, 0, text.count, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "ёлка полиция o'brien àé× straße ΑΒΓ 1,300 — ok")
        let cut = Array("ДА".utf8).dropLast()
        Tokenizer.lowercase(Array(cut), 0, cut.count, into: &out)
        #expect(out == [0xD0, 0xB4, 0xD0])
    }

    func texts(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return Tokenizer.tokens(bytes, in: 0..<bytes.count).map(\.text)
    }

    @Test func groupedNumbersStayWhole() {
        #expect(texts("1,300 and 1 300 and 1\u{A0}300 and 15,5") == ["1,300", "and", "1 300", "and", "1\u{A0}300", "and", "15,5"])
        // A space before a group that is not three digits splits the number.
        #expect(texts("in 2019 30 people") == ["in", "2019", "30", "people"])
    }

    @Test func wordsAreLowerCasedWithTheirOffsets() throws {
        let text = "Вчера ОВД-Инфо said"
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(tokens.map(\.text) == ["вчера", "овд", "-", "инфо", "said"])
        #expect(tokens[0].capitalized && !tokens[4].capitalized)
        #expect(String(decoding: bytes[tokens[1].start..<tokens[1].end], as: UTF8.self) == "ОВД")
    }

    @Test func apostrophesInsideWordsAndNonBreakingHyphens() {
        #expect(texts("doctors’ committee") == ["doctors", "’", "committee"])
        #expect(texts("Viasna’s leader") == ["viasna's", "leader"])
        #expect(texts("ОВД\u{2011}Инфо") == ["овд", "-", "инфо"])
    }
}

/// The tokenizer works out a token's keys in one pass (`Token.KeyReader`); they must be exactly
/// what the three separate definitions give, or lexicon lookups would silently miss.
struct TokenKeysTests {
    static let samples: [[UInt8]] = [
        "", "a", "ab", "abc", "ёлка", "задержанных", "naïve", "o'brien", "–", "’", "\u{2000}", "\u{2002}", "\u{20BF}",
        "\u{20C0}", "e\u{301}", "日本", "😀", "\u{0280}", "\u{027F}x", "ok\u{2011}",
    ].map { Array($0.utf8) } + [[0xD0], [0xE2, 0x80], [0x80, 0x41], [0xC3, 0x41], [0xE2, 0x41, 0x82], [0xE2, 0x81, 0x41]]

    @Test func onePassKeysAgreeWithTheirDefinitions() {
        var generator = SystemRandomNumberGenerator()
        var cases = Self.samples
        for _ in 0..<2_000 {
            // Random bytes biased to the lead bytes the plainness test treats apart.
            let alphabet: [UInt8] = [0x41, 0x61, 0x80, 0x81, 0x82, 0x99, 0xBF, 0xC2, 0xC3, 0xC9, 0xCA, 0xD0, 0xD1, 0xD2, 0xE2, 0xE3, 0xF0]
            cases.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for bytes in cases {
            var reader = Token.KeyReader()
            for b in bytes { reader.add(b) }
            let keys = reader.keys
            #expect(keys.key == Token.key(of: bytes), "key of \(bytes)")
            #expect(keys.stemKey == Token.stemKey(of: bytes), "stem key of \(bytes)")
            #expect(keys.plain == Token.isPlainText(bytes), "plainness of \(bytes)")
        }
    }

    @Test func tokensCarryTheKeysOfTheirText() {
        // ASCII words take a shorter path of their own: a long one, one letter, capitals, an apostrophe.
        let long = String(repeating: "Ab", count: 30)
        let bytes = Array("Вчера в Ёлкино ЗАДЕРЖАЛИ 1 300 человек — naïve O’Brien; Police DETAINED 45, O'Neil said a \(long) x".utf8)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(tokens.map(\.text).suffix(9) == ["police", "detained", "45", ",", "o'neil", "said", "a",
                                                 String(long.lowercased().prefix(Token.Text.capacity)), "x"])
        // A word longer than the text kept is keyed by all of it.
        #expect(tokens[tokens.count - 2].key == Token.key(of: long.lowercased().utf8))
        #expect(tokens.first { $0.text == "police" }?.capitalized == true)
        for t in tokens where t.end - t.start <= Token.Text.capacity {
            #expect(t.key == Token.key(of: t.text.utf8), "key of \(t.text)")
            #expect(t.stemKey == Token.stemKey(of: t.text.utf8), "stem key of \(t.text)")
            #expect(t.plain == Token.isPlainText(t.text.utf8), "plainness of \(t.text)")
        }
    }
}

extension TokenizerTests {
    /// Words of ASCII and Cyrillic letters take a shorter path than other words: their tokens are
    /// those the general reader makes (text lower-cased as `lowercase` does, keys of that text),
    /// and they end where it ends them: at a digit, a mark, a no-break space, an apostrophe not
    /// followed by a letter; past an apostrophe between letters of either script.
    @Test func plainWordsMatchTheGeneralReader() {
        let long = String(repeating: "Ж", count: 23)  // 46 bytes: kept whole
        let longer = String(repeating: "Ab", count: 30)  // cut by the general reader
        let text = "Вчера ЁЛКИНО ёлкино ЗАДЕРЖАЛИ задержали Чебоксарах Москва1 ЯЯ Й ПрИвЕт naïve Ёжик O'Neil rock'n'roll "
            + "l'été д'Артаньян ЗАДЕРЖАНЫ» «police\u{A0}said ends' it's' O’Brien \(long) \(longer) Café"
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(tokens.filter { $0.kind == .word }.map(\.text) == [
            "вчера", "ёлкино", "ёлкино", "задержали", "задержали", "чебоксарах", "москва", "яя", "й", "привет", "naïve", "ёжик",
            "o'neil", "rock'n'roll", "l'été", "д'артаньян", "задержаны", "police", "said", "ends", "it's", "o'brien",
            long.lowercased(), String(longer.lowercased().prefix(Token.Text.capacity)), "café",
        ])
        for t in tokens where t.kind == .word && t.end - t.start <= Token.Text.capacity {
            var lower: [UInt8] = []
            Tokenizer.lowercase(bytes, t.start, t.end, into: &lower)
            #expect(t.text == String(decoding: lower, as: UTF8.self), "text of \(t.text)")
            #expect(t.key == Token.key(of: lower) && t.stemKey == Token.stemKey(of: lower) && t.plain == Token.isPlainText(lower),
                    "keys of \(t.text)")
        }
        #expect(tokens.first?.text == "вчера" && tokens.first?.capitalized == true)
    }
}

struct KeyTableTests {
    @Test func findsEveryStoredKeyAndNoOther() {
        var generator = SystemRandomNumberGenerator()
        var entries: [UInt64: Int] = [0: -1, 1: -2]  // zero is stored as one: the later entry wins
        for n in 0..<500 { entries[UInt64.random(in: 2...UInt64.max, using: &generator)] = n }
        let table = KeyTable(entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        for (key, value) in entries where key > 1 {
            #expect(table[key] == value)
            #expect(table.contains(key))
        }
        #expect(table[0] == -2 && table[1] == -2)
        for _ in 0..<500 {
            let key = UInt64.random(in: 2...UInt64.max, using: &generator)
            #expect(table[key] == entries[key])
        }
        #expect(KeyTable<Int>([(UInt64, Int)]())[42] == nil)
        // A repeated key keeps its one slot and takes the later value.
        let repeated = KeyTable([(7, "first"), (9, "other"), (7, "second")])
        #expect(repeated[7] == "second" && repeated[9] == "other" && repeated[8] == nil)
    }
}

struct KeyFilterTests {
    @Test func holdsEveryKeyItWasGivenAndRejectsMostOthers() {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<5_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        let filter = KeyFilter(bits: 18, keys: keys)
        #expect(keys.allSatisfy { filter.mayContain($0) })
        // 5,000 of 262,144 bits set: about 2% of other keys pass; far fewer than half must.
        let passed = (0..<10_000).filter { _ in filter.mayContain(UInt64.random(in: 0...UInt64.max, using: &generator)) }.count
        #expect(passed < 1_000, "\(passed) of 10,000 other keys passed")
        #expect(!KeyFilter(bits: 6, keys: []).mayContain(42))
    }
}

/// A token keeps its text inline (`Token.Text`): whole up to 47 bytes, cut at a character after.
struct TokenTextTests {
    @Test func shortTextsRoundTripAndCompareByBytes() {
        for s in ["", ",", "-", "задержанных", "несовершеннолетних", "o'brien", "naïve", "日本", "😀", String(repeating: "a", count: 47)] {
            let t = Token.Text(s.utf8)
            #expect(t.string == s && t.count == s.utf8.count)
            #expect(t.equals(Array(s.utf8)) && t.starts(with: Array(s.utf8.prefix(3))))
            #expect(!t.equals(Array((s + "x").utf8)) && !t.starts(with: Array((s + "x").utf8)))
        }
        var token = Token(kind: .punctuation, start: 0, end: 1, text: ",")
        #expect(token.hasText(",") && !token.hasText(".") && !token.hasText(",,"))
        token.text = "«"
        #expect(token.hasText("«") && token.text == "«")
    }

    /// `hasPrefix` and `same(as:)` compare two kept texts eight bytes at a time: they answer as
    /// `starts(with:)` and `equals` on the bytes, at every length across the eight-byte words.
    @Test func keptTextsCompareAsTheirBytes() {
        let words = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "задержан", "задержанных", "задержанные",
                     "несовершеннолетних", String(repeating: "y", count: 40) + "z", String(repeating: "y", count: 47)]
        for w in words {
            let bytes = Array(w.utf8)
            for cut in 0...bytes.count {
                for other in [Array(bytes[..<cut]), Array(bytes[..<cut]) + [0x71]] where other.count <= Token.Text.capacity {
                    let a = Token.Text(bytes), b = Token.Text(other)
                    #expect(a.hasPrefix(b) == a.starts(with: other), "\(w) has prefix \(other)")
                    #expect(a.same(as: b) == a.equals(other), "\(w) same as \(other)")
                }
            }
        }
        // A token's kept text, whatever its bytes past the count, compares by the count's bytes.
        let bytes = Array("Detained detainees".utf8)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(tokens[0].stored.same(as: Token.Text("detained".utf8)) && !tokens[1].stored.same(as: Token.Text("detained".utf8)))
        #expect(tokens[1].stored.hasPrefix(Token.Text("detain".utf8)) && !tokens[0].stored.hasPrefix(Token.Text("detainees".utf8)))
    }

    /// A token's suffix is read from its kept bytes, as `text.hasSuffix` would answer.
    @Test func suffixesAreReadInPlace() {
        let bytes = Array("Reuters' Moscow's Москвы’s s '".utf8)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        for t in tokens {
            #expect(t.hasSuffix("'s") == t.text.hasSuffix("'s") && t.hasSuffix("’s") == t.text.hasSuffix("’s")
                    && t.hasSuffix("'") == t.text.hasSuffix("'"), "\(t.text)")
        }
        #expect(tokens.filter { $0.hasSuffix("'s") }.map(\.text) == ["moscow's", "москвы's"])  // (the tokenizer reads ’ as ')
    }

    @Test func longTextsAreCutAtACharacter() {
        let latin = String(repeating: "x", count: 60)
        #expect(Token.Text(latin.utf8).string == String(repeating: "x", count: 47))
        // 23 Cyrillic letters fill 46 bytes; the 24th does not fit whole and is left out.
        let cyrillic = String(repeating: "ж", count: 30)
        #expect(Token.Text(cyrillic.utf8).string == String(repeating: "ж", count: 23))
        let mixed = String(repeating: "a", count: 45) + "日本"  // 45 + 3 + 3 bytes
        #expect(Token.Text(mixed.utf8).string == String(repeating: "a", count: 45))
        // The tokenizer hashes the whole word, so a long word still meets no shorter one.
        let bytes = Array(cyrillic.utf8)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(tokens.count == 1 && tokens[0].key == Token.key(of: bytes) && tokens[0].end == bytes.count)
    }
}

/// A word set answers as the `Set<String>` of its words would.
struct WordSetTests {
    @Test func answersAsASetOfStrings() {
        let words = ["and", "an", "a", "и", "задержанных", "naïve", "«", "—", String(repeating: "x", count: 60)]
        let set = WordSet(words)
        let text = "And an a ax и задержанных задержанные naïve naive « — - " + String(repeating: "x", count: 60) + " " + String(repeating: "x", count: 47)
        let bytes = Array(text.utf8)
        for t in Tokenizer.tokens(bytes, in: 0..<bytes.count) {
            #expect(set.contains(t) == Set(words).contains(t.text), "\(t.text)")
        }
    }

    @Test func aTokenStaysSmall() {
        // The one-byte fields share a word (see the order of `Token`'s stored fields).
        #expect(MemoryLayout<Token>.stride <= 112)
    }
}

struct WordAffixesTests {
    /// Every token of a mixed text, asked by bytes, answers as `String.hasSuffix`/`hasPrefix` do,
    /// plain or not (a decomposed "й", Greek, a word cut at the kept length).
    @Test func answersAsStringAffixes() {
        let endings = ["ly", "ли", "ют", "ing"]
        let stems = ["задержан", "naï", "x"]
        let text = "fatally Fully ly rally. рассказали сообщают задерживают confirming sing задержанные задержан naïve "
            + "naive рассказал\u{0438}\u{0306} καλly " + String(repeating: "x", count: 60) + "ly"
        let bytes = Array(text.utf8)
        let suffixes = WordAffixes(endings), prefixes = WordAffixes(stems)
        let tokens = Tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(tokens.contains { !$0.plain }, "the text should hold tokens that are not plain")
        for t in tokens {
            #expect(suffixes.endsWord(t) == endings.contains { t.text.hasSuffix($0) }, "\(t.text)")
            #expect(prefixes.startsWord(t) == stems.contains { t.text.hasPrefix($0) }, "\(t.text)")
        }
        #expect(suffixes.endsWord(tokens[0]) && suffixes.endsWord(tokens[9]) && !suffixes.endsWord(tokens[4]))
        #expect(prefixes.startsWord(tokens[10]) && prefixes.startsWord(tokens[11]))
    }

    /// Affixes that are not plain text are asked of the token's `String`: "й" written as и + ̆
    /// ends a word that has the composed letter.
    @Test func affixesThatAreNotPlainCompareAsStrings() {
        let bytes = Array("сказал\u{0439}".utf8)
        let token = Tokenizer.tokens(bytes, in: 0..<bytes.count)[0]
        #expect(WordAffixes(["л\u{0438}\u{0306}"]).endsWord(token))
        #expect(!WordAffixes(["ли"]).endsWord(token))
    }
}

/// `ByteWordSet` answers as a set of strings compared by their bytes.
struct ByteWordSetTests {
    @Test func containsExactlyItsWords() {
        let set = ByteWordSet(["State", "тыс"])
        #expect(set.contains(Array("State".utf8)))
        #expect(set.contains(Array("тыс".utf8)))
        #expect(!set.contains(Array("state".utf8)))
        #expect(!set.contains(Array("States".utf8)))
        #expect(set.word(forKey: Token.key(of: "тыс".utf8)) == Array("тыс".utf8))
        #expect(set.word(forKey: Token.key(of: "тысяч".utf8)) == nil)
    }
}

/// `ByteSearch` and `String.includes`: byte-for-byte substring tests, without Foundation's locale rules.
struct StringIncludesTests {
    @Test func findsBytesAnywhereAndNothingElse() {
        #expect("{city} police".includes("{city}") && "{city} police|regional Interior Ministry".includes("|"))
        #expect("ГУВД Бишкека".includes("Бишкек") && !"ГУВД Бишкека".includes("бишкек"))
        #expect(!"police".includes("{city}") && !"ab".includes("abc") && "".includes("") && "x".includes(""))
        // Composed and decomposed "é" are different bytes: no match across Unicode forms.
        #expect(!"caf\u{E9}".includes("cafe\u{301}"))
        #expect(ByteSearch.contains(Array("more:".utf8), Array("e:".utf8)) && !ByteSearch.contains(Array("more".utf8), Array("more:".utf8)))
    }
}
