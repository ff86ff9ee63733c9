import Hummingbird
import TallyStore

/// `GET /api/v1/sources`: every source the claims are attributed to, with its class and counts.
struct SourcesController {
    let store: any Store

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.getList("sources", key: "sources") { try await store.sources().map(APISource.init) }
    }
}
