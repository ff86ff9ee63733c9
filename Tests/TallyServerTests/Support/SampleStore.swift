import Foundation
import TallyCore
import TallyStore

/// A real SQLite file in a temporary folder, ingested with a few reports written for these tests,
/// each claim pointing at its sentence by UTF-8 byte offsets as the extractor would.
///
/// The figures: Civic Monitor says more than 640 detained across Russia and at least 310 in Moscow
/// (published 15 March), then 1,300 in Moscow (16 March, in Russian); the Interior Ministry says about
/// 120 in Moscow; 11 journalists and 24 minors among the detained; 5 injured in Minsk in a report
/// whose text, title and address carry markup and a quote hidden behind a combining mark.
final class SampleStore: Sendable {
    let folder = NSTemporaryDirectory() + "tally-server-" + UUID().uuidString
    var path: String { folder + "/tally.db" }
    let store: SQLiteStore

    static let russia = Place(name: "Russia", geonameID: 2017370, country: "RU", latitude: 61.5, longitude: 105.3, level: .country)
    static let moscow = Place(name: "Moscow", geonameID: 524901, country: "RU", latitude: 55.75, longitude: 37.62)
    static let minsk = Place(name: "Minsk", geonameID: 625144, country: "BY", latitude: 53.9, longitude: 27.57)
    static let civicMonitor = Source(name: "Civic Monitor", sourceClass: .monitoring)
    static let ministry = Source(name: "Interior Ministry", sourceClass: .official)
    static let hostileID = "feeds/minsk?item=1&x=<b>"

    init(empty: Bool = false) async throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder + "/tally.db")
        if !empty { _ = try await store.ingest(Self.items) }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static var items: [IngestItem] {
        let day = Day("2026-03-14")
        let wire = """
            Hundreds detained across Russia

            More than 640 people were detained in 27 Russian cities on Saturday, according to Civic Monitor. \
            At least 310 of them were detained in Moscow. Among those held were 11 journalists and 24 minors.
            """
        let police = "The Interior Ministry said about 120 people had been detained in Moscow on Saturday."
        let russian = "По данным «Гражданского монитора», в Москве в субботу задержаны 1300 человек."
        let hostile = "<script>alert('x')</script> Police injured 5 protesters in Minsk & \"beat\" them."
        return [
            IngestItem(document: Document(id: "wire-0315", language: "en", url: "https://example.org/wire/0315",
                                          title: "Hundreds detained across Russia", published: Day("2026-03-15"), text: wire),
                       claims: [
                           claim("wire-0315", wire, sentence: "More than 640", number: "640", .detained, .people, 640, .atLeast, russia, day, civicMonitor),
                           claim("wire-0315", wire, sentence: "At least 310", number: "310", .detained, .people, 310, .atLeast, moscow, day, civicMonitor),
                           claim("wire-0315", wire, sentence: "Among those", number: "11", .detained, .journalists, 11, .exact, russia, day, civicMonitor),
                           claim("wire-0315", wire, sentence: "Among those", number: "24", .detained, .minors, 24, .exact, russia, day, civicMonitor),
                       ]),
            IngestItem(document: Document(id: "police-0315", language: "en", published: Day("2026-03-15"), text: police),
                       claims: [claim("police-0315", police, sentence: "The Interior", number: "120", .detained, .people, 120, .about, moscow, day, ministry)]),
            IngestItem(document: Document(id: "ru-0316", language: "ru", url: "https://example.org/ru/0316",
                                          title: "В Москве задержаны 1300 человек", published: Day("2026-03-16"), text: russian),
                       claims: [claim("ru-0316", russian, sentence: "По данным", number: "1300", .detained, .people, 1300, .exact, moscow, day, civicMonitor)]),
            IngestItem(document: Document(id: hostileID, language: "en", url: "javascript:alert(1)//\"\u{301} x=",
                                          title: "<b>Minsk</b> & <i>more</i> \"\u{301}", published: Day("2026-03-15"), text: hostile),
                       claims: [claim(hostileID, hostile, sentence: "Police injured", number: "5", .injured, .people, 5, .exact, minsk, day, nil)]),
        ]
    }

    /// A claim whose evidence is the sentence of `text` starting at `sentence` (to its full stop)
    /// and whose number is the first `number` inside it.
    static func claim(_ doc: String, _ text: String, sentence: String, number: String, _ kind: ClaimKind, _ who: Group,
                      _ value: Int, _ qualifier: Qualifier, _ place: Place, _ date: Day?, _ source: Source?) -> Claim {
        let bytes = Array(text.utf8)
        let start = offset(of: sentence, in: bytes, from: 0)!
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: ".") { end += 1 }
        end = min(end + 1, bytes.count)
        let numberStart = offset(of: number, in: bytes, from: start)!
        let evidence = String(decoding: bytes[start..<end], as: UTF8.self)
        return Claim(doc: doc, kind: kind, who: who, quantity: Quantity(value: value, qualifier: qualifier), place: place,
                     date: date, source: source, evidence: evidence, span: TextSpan(start: start, end: end),
                     numberSpan: TextSpan(start: numberStart, end: numberStart + number.utf8.count))
    }

    static func offset(of needle: String, in bytes: [UInt8], from: Int) -> Int? {
        let n = Array(needle.utf8)
        guard n.count <= bytes.count else { return nil }
        for i in from...(bytes.count - n.count) where Array(bytes[i..<(i + n.count)]) == n { return i }
        return nil
    }
}
