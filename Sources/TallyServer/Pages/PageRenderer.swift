import Foundation
import Hummingbird
import Mustache
import TallyCore
import TallyStore

/// Renders the public pages from the Mustache templates in `Resources/Templates`, every value
/// escaped by `HTMLText` (each template selects it with `{{% CONTENT_TYPE: SAFE_HTML }}`).
///
/// `respond` runs a page: it picks the language, builds the page, and turns an `APIError` (a bad
/// parameter, an unknown id) into an HTML error page with the same status.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let stylesheet: String
    /// Rendered pages kept while the store is unchanged (`respond(cachedBy:)`).
    let cache = ResponseCache()

    init() async throws {
        HTMLText.registerContentType()
        let folder = try ResourceFiles.folder()
        do {
            library = try await MustacheLibrary(directory: folder.appendingPathComponent("Templates").path)
        } catch {
            throw TallyError(.configuration, input: folder.path, "a page template does not parse (\(error)); reinstall Tally")
        }
        stylesheet = try ResourceFiles.text("tally.css")
    }

    /// What every page shows around its content: language, words, title, navigation.
    struct Chrome {
        let lang: String
        let t: PageStrings
        let title: String
        /// `?lang=ru` when the reader chose a language by the switch, so links keep it; else empty.
        let langQuery: String
        let enHref: String
        let ruHref: String
    }

    /// A page's language and links, for building its model.
    struct Context {
        let language: PageLanguage
        let request: Request
        let langQuery: String
        var t: PageStrings { PageStrings.of(language) }

        func chrome(_ title: String) -> Chrome {
            let path = request.uri.path
            return Chrome(lang: language.rawValue, t: t, title: title, langQuery: langQuery,
                          enHref: path + "?lang=en", ruHref: path + "?lang=ru")
        }

        /// The link of a place's page: by GeoNames id when it has one, else by name.
        func placeHref(name: String?, id: Int?) -> String? {
            if let id { return "/places/\(id)" + langQuery }
            return name.map { "/places/" + HTMLText.pathSegment($0) + langQuery }
        }

        /// The link to a claim's sentence in its document.
        func claimHref(doc: String, claim: Int) -> String {
            "/documents/" + HTMLText.pathSegment(doc) + langQuery + "#claim-\(claim)"
        }

        func documentHref(_ doc: String) -> String { "/documents/" + HTMLText.pathSegment(doc) + langQuery }
    }

    /// A template and the value it renders.
    struct Page {
        let template: String
        let model: Any
    }

    /// With `cachedBy`, the rendered page is kept while that store is unchanged, by path, query and
    /// language (`ResponseCache`); errors are never kept.
    func respond(_ request: Request, cachedBy store: (any Store)? = nil, _ build: (Context) async throws -> Page) async throws -> Response {
        var language = PageLanguage.negotiate(request.headers[.acceptLanguage]) ?? .en
        do {
            let q = try QueryParameters(request, allowed: ["lang"], ignoringOthers: true)
            let override = try q.string("lang")
            language = try PageLanguage(request, override: override)
            let context = Context(language: language, request: request, langQuery: override == nil ? "" : "?lang=" + language.rawValue)
            if let store {
                let key = request.uri.path + "?" + (request.uri.query ?? "") + "\u{1F}" + language.rawValue
                let entry = try await cache.answer(key, store: store) {
                    let page = try await build(context)
                    let body = render(page.template, page.model)
                    return ([body], body)
                }
                return CachedResponse.make(entry, contentType: Self.html, request: request).withPageHeaders()
            }
            let page = try await build(context)
            return CachedResponse.make(render(page.template, page.model), contentType: Self.html, request: request)
                .withPageHeaders()
        } catch let error as APIError {
            let context = Context(language: language, request: request, langQuery: "")
            let model = ErrorModel(chrome: context.chrome(context.t.error), status: error.status.code, message: error.message)
            var response = Response(status: error.status, headers: [.contentType: Self.html],
                                    body: .init(byteBuffer: ByteBuffer(string: render("error", model))))
            response.headers[.cacheControl] = "no-store"
            return response.withPageHeaders()
        }
    }

    struct ErrorModel {
        let chrome: Chrome
        let status: Int
        let message: String
    }

    func render(_ template: String, _ model: Any) -> String {
        library.render(model, withTemplate: template) ?? ""
    }

    static let html = "text/html; charset=utf-8"
}

extension Response {
    /// No scripts, no frames, nothing from elsewhere: the pages need none of it.
    func withPageHeaders() -> Response {
        var response = self
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.vary] = "Accept-Language"
        return response
    }
}

extension HTTPFields.Element.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
}
