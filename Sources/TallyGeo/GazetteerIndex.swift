import Foundation
import TallyCore
import TallyText

/// The gazetteer's tables, read from the TSV that `scripts/gazetteer/build.py` writes.
///
/// Names are looked up by the hash of their normalised words (see `NameKey`); multi-word names
/// also record every word-prefix hash so a scan stops as soon as no name can continue.
struct GazetteerIndex: Sendable {
    struct Entry: Sendable {
        var place: Place
        var population: Int
    }

    var entries: [Entry] = []
    /// Name hash → entries, most populous first.
    var byName: [UInt64: [Int32]] = [:]
    /// Hashes of the first k words of multi-word names (k ≥ 1, shorter than the whole name).
    var prefixes: Set<UInt64> = []
    var longestName = 1
    /// Single-word names never matched alone.
    var stopped: Set<UInt64> = []
    /// Country code → the country entry.
    var countries: [String: Int32] = [:]
    /// Country code → the name of its capital.
    var capitals: [String: String] = [:]
    /// Adjective hash → country code (Latin words whole, Cyrillic stems).
    var adjectives: [UInt64: String] = [:]
    /// `adjectives` frozen for the text scan.
    private(set) var adjectiveTable = KeyTable<String>([(UInt64, String)]())
    /// Cyrillic adjective stems, matched as prefixes of normalised words.
    var adjectiveStems = AdjectiveStems()
    /// The tables the text scan reads, frozen from the ones above once they are built: name hash
    /// → a range of `nameSlots` (the entries, most populous first), the prefix and stop hashes.
    /// `KeyTable` takes the hashes as they are, where `Dictionary` and `Set` hash them again.
    private(set) var names = KeyTable<Range<Int>>([(UInt64, Range<Int>)]())
    private(set) var nameSlots: [Int32] = []
    private(set) var prefixTable = KeyTable<Bool>([(UInt64, Bool)]())
    private(set) var stopTable = KeyTable<Bool>([(UInt64, Bool)]())
    /// The hashes of `names` and `prefixTable` as bits, asked first: most capitalised words of a
    /// text are no place name, and these answer from the cache where the tables wait for memory.
    private(set) var nameFilter = KeyFilter(bits: 6, keys: [])
    private(set) var prefixFilter = KeyFilter(bits: 6, keys: [])
    /// GeoNames id → the entry's own name and the population `population(named:id:)` gives for
    /// that name and id: the story's places ask for populations at every sentence, and hashing a
    /// name again for each answer cost more than the rest of the question.
    private(set) var populationByID = KeyTable<(name: String, population: Int)>([(UInt64, (name: String, population: Int))]())

    /// The population of the entry with GeoNames id `id` among those of a name (0 when none is).
    func population(named name: String, id: Int) -> Int { population(nameHash: NameKey.hash(ofName: name), id: id) }

    /// As `population(named:id:)`, the name given by its hash.
    func population(nameHash: UInt64, id: Int) -> Int {
        for i in byName[nameHash] ?? [] where entries[Int(i)].place.geonameID == id { return entries[Int(i)].population }
        return 0
    }

    /// Parses the gazetteer TSV bytes.
    init(tsv bytes: [UInt8], stoplist: [UInt8], demonyms: [UInt8]) throws {
        var lineStart = 0
        var lineNumber = 0
        var keyBuffer: [UInt8] = []
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8)
        var nameHashes: [UInt64?] = []  // the hash of each entry's own name
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
            fields.removeAll(keepingCapacity: true)
            var f = lineStart
            for j in lineStart...lineEnd where j == lineEnd || bytes[j] == 0x09 {
                fields.append(f..<j)
                f = j + 1
            }
            guard fields.count >= 7 else {
                throw TallyError(.invalidInput, input: "gazetteer.tsv", location: "line \(lineNumber)", "expected 8 tab-separated fields")
            }
            func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
            func int(_ r: Range<Int>) -> Int {
                var v = 0
                for b in bytes[r] where b >= 48 && b <= 57 { v = v * 10 + Int(b - 48) }
                return v
            }
            let level: Place.Level = bytes[fields[0].lowerBound] == UInt8(ascii: "K") ? .country : .city
            let country = text(fields[2])
            let place = Place(name: text(fields[3]), geonameID: int(fields[1]), country: country,
                              latitude: Double(text(fields[4])), longitude: Double(text(fields[5])), level: level)
            let index = Int32(entries.count)
            entries.append(Entry(place: place, population: int(fields[6])))
            if level == .country {
                countries[country] = index
                if fields.count > 8, !fields[8].isEmpty { capitals[country] = text(fields[8]) }
            }
            nameHashes.append(add(bytes[fields[3]], index, &keyBuffer))
            if fields.count > 7, !fields[7].isEmpty {
                var v = fields[7].lowerBound
                for j in fields[7].lowerBound...fields[7].upperBound where j == fields[7].upperBound || bytes[j] == UInt8(ascii: "|") {
                    if j > v { add(bytes[v..<j], index, &keyBuffer) }
                    v = j + 1
                }
            }
        }
        // Keep each name's candidates unique and most populous first (countries before cities
        // of the same name when populations tie). A place's own name weighs eight times its
        // population against a place that has the name only as an alternate (a former or local
        // one): "Islamabad" is Pakistan's capital before Chattogram, once called so, while
        // "Petersburg" stays Saint Petersburg before Petersburg, Virginia.
        func weight(_ i: Int32, _ key: UInt64) -> Int {
            entries[Int(i)].population * (nameHashes[Int(i)] == key ? 8 : 1)
        }
        for (key, list) in byName {
            var seen = Set<Int32>()
            let unique = list.filter { seen.insert($0).inserted }
            byName[key] = unique.sorted { a, b in
                let wa = weight(a, key), wb = weight(b, key)
                return wa != wb ? wa > wb : entries[Int(a)].population > entries[Int(b)].population
            }
        }
        for line in String(decoding: stoplist, as: UTF8.self).split(separator: "\n") {
            let name = line.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.hasPrefix("#") { continue }
            stopped.insert(NameKey.hash(ofName: name))
        }
        var slots: [Int32] = []
        // (Half full: `nameFilter` and `prefixFilter` turn away most misses before these tables.)
        names = KeyTable(byName.map { key, list in
            slots += list
            return (key, (slots.count - list.count)..<slots.count)
        }, slotsPerEntry: 2)
        nameSlots = slots
        prefixTable = KeyTable(prefixes.map { ($0, true) }, slotsPerEntry: 2)
        stopTable = KeyTable(stopped.map { ($0, true) })
        nameFilter = KeyFilter(bits: 21, keys: byName.keys)
        prefixFilter = KeyFilter(bits: 19, keys: prefixes)
        var byID: [UInt64: (name: String, population: Int)] = [:]
        for (e, hash) in zip(entries, nameHashes) {
            guard let id = e.place.geonameID, let hash, byID[UInt64(truncatingIfNeeded: id)] == nil else { continue }
            byID[UInt64(truncatingIfNeeded: id)] = (e.place.name, population(nameHash: hash, id: id))
        }
        populationByID = KeyTable(byID, slotsPerEntry: 2)
        for line in String(decoding: demonyms, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            for word in parts[1].split(separator: "|") {
                let bytes = Array(word.utf8)
                if bytes.first.map({ $0 >= 0xD0 }) == true {
                    adjectiveStems.add(bytes, country: String(parts[0]))
                } else {
                    adjectives[NameKey.hash(ofName: String(word))] = String(parts[0])
                }
            }
        }
        adjectiveStems.freeze()
        adjectiveTable = KeyTable(adjectives)
    }

    /// Indexes one name of entry `index`; returns its hash (nil for a name without words).
    @discardableResult
    private mutating func add(_ name: ArraySlice<UInt8>, _ index: Int32, _ buffer: inout [UInt8]) -> UInt64? {
        let words = NameKey.words(of: Array(name))
        guard !words.isEmpty else { return nil }
        var hash = NameKey.offset
        for (k, word) in words.enumerated() {
            if k > 0 {
                prefixes.insert(hash)
                hash = NameKey.mix(hash, 0x20)
            }
            let cyrillic = NameKey.normalise(word, into: &buffer)
            NameKey.indexForm(&buffer, cyrillic: cyrillic)
            for b in buffer { hash = NameKey.mix(hash, b) }
        }
        longestName = max(longestName, words.count)
        byName[hash, default: []].append(index)
        return hash
    }
}
