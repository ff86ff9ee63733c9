import Foundation
import GRDB
import TallyCore

/// Accounts, direct reports and the audit log on SQLite (schema step `v3 cases and accounts`).
extension SQLiteStore: CaseStore {
    static func addCases(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
                password_hash TEXT NOT NULL,
                totp_secret TEXT,
                disabled BOOLEAN NOT NULL DEFAULT 0,
                created_at DOUBLE NOT NULL
            );
            CREATE TABLE api_tokens (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES users (id),
                label TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_at DOUBLE NOT NULL,
                revoked BOOLEAN NOT NULL DEFAULT 0
            );
            CREATE TABLE case_reports (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                status TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected', 'merged')),
                merged_into INTEGER REFERENCES case_reports (id),
                city TEXT NOT NULL,
                place_id INTEGER,
                country TEXT,
                lat DOUBLE,
                lon DOUBLE,
                detention_place TEXT,
                date TEXT NOT NULL,
                time TEXT,
                categories TEXT NOT NULL,
                gender TEXT,
                outcomes TEXT NOT NULL,
                charge TEXT,
                publish_name BOOLEAN NOT NULL,
                name TEXT,
                contact TEXT,
                circumstances TEXT,
                person_key TEXT,
                submitted_at DOUBLE NOT NULL,
                reviewed_by TEXT,
                reviewed_at DOUBLE
            );
            CREATE INDEX case_reports_by_status ON case_reports (status, id);
            CREATE INDEX case_reports_by_person ON case_reports (person_key, date);
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DOUBLE NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                before TEXT,
                after TEXT
            );
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            """)
    }

    static let reportColumns = """
        id, status, merged_into, city, place_id, country, lat, lon, detention_place, date, time, categories, gender, outcomes,
        charge, publish_name, name, contact, circumstances, person_key, submitted_at, reviewed_by, reviewed_at
        """

    static func report(_ row: Row) -> CaseReport? {
        guard let status = CaseStatus(rawValue: row["status"]), let date = Day(row["date"] as String) else { return nil }
        return CaseReport(
            id: row["id"], status: status, mergedInto: row["merged_into"], city: row["city"], placeID: row["place_id"],
            country: row["country"], latitude: row["lat"], longitude: row["lon"], detentionPlace: row["detention_place"], date: date,
            time: row["time"], categories: CaseRules.categories(row["categories"]),
            gender: (row["gender"] as String?).flatMap { CaseReport.Gender(rawValue: $0) },
            outcomes: CaseRules.outcomes(row["outcomes"]), charge: row["charge"], publishName: row["publish_name"], name: row["name"],
            contact: row["contact"], circumstances: row["circumstances"], personKey: row["person_key"], submittedAt: row["submitted_at"],
            reviewedBy: row["reviewed_by"], reviewedAt: row["reviewed_at"])
    }

    static func user(_ row: Row) -> UserRecord? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return UserRecord(id: row["id"], name: row["name"], role: role, passwordHash: row["password_hash"],
                          totpSecret: row["totp_secret"], disabled: row["disabled"], createdAt: row["created_at"])
    }

    static func appendAudit(_ db: Database, actor: String, action: String, target: String, before: String?, after: String?) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [Date().timeIntervalSince1970, actor, action, target, before, after])
    }

    func caseWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    func caseRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    // MARK: Accounts

    public func addUser(_ user: NewUser, actor: String) async throws -> UserRecord {
        try await caseWrite { db in
            if try Int.fetchOne(db, sql: "SELECT id FROM users WHERE name = ?", arguments: [user.name]) != nil {
                throw CaseRules.duplicateUser(user.name)
            }
            let now = Date().timeIntervalSince1970
            try db.execute(sql: "INSERT INTO users (name, role, password_hash, totp_secret, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)",
                           arguments: [user.name, user.role.rawValue, user.passwordHash, user.totpSecret, now])
            let record = UserRecord(id: Int(db.lastInsertedRowID), name: user.name, role: user.role, passwordHash: user.passwordHash,
                                    totpSecret: user.totpSecret, disabled: false, createdAt: now)
            try Self.appendAudit(db, actor: actor, action: "user.add", target: "user:\(user.name)", before: nil,
                                 after: CaseRules.auditJSON(record.audited))
            return record
        }
    }

    public func users() async throws -> [UserRecord] {
        try await caseRead { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY name").compactMap(Self.user) }
    }

    public func user(named name: String) async throws -> UserRecord? {
        try await caseRead { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]).flatMap(Self.user) }
    }

    public func user(id: Int) async throws -> UserRecord? {
        try await caseRead { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).flatMap(Self.user) }
    }

    public func setDisabled(_ disabled: Bool, userNamed name: String, actor: String) async throws -> UserRecord? {
        try await caseWrite { db in
            guard let before = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]).flatMap(Self.user) else {
                return nil
            }
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE id = ?", arguments: [disabled, before.id])
            var after = before
            after.disabled = disabled
            try Self.appendAudit(db, actor: actor, action: disabled ? "user.disable" : "user.enable", target: "user:\(name)",
                                 before: CaseRules.auditJSON(before.audited), after: CaseRules.auditJSON(after.audited))
            return after
        }
    }

    public func addToken(userID: Int, label: String, hash: String, actor: String) async throws -> TokenRecord {
        try await caseWrite { db in
            guard let owner = try String.fetchOne(db, sql: "SELECT name FROM users WHERE id = ?", arguments: [userID]) else {
                throw TallyError(.notFound, input: "user", "no account has id \(userID)")
            }
            let now = Date().timeIntervalSince1970
            try db.execute(sql: "INSERT INTO api_tokens (user_id, label, token_hash, created_at, revoked) VALUES (?, ?, ?, ?, 0)",
                           arguments: [userID, label, hash, now])
            let token = TokenRecord(id: Int(db.lastInsertedRowID), userID: userID, label: label, createdAt: now, revoked: false)
            try Self.appendAudit(db, actor: actor, action: "token.add", target: "user:\(owner)", before: nil,
                                 after: CaseRules.auditJSON(["token": String(token.id), "label": label]))
            return token
        }
    }

    public func user(tokenHash: String) async throws -> UserRecord? {
        try await caseRead { db in
            try Row.fetchOne(db, sql: """
                SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND NOT t.revoked
                """, arguments: [tokenHash]).flatMap(Self.user)
        }
    }

    // MARK: Direct reports

    public func submit(_ report: CaseReport, actor: String) async throws -> CaseReport {
        try await caseWrite { db in
            var stored = CaseRules.submitted(report)
            try db.execute(sql: """
                INSERT INTO case_reports (status, merged_into, city, place_id, country, lat, lon, detention_place, date, time,
                    categories, gender, outcomes, charge, publish_name, name, contact, circumstances, person_key, submitted_at,
                    reviewed_by, reviewed_at)
                VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)
                """, arguments: [
                    stored.status.rawValue, stored.city, stored.placeID, stored.country, stored.latitude, stored.longitude,
                    stored.detentionPlace, stored.date.description, stored.time, CaseRules.categoriesText(stored.categories),
                    stored.gender?.rawValue, CaseRules.outcomesText(stored.outcomes), stored.charge, stored.publishName, stored.name,
                    stored.contact, stored.circumstances, stored.personKey, stored.submittedAt,
                ])
            stored.id = Int(db.lastInsertedRowID)
            try Self.appendAudit(db, actor: actor, action: "report.submit", target: "report:\(stored.id)", before: nil,
                                 after: CaseRules.auditJSON(stored))
            return stored
        }
    }

    public func reports(status: CaseStatus?, after: Int?, limit: Int) async throws -> [CaseReport] {
        try await caseRead { db in
            var sql = "SELECT \(Self.reportColumns) FROM case_reports WHERE id > ?"
            var arguments: StatementArguments = [after ?? 0]
            if let status {
                sql += " AND status = ?"
                arguments += [status.rawValue]
            }
            sql += " ORDER BY id LIMIT ?"
            arguments += [max(0, limit)]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap(Self.report)
        }
    }

    public func report(id: Int) async throws -> CaseReport? {
        try await caseRead { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.reportColumns) FROM case_reports WHERE id = ?", arguments: [id]).flatMap(Self.report)
        }
    }

    public func review(id: Int, _ decision: ReviewDecision, actor: String) async throws -> CaseReport? {
        try await caseWrite { db in
            func fetch(_ id: Int) throws -> CaseReport? {
                try Row.fetchOne(db, sql: "SELECT \(Self.reportColumns) FROM case_reports WHERE id = ?", arguments: [id]).flatMap(Self.report)
            }
            guard let before = try fetch(id) else { return nil }
            var target: CaseReport? = nil
            if case .merge(let into) = decision { target = try fetch(into) }
            let after = try CaseRules.apply(decision, to: before, target: target, actor: actor, now: Date().timeIntervalSince1970)
            try db.execute(sql: "UPDATE case_reports SET status = ?, merged_into = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                           arguments: [after.status.rawValue, after.mergedInto, after.reviewedBy, after.reviewedAt, id])
            try Self.appendAudit(db, actor: actor, action: decision.action, target: "report:\(id)",
                                 before: CaseRules.auditJSON(before), after: CaseRules.auditJSON(after))
            return after
        }
    }

    public func reportCount(status: CaseStatus) async throws -> Int {
        try await caseRead { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_reports WHERE status = ?", arguments: [status.rawValue]) ?? 0 }
    }

    // MARK: Audit log and settings

    public func appendAudit(actor: String, action: String, target: String, after: String?) async throws {
        try await caseWrite { db in try Self.appendAudit(db, actor: actor, action: action, target: target, before: nil, after: after) }
    }

    public func audit(after: Int?, limit: Int) async throws -> [AuditEntry] {
        try await caseRead { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?", arguments: [after ?? 0, max(0, limit)]).map {
                AuditEntry(id: $0["id"], at: $0["at"], actor: $0["actor"], action: $0["action"], target: $0["target"],
                           before: $0["before"], after: $0["after"])
            }
        }
    }

    public func setting(_ name: String) async throws -> String? {
        try await caseRead { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = ?", arguments: [name]) }
    }

    public func settingIfAbsent(_ name: String, _ value: String) async throws -> String {
        try await caseWrite { db in
            try db.execute(sql: "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", arguments: [name, value])
            return try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = ?", arguments: [name]) ?? value
        }
    }
}
