import Hummingbird
import Logging
import TallyCore

/// Turns every failure into an `APIError`, so a client always gets a JSON error with a status
/// that says whose fault it was: 4xx for what it sent, 503 when the store cannot be read, 500 only
/// for a fault of the server's own (logged by type, never with request data).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as any HTTPResponseError {
            throw Self.translate(error.status)
        } catch let error as TallyError where error.code != .storage && error.code != .configuration {
            throw APIError(error)
        } catch let error as TallyError where error.code == .storage {
            context.logger.error("store failed", metadata: ["code": .stringConvertible(error.code)])
            throw APIError(.serviceUnavailable, .unavailable, "the store cannot be read just now; try again shortly")
        } catch {
            context.logger.error("request failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            throw APIError(.internalServerError, .internal, "the server failed to answer; the fault is logged")
        }
    }

    /// Hummingbird's own errors, and a body that is not JSON of the route's form. (no route, body too large) in Tally's shape.
    static func translate(_ status: HTTPResponse.Status) -> APIError {
        switch status {
        case .notFound: APIError(.notFound, .notFound, "no such page or API route; the API is described at /api/v1/openapi.json")
        case .contentTooLarge: BodyLimitMiddleware<Context>.tooLarge
        case .methodNotAllowed: ReadOnlyMiddleware<Context>.notAllowed
        default:
            status.code < 500
                ? APIError(status, .badParameter, "the request was refused: \(status.reasonPhrase)")
                : APIError(.internalServerError, .internal, "the server failed to answer; the fault is logged")
        }
    }
}
