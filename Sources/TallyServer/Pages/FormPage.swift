import Hummingbird

/// Pages with forms (report, login, review): rendered fresh each time (no ETag, `no-store`),
/// English only for now, with a CSP that lets forms post to this server and nowhere else.
extension PageRenderer {
    func formPage(_ request: Request, template: String, title: String, status: HTTPResponse.Status = .ok,
                  cookies: [String] = [], _ model: (Chrome) -> Any) -> Response {
        let chrome = Context(language: .en, request: request, langQuery: "").chrome(title)
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
                     cookies: [String] = []) -> Response {
        formPage(request, template: "message", title: title, status: status, cookies: cookies) { chrome in
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
