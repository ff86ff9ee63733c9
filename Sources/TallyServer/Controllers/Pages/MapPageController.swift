import Hummingbird
import TallyStore

/// `GET /map`: every located place as a dot on an inline SVG map, sized by its claims, linked to
/// its page; the same places as a list below for readers without the picture.
struct MapPageController {
    let store: any Store
    let renderer: PageRenderer

    struct Model {
        let chrome: PageRenderer.Chrome
        let svg: String?
        let places: [PlaceItem]
        let empty: Bool
    }

    struct PlaceItem {
        let name: String
        let href: String?
        let claims: String
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("map") { request, _ in
            try await renderer.respond(request, cachedBy: store) { c in
                let places = try await store.places()
                let href = { (p: PlaceSummary) in c.placeHref(name: p.value.name, id: p.value.geonameID) ?? "/" }
                let model = Model(chrome: c.chrome(c.t.map), svg: MapSVG.svg(places, href: href, label: c.t.map),
                                  places: places.map { PlaceItem(name: $0.value.name, href: href($0), claims: PageStrings.count($0.claims, .claims, c.language)) },
                                  empty: places.isEmpty)
                return .init(template: "map", model: model)
            }
        }
    }
}
