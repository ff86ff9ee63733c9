import Hummingbird
import TallyCore
import TallyStore

/// `GET /documents/{id}`: a report's text with every sentence a figure was read from marked
/// (by the claims' UTF-8 byte spans), each claim listed with a link to its sentence.
struct DocumentPageController {
    let store: any Store
    let renderer: PageRenderer

    struct Model {
        let chrome: PageRenderer.Chrome
        let title: String
        let id: String
        let published: String?
        let language: String?
        let link: String?
        let url: String?
        let textHTML: String
        let claims: [ClaimView]
        let hasClaims: Bool
        let apiHref: String
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("documents/{id}") { request, context in
            try await renderer.respond(request) { c in
                let id = try request.pathParameter("id", context: context)
                let (document, claims) = try await DocumentsController.read(id, from: store)
                let s = document.summary
                let model = Model(
                    chrome: c.chrome(s.title ?? s.id), title: s.title ?? s.id, id: s.id, published: s.published?.description,
                    language: s.language, link: HTMLText.safeLink(s.url), url: s.url,
                    textHTML: EvidenceHighlighter.html(text: document.text, claims: claims),
                    claims: claims.map { ClaimView($0, c) }, hasClaims: !claims.isEmpty,
                    apiHref: "/api/v1/documents/" + HTMLText.pathSegment(s.id))
                return .init(template: "document", model: model)
            }
        }
    }
}
