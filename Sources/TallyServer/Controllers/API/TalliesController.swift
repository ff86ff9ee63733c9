import Foundation
import Hummingbird
import TallyCore
import TallyExport
import TallyStore

/// `GET /api/v1/tallies`: the reconciled tallies, in the `tally report --format json` shape (written by
/// the same `TallyExport.json`), filtered by `kind`, `place`, `date` and `as_of`; with `limit`, a page
/// at a time in report order (`cursor`, `next_cursor`).
///
/// Kept in `cache` while the store is unchanged: a repeated request sends the kept bytes, with only
/// the `as_of` time written in.
struct TalliesController {
    let store: any Store
    let cache: ResponseCache

    static let parameters = ["kind", "place", "date", "as_of", "limit", "cursor"]
    static let maxLimit = 1_000
    /// Stands for the `as_of` time in a kept body: `as_of` is the document's first key, so the
    /// mark's first occurrence is its value.
    static let stampMark = "as-of-time"

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("tallies") { request, _ in try await self.list(request) }
    }

    func list(_ request: Request) async throws -> Response {
        let q = try QueryParameters(request, allowed: Self.parameters)
        let query = TallyQuery(kind: try q.kind("kind"), place: try q.string("place"), date: try q.day("date"), asOf: try q.day("as_of"))
        let limit = try q.int("limit", in: 1...Self.maxLimit)
        let offset = try q.cursor() ?? 0
        let key = "tallies?" + [query.kind?.rawValue, query.place?.lowercased(), query.date?.description, query.asOf?.description,
                                limit.map(String.init), String(offset)].map { $0 ?? "" }.joined(separator: "\u{1F}")
        let entry = try await cache.answer(key, store: store, weak: true) {
            var tallies = try await readTallies(query, from: store)
            var next: String?
            if let limit {
                let page = Array(tallies.dropFirst(offset).prefix(limit))
                next = offset + page.count < tallies.count ? String(offset + page.count) : nil
                tallies = page
            }
            var body = APIJSON.markupSafe(try TallyExport.json(TallyReport(asOf: Self.stampMark, tallies: tallies)))
            if limit != nil, let at = body.range(of: "\",\"tallies\":") {
                body.replaceSubrange(at, with: "\",\"next_cursor\":" + (next.map { "\"\($0)\"" } ?? "null") + ",\"tallies\":")
            }
            // The time in `as_of` changes every second; the tag follows the tallies only.
            guard let mark = body.range(of: Self.stampMark) else { return ([body], body) }
            return ([String(body[..<mark.lowerBound]), String(body[mark.upperBound...])], body)
        }
        let stamp = query.asOf.map { $0.description + "T23:59:59Z" } ?? ISO8601DateFormatter().string(from: Date())
        return CachedResponse.make(entry, fill: stamp, contentType: CachedResponse.json, request: request)
    }
}
