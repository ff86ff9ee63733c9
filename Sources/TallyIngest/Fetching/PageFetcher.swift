import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TallyCore

/// A page or feed fetched from the web.
public struct FetchedPage: Sendable {
    /// The URL asked for.
    public var url: String
    public var contentType: String?
    public var bytes: [UInt8]
}

/// Fetches pages and feeds politely: one user agent that names Tally, a timeout, a size limit,
/// and robots.txt obeyed per host.
public actor PageFetcher {
    private let policy: FetchPolicy
    private let client: HTTPClient
    private var robots: [String: RobotsRules] = [:]

    /// Uses the process-wide shared HTTP client unless one is given.
    public init(policy: FetchPolicy = FetchPolicy(), client: HTTPClient = .shared) {
        self.policy = policy
        self.client = client
    }

    /// The body of `url`, or a `TallyError` naming the URL: bad URL, disallowed by robots.txt,
    /// an HTTP error status, a timeout, or a body over the size limit.
    public func fetch(_ url: String) async throws -> FetchedPage {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty else {
            throw TallyError(.invalidInput, input: url, "not an http(s) URL")
        }
        if policy.respectRobots {
            let origin = "\(scheme)://\(host)\(parsed.port.map { ":\($0)" } ?? "")"
            let rules: RobotsRules
            do {
                rules = try await robotsRules(origin: origin)
            } catch let error as TallyError {
                // The site cannot be reached at all: say so for the page asked for.
                throw TallyError(error.code, input: url, error.message)
            }
            var path = parsed.path.isEmpty ? "/" : parsed.path
            if let query = parsed.query { path += "?" + query }
            guard rules.allows(path) else {
                throw TallyError(.forbidden, input: url, "robots.txt of \(host) does not allow Tally to fetch this page")
            }
        }
        let (status, type, body) = try await get(url, limit: policy.maxBytes)
        guard (200..<300).contains(status) else {
            throw TallyError(.unreadable, input: url, "the server answered HTTP \(status)")
        }
        return FetchedPage(url: url, contentType: type, bytes: body)
    }

    private func robotsRules(origin: String) async throws -> RobotsRules {
        if let known = robots[origin] { return known }
        let rules: RobotsRules
        do {
            let (status, _, body) = try await get(origin + "/robots.txt", limit: 512 << 10)
            // RFC 9309: 4xx means no rules; 5xx (server trouble) means assume disallowed.
            switch status {
            case 200..<300: rules = RobotsRules(parsing: String(decoding: body, as: UTF8.self), agent: policy.robotsToken)
            case 500...: rules = RobotsRules(rules: [.init(allow: false, prefix: "/")])
            default: rules = .allowAll
            }
        } catch let error as TallyError where error.code == .tooLarge {
            rules = .allowAll
        }
        robots[origin] = rules
        return rules
    }

    /// A network error in a few plain words ("connection refused"), not NIO's debug text.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        for (needle, words) in [("Connection refused", "connection refused"), ("No route", "no route to host"),
                                ("Name or service not known", "unknown host"), ("lookup", "unknown host"),
                                ("certificate", "TLS certificate not trusted"), ("handshake", "TLS handshake failed"),
                                ("Connection reset", "connection reset")] where text.contains(needle) {
            return words
        }
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }

    private func get(_ url: String, limit: Int) async throws -> (Int, String?, [UInt8]) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: policy.userAgent)
        request.headers.add(name: "Accept", value: "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/plain;q=0.8, */*;q=0.5")
        let seconds = policy.timeout.components.seconds
        let deadline = NIODeadline.now() + .seconds(max(1, seconds))
        do {
            let response = try await client.execute(request, deadline: deadline)
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limit {
                throw TallyError(.tooLarge, input: url, "the page is \(length) bytes, over the \(limit >> 20) MiB limit")
            }
            let buffer: ByteBuffer
            do {
                buffer = try await response.body.collect(upTo: limit)
            } catch is NIOTooManyBytesError {
                throw TallyError(.tooLarge, input: url, "the page is over the \(limit >> 20) MiB limit")
            }
            return (Int(response.status.code), response.headers.first(name: "content-type"), Array(buffer.readableBytesView))
        } catch let error as TallyError {
            throw error
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw TallyError(.unreadable, input: url, "no answer within \(seconds) s")
        } catch {
            throw TallyError(.unreadable, input: url, "cannot fetch: \(Self.describe(error))")
        }
    }
}
