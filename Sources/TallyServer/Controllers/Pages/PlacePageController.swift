import Hummingbird
import TallyCore
import TallyReconcile
import TallyStore

/// `GET /places/{place}` (a GeoNames id, or a name for a place without one): the place's
/// tallies, each with an SVG timeline of its history, and every claim naming it with its
/// quoted sentence and a link to that sentence in its document.
struct PlacePageController {
    let store: any Store
    let renderer: PageRenderer

    /// Claims listed on one page; the API pages through the rest.
    static let claimLimit = 500

    struct Model {
        let chrome: PageRenderer.Chrome
        let name: String
        let country: String?
        let tallies: [TallyView]
        let claims: [ClaimView]
        let hasClaims: Bool
        let apiHref: String
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("places/{place}") { request, context in
            try await renderer.respond(request, cachedBy: store) { c in
                let key = try request.pathParameter("place", context: context)
                let id = key.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } && key.utf8.count <= 12 ? Int(key) : nil
                let filter = ClaimFilter(placeID: id, placeName: id == nil ? key : nil, limit: Self.claimLimit)
                let claims = try await store.claims(filter)
                func named(_ t: Tally) -> Bool { id.map { t.placeID == $0 } ?? (t.place?.lowercased() == key.lowercased()) }
                // Found without histories, then read with them by the place's name (histories are
                // made from the claims: only this place's).
                let names = Set(try await readTallies(TallyQuery(), from: store, history: false).filter(named).compactMap(\.place))
                var tallies: [Tally] = []
                for name in names.sorted() { tallies += try await readTallies(TallyQuery(place: name), from: store).filter(named) }
                tallies = Reconciler.sorted(tallies, nationalPlaces: [])
                guard let name = claims.first?.claim.place?.name ?? tallies.first?.place else { throw APIError.notFound("place") }
                let model = Model(
                    chrome: c.chrome(name), name: name, country: claims.first?.claim.place?.country ?? tallies.first?.country,
                    tallies: tallies.map { TallyView($0, c, timeline: true) }, claims: claims.map { ClaimView($0, c) },
                    hasClaims: !claims.isEmpty, apiHref: "/api/v1/claims?place=" + HTMLText.pathSegment(key))
                return .init(template: "place", model: model)
            }
        }
    }
}
