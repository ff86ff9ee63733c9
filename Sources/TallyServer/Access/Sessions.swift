import Foundation
import TallyStore

/// Browser sessions from the login page, kept in memory: a restart logs everyone out.
///
/// The cookie holds a random token; the server keeps only its SHA-256, the account's id, the
/// session's CSRF token and when it ends (8 hours after login).
actor Sessions {
    struct Session: Sendable {
        let userID: Int
        let csrf: String
        let expires: Date
    }

    static let cookie = "tally_session"
    static let lifetime: TimeInterval = 8 * 3600
    private var sessions: [String: Session] = [:]

    /// A new session for `userID`: the cookie's token and the session's CSRF token.
    func open(userID: Int, now: Date = Date()) -> (token: String, csrf: String) {
        sessions = sessions.filter { $0.value.expires > now }
        let token = PersonalDataKey.randomToken()
        let csrf = PersonalDataKey.randomToken()
        sessions[PersonalDataKey.tokenHash(token)] = Session(userID: userID, csrf: csrf, expires: now.addingTimeInterval(Self.lifetime))
        return (token, csrf)
    }

    func session(token: String, now: Date = Date()) -> Session? {
        let key = PersonalDataKey.tokenHash(token)
        guard let s = sessions[key] else { return nil }
        guard s.expires > now else {
            sessions[key] = nil
            return nil
        }
        return s
    }

    func close(token: String) { sessions[PersonalDataKey.tokenHash(token)] = nil }
}

/// At most `limit` writes per client address in a sliding `window`: direct reports and logins.
actor RateLimiter {
    let limit: Int
    let window: TimeInterval
    private var hits: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one write from `address`; the seconds to wait when it is over the limit, else nil.
    func admit(_ address: String, now: Date = Date()) -> Int? {
        if hits.count > 10_000 { hits = hits.filter { ($0.value.last ?? .distantPast) > now.addingTimeInterval(-window) } }
        var list = (hits[address] ?? []).filter { $0 > now.addingTimeInterval(-window) }
        guard list.count < limit else {
            hits[address] = list
            return max(1, Int((list[0].addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
        }
        list.append(now)
        hits[address] = list
        return nil
    }
}
