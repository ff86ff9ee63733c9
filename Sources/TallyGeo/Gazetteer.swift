import Foundation
import TallyCore

/// Place names from GeoNames (CC BY 4.0): every city of 15,000 people or more and every country,
/// with their names in Latin and Cyrillic script, resolved to `Place`s.
///
/// Built by `scripts/gazetteer/build.py`; the generated file ships as a resource and is parsed
/// once per process (`shared`). A class: every document's finders hold it, and a struct of twenty
/// tables was copied, a reference counted per table, each time one was made.
public final class Gazetteer: Sendable {
    let index: GazetteerIndex

    /// The bundled gazetteer, loaded on first use.
    public static let shared: Result<Gazetteer, TallyError> = Result { try Gazetteer.bundled() }
        .mapError { $0 as? TallyError ?? TallyError(.configuration, input: "gazetteer", "\($0)") }

    /// Loads the gazetteer that ships with Tally.
    public static func bundled() throws -> Gazetteer {
        func resource(_ name: String, _ ext: String) throws -> [UInt8] {
            guard let url = Bundle.module.url(forResource: name, withExtension: ext),
                  let data = FileManager.default.contents(atPath: url.path) else {
                throw TallyError(.configuration, input: "\(name).\(ext)",
                                 "the gazetteer data is missing from Tally's resources; rebuild Tally")
            }
            return [UInt8](data)
        }
        return try Gazetteer(tsv: resource("gazetteer", "tsv"), stoplist: resource("stoplist", "txt"),
                             demonyms: resource("demonyms", "tsv"))
    }

    /// A gazetteer from the bytes of its files (see `scripts/gazetteer/build.py` for the format).
    public init(tsv: [UInt8], stoplist: [UInt8] = [], demonyms: [UInt8] = []) throws {
        let index = try GazetteerIndex(tsv: tsv, stoplist: stoplist, demonyms: demonyms)
        self.index = index
        var countries = [Place?](repeating: nil, count: 26 * 26)
        var capitals = [Place?](repeating: nil, count: 26 * 26)
        for (code, entry) in index.countries {
            if let slot = Self.slot(code) { countries[slot] = index.entries[Int(entry)].place }
        }
        for code in index.capitals.keys {
            if let slot = Self.slot(code) { capitals[slot] = Self.findCapital(code, in: index) }
        }
        countryBySlot = countries
        capitalBySlot = capitals
    }

    /// Each country, and its capital, by its two-letter code (`slot(_:)`): every story and many
    /// figures ask for them, and a dictionary keyed by the code upper-cased the code and hashed it
    /// at every question; finding a capital by name also lists every place of that name.
    private let countryBySlot: [Place?]
    private let capitalBySlot: [Place?]

    /// The index of a two-letter code, either case, among the 26 × 26 (nil for any other code).
    @inline(__always)
    static func slot(_ code: String) -> Int? {
        var utf8 = code.utf8.makeIterator()
        guard let a = utf8.next(), let b = utf8.next(), utf8.next() == nil else { return nil }
        let x = Int(a | 0x20) - 97, y = Int(b | 0x20) - 97
        guard (0..<26).contains(x), (0..<26).contains(y) else { return nil }
        return x * 26 + y
    }

    /// How many places it knows.
    public var count: Int { index.entries.count }

    /// The country with this ISO 3166-1 alpha-2 code, either case (every code the gazetteer
    /// holds is two letters, so any other string is no country).
    public func country(code: String) -> Place? {
        Self.slot(code).flatMap { countryBySlot[$0] }
    }

    /// The capital city of a country (ISO code), for "in the capital" and "в столице".
    public func capital(ofCountry code: String) -> Place? {
        Self.slot(code).flatMap { capitalBySlot[$0] }
    }

    /// The capital of a country code, looked up by its name.
    private static func findCapital(_ code: String, in index: GazetteerIndex) -> Place? {
        guard let name = index.capitals[code.uppercased()] else { return nil }
        return places(named: name, in: index).first { $0.country == code.uppercased() && $0.level == .city }
    }

    /// Every place a name (any variant, any case form) may refer to, most populous first.
    public func places(named name: String) -> [Place] { Self.places(named: name, in: index) }

    private static func places(named name: String, in index: GazetteerIndex) -> [Place] {
        let words = NameKey.words(of: Array(name.utf8))
        var hashes: [UInt64] = [NameKey.offset]
        var extended: [UInt64] = []
        var buffer: [UInt8] = []
        var forms: [Int] = []
        for (n, word) in words.enumerated() {
            let cyrillic = NameKey.normalise(word, into: &buffer)
            NameKey.textForms(buffer, cyrillic: cyrillic, into: &forms)
            NameKey.extend(hashes, first: n == 0, word: buffer, forms: forms, into: &extended, limit: 256)
            swap(&hashes, &extended)
        }
        for h in hashes {
            if let list = index.byName[h] { return list.map { index.entries[Int($0)].place } }
        }
        return []
    }

    /// The most likely place for a name: in `countryHint` if one there has it, else the most populous.
    public func place(named name: String, countryHint: String? = nil) -> Place? {
        let all = places(named: name)
        if let countryHint, let local = all.first(where: { $0.country == countryHint }) { return local }
        return all.first
    }

    /// Picks a mention's place: a candidate in the hinted country first, else the most populous.
    public func resolve(_ mention: PlaceMention, countryHint: String?) -> Place {
        if let countryHint, let local = mention.candidates.first(where: { $0.country == countryHint }) {
            return local
        }
        return mention.best
    }

    /// The population GeoNames gives for a place of this gazetteer (0 when unknown).
    public func population(of place: Place) -> Int {
        guard let id = place.geonameID else { return 0 }
        // A place read from this gazetteer carries its entry's own name: answered by its id alone.
        if let known = index.populationByID[UInt64(truncatingIfNeeded: id)], known.name == place.name { return known.population }
        return index.population(named: place.name, id: id)
    }
}
