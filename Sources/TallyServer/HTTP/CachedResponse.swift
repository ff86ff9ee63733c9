import Foundation
import Hummingbird
import TallyStore

/// A GET answer with an ETag: 304 without a body when the client's `If-None-Match` already holds it.
///
/// The tag is the content hash of `body`, or of `tag` when the body carries a part that changes
/// without the content changing (the report's `as_of` time); such a tag is weak (`W/`).
enum CachedResponse {
    static func make(_ body: String, contentType: String, request: Request, tag: String? = nil) -> Response {
        make(ByteBuffer(string: body), etag: tag.map { etag(of: $0, weak: true) } ?? etag(of: body, weak: false),
             contentType: contentType, request: request)
    }

    /// The ETag of a text: its content hash, weak (`W/`) when the body it stands for carries a part
    /// that changes without the content changing.
    static func etag(of text: String, weak: Bool) -> String {
        (weak ? "W/" : "") + "\"\(ContentHash.of(text))\""
    }

    /// A kept answer (`ResponseCache`): its parts joined by `fill` (the report's time), or 304.
    static func make(_ entry: ResponseCache.Entry, fill: String = "", contentType: String, request: Request) -> Response {
        guard entry.parts.count > 1, !matches(entry.etag, request.headers[.ifNoneMatch]) else {
            return make(entry.parts.first ?? ByteBuffer(), etag: entry.etag, contentType: contentType, request: request)
        }
        var body = ByteBuffer()
        body.reserveCapacity(entry.parts.reduce(0) { $0 + $1.readableBytes } + fill.utf8.count * (entry.parts.count - 1))
        for (i, part) in entry.parts.enumerated() {
            if i > 0 { body.writeString(fill) }
            body.writeImmutableBuffer(part)
        }
        return make(body, etag: entry.etag, contentType: contentType, request: request)
    }

    static func make(_ body: ByteBuffer, etag: String, contentType: String, request: Request) -> Response {
        var headers: HTTPFields = [
            .eTag: etag, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff", .contentType: contentType,
        ]
        if matches(etag, request.headers[.ifNoneMatch]) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
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
