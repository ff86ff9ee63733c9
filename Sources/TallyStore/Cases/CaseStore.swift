import Foundation
import TallyCore

/// People, direct reports of detentions and the audit log: the store's private half.
///
/// A second protocol beside `Store`, implemented by both backends on the same database. Every
/// write goes into `audit_log` in its own transaction (who, when, what, before and after), and
/// the database refuses to change or delete an audit row. Personal fields (a detainee's name,
/// contact, circumstances; a TOTP secret) arrive here already sealed by `PersonalDataKey`: the
/// store only ever holds ciphertext for them.
public protocol CaseStore: Sendable {
    /// Adds an account; a taken name is a `.conflict`.
    func addUser(_ user: NewUser, actor: String) async throws -> UserRecord
    /// Every account, by name.
    func users() async throws -> [UserRecord]
    func user(named name: String) async throws -> UserRecord?
    func user(id: Int) async throws -> UserRecord?
    /// Disables (or enables again) an account; `nil` when no account has that name.
    func setDisabled(_ disabled: Bool, userNamed name: String, actor: String) async throws -> UserRecord?
    /// Stores an API token by the SHA-256 of its text (the text itself is never stored).
    func addToken(userID: Int, label: String, hash: String, actor: String) async throws -> TokenRecord
    /// The account an unrevoked token of that hash belongs to.
    func user(tokenHash: String) async throws -> UserRecord?

    /// Stores a direct report as `pending`; its `id`, `status` and review fields are set here.
    func submit(_ report: CaseReport, actor: String) async throws -> CaseReport
    /// Reports in id order, optionally of one status, those with an id over `after`, at most `limit`.
    func reports(status: CaseStatus?, after: Int?, limit: Int) async throws -> [CaseReport]
    func report(id: Int) async throws -> CaseReport?
    /// Verifies, rejects or merges a pending report (merging into a verified one); `nil` when
    /// no report has that id, `.conflict` when it is not pending or the merge target is not verified.
    func review(id: Int, _ decision: ReviewDecision, actor: String) async throws -> CaseReport?
    /// How many reports have `status`.
    func reportCount(status: CaseStatus) async throws -> Int

    /// Records a write made elsewhere (documents ingested through the server) in the audit log.
    func appendAudit(actor: String, action: String, target: String, after: String?) async throws
    /// The audit log in order: entries with an id over `after`, at most `limit`.
    func audit(after: Int?, limit: Int) async throws -> [AuditEntry]

    /// A stored setting (the personal-data key check).
    func setting(_ name: String) async throws -> String?
    /// Stores `value` under `name` unless one is stored already; returns the one stored.
    func settingIfAbsent(_ name: String, _ value: String) async throws -> String
}

/// What an account may do. The public (no account) reads tallies only.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Sees exact counts of case records, no details.
    case viewer
    /// Reviews direct reports (sees their details) and ingests documents.
    case editor
    /// Manages accounts and reads the audit log; may do all an editor does.
    case admin

    private var rank: Int { Role.allCases.firstIndex(of: self)! }
    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }

    /// Admins and editors log in with a second factor.
    public var needsSecondFactor: Bool { self >= .editor }
}

/// An account as stored.
public struct UserRecord: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var role: Role
    /// bcrypt hash of the password.
    public var passwordHash: String
    /// The TOTP secret, sealed; nil for a viewer without a second factor.
    public var totpSecret: String?
    public var disabled: Bool
    public var createdAt: Double

    public init(id: Int, name: String, role: Role, passwordHash: String, totpSecret: String?, disabled: Bool, createdAt: Double) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// What the audit log keeps of an account: never its hash or secret.
    var audited: [String: String] { ["name": name, "role": role.rawValue, "disabled": String(disabled)] }
}

/// An account to add.
public struct NewUser: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var passwordHash: String
    public var totpSecret: String?

    public init(name: String, role: Role, passwordHash: String, totpSecret: String?) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
    }
}

/// An API token as stored (its hash stays in the database).
public struct TokenRecord: Sendable, Hashable, Codable {
    public var id: Int
    public var userID: Int
    public var label: String
    public var createdAt: Double
    public var revoked: Bool
}

/// Where a direct report is in review.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, verified, rejected, merged
}

/// An editor's decision on a pending report.
public enum ReviewDecision: Sendable, Hashable {
    case verify
    case reject
    /// The same person, day and city as a verified report: counted once, as that one.
    case merge(into: Int)

    var action: String {
        switch self {
        case .verify: "report.verify"
        case .reject: "report.reject"
        case .merge: "report.merge"
        }
    }
}

/// One person's detention as reported directly (by a hotline operator, a friend), in stored form.
public struct CaseReport: Sendable, Hashable, Codable {
    /// Categories of the person, as the tallies count them.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        case journalist, minor
    }
    public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
        case female, male, other
    }
    /// What happened to the person afterwards.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case released, charged, drafted, injured
    }

    public var id: Int
    public var status: CaseStatus
    public var mergedInto: Int?
    /// The city as reported, and the gazetteer's place for it when found.
    public var city: String
    public var placeID: Int?
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?
    /// The police station or other place of detention.
    public var detentionPlace: String?
    public var date: Day
    /// `HH:MM`, when known.
    public var time: String?
    public var categories: [Category]
    public var gender: Gender?
    public var outcomes: [Outcome]
    /// What the person was charged with, when charged.
    public var charge: String?
    /// Whether the name may be published.
    public var publishName: Bool
    /// Sealed personal fields (`PersonalDataKey.seal`).
    public var name: String?
    public var contact: String?
    public var circumstances: String?
    /// A keyed hash of the normalised name, day and city (`PersonalDataKey.personKey`): equal for duplicates.
    public var personKey: String?
    public var submittedAt: Double
    public var reviewedBy: String?
    public var reviewedAt: Double?

    public init(id: Int = 0, status: CaseStatus = .pending, mergedInto: Int? = nil, city: String, placeID: Int? = nil,
                country: String? = nil, latitude: Double? = nil, longitude: Double? = nil, detentionPlace: String? = nil,
                date: Day, time: String? = nil, categories: [Category] = [], gender: Gender? = nil, outcomes: [Outcome] = [],
                charge: String? = nil, publishName: Bool = false, name: String? = nil, contact: String? = nil,
                circumstances: String? = nil, personKey: String? = nil, submittedAt: Double = 0, reviewedBy: String? = nil,
                reviewedAt: Double? = nil) {
        self.id = id
        self.status = status
        self.mergedInto = mergedInto
        self.city = city
        self.placeID = placeID
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.detentionPlace = detentionPlace
        self.date = date
        self.time = time
        self.categories = categories
        self.gender = gender
        self.outcomes = outcomes
        self.charge = charge
        self.publishName = publishName
        self.name = name
        self.contact = contact
        self.circumstances = circumstances
        self.personKey = personKey
        self.submittedAt = submittedAt
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }
}

/// One write, as the audit log keeps it. `before` and `after` are JSON (personal fields sealed).
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int
    /// Unix seconds.
    public var at: Double
    /// `user:NAME`, `token:ID`, `cli`, `public`.
    public var actor: String
    /// `user.add`, `user.disable`, `user.enable`, `token.add`, `report.submit`, `report.verify`, …
    public var action: String
    /// What was written: `user:NAME`, `report:ID`.
    public var target: String
    public var before: String?
    public var after: String?

    public init(id: Int, at: Double, actor: String, action: String, target: String, before: String?, after: String?) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.before = before
        self.after = after
    }
}

/// The checks both backends make before a write, and the JSON the audit log keeps.
public enum CaseRules {
    /// The JSON an audit entry keeps of a value: sorted keys, personal fields as they are stored (sealed).
    public static func auditJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func duplicateUser(_ name: String) -> TallyError {
        TallyError(.conflict, input: "user", "an account named '\(name)' exists already")
    }

    /// The report as it is after `decision`, or why the decision cannot be made.
    static func apply(_ decision: ReviewDecision, to report: CaseReport, target: CaseReport?, actor: String, now: Double) throws -> CaseReport {
        guard report.status == .pending else {
            throw TallyError(.conflict, input: "report \(report.id)", "the report is \(report.status.rawValue), not pending; only pending reports are reviewed")
        }
        var after = report
        after.reviewedBy = actor
        after.reviewedAt = now
        switch decision {
        case .verify: after.status = .verified
        case .reject: after.status = .rejected
        case .merge(let into):
            guard let target, target.id != report.id, target.status == .verified else {
                throw TallyError(.conflict, input: "report \(into)", "a report is merged into a verified report; this one is not")
            }
            after.status = .merged
            after.mergedInto = into
        }
        return after
    }

    /// A report as it is stored on submission: pending, unreviewed, stamped now.
    static func submitted(_ report: CaseReport) -> CaseReport {
        var s = report
        s.status = .pending
        s.mergedInto = nil
        s.reviewedBy = nil
        s.reviewedAt = nil
        s.submittedAt = Date().timeIntervalSince1970
        return s
    }

    static func categoriesText(_ c: [CaseReport.Category]) -> String { c.map(\.rawValue).joined(separator: ",") }
    static func outcomesText(_ o: [CaseReport.Outcome]) -> String { o.map(\.rawValue).joined(separator: ",") }
    static func categories(_ text: String) -> [CaseReport.Category] { text.split(separator: ",").compactMap { .init(rawValue: String($0)) } }
    static func outcomes(_ text: String) -> [CaseReport.Outcome] { text.split(separator: ",").compactMap { .init(rawValue: String($0)) } }
}
