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
        let threshold: Int
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("report") { request, context in
            let token = request.cookies[CSRF.cookie]?.value ?? PersonalDataKey.randomToken()
            let csrf: String
            if case .session(let sessionToken) = context.account?.proof { csrf = sessionToken } else { csrf = token }
            return renderer.formPage(request, template: "report", title: "Report a detention", cookies: [CSRF.setCookie(token)]) {
                Model(chrome: $0, csrf: csrf, threshold: cases.threshold)
            }
        }
        router.post("report") { request, context in
            do {
                guard request.isForm else {
                    throw APIError(.unsupportedMediaType, .invalid, "the form is sent as application/x-www-form-urlencoded")
                }
                let key = try cases.key()
                var request = request
                let form = try FormFields(try await request.bytes(upTo: ReportInput.maxBytes))
                try CSRF.check(form: form, request: request, account: context.account)
                try await cases.admit(cases.reportLimiter, context)
                let input = try ReportInput(form: form)
                let stored = try await cases.store.submit(try input.sealed(with: key), actor: context.account?.actor ?? "public")
                return renderer.messagePage(request, status: .created, title: "Report received",
                                            message: "Thank you. Report \(stored.id) waits for an editor's review.",
                                            link: ("/report", "Send another report"))
            } catch let error as APIError {
                return renderer.messagePage(request, status: error.status, title: "The report was not sent", message: error.message,
                                            link: ("/report", "Back to the form"))
            }
        }
    }
}
