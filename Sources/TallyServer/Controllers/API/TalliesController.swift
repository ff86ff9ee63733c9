import Foundation
import Hummingbird
import TallyCore
import TallyExport
import TallyStore

/// `GET /api/v1/tallies`: the reconciled tallies, in the `tally report --format json` shape (written by
/// the same `TallyExport.json`), filtered by `kind`, `place`, `date` and `as_of`.
struct TalliesController {
    let store: any Store

    static let parameters = ["kind", "place", "date", "as_of"]

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("tallies") { request, _ in try await self.list(request) }
    }

    func list(_ request: Request) async throws -> Response {
        let q = try QueryParameters(request, allowed: Self.parameters)
        let query = TallyQuery(kind: try q.kind("kind"), place: try q.string("place"), date: try q.day("date"), asOf: try q.day("as_of"))
        let tallies = try await readTallies(query, from: store)
        let stamp = query.asOf.map { $0.description + "T23:59:59Z" } ?? ISO8601DateFormatter().string(from: Date())
        let body = APIJSON.markupSafe(try TallyExport.json(TallyReport(asOf: stamp, tallies: tallies)))
        // The time in `as_of` changes every second; the tag follows the tallies only.
        let tag = try TallyExport.json(TallyReport(asOf: query.asOf?.description ?? "", tallies: tallies))
        return CachedResponse.make(body, contentType: CachedResponse.json, request: request, tag: tag)
    }
}
