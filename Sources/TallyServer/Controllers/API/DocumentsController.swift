import Hummingbird
import TallyCore
import TallyStore

/// `GET /api/v1/documents` (stored documents without their text, in ingest order, paged like claims)
/// and `GET /api/v1/documents/{id}` (one document's text and its claims with their byte spans).
///
/// An id holding `/` or `?` (a file path, a URL) is given percent-encoded in the path.
struct DocumentsController {
    let store: any Store

    static let parameters = ["limit", "cursor"]
    /// Claims read with one document: more than any real article states.
    static let claimsPerDocument = 10_000

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("documents") { request, _ in try await self.list(request) }
        router.get("documents/{id}") { request, context in try await self.show(request, context: context) }
    }

    func list(_ request: Request) async throws -> Response {
        let q = try QueryParameters(request, allowed: Self.parameters)
        let limit = try q.int("limit", in: 1...ClaimsController.maxLimit) ?? ClaimsController.defaultLimit
        let documents = try await store.documents(after: try q.cursor(), limit: limit + 1)
        let page = Array(documents.prefix(limit))
        let next = documents.count > limit ? page.last.map { String($0.seq) } : nil
        let body = try APIJSON.encode(APIPage(items: page.map { APIDocument(summary: $0) }, key: "documents", nextCursor: next))
        return CachedResponse.make(body, contentType: CachedResponse.json, request: request)
    }

    func show(_ request: Request, context: TallyRequestContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let (document, claims) = try await Self.read(try request.pathParameter("id", context: context), from: store)
        let body = try APIJSON.encode(APIDocumentWithClaims(document: APIDocument(summary: document.summary, text: document.text),
                                                            claims: claims.map(APIClaim.init)))
        return CachedResponse.make(body, contentType: CachedResponse.json, request: request)
    }

    /// The document stored under `id` and its claims; 404 when there is none.
    static func read(_ id: String, from store: any Store) async throws -> (StoredDocument, [StoredClaim]) {
        guard let document = try await store.document(id: id) else { throw APIError.notFound("document") }
        let claims = try await store.claims(ClaimFilter(documentSeq: document.summary.seq, limit: claimsPerDocument))
        return (document, claims)
    }
}
