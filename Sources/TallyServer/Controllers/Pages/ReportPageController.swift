import Hummingbird
import TallyCore
import TallyStore

/// `GET /report`: the public form for a direct report (sets the browser's CSRF cookie);
/// `POST /report`: the form sent (CSRF-checked, rate-limited per address, 16 KiB at most).
struct ReportPageController {
    let cases: CaseServices
    let renderer: PageRenderer

    struct Model {
        let chrome: PageRenderer.Chrome
        let csrf: String
        let s: FormStrings
        let consent: String
        let action: String
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("report") { request, context in
            let token = request.cookies[CSRF.cookie]?.value ?? PersonalDataKey.randomToken()
            let csrf: String
            if case .session(let sessionToken) = context.account?.proof { csrf = sessionToken } else { csrf = token }
            let language = PageRenderer.formLanguage(request)
            let s = FormStrings.of(language)
            return renderer.formPage(request, template: "report", title: s.title, language: language, cookies: [CSRF.setCookie(token)]) {
                Model(chrome: $0, csrf: csrf, s: s, consent: String(format: s.consent, cases.threshold, cases.threshold),
                      action: "/report" + (language == .ru ? "?lang=ru" : ""))
            }
        }
        router.post("report") { request, context in
            let language = PageRenderer.formLanguage(request)
            let s = FormStrings.of(language)
            let form = "/report" + (language == .ru ? "?lang=ru" : "")
            do {
                guard request.isForm else {
                    throw APIError(.unsupportedMediaType, .invalid, "the form is sent as application/x-www-form-urlencoded")
                }
                let key = try cases.key()
                var request = request
                let fields = try FormFields(try await request.bytes(upTo: ReportInput.maxBytes))
                try CSRF.check(form: fields, request: request, account: context.account)
                try await cases.admit(cases.reportLimiter, context)
                let input = try ReportInput(form: fields)
                let stored = try await cases.store.submit(try input.sealed(with: key), actor: context.account?.actor ?? "public")
                return renderer.messagePage(request, status: .created, title: s.received, message: String(format: s.receivedMessage, stored.id),
                                            link: (form, s.sendAnother), language: language)
            } catch let error as APIError {
                return renderer.messagePage(request, status: error.status, title: s.notSent, message: error.message,
                                            link: (form, s.backToForm), language: language)
            }
        }
    }
}
