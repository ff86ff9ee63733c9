import Hummingbird

/// Refuses request bodies over `limit` bytes with 413, by their `Content-Length` or, for a chunked
/// body, after reading at most `limit` bytes of it — so a large body never fills memory.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Every route reads at most this much (none reads a body yet).
    var limit = 64 * 1024

    static var tooLarge: APIError {
        APIError(.contentTooLarge, .tooLarge, "the request body is over the limit of 64 KiB")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength] {
            guard let bytes = Int(length), bytes >= 0 else {
                throw APIError(.badRequest, .badParameter, "Content-Length takes a number of bytes")
            }
            guard bytes <= limit else { throw Self.tooLarge }
            return try await next(request, context)
        }
        guard request.headers[.transferEncoding] != nil else { return try await next(request, context) }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw Self.tooLarge
        }
        request.body = .init(buffer: buffer)
        return try await next(request, context)
    }
}
