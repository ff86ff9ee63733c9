import Hummingbird
import TallyCore
import TallyStore

/// `GET /api/v1/claims`: stored claims in storage order, filtered by `kind`, `place` (a GeoNames id
/// or a name), `doc` and `source`, a page of `limit` (at most 500) at a time; `next_cursor` continues.
struct ClaimsController {
    let store: any Store

    static let parameters = ["kind", "place", "doc", "source", "limit", "cursor"]
    static let defaultLimit = 100
    static let maxLimit = 500

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("claims") { request, _ in try await self.list(request) }
    }

    func list(_ request: Request) async throws -> Response {
        let q = try QueryParameters(request, allowed: Self.parameters)
        let limit = try q.int("limit", in: 1...Self.maxLimit) ?? Self.defaultLimit
        var filter = ClaimFilter(kind: try q.kind("kind"), document: try q.string("doc", maxBytes: 2000),
                                 source: try q.string("source"), after: try q.cursor(), limit: limit + 1)
        if let place = try q.string("place") {
            if let id = Int(place), place.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { filter.placeID = id } else { filter.placeName = place }
        }
        let claims = try await store.claims(filter)
        let page = Array(claims.prefix(limit))
        let next = claims.count > limit ? page.last.map { String($0.id) } : nil
        let body = try APIJSON.encode(APIPage(items: page.map(APIClaim.init), key: "claims", nextCursor: next))
        return CachedResponse.make(body, contentType: CachedResponse.json, request: request)
    }
}
