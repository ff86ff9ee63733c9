import Foundation
import TallyCore
import TallyGeo
import TallyStore

/// A direct report as sent — JSON to `POST /api/v1/reports` or the public form — checked field
/// by field. Every failure is a 400 naming the field and its form, never echoing what was sent.
struct ReportInput: Sendable {
    var name: String?
    var contact: String?
    var publishName = false
    var city = ""
    var detentionPlace: String?
    var date = Day(year: 2000, month: 1, day: 1)!
    var time: String?
    var circumstances: String?
    var categories: [CaseReport.Category] = []
    var gender: CaseReport.Gender?
    var outcomes: [CaseReport.Outcome] = []
    var charge: String?

    /// The fields a report takes, in the order the form and the OpenAPI document list them.
    static let fields = ["name", "contact", "publish_name", "city", "detention_place", "date", "time", "circumstances",
                         "categories", "gender", "outcomes", "charge"]
    /// The largest body a report may have.
    static let maxBytes = 16 * 1024

    /// From a JSON object: unknown keys, wrong types and bad values are refused.
    init(json body: [UInt8]) throws {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw APIError(.badRequest, .badEncoding, "the body is not valid UTF-8")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) as? [String: Any] else {
            throw APIError(.badRequest, .invalid, "the body is not a JSON object; see /api/v1/openapi.json for the report's fields")
        }
        if object.keys.contains(where: { !Self.fields.contains($0) }) {
            throw APIError(.badRequest, .invalid, "the body has a field a report does not take; it takes \(Self.fields.joined(separator: ", "))")
        }
        func string(_ key: String) throws -> String? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            guard let s = value as? String else { throw APIError.invalid(key, "takes a string") }
            return s
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = object[key], !(value is NSNull) else { return [] }
            guard let list = value as? [Any], list.count <= 10, let strings = list as? [String] else {
                throw APIError.invalid(key, "takes a list of at most 10 strings")
            }
            return strings
        }
        var publish = false
        if let value = object["publish_name"], !(value is NSNull) {
            guard !(value is String), let flag = value as? Bool else { throw APIError.invalid("publish_name", "takes true or false") }
            publish = flag
        }
        try self.init(name: string("name"), contact: string("contact"), publishName: publish, city: string("city"),
                      detentionPlace: string("detention_place"), date: string("date"), time: string("time"),
                      circumstances: string("circumstances"), categories: strings("categories"), gender: string("gender"),
                      outcomes: strings("outcomes"), charge: string("charge"))
    }

    /// From the public form's fields (checkboxes give repeated names).
    init(form: FormFields) throws {
        try self.init(name: form.one("name"), contact: form.one("contact"), publishName: form.one("publish_name") != nil,
                      city: form.one("city"), detentionPlace: form.one("detention_place"), date: form.one("date"),
                      time: form.one("time"), circumstances: form.one("circumstances"), categories: form.all("categories"),
                      gender: form.one("gender"), outcomes: form.all("outcomes"), charge: form.one("charge"))
    }

    init(name: String?, contact: String?, publishName: Bool, city: String?, detentionPlace: String?, date: String?, time: String?,
         circumstances: String?, categories: [String], gender: String?, outcomes: [String], charge: String?) throws {
        self.name = try Self.text(name, "name", max: 200)
        self.contact = try Self.text(contact, "contact", max: 200)
        self.publishName = publishName
        guard let city = try Self.text(city, "city", max: 100) else { throw APIError.invalid("city", "is required (the city of the detention)") }
        self.city = city
        self.detentionPlace = try Self.text(detentionPlace, "detention_place", max: 200)
        guard let dateText = date, dateText.utf8.count == 10, let day = Day(dateText) else {
            throw APIError.invalid("date", "is required, as YYYY-MM-DD")
        }
        let today = Day(ISO8601DateFormatter().string(from: Date()).prefix(10))!
        guard day >= Day(year: 1990, month: 1, day: 1)!, day <= today.adding(days: 1) else {
            throw APIError.invalid("date", "takes a day from 1990 to today")
        }
        self.date = day
        if let time = try Self.text(time, "time", max: 5) {
            let parts = time.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[0].count == 2, parts[1].count == 2,
                  (0..<24).contains(h), (0..<60).contains(m) else {
                throw APIError.invalid("time", "takes HH:MM (24-hour)")
            }
            self.time = time
        }
        self.circumstances = try Self.text(circumstances, "circumstances", max: 4000, lines: true)
        self.categories = try Self.choices(categories, "categories")
        if let gender = try Self.text(gender, "gender", max: 10) {
            guard let g = CaseReport.Gender(rawValue: gender) else {
                throw APIError.invalid("gender", "takes one of " + CaseReport.Gender.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.gender = g
        }
        self.outcomes = try Self.choices(outcomes, "outcomes")
        self.charge = try Self.text(charge, "charge", max: 200)
    }

    /// Trimmed text of at most `max` characters without control characters (newlines allowed
    /// when `lines`); empty is nil.
    static func text(_ value: String?, _ field: String, max: Int, lines: Bool = false) throws -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count <= max else { throw APIError.invalid(field, "takes at most \(max) characters") }
        let allowed: Set<UInt32> = lines ? [0x0A, 0x0D, 0x09] : []
        guard !trimmed.unicodeScalars.contains(where: { ($0.value < 0x20 || $0.value == 0x7F) && !allowed.contains($0.value) }) else {
            throw APIError.invalid(field, "takes text without control characters")
        }
        return trimmed
    }

    static func choices<T: RawRepresentable & CaseIterable & Hashable>(_ values: [String], _ field: String) throws -> [T] where T.RawValue == String {
        var out: [T] = []
        for value in values {
            guard let c = T(rawValue: value) else {
                throw APIError.invalid(field, "takes values from " + T.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if !out.contains(c) { out.append(c) }
        }
        return out
    }

    /// The report in stored form: personal fields sealed, the city placed by the gazetteer.
    func sealed(with key: PersonalDataKey) throws -> CaseReport {
        let place = (try? Gazetteer.shared.get())?.place(named: city)
        return CaseReport(
            city: place?.name ?? city, placeID: place?.geonameID, country: place?.country, latitude: place?.latitude,
            longitude: place?.longitude, detentionPlace: detentionPlace, date: date, time: time, categories: categories,
            gender: gender, outcomes: outcomes, charge: outcomes.contains(.charged) ? charge : nil, publishName: publishName,
            name: try key.seal(name), contact: try key.seal(contact), circumstances: try key.seal(circumstances),
            personKey: name.map { key.personKey(name: $0, date: date, city: place?.name ?? city) })
    }
}

/// An `application/x-www-form-urlencoded` body: names to values (a name may repeat).
struct FormFields: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ body: [UInt8]) throws {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw APIError(.badRequest, .badEncoding, "the form is not valid UTF-8")
        }
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw APIError(.badRequest, .badEncoding, "the form is not valid percent-encoded UTF-8")
            }
            values[name, default: []].append(value)
            guard values.count <= 40, values[name]!.count <= 10 else {
                throw APIError(.badRequest, .invalid, "the form has too many fields")
            }
        }
    }

    func one(_ name: String) -> String? { values[name]?.first }
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Percent-decoding with `+` as a space; newlines are kept (a textarea's lines).
    static func decode(_ part: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = part.utf8.makeIterator()
        while let b = iterator.next() {
            switch b {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let h = iterator.next().flatMap(QueryParameters.hex), let l = iterator.next().flatMap(QueryParameters.hex) else { return nil }
                bytes.append(h << 4 | l)
            default: bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
