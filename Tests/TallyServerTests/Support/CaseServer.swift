import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TallyCore
import TallyServer
import TallyStore

/// The sample store served with a personal-data key, and one account of each role with an API
/// token (and, for editors and admins, the TOTP secret a person would put in an authenticator).
struct CaseFixture: Sendable {
    let sample: SampleStore
    let key: PersonalDataKey
    /// Role → `Authorization` header value.
    let tokens: [Role: String]
    /// Role → (name, password, TOTP secret).
    let logins: [Role: (name: String, password: String, secret: String?)]

    var store: SQLiteStore { sample.store }

    func auth(_ role: Role?) -> HTTPFields {
        guard let role, let token = tokens[role] else { return [:] }
        return [.authorization: token]
    }
}

func withCaseServer<T: Sendable>(threshold: Int = 5, reportsPerHour: Int = 1000,
                                 _ body: @Sendable (any TestClientProtocol, CaseFixture) async throws -> T) async throws -> T {
    let sample = try await SampleStore()
    let key = PersonalDataKey.random()
    let keyFile = sample.folder + "/tally.key"
    try key.write(to: keyFile)
    var tokens: [Role: String] = [:]
    var logins: [Role: (String, String, String?)] = [:]
    for role in Role.allCases {
        let name = "\(role.rawValue)-1", password = "correct horse \(role.rawValue)"
        let (user, _) = try await Accounts.add(name: name, role: role, password: password, store: sample.store, key: key, actor: "test")
        tokens[role] = "Bearer " + (try await Accounts.addToken(for: user, label: "test", store: sample.store, actor: "test")).token
        logins[role] = (name, password, try key.open(user.totpSecret))
    }
    var logger = Logger(label: "tally.server.test")
    logger.logLevel = .warning
    let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, keyFile: keyFile, publicThreshold: threshold, reportsPerHour: reportsPerHour)
    let app = try await buildApplication(configuration, store: sample.store, logger: logger)
    let fixture = CaseFixture(sample: sample, key: key, tokens: tokens, logins: logins)
    return try await app.test(.live) { client in try await body(client, fixture) }
}

extension TestClientProtocol {
    func post(_ uri: String, json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func post(_ uri: String, form: [(String, String)], headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = form.map { "\($0.0.formEncoded)=\($0.1.formEncoded)" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// The public form's CSRF token and the cookie that goes with it.
    func csrf(_ page: String = "/report", headers: HTTPFields = [:]) async throws -> (token: String, cookie: String) {
        let response = try await get(page, headers: headers)
        let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("tally_csrf=") }!
        let value = String(cookie.split(separator: ";")[0].dropFirst("tally_csrf=".count))
        let token = response.text.range(of: "name=\"csrf\" value=\"").map { r in
            String(response.text[r.upperBound...].prefix { $0 != "\"" })
        } ?? ""
        return (token, "tally_csrf=\(value)")
    }

    /// Logs in through the form; the session cookie and the session's CSRF token.
    func login(_ name: String, _ password: String, code: String?) async throws -> (cookie: String, csrf: String)? {
        let (token, cookie) = try await csrf("/login")
        var form = [("csrf", token), ("name", name), ("password", password)]
        if let code { form.append(("code", code)) }
        let response = try await post("/login", form: form, headers: [.cookie: cookie])
        guard response.status == .seeOther,
              let session = response.headers[values: .setCookie].first(where: { $0.hasPrefix("tally_session=") }) else { return nil }
        let sessionCookie = String(session.split(separator: ";")[0])
        let review = try await get("/review", headers: [.cookie: sessionCookie])
        let csrf = review.text.range(of: "name=\"csrf\" value=\"").map { r in String(review.text[r.upperBound...].prefix { $0 != "\"" }) } ?? ""
        return (sessionCookie, csrf)
    }
}

extension String {
    var formEncoded: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
    }
}

/// A report with every field, as JSON.
func reportJSON(name: String = "Anna Petrova", city: String = "Moscow", date: String = "2026-03-14", publish: Bool = false,
                categories: [String] = ["journalist"], extra: String = "") -> String {
    """
    {"name": "\(name)", "contact": "+7 900 000-00-00", "publish_name": \(publish), "city": "\(city)",
     "detention_place": "OVD Tverskoy", "date": "\(date)", "time": "15:30", "circumstances": "Held at the metro.\\nBeaten.",
     "categories": [\(categories.map { "\"\($0)\"" }.joined(separator: ", "))], "gender": "female", "outcomes": ["charged"], "charge": "Art. 20.2"\(extra)}
    """
}
