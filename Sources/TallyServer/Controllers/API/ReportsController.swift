import Foundation
import Hummingbird
import TallyCore
import TallyStore

/// Direct reports of detentions.
///
/// - `POST /api/v1/reports` (anyone; rate-limited per address, 16 KiB): a report enters the review queue.
/// - `GET /api/v1/reports?status&limit&cursor`, `GET /api/v1/reports/{id}` (editor): reports with their
///   personal fields opened and the ids of likely duplicates.
/// - `POST /api/v1/reports/{id}/verify`, `…/reject`, `…/merge` (editor; merge takes `{"into": ID}`).
///   A verified report counts in the public tallies as a case record.
struct ReportsController {
    let cases: CaseServices

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.post("reports") { request, context in try await self.submit(request, context) }
        router.get("reports") { request, context in try await self.list(request, context) }
        router.get("reports/{id}") { request, context in try await self.show(request, context) }
        router.post("reports/{id}/verify") { request, context in try await self.review(request, context, .verify) }
        router.post("reports/{id}/reject") { request, context in try await self.review(request, context, .reject) }
        router.post("reports/{id}/merge") { request, context in try await self.review(request, context, nil) }
    }

    func submit(_ request: Request, _ context: TallyRequestContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        guard request.isJSON else {
            throw APIError(.unsupportedMediaType, .invalid, "a report is sent as application/json (the form at /report takes form fields)")
        }
        if context.account != nil { try CSRF.check(form: nil, request: request, account: context.account) }
        let key = try cases.key()
        try await cases.admit(cases.reportLimiter, context)
        var request = request
        let input = try ReportInput(json: try await request.bytes(upTo: ReportInput.maxBytes))
        let stored = try await cases.store.submit(try input.sealed(with: key), actor: context.account?.actor ?? "public")
        return try Self.json(["id": String(stored.id), "status": stored.status.rawValue], status: .created)
    }

    static let listParameters = ["status", "limit", "cursor"]

    func list(_ request: Request, _ context: TallyRequestContext) async throws -> Response {
        _ = try context.require(.editor)
        let q = try QueryParameters(request, allowed: Self.listParameters)
        let status = try q.string("status", maxBytes: 20).map { text in
            guard let s = CaseStatus(rawValue: text) else {
                throw APIError.badParameter("status", takes: "one of " + CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return s
        }
        let limit = try q.int("limit", in: 1...ClaimsController.maxLimit) ?? ClaimsController.defaultLimit
        let key = try cases.key()
        let rows = try await cases.store.reports(status: status, after: try q.cursor(), limit: limit + 1)
        let page = Array(rows.prefix(limit))
        let duplicates = try await Self.duplicates(cases.store)
        let records = try page.map { try APIReport($0, key: key, duplicates: duplicates[$0.id] ?? []) }
        let next = rows.count > limit ? page.last.map { String($0.id) } : nil
        return try Self.json(APIPage(items: records, key: "reports", nextCursor: next))
    }

    func show(_ request: Request, _ context: TallyRequestContext) async throws -> Response {
        _ = try context.require(.editor)
        _ = try QueryParameters(request, allowed: [])
        let id = try Self.id(request, context)
        let key = try cases.key()
        guard let report = try await cases.store.report(id: id) else { throw APIError.notFound("report") }
        let duplicates = try await Self.duplicates(cases.store)
        return try Self.json(try APIReport(report, key: key, duplicates: duplicates[id] ?? []))
    }

    /// `decision` nil means merge, whose target comes in the body.
    func review(_ request: Request, _ context: TallyRequestContext, _ decision: ReviewDecision?) async throws -> Response {
        let account = try context.require(.editor)
        _ = try QueryParameters(request, allowed: [])
        try CSRF.check(form: nil, request: request, account: account)
        let key = try cases.key()
        let id = try Self.id(request, context)
        var request = request
        var chosen = decision ?? .verify
        if decision == nil {
            let body = try await request.bytes(upTo: 1024)
            guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any], object.count == 1,
                  let into = object["into"] as? Int, into > 0 else {
                throw APIError.invalid("into", "is required: {\"into\": ID} names the verified report this one duplicates")
            }
            chosen = .merge(into: into)
        }
        let reviewed = try await Self.apply(chosen, id: id, by: account, cases: cases)
        return try Self.json(try APIReport(reviewed, key: key, duplicates: []))
    }

    /// Applies a decision and, for a verification, republishes the place and day's case records.
    static func apply(_ decision: ReviewDecision, id: Int, by account: Account, cases: CaseServices) async throws -> CaseReport {
        guard let reviewed = try await cases.store.review(id: id, decision, actor: account.actor) else { throw APIError.notFound("report") }
        if reviewed.status == .verified { try await cases.publish(around: reviewed) }
        return reviewed
    }

    /// For every report, the other reports that are not rejected with the same person key (name, day, city).
    static func duplicates(_ store: any CaseStore) async throws -> [Int: [Int]] {
        var byKey: [String: [Int]] = [:]
        for r in try await store.allReports() where r.status != .rejected {
            if let k = r.personKey { byKey[k, default: []].append(r.id) }
        }
        var out: [Int: [Int]] = [:]
        for ids in byKey.values where ids.count > 1 {
            for id in ids { out[id] = ids.filter { $0 != id } }
        }
        return out
    }

    static func id(_ request: Request, _ context: TallyRequestContext) throws -> Int {
        let text = try request.pathParameter("id", context: context)
        guard text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let id = Int(text), id > 0 else {
            throw APIError(.badRequest, .badPath, "a report's id is a whole number")
        }
        return id
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: CachedResponse.json, .cacheControl: "no-store", .xContentTypeOptions: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(string: try APIJSON.encode(value))))
    }
}
