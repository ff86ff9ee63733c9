import Hummingbird
import TallyStore

/// Accounts and the audit log (admin).
///
/// - `GET /api/v1/users`: every account (name, role, disabled, whether it has a second factor).
/// - `GET /api/v1/audit?limit&cursor`: the audit log in order, paged.
/// - `GET /api/v1/audit/export`: the whole audit log as JSON lines, for download.
struct AdminController {
    let cases: CaseServices

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("users") { request, context in
            _ = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            return try ReportsController.json(APIList(items: try await cases.store.users().map(APIUser.init), key: "users"))
        }
        router.get("audit") { request, context in
            _ = try context.require(.admin)
            let q = try QueryParameters(request, allowed: ["limit", "cursor"])
            let limit = try q.int("limit", in: 1...ClaimsController.maxLimit) ?? ClaimsController.defaultLimit
            let rows = try await cases.store.audit(after: try q.cursor(), limit: limit + 1)
            let page = Array(rows.prefix(limit))
            let next = rows.count > limit ? page.last.map { String($0.id) } : nil
            return try ReportsController.json(APIPage(items: page.map(\.api), key: "entries", nextCursor: next))
        }
        router.get("audit/export") { request, context in
            _ = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            var lines = ""
            var after: Int? = nil
            while true {
                let page = try await cases.store.audit(after: after, limit: 1000)
                for entry in page { lines += try APIJSON.encode(entry.api) }
                guard let last = page.last, page.count == 1000 else { break }
                after = last.id
            }
            return Response(status: .ok, headers: [
                .contentType: "application/x-ndjson; charset=utf-8", .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
                .contentDisposition: "attachment; filename=\"tally-audit.jsonl\"",
            ], body: .init(byteBuffer: ByteBuffer(string: lines)))
        }
    }
}
