import Hummingbird

/// `GET /assets/tally.css`: the one stylesheet of the pages (no scripts, no fonts, no images).
struct AssetsController {
    let renderer: PageRenderer

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("assets/tally.css") { request, _ in
            CachedResponse.make(renderer.stylesheet, contentType: "text/css; charset=utf-8", request: request)
        }
    }
}
