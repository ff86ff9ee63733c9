import Foundation
import Hummingbird
import TallyCore
import TallyStore

/// What the private half of the server works with: the case store, the personal-data key (or
/// why there is none), sessions, rate limits and the publication threshold.
struct CaseServices: Sendable {
    let store: any CaseStore
    /// The same database as a `Store`: verified case records are ingested into its tallies.
    let tallies: any Store
    let keyState: KeyState
    /// Public counts of case records below this show as "fewer than N".
    let threshold: Int
    let sessions = Sessions()
    let reportLimiter: RateLimiter
    let loginLimiter: RateLimiter

    init(store: any CaseStore, tallies: any Store, keyState: KeyState, configuration: ServerConfiguration) {
        self.store = store
        self.tallies = tallies
        self.keyState = keyState
        threshold = configuration.publicThreshold
        reportLimiter = RateLimiter(limit: configuration.reportsPerHour, window: 3600)
        loginLimiter = RateLimiter(limit: 10, window: 600)
    }

    /// The key, or a 503 saying why the server only serves public data.
    func key() throws -> PersonalDataKey {
        switch keyState {
        case .ready(let key): return key
        case .missing(let reason):
            throw APIError(.serviceUnavailable, .readOnly, "the server serves public data only: \(reason)")
        }
    }

    /// Counts one write from the request's address: 429 with `Retry-After` over the limit.
    func admit(_ limiter: RateLimiter, _ context: TallyRequestContext) async throws {
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        if let wait = await limiter.admit(address) {
            throw APIError(.tooManyRequests, .rateLimited, "too many writes from this address; try again in \(wait) s",
                           headers: [.retryAfter: String(wait)])
        }
    }

    /// Restates the verified reports of `report`'s place and day as a case-records document and
    /// ingests it, so the public tallies count them (under the threshold, as "fewer than N").
    func publish(around report: CaseReport) async throws {
        let group = CaseRecordDocuments.Group(report)
        var verified: [CaseReport] = []
        var after: Int? = nil
        while true {
            let page = try await store.reports(status: .verified, after: after, limit: 1000)
            verified += page.filter { CaseRecordDocuments.Group($0) == group }
            guard let last = page.last, page.count == 1000 else { break }
            after = last.id
        }
        guard let item = CaseRecordDocuments.item(verified: verified, threshold: threshold, now: Date()) else { return }
        _ = try await tallies.ingest([item])
    }
}

extension Request {
    /// The body, at most `limit` bytes: 413 over it.
    mutating func bytes(upTo limit: Int) async throws -> [UInt8] {
        do {
            let buffer = try await body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            throw APIError(.contentTooLarge, .tooLarge, "the request body is over the limit of \(limit / 1024) KiB")
        }
    }

    var isForm: Bool { headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false }
    var isJSON: Bool { headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false }
}

/// Cross-site request forgery checks. A form carries a `csrf` field: for a logged-in browser it
/// must be its session's token, for the public form the `tally_csrf` cookie the form page set
/// (double submit). A JSON write made with a session cookie sends the token as `X-CSRF-Token`;
/// a bearer token needs none (no ambient credential to abuse).
enum CSRF {
    static let cookie = "tally_csrf"
    static let header = HTTPFields.Element.Name("X-CSRF-Token")!

    static func check(form: FormFields?, request: Request, account: Account?) throws {
        let sent = form?.one("csrf") ?? request.headers[header]
        let expected: String?
        switch account?.proof {
        case .token: return
        case .session(let csrf): expected = csrf
        case nil: expected = request.cookies[cookie]?.value
        }
        guard let expected, !expected.isEmpty, let sent, constantTimeEqual(sent, expected) else {
            throw APIError(.forbidden, .badCSRF, "the form's CSRF token is missing or stale; reload the form and send it again")
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The `Set-Cookie` value for a browser's public-form token.
    static func setCookie(_ token: String) -> String {
        "\(cookie)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=7200"
    }
}
