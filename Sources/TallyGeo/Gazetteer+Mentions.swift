import TallyCore
import TallyText

extension Gazetteer {
    /// Words that, before a name, make it a place ("in Moscow", "в Москве", "из Минска").
    static let prepositions = KeyTable([
        "in", "at", "near", "from", "across", "throughout", "outside", "inside", "around", "of", "to", "into",
        "в", "во", "на", "из", "под", "около", "возле", "у", "по", "до", "между", "над",
    ].map { (NameKey.hash(ofName: $0), true) })

    /// Lower-case words allowed inside a Latin place name.
    static let joiners: Set<String> = ["on", "upon", "de", "del", "la", "le", "les", "du", "da", "do", "dos", "das", "am", "im", "an", "of", "the", "sur", "en", "y", "al", "el", "d", "c"]

    /// Capitalised words that, right after a city's name, make the name another place or a body:
    /// "Washington State Patrol", "New York State", "Ohio State" (a state, a university), not the city.
    static let notCityAfter = ByteWordSet(["State"])

    /// `joiners`, asked by a word's bytes.
    static let joinerWords = ByteWordSet(joiners)

    /// Every place name in `text`, longest match first and non-overlapping, in text order.
    ///
    /// A name must start with a capital letter; names in the stop list (everyday words that are
    /// also towns, like "Police") are not matched alone. Country adjectives ("Russian",
    /// "российских") come back with form `.adjective`.
    public func mentions(in text: String) -> [PlaceMention] { mentions(inUTF8: Array(text.utf8)) }

    /// Every place name in the UTF-8 bytes of a text, as `mentions(in:)` finds them.
    public func mentions(inUTF8 bytes: [UInt8]) -> [PlaceMention] {
        var scratch = Scratch()
        return scan(bytes, &scratch)
    }

    /// The place names of each of `ranges` of a text, each scanned as a text of its own (spans
    /// count from the start of its range), as `mentions(inUTF8:)` finds them. One scratch serves
    /// every range: a document's sentences, scanned one by one, allocated it once per sentence.
    public func mentions(inUTF8 bytes: [UInt8], ranges: [Range<Int>]) -> [[PlaceMention]] {
        var scratch = Scratch(reserved: true)
        var text: [UInt8] = []
        // (Room for the longest range at once, not grown range by range.)
        let longest = ranges.reduce(0) { max($0, $1.count) }
        text.reserveCapacity(longest)
        scratch.words.reserveCapacity(longest / 2 + 1)
        return ranges.map { r in
            text.removeAll(keepingCapacity: true)
            text.append(contentsOf: bytes[r])
            return scan(text, &scratch)
        }
    }

    /// Room the scan writes into, kept from one text to the next.
    struct Scratch {
        var words: [Range<Int>] = []
        /// A word normalised (`NameKey.normalise`), its text forms, and the hashes of the names
        /// that may start with the words read so far (and the next word's extension of them).
        var buffer: [UInt8] = []
        var forms: [Int] = []
        var hashes: [UInt64] = []
        var extended: [UInt64] = []

        /// Room for the scans of many texts at once (`reserved`), or none: a single short text
        /// (a page address) allocated four arrays it mostly did not use.
        init(reserved: Bool = false) {
            guard reserved else { return }
            buffer.reserveCapacity(64)
            forms.reserveCapacity(16)
            hashes.reserveCapacity(32)
            extended.reserveCapacity(32)
        }
    }

    /// The scan of `mentions(inUTF8:)`, writing into `scratch`.
    private func scan(_ bytes: [UInt8], _ scratch: inout Scratch) -> [PlaceMention] {
        WordBytes.words(bytes, into: &scratch.words)
        var result: [PlaceMention] = []
        // (Room for four names at the first: the array grew name by name in every sentence.)
        func add(_ mention: PlaceMention) {
            if result.isEmpty { result.reserveCapacity(4) }
            result.append(mention)
        }
        var k = 0
        while k < scratch.words.count {
            let first = scratch.words[k]
            guard WordBytes.isCapital(bytes, first.lowerBound) else {
                k += 1
                continue
            }
            // Longest name starting here: extend while the words are joined only by spaces,
            // hyphens, periods, apostrophes or a comma, and some name still has this prefix.
            // Each Cyrillic word may be in any case, so several hashes travel together.
            if scratch.hashes.count == 1 {
                scratch.hashes[0] = NameKey.offset
            } else {
                scratch.hashes.removeAll(keepingCapacity: true)
                scratch.hashes.append(NameKey.offset)
            }
            var matched: (end: Int, list: Range<Int>, words: Int)? = nil
            var latinKey: UInt64? = nil
            var n = 0
            while k + n < scratch.words.count, n < index.longestName {
                let word = scratch.words[k + n]
                if n > 0, !Self.joins(bytes, scratch.words[k + n - 1].upperBound, word.lowerBound) { break }
                // Later words of a Latin name are capitalised too, but for small joiners ("Rostov-on-Don").
                if n > 0, bytes[word.lowerBound] < 0x80, !WordBytes.isCapital(bytes, word.lowerBound),
                   !Self.joinerWords.contains(bytes[word]) { break }
                if NameKey.extendASCII(&scratch.hashes, first: n == 0, bytes, word) {
                    // An ASCII word (most names of English text), folded as it is hashed.
                    if n == 0 { latinKey = scratch.hashes.first }
                } else if NameKey.normalise(bytes[word], into: &scratch.buffer) {
                    NameKey.textForms(scratch.buffer, cyrillic: true, into: &scratch.forms)
                    NameKey.extend(scratch.hashes, first: n == 0, word: scratch.buffer, forms: scratch.forms, into: &scratch.extended)
                    swap(&scratch.hashes, &scratch.extended)
                } else {
                    // A Latin word has one form, itself: extend each hash in place, as `extend` would.
                    NameKey.extend(&scratch.hashes, first: n == 0, with: scratch.buffer)
                    // Alone, its hash is also its key as a country adjective ("Russian").
                    if n == 0 { latinKey = scratch.hashes.first }
                }
                n += 1
                for h in scratch.hashes {
                    if index.nameFilter.mayContain(h), let list = index.names[h], !(n == 1 && index.stopTable.contains(h)) {
                        matched = (word.upperBound, list, n)
                        break
                    }
                }
                // Keep the hashes that some longer name starts with (in place, in order).
                var kept = 0
                for j in scratch.hashes.indices where index.prefixFilter.mayContain(scratch.hashes[j]) && index.prefixTable.contains(scratch.hashes[j]) {
                    scratch.hashes[kept] = scratch.hashes[j]
                    kept += 1
                }
                if kept == 0 { break }
                if kept < scratch.hashes.count { scratch.hashes.removeSubrange(kept...) }
            }
            let before = k > 0 ? scratch.words[k - 1] : nil
            func afterPreposition() -> Bool {
                before.map { b in Self.prepositions.contains(NameKey.hash(ofWord: bytes[b], buffer: &scratch.buffer)) } ?? false
            }
            if let m = matched, k + m.words < scratch.words.count, Self.joins(bytes, m.end, scratch.words[k + m.words].lowerBound),
               bytes[m.end] == 0x20, Self.notCityAfter.contains(bytes[scratch.words[k + m.words]]) {
                // "Washington State Patrol": no place of its own here (the state is not in the gazetteer).
                k += m.words + 1
                continue
            }
            if let m = matched {
                let sentenceInitial = Self.startsSentence(bytes, before: first.lowerBound)
                let span = TextSpan(start: first.lowerBound, end: m.end)
                add(PlaceMention(
                    span: span, surface: String(decoding: bytes[span.start..<span.end], as: UTF8.self),
                    candidates: index.nameSlots[m.list].map { index.entries[Int($0)].place }, form: .name,
                    afterPreposition: afterPreposition(), sentenceInitial: sentenceInitial))
                k += m.words
                continue
            }
            if let code = adjectiveCountry(bytes[first], &scratch.buffer, latinKey: latinKey), let country = country(code: code) {
                add(PlaceMention(
                    span: TextSpan(start: first.lowerBound, end: first.upperBound),
                    surface: String(decoding: bytes[first], as: UTF8.self), candidates: [country], form: .adjective,
                    afterPreposition: afterPreposition(), sentenceInitial: Self.startsSentence(bytes, before: first.lowerBound)))
            }
            k += 1
        }
        // Cyrillic adjectives are written in lower case ("российских городах"): look at those too.
        if !index.adjectiveStems.isEmpty {
            for word in scratch.words where bytes[word.lowerBound] == 0xD0 || bytes[word.lowerBound] == 0xD1 {
                // (Asked first, in place: most Russian words start no country's adjective.)
                guard index.adjectiveStems.mayStart(bytes, word), !WordBytes.isCapital(bytes, word.lowerBound),
                      !result.contains(where: { $0.span.start == word.lowerBound }),
                      let code = adjectiveCountry(bytes[word], &scratch.buffer), let country = country(code: code) else { continue }
                add(PlaceMention(
                    span: TextSpan(start: word.lowerBound, end: word.upperBound),
                    surface: String(decoding: bytes[word], as: UTF8.self), candidates: [country], form: .adjective,
                    afterPreposition: false, sentenceInitial: false))
            }
            result.sort { $0.span.start < $1.span.start }
        }
        return result
    }

    /// The country of a country adjective. `latinKey`, when the scan has it, is the word's
    /// `NameKey.hash(ofWord:)` already (the first word of a Latin name), not worked out again.
    private func adjectiveCountry(_ word: ArraySlice<UInt8>, _ buffer: inout [UInt8], latinKey: UInt64? = nil) -> String? {
        if word.first.map({ $0 < 0x80 }) == true {
            if let country = index.adjectiveTable[latinKey ?? NameKey.hash(ofWord: word, buffer: &buffer)] { return country }
            // A plural demonym: "Russians", "Iranians" (the singular is listed).
            guard word.count > 4, word.last == UInt8(ascii: "s") else { return nil }
            return index.adjectiveTable[NameKey.hash(ofWord: word.dropLast(), buffer: &buffer)]
        }
        // Most Russian words are no country adjective: answered before the word is normalised.
        if !index.adjectiveStems.mayStart(word) { return nil }
        _ = NameKey.normalise(word, into: &buffer)
        return index.adjectiveStems.country(ofWord: buffer)
    }

    /// Whether the bytes between two words may sit inside one place name.
    static func joins(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        guard to - from <= 3 else { return false }
        var commas = 0
        for j in from..<to {
            switch bytes[j] {
            case 0x20, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "'"): continue
            case UInt8(ascii: ","): commas += 1
            default: return false
            }
        }
        return commas <= 1
    }

    /// Whether only sentence-closing punctuation, quotes or line breaks stand before `position`.
    static func startsSentence(_ bytes: [UInt8], before position: Int) -> Bool {
        var j = position - 1
        while j >= 0 {
            let b = bytes[j]
            switch b {
            case 0x20, 0x09, 0x22, 0x27, 0x28:
                j -= 1
            case 0x0A, UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                return true
            case 0x80...0xBF, 0xC2, 0xE2:  // parts of «, “, — and similar
                j -= 1
            default:
                return false
            }
        }
        return true
    }
}
