import Hummingbird
import TallyStore

/// `GET /api/v1/places`: every place the claims name, with its GeoNames id, coordinates and counts.
struct PlacesController {
    let store: any Store

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.getList("places", key: "places") { try await store.places().map(APIPlace.init) }
    }
}
