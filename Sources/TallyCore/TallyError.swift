/// An error a user can act on: a stable code, the input it concerns, and a one-line message.
///
/// Every module throws this type (or wraps its own into it at the shell), so the command line
/// and the server can print one clear line — `input:place: message` — and pick an exit code
/// or HTTP status from `code`.
public struct TallyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a form a program can branch on. New codes do not break callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidInput = "invalid_input"
            case unreadable, tooLarge = "too_large", unsupported
            case notFound = "not_found"
            case storage, conflict, unauthorized, forbidden, configuration
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The input is malformed (bad JSON line, bad date, invalid field).
        public static let invalidInput = Code(.invalidInput)
        /// The input cannot be read (missing file, permission, I/O error).
        public static let unreadable = Code(.unreadable)
        /// The input is over a documented size limit.
        public static let tooLarge = Code(.tooLarge)
        /// The input is of a kind Tally does not read (binary file, unknown format).
        public static let unsupported = Code(.unsupported)
        public static let notFound = Code(.notFound)
        /// The database failed or is not Tally's.
        public static let storage = Code(.storage)
        public static let conflict = Code(.conflict)
        public static let unauthorized = Code(.unauthorized)
        public static let forbidden = Code(.forbidden)
        /// A setting or key is missing or wrong.
        public static let configuration = Code(.configuration)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// The file, URL or field the error is about, when there is one.
    public let input: String?
    /// Where in the input: "line 12", "byte 4096".
    public let location: String?
    /// What happened and what to do, in one line.
    public let message: String

    public init(_ code: Code, input: String? = nil, location: String? = nil, _ message: String) {
        self.code = code
        self.input = input
        self.location = location
        self.message = message
    }

    /// `input:location: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        var prefix = ""
        if let input { prefix += input + ":" }
        if let location { prefix += location + ":" }
        return prefix.isEmpty ? message : prefix + " " + message
    }
}
