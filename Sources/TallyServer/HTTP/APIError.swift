public import Hummingbird
import TallyCore

/// A request the server will not answer as asked: an HTTP status, a stable code a program can
/// branch on, and a message a person can act on.
///
/// Answered as `{"error": {"code": …, "message": …}}`. Messages name the parameter and the form it
/// takes but never repeat what was sent, so nothing a client sent is reflected back.
public struct APIError: Error, HTTPResponseError, Sendable {
    /// What went wrong; new codes do not break clients.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case badParameter = "bad_parameter"
            case unknownParameter = "unknown_parameter"
            case badEncoding = "bad_encoding"
            case badCursor = "bad_cursor"
            case badPath = "bad_path"
            case notFound = "not_found"
            case methodNotAllowed = "method_not_allowed"
            case tooLarge = "too_large"
            case unauthorized, forbidden, conflict, invalid
            case rateLimited = "rate_limited"
            case readOnly = "read_only"
            case badCSRF = "bad_csrf"
            case unavailable
            case `internal`
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A parameter's value is not of the form the route takes.
        public static let badParameter = Code(.badParameter)
        /// The route takes no parameter of that name.
        public static let unknownParameter = Code(.unknownParameter)
        /// The query or path is not valid percent-encoded UTF-8.
        public static let badEncoding = Code(.badEncoding)
        /// A `cursor` that no page of this listing handed out.
        public static let badCursor = Code(.badCursor)
        /// A path segment that cannot name anything (empty, control characters, too long).
        public static let badPath = Code(.badPath)
        public static let notFound = Code(.notFound)
        public static let methodNotAllowed = Code(.methodNotAllowed)
        /// The request body is over the size limit.
        public static let tooLarge = Code(.tooLarge)
        /// The route needs an account: log in, or send `Authorization: Bearer TOKEN`.
        public static let unauthorized = Code(.unauthorized)
        /// The account's role may not do this.
        public static let forbidden = Code(.forbidden)
        /// The write does not fit what is stored (a report already reviewed, a taken name).
        public static let conflict = Code(.conflict)
        /// A body field is missing or not of its form.
        public static let invalid = Code(.invalid)
        /// Too many writes from one address; `Retry-After` says when to try again.
        public static let rateLimited = Code(.rateLimited)
        /// The server has no personal-data key: it serves public data only.
        public static let readOnly = Code(.readOnly)
        /// A form's CSRF token is missing or not this browser's.
        public static let badCSRF = Code(.badCSRF)
        /// The store cannot be read just now.
        public static let unavailable = Code(.unavailable)
        public static let `internal` = Code(.internal)

        public var description: String { base.rawValue }
    }

    public let status: HTTPResponse.Status
    public let code: Code
    public let message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ code: Code, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// 400 for a parameter: `name` takes `form`.
    static func badParameter(_ name: String, takes form: String) -> APIError {
        APIError(.badRequest, .badParameter, "'\(name)' takes \(form)")
    }

    static func notFound(_ what: String) -> APIError {
        APIError(.notFound, .notFound, "no \(what) of that id is stored")
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
        }
        let error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        let body = (try? APIJSON.encode(Body(error: .init(code: code.description, message: message))))
            ?? #"{"error":{"code":"internal","message":"the error could not be written"}}"#
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

extension HTTPFields.Element.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}

extension APIError {
    /// A `TallyError` from the store or a check, with the status its code calls for.
    init(_ error: TallyError) {
        let message = error.input.map { "\($0): \(error.message)" } ?? error.message
        switch error.code {
        case .conflict: self.init(.conflict, .conflict, message)
        case .notFound: self.init(.notFound, .notFound, message)
        case .unauthorized: self.init(.unauthorized, .unauthorized, message)
        case .forbidden: self.init(.forbidden, .forbidden, message)
        case .tooLarge: self.init(.contentTooLarge, .tooLarge, message)
        default: self.init(.badRequest, .invalid, message)
        }
    }

    static func invalid(_ field: String, _ form: String) -> APIError {
        APIError(.badRequest, .invalid, "'\(field)' \(form)")
    }
}
