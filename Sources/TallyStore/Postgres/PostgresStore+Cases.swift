import Foundation
import PostgresNIO
import TallyCore

/// Accounts, direct reports and the audit log on PostgreSQL: the same tables as SQLite's
/// `v3 cases and accounts`, in PostgreSQL's types; the audit log's append-only rule is a trigger.
extension PostgresStore: CaseStore {
    static let caseSchema: [PostgresQuery] = [
        """
        CREATE TABLE users (
            id bigserial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
            password_hash text NOT NULL,
            totp_secret text,
            disabled boolean NOT NULL DEFAULT false,
            created_at double precision NOT NULL
        )
        """,
        """
        CREATE TABLE api_tokens (
            id bigserial PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES users (id),
            label text NOT NULL,
            token_hash text NOT NULL UNIQUE,
            created_at double precision NOT NULL,
            revoked boolean NOT NULL DEFAULT false
        )
        """,
        """
        CREATE TABLE case_reports (
            id bigserial PRIMARY KEY,
            status text NOT NULL CHECK (status IN ('pending', 'verified', 'rejected', 'merged')),
            merged_into bigint REFERENCES case_reports (id),
            city text NOT NULL,
            place_id bigint,
            country text,
            lat double precision,
            lon double precision,
            detention_place text,
            date text NOT NULL,
            time text,
            categories text NOT NULL,
            gender text,
            outcomes text NOT NULL,
            charge text,
            publish_name boolean NOT NULL,
            name text,
            contact text,
            circumstances text,
            person_key text,
            submitted_at double precision NOT NULL,
            reviewed_by text,
            reviewed_at double precision
        )
        """,
        "CREATE INDEX case_reports_by_status ON case_reports (status, id)",
        "CREATE INDEX case_reports_by_person ON case_reports (person_key, date)",
        """
        CREATE TABLE audit_log (
            id bigserial PRIMARY KEY,
            at double precision NOT NULL,
            actor text NOT NULL,
            action text NOT NULL,
            target text NOT NULL,
            before text,
            after text
        )
        """,
        """
        CREATE FUNCTION tally_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
        """,
        """
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION tally_audit_log_append_only()
        """,
        """
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION tally_audit_log_append_only()
        """,
        "CREATE TABLE settings (name text PRIMARY KEY, value text NOT NULL)",
    ]

    static let reportColumns = """
        id, status, merged_into, city, place_id, country, lat, lon, detention_place, date, time, categories, gender, outcomes,
        charge, publish_name, name, contact, circumstances, person_key, submitted_at, reviewed_by, reviewed_at
        """

    static func report(_ row: PostgresRow) throws -> CaseReport? {
        let r = row.makeRandomAccess()
        guard let status = CaseStatus(rawValue: try r["status"].decode(String.self)),
              let date = Day(try r["date"].decode(String.self)) else { return nil }
        return CaseReport(
            id: try r["id"].decode(Int.self), status: status, mergedInto: try r["merged_into"].decode(Int?.self),
            city: try r["city"].decode(String.self), placeID: try r["place_id"].decode(Int?.self),
            country: try r["country"].decode(String?.self), latitude: try r["lat"].decode(Double?.self),
            longitude: try r["lon"].decode(Double?.self), detentionPlace: try r["detention_place"].decode(String?.self), date: date,
            time: try r["time"].decode(String?.self), categories: CaseRules.categories(try r["categories"].decode(String.self)),
            gender: try r["gender"].decode(String?.self).flatMap { CaseReport.Gender(rawValue: $0) },
            outcomes: CaseRules.outcomes(try r["outcomes"].decode(String.self)), charge: try r["charge"].decode(String?.self),
            publishName: try r["publish_name"].decode(Bool.self), name: try r["name"].decode(String?.self),
            contact: try r["contact"].decode(String?.self), circumstances: try r["circumstances"].decode(String?.self),
            personKey: try r["person_key"].decode(String?.self), submittedAt: try r["submitted_at"].decode(Double.self),
            reviewedBy: try r["reviewed_by"].decode(String?.self), reviewedAt: try r["reviewed_at"].decode(Double?.self))
    }

    static let userColumns = "id, name, role, password_hash, totp_secret, disabled, created_at"

    static func user(_ row: PostgresRow) throws -> UserRecord? {
        let r = row.makeRandomAccess()
        guard let role = Role(rawValue: try r["role"].decode(String.self)) else { return nil }
        return UserRecord(id: try r["id"].decode(Int.self), name: try r["name"].decode(String.self), role: role,
                          passwordHash: try r["password_hash"].decode(String.self), totpSecret: try r["totp_secret"].decode(String?.self),
                          disabled: try r["disabled"].decode(Bool.self), createdAt: try r["created_at"].decode(Double.self))
    }

    /// The rows `query` gives on `connection`, each transformed.
    static func fetch<T>(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger,
                         _ transform: (PostgresRow) throws -> T?) async throws -> [T] {
        var out: [T] = []
        for try await row in try await connection.query(query, logger: logger) {
            if let value = try transform(row) { out.append(value) }
        }
        return out
    }

    static func appendAudit(_ connection: PostgresConnection, logger: Logger, actor: String, action: String, target: String,
                            before: String?, after: String?) async throws {
        try await connection.query("""
            INSERT INTO audit_log (at, actor, action, target, before, after)
            VALUES (\(Date().timeIntervalSince1970), \(actor), \(action), \(target), \(before), \(after))
            """, logger: logger)
    }

    /// Runs `body` in a transaction, describing failures as the store's other writes do.
    func caseWrite<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await transaction(body)
        } catch let error as TallyError {
            throw error
        } catch {
            throw Self.describe(error, url: url, connecting: false)
        }
    }

    func caseRead<T: Sendable>(_ query: PostgresQuery, _ transform: @escaping @Sendable (PostgresRow) throws -> T?) async throws -> [T] {
        do {
            return try await client.withConnection { connection in
                try await Self.fetch(query, on: connection, logger: self.logger, transform)
            }
        } catch let error as TallyError {
            throw error
        } catch {
            throw Self.describe(error, url: url, connecting: false)
        }
    }

    // MARK: Accounts

    public func addUser(_ user: NewUser, actor: String) async throws -> UserRecord {
        try await caseWrite { connection in
            let now = Date().timeIntervalSince1970
            let ids = try await Self.fetch("""
                INSERT INTO users (name, role, password_hash, totp_secret, disabled, created_at)
                VALUES (\(user.name), \(user.role.rawValue), \(user.passwordHash), \(user.totpSecret), false, \(now))
                ON CONFLICT (name) DO NOTHING RETURNING id
                """, on: connection, logger: logger) { try $0.decode(Int.self) }
            guard let id = ids.first else { throw CaseRules.duplicateUser(user.name) }
            let record = UserRecord(id: id, name: user.name, role: user.role, passwordHash: user.passwordHash,
                                    totpSecret: user.totpSecret, disabled: false, createdAt: now)
            try await Self.appendAudit(connection, logger: logger, actor: actor, action: "user.add", target: "user:\(user.name)",
                                       before: nil, after: CaseRules.auditJSON(record.audited))
            return record
        }
    }

    public func users() async throws -> [UserRecord] {
        try await caseRead("SELECT \(unescaped: Self.userColumns) FROM users ORDER BY name", Self.user)
    }

    public func user(named name: String) async throws -> UserRecord? {
        try await caseRead("SELECT \(unescaped: Self.userColumns) FROM users WHERE name = \(name)", Self.user).first
    }

    public func user(id: Int) async throws -> UserRecord? {
        try await caseRead("SELECT \(unescaped: Self.userColumns) FROM users WHERE id = \(id)", Self.user).first
    }

    public func setDisabled(_ disabled: Bool, userNamed name: String, actor: String) async throws -> UserRecord? {
        try await caseWrite { connection in
            guard let before = try await Self.fetch("SELECT \(unescaped: Self.userColumns) FROM users WHERE name = \(name) FOR UPDATE",
                                                    on: connection, logger: logger, Self.user).first else { return nil }
            try await connection.query("UPDATE users SET disabled = \(disabled) WHERE id = \(before.id)", logger: logger)
            var after = before
            after.disabled = disabled
            try await Self.appendAudit(connection, logger: logger, actor: actor, action: disabled ? "user.disable" : "user.enable",
                                       target: "user:\(name)", before: CaseRules.auditJSON(before.audited),
                                       after: CaseRules.auditJSON(after.audited))
            return after
        }
    }

    public func addToken(userID: Int, label: String, hash: String, actor: String) async throws -> TokenRecord {
        try await caseWrite { connection in
            guard let owner = try await Self.fetch("SELECT name FROM users WHERE id = \(userID)", on: connection, logger: logger, {
                try $0.decode(String.self)
            }).first else {
                throw TallyError(.notFound, input: "user", "no account has id \(userID)")
            }
            let now = Date().timeIntervalSince1970
            let ids = try await Self.fetch("""
                INSERT INTO api_tokens (user_id, label, token_hash, created_at, revoked)
                VALUES (\(userID), \(label), \(hash), \(now), false) RETURNING id
                """, on: connection, logger: logger) { try $0.decode(Int.self) }
            let token = TokenRecord(id: ids.first ?? 0, userID: userID, label: label, createdAt: now, revoked: false)
            try await Self.appendAudit(connection, logger: logger, actor: actor, action: "token.add", target: "user:\(owner)",
                                       before: nil, after: CaseRules.auditJSON(["token": String(token.id), "label": label]))
            return token
        }
    }

    public func user(tokenHash: String) async throws -> UserRecord? {
        try await caseRead("""
            SELECT u.id, u.name, u.role, u.password_hash, u.totp_secret, u.disabled, u.created_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = \(tokenHash) AND NOT t.revoked
            """, Self.user).first
    }

    // MARK: Direct reports

    public func submit(_ report: CaseReport, actor: String) async throws -> CaseReport {
        try await caseWrite { connection in
            var s = CaseRules.submitted(report)
            let ids = try await Self.fetch("""
                INSERT INTO case_reports (status, city, place_id, country, lat, lon, detention_place, date, time,
                    categories, gender, outcomes, charge, publish_name, name, contact, circumstances, person_key, submitted_at)
                VALUES (\(s.status.rawValue), \(s.city), \(s.placeID), \(s.country), \(s.latitude), \(s.longitude),
                    \(s.detentionPlace), \(s.date.description), \(s.time), \(CaseRules.categoriesText(s.categories)),
                    \(s.gender?.rawValue), \(CaseRules.outcomesText(s.outcomes)), \(s.charge), \(s.publishName), \(s.name),
                    \(s.contact), \(s.circumstances), \(s.personKey), \(s.submittedAt))
                RETURNING id
                """, on: connection, logger: logger) { try $0.decode(Int.self) }
            s.id = ids.first ?? 0
            try await Self.appendAudit(connection, logger: logger, actor: actor, action: "report.submit", target: "report:\(s.id)",
                                       before: nil, after: CaseRules.auditJSON(s))
            return s
        }
    }

    public func reports(status: CaseStatus?, after: Int?, limit: Int) async throws -> [CaseReport] {
        if let status {
            return try await caseRead("""
                SELECT \(unescaped: Self.reportColumns) FROM case_reports WHERE id > \(after ?? 0) AND status = \(status.rawValue)
                ORDER BY id LIMIT \(max(0, limit))
                """, Self.report)
        }
        return try await caseRead("""
            SELECT \(unescaped: Self.reportColumns) FROM case_reports WHERE id > \(after ?? 0) ORDER BY id LIMIT \(max(0, limit))
            """, Self.report)
    }

    public func report(id: Int) async throws -> CaseReport? {
        try await caseRead("SELECT \(unescaped: Self.reportColumns) FROM case_reports WHERE id = \(id)", Self.report).first
    }

    public func review(id: Int, _ decision: ReviewDecision, actor: String) async throws -> CaseReport? {
        try await caseWrite { connection in
            // Both rows locked in id order, so two editors reviewing at once wait rather than deadlock.
            var ids = [id]
            if case .merge(let into) = decision { ids.append(into) }
            let rows = try await Self.fetch("""
                SELECT \(unescaped: Self.reportColumns) FROM case_reports WHERE id = ANY(\(ids)) ORDER BY id FOR UPDATE
                """, on: connection, logger: logger, Self.report)
            guard let before = rows.first(where: { $0.id == id }) else { return nil }
            let target = ids.count > 1 ? rows.first { $0.id == ids[1] } : nil
            let after = try CaseRules.apply(decision, to: before, target: target, actor: actor, now: Date().timeIntervalSince1970)
            try await connection.query("""
                UPDATE case_reports SET status = \(after.status.rawValue), merged_into = \(after.mergedInto),
                    reviewed_by = \(after.reviewedBy), reviewed_at = \(after.reviewedAt) WHERE id = \(id)
                """, logger: logger)
            try await Self.appendAudit(connection, logger: logger, actor: actor, action: decision.action, target: "report:\(id)",
                                       before: CaseRules.auditJSON(before), after: CaseRules.auditJSON(after))
            return after
        }
    }

    public func reportCount(status: CaseStatus) async throws -> Int {
        try await caseRead("SELECT count(*) FROM case_reports WHERE status = \(status.rawValue)") { try $0.decode(Int.self) }.first ?? 0
    }

    // MARK: Audit log and settings

    public func appendAudit(actor: String, action: String, target: String, after: String?) async throws {
        try await caseWrite { connection in
            try await Self.appendAudit(connection, logger: logger, actor: actor, action: action, target: target, before: nil, after: after)
        }
    }

    public func audit(after: Int?, limit: Int) async throws -> [AuditEntry] {
        try await caseRead("""
            SELECT id, at, actor, action, target, before, after FROM audit_log WHERE id > \(after ?? 0) ORDER BY id LIMIT \(max(0, limit))
            """) { row in
            let r = row.makeRandomAccess()
            return AuditEntry(id: try r[0].decode(Int.self), at: try r[1].decode(Double.self), actor: try r[2].decode(String.self),
                              action: try r[3].decode(String.self), target: try r[4].decode(String.self),
                              before: try r[5].decode(String?.self), after: try r[6].decode(String?.self))
        }
    }

    public func setting(_ name: String) async throws -> String? {
        try await caseRead("SELECT value FROM settings WHERE name = \(name)") { try $0.decode(String.self) }.first
    }

    public func settingIfAbsent(_ name: String, _ value: String) async throws -> String {
        try await caseWrite { connection in
            try await connection.query("INSERT INTO settings (name, value) VALUES (\(name), \(value)) ON CONFLICT (name) DO NOTHING",
                                       logger: logger)
            return try await Self.fetch("SELECT value FROM settings WHERE name = \(name)", on: connection, logger: logger) {
                try $0.decode(String.self)
            }.first ?? value
        }
    }
}
