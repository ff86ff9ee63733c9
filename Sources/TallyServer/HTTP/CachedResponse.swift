import Foundation
import Hummingbird
import TallyStore

/// A GET answer with an ETag: 304 without a body when the client's `If-None-Match` already holds it.
///
/// The tag is the content hash of `body`, or of `tag` when the body carries a part that changes
/// without the content changing (the report's `as_of` time); such a tag is weak (`W/`).
enum CachedResponse {
    static func make(_ body: String, contentType: String, request: Request, tag: String? = nil) -> Response {
        let etag = tag.map { "W/\"\(ContentHash.of($0))\"" } ?? "\"\(ContentHash.of(body))\""
        var headers: HTTPFields = [
            .eTag: etag, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff", .contentType: contentType,
        ]
        if matches(etag, request.headers[.ifNoneMatch]) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static let json = "application/json; charset=utf-8"

    /// `If-None-Match` uses the weak comparison: `W/"x"` and `"x"` match.
    static func matches(_ etag: String, _ header: String?) -> Bool {
        guard let header else { return false }
        func opaque(_ tag: Substring) -> Substring {
            let t = tag.trimmingPrefix(" ")
            return t.hasPrefix("W/") ? t.dropFirst(2) : t
        }
        let ours = opaque(etag[...])
        return header.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "*" || opaque($0).trimmingCharacters(in: .whitespaces) == ours }
    }
}
