import Hummingbird

/// Pages with forms (report, login, review): rendered fresh each time (no ETag, `no-store`), with
/// a CSP that lets forms post to this server and nowhere else. The public form follows the page
/// language (`?lang=`, else `Accept-Language`); staff pages are in English.
extension PageRenderer {
    /// The language of a form page; a bad `lang` is ignored here (the form must always show).
    static func formLanguage(_ request: Request) -> PageLanguage {
        let override = (try? QueryParameters(request, allowed: ["lang"], ignoringOthers: true)).flatMap { try? $0.string("lang") }
        return (try? PageLanguage(request, override: override)) ?? PageLanguage.negotiate(request.headers[.acceptLanguage]) ?? .en
    }

    func formPage(_ request: Request, template: String, title: String, status: HTTPResponse.Status = .ok,
                  language: PageLanguage = .en, cookies: [String] = [], _ model: (Chrome) -> Any) -> Response {
        let chrome = Context(language: language, request: request, langQuery: "").chrome(title)
        var headers: HTTPFields = [.contentType: Self.html, .cacheControl: "no-store"]
        if !cookies.isEmpty { headers[values: .setCookie] = cookies }
        let response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: render(template, model(chrome)))))
        var page = response.withPageHeaders()
        page.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        return page
    }

    /// A short page saying what happened (report received, login failed, not allowed).
    func messagePage(_ request: Request, status: HTTPResponse.Status, title: String, message: String, link: (href: String, text: String)? = nil,
                     language: PageLanguage = .en, cookies: [String] = []) -> Response {
        formPage(request, template: "message", title: title, status: status, language: language, cookies: cookies) { chrome in
            MessageModel(chrome: chrome, title: title, message: message, href: link?.href, linkText: link?.text)
        }
    }

    struct MessageModel {
        let chrome: Chrome
        let title: String
        let message: String
        let href: String?
        let linkText: String?
    }

    /// 303 to `location`, with cookies set.
    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        if !cookies.isEmpty { headers[values: .setCookie] = cookies }
        return Response(status: .seeOther, headers: headers)
    }
}
