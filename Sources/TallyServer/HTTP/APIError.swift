public import Hummingbird

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
