import Foundation
import TallyCore
import TallyStore

/// The JSON records of the private routes: a report as an editor sees it (personal fields
/// opened), exact counts for viewers, accounts and audit entries for admins.
struct APIReport: Encodable, Sendable {
    let id: Int
    let status: String
    let mergedInto: Int?
    let city: String
    let placeID: Int?
    let country: String?
    let detentionPlace: String?
    let date: String
    let time: String?
    let categories: [String]
    let gender: String?
    let outcomes: [String]
    let charge: String?
    let publishName: Bool
    let name: String?
    let contact: String?
    let circumstances: String?
    let submittedAt: Double
    let reviewedBy: String?
    let reviewedAt: Double?
    /// Other reports of the same person, day and city (by the keyed hash of the name): merge candidates.
    let duplicates: [Int]

    init(_ r: CaseReport, key: PersonalDataKey, duplicates: [Int]) throws {
        id = r.id
        status = r.status.rawValue
        mergedInto = r.mergedInto
        city = r.city
        placeID = r.placeID
        country = r.country
        detentionPlace = r.detentionPlace
        date = r.date.description
        time = r.time
        categories = r.categories.map(\.rawValue)
        gender = r.gender?.rawValue
        outcomes = r.outcomes.map(\.rawValue)
        charge = r.charge
        publishName = r.publishName
        name = try key.open(r.name)
        contact = try key.open(r.contact)
        circumstances = try key.open(r.circumstances)
        submittedAt = r.submittedAt
        reviewedBy = r.reviewedBy
        reviewedAt = r.reviewedAt
        self.duplicates = duplicates
    }

    enum CodingKeys: String, CodingKey {
        case id, status, city, country, date, time, categories, gender, outcomes, charge, name, contact, circumstances, duplicates
        case mergedInto = "merged_into", placeID = "place_id", detentionPlace = "detention_place", publishName = "publish_name"
        case submittedAt = "submitted_at", reviewedBy = "reviewed_by", reviewedAt = "reviewed_at"
    }
}

/// Exact counts of verified case records of one place and day (viewers and above).
struct APICaseCount: Encodable, Sendable {
    let city: String
    let placeID: Int?
    let date: String
    let counts: [String: Int]

    enum CodingKeys: String, CodingKey {
        case city, date, counts
        case placeID = "place_id"
    }
}

/// A verified person whose name may be published.
struct APINamedCase: Encodable, Sendable {
    let name: String
    let city: String
    let date: String
}

struct APIUser: Encodable, Sendable {
    let name: String
    let role: String
    let disabled: Bool
    let secondFactor: Bool
    let createdAt: Double

    init(_ u: UserRecord) {
        name = u.name
        role = u.role.rawValue
        disabled = u.disabled
        secondFactor = u.totpSecret != nil
        createdAt = u.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case name, role, disabled
        case secondFactor = "second_factor", createdAt = "created_at"
    }
}

extension AuditEntry {
    /// Audit entries in the API: the stored fields as they are (personal fields inside stay sealed).
    struct API: Encodable, Sendable {
        let id: Int
        let at: Double
        let actor: String
        let action: String
        let target: String
        let before: String?
        let after: String?
    }

    var api: API { API(id: id, at: at, actor: actor, action: action, target: target, before: before, after: after) }
}

extension CaseStore {
    /// Every report (paged through), for duplicate finding and counts: a review queue is small.
    func allReports(status: CaseStatus? = nil) async throws -> [CaseReport] {
        var out: [CaseReport] = []
        var after: Int? = nil
        while true {
            let page = try await reports(status: status, after: after, limit: 1000)
            out += page
            guard let last = page.last, page.count == 1000 else { return out }
            after = last.id
        }
    }
}
