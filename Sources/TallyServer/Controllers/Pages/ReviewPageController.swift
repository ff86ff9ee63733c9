import Hummingbird
import TallyCore
import TallyStore

/// `GET /review`: the pending reports with their details, for editors; `POST /review/{id}`:
/// verify, reject or merge one (`decision`, `into`, `csrf`), then back to the queue.
struct ReviewPageController {
    let cases: CaseServices
    let renderer: PageRenderer

    struct Model {
        let chrome: PageRenderer.Chrome
        let user: String
        let csrf: String
        let reports: [Row]
        let empty: Bool
    }

    struct Row {
        let id: Int
        let city: String
        let date: String
        let time: String?
        let name: String?
        let publishName: Bool
        let contact: String?
        let detentionPlace: String?
        let categories: String
        let outcomes: String
        let charge: String?
        let circumstances: String?
        let duplicates: String?
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("review") { request, context in
            do {
                let account = try context.require(.editor)
                guard case .session(let csrf) = account.proof else {
                    throw APIError(.forbidden, .forbidden, "the review page is for a browser logged in at /login")
                }
                let key = try cases.key()
                let duplicates = try await ReportsController.duplicates(cases.store)
                let rows = try await cases.store.allReports(status: .pending).map { r in
                    let gender = r.gender.map { [$0.rawValue] } ?? []
                    return Row(id: r.id, city: r.city, date: r.date.description, time: r.time, name: try key.open(r.name),
                               publishName: r.publishName, contact: try key.open(r.contact), detentionPlace: r.detentionPlace,
                               categories: (r.categories.map(\.rawValue) + gender).joined(separator: ", "),
                               outcomes: r.outcomes.map(\.rawValue).joined(separator: ", "), charge: r.charge,
                               circumstances: try key.open(r.circumstances),
                               duplicates: duplicates[r.id].map { $0.map(String.init).joined(separator: ", ") })
                }
                return renderer.formPage(request, template: "review", title: "Review queue") {
                    Model(chrome: $0, user: account.user.name, csrf: csrf, reports: rows, empty: rows.isEmpty)
                }
            } catch let error as APIError {
                return renderer.messagePage(request, status: error.status, title: "Review queue", message: error.message,
                                            link: ("/login", "Log in"))
            }
        }
        router.post("review/{id}") { request, context in
            do {
                let account = try context.require(.editor)
                let id = try ReportsController.id(request, context)
                var request = request
                let form = try FormFields(try await request.bytes(upTo: 2048))
                try CSRF.check(form: form, request: request, account: account)
                let decision: ReviewDecision
                switch form.one("decision") {
                case "verify": decision = .verify
                case "reject": decision = .reject
                case "merge":
                    guard let into = form.one("into").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), into > 0 else {
                        throw APIError.invalid("into", "takes the id of the verified report this one duplicates")
                    }
                    decision = .merge(into: into)
                default: throw APIError.invalid("decision", "takes verify, reject or merge")
                }
                _ = try cases.key()
                _ = try await ReportsController.apply(decision, id: id, by: account, cases: cases)
                return PageRenderer.redirect("/review")
            } catch let error as APIError {
                return renderer.messagePage(request, status: error.status, title: "Not reviewed", message: error.message,
                                            link: ("/review", "Back to the queue"))
            } catch let error as TallyError {
                let api = APIError(error)
                return renderer.messagePage(request, status: api.status, title: "Not reviewed", message: api.message,
                                            link: ("/review", "Back to the queue"))
            }
        }
    }
}
