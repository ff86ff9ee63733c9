import Hummingbird
import TallyCore
import TallyStore

/// `GET /login`, `POST /login` (name, password, and the authenticator code for editors and
/// admins; rate-limited per address), `POST /logout`.
struct LoginPageController {
    let cases: CaseServices
    let renderer: PageRenderer

    struct Model {
        let chrome: PageRenderer.Chrome
        let csrf: String
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("login") { request, _ in
            let token = request.cookies[CSRF.cookie]?.value ?? PersonalDataKey.randomToken()
            return renderer.formPage(request, template: "login", title: "Log in", cookies: [CSRF.setCookie(token)]) { Model(chrome: $0, csrf: token) }
        }
        router.post("login") { request, context in
            do {
                guard request.isForm else { throw APIError(.unsupportedMediaType, .invalid, "the form is sent as application/x-www-form-urlencoded") }
                var request = request
                let form = try FormFields(try await request.bytes(upTo: 4096))
                try CSRF.check(form: form, request: request, account: nil)
                try await cases.admit(cases.loginLimiter, context)
                let key = try cases.key()
                guard let user = try await Accounts.check(name: form.one("name") ?? "", password: form.one("password") ?? "",
                                                          code: form.one("code"), store: cases.store, key: key) else {
                    throw APIError(.unauthorized, .unauthorized, "the name, password or code is wrong, or the account is disabled")
                }
                let session = await cases.sessions.open(userID: user.id)
                let cookie = "\(Sessions.cookie)=\(session.token); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(Sessions.lifetime))"
                return PageRenderer.redirect(user.role >= .editor ? "/review" : "/", cookies: [cookie])
            } catch let error as APIError {
                return renderer.messagePage(request, status: error.status, title: "Not logged in", message: error.message,
                                            link: ("/login", "Try again"))
            }
        }
        router.post("logout") { request, context in
            var request = request
            let form = try FormFields(try await request.bytes(upTo: 1024))
            if let account = context.account {
                try CSRF.check(form: form, request: request, account: account)
                if let token = request.cookies[Sessions.cookie]?.value { await cases.sessions.close(token: token) }
            }
            return PageRenderer.redirect("/", cookies: ["\(Sessions.cookie)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"])
        }
    }
}
