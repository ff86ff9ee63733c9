import Hummingbird

extension RouterMethods where Context == TallyRequestContext {
    /// A `GET` route that takes no parameters and answers `{"<key>": [...]}` with an ETag.
    func getList<Item: Encodable & Sendable>(_ path: RouterPath, key: String, _ read: @escaping @Sendable () async throws -> [Item]) {
        get(path) { request, _ in
            _ = try QueryParameters(request, allowed: [])
            let body = try APIJSON.encode(APIList(items: try await read(), key: key))
            return CachedResponse.make(body, contentType: CachedResponse.json, request: request)
        }
    }
}
