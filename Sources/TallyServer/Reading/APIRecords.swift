import Foundation
import TallyCore
import TallyStore

/// The JSON bodies of the API that are not the report: claims, documents, places and sources,
/// written with sorted keys so the same content always gives the same bytes (and ETag).
enum APIJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return markupSafe(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }

    /// `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`: the same JSON to a parser, but no
    /// markup from a hostile document survives in the bytes. (Outside strings JSON has none of them.)
    static func markupSafe(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) else { return json }
        var out = [UInt8]()
        out.reserveCapacity(json.utf8.count + 64)
        for byte in json.utf8 {
            switch byte {
            case 0x3C: out += Array("\\u003c".utf8)
            case 0x3E: out += Array("\\u003e".utf8)
            case 0x26: out += Array("\\u0026".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A stored claim: the `tally extract` fields, plus its id, its source's class and its document's day.
struct APIClaim: Encodable {
    let stored: StoredClaim

    enum Keys: String, CodingKey {
        case id, published, implicit
        case sourceClass = "source_class"
    }

    func encode(to encoder: any Encoder) throws {
        try stored.claim.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(stored.id, forKey: .id)
        try c.encode(stored.published, forKey: .published)
        try c.encode(stored.claim.source?.sourceClass, forKey: .sourceClass)
        if !stored.claim.implicit { try c.encode(false, forKey: .implicit) }  // the claim writes `true` itself
    }
}

/// A page of a listing and the cursor of the next (`null` on the last page).
struct APIPage<Item: Encodable>: Encodable {
    let items: [Item]
    let key: String
    let nextCursor: String?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(items, forKey: Key(key))
        try c.encode(nextCursor, forKey: Key("next_cursor"))
    }
}

struct APIDocument: Encodable {
    let summary: DocumentSummary
    var text: String?

    enum Keys: String, CodingKey { case id, lang, url, title, published, bytes, claims, text }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(summary.id, forKey: .id)
        try c.encode(summary.language, forKey: .lang)
        try c.encode(summary.url, forKey: .url)
        try c.encode(summary.title, forKey: .title)
        try c.encode(summary.published, forKey: .published)
        try c.encode(summary.bytes, forKey: .bytes)
        try c.encode(summary.claims, forKey: .claims)
        if let text { try c.encode(text, forKey: .text) }
    }
}

struct APIDocumentWithClaims: Encodable {
    let document: APIDocument
    let claims: [APIClaim]
}

struct APIPlace: Encodable {
    let summary: PlaceSummary

    enum Keys: String, CodingKey {
        case name, country, level, lat, lon, claims, documents
        case placeID = "place_id"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(summary.value.name, forKey: .name)
        try c.encode(summary.value.geonameID, forKey: .placeID)
        try c.encode(summary.value.country, forKey: .country)
        try c.encode(summary.value.level, forKey: .level)
        try c.encode(summary.value.latitude, forKey: .lat)
        try c.encode(summary.value.longitude, forKey: .lon)
        try c.encode(summary.claims, forKey: .claims)
        try c.encode(summary.documents, forKey: .documents)
    }
}

struct APISource: Encodable {
    let summary: SourceSummary

    enum Keys: String, CodingKey {
        case name, claims, documents
        case sourceClass = "class"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(summary.value.name, forKey: .name)
        try c.encode(summary.value.sourceClass, forKey: .sourceClass)
        try c.encode(summary.claims, forKey: .claims)
        try c.encode(summary.documents, forKey: .documents)
    }
}

struct APIList<Item: Encodable>: Encodable {
    let items: [Item]
    let key: String

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: APIPage<Item>.Key.self)
        try c.encode(items, forKey: .init(key))
    }
}
