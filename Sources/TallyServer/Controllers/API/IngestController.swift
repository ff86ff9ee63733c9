import Foundation
import Hummingbird
import TallyCore
import TallyExtract
import TallyIngest
import TallyStore
import TallyText

/// `POST /api/v1/documents` (editor): one document's text to extract claims from and store, as
/// `tally ingest` would. `{"text": …, "id"?, "lang"?, "url"?, "title"?, "published"?}`; 201 with
/// the id, whether it was new (the same text again is a no-op) and how many claims it gave.
/// `POST /api/v1/documents/fetch` (editor) with `{"url": URL}` fetches a page or feed (politely, as
/// `tally ingest URL` does: robots.txt, a timeout, a size limit, a feed's linked pages) and ingests
/// what it holds; 201 with the counts, 422 when nothing could be read. Editors are trusted with it:
/// the server fetches what they name.
struct IngestController {
    let cases: CaseServices

    static let extractor = Result { try Extractor() }
    static let fields: Set<String> = ["text", "id", "lang", "url", "title", "published"]

    struct FetchAnswer: Encodable {
        let url: String
        let new: Int
        let seen: Int
        let claims: Int
        let failed: Int
    }

    struct Answer: Encodable {
        let id: String
        let new: Bool
        let claims: Int
    }

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.post("documents") { request, context in
            let account = try context.require(.editor)
            _ = try QueryParameters(request, allowed: [])
            try CSRF.check(form: nil, request: request, account: account)
            guard request.isJSON else { throw APIError(.unsupportedMediaType, .invalid, "a document is sent as application/json") }
            _ = try cases.key()
            var request = request
            let document = try Self.document(try await request.bytes(upTo: BodyLimitMiddleware<TallyRequestContext>().limit))
            let claims = try Self.extractor.get().claims(in: document)
            let summary = try await cases.tallies.ingest([IngestItem(document: document, claims: claims)])
            try await cases.store.appendAudit(actor: account.actor, action: "document.ingest", target: "document:\(document.id)",
                                              after: CaseRules.auditJSON(["id": document.id, "claims": String(claims.count),
                                                                          "new": String(summary.new == 1)]))
            return try ReportsController.json(Answer(id: document.id, new: summary.new == 1, claims: claims.count), status: .created)
        }
        router.post("documents/fetch") { request, context in
            let account = try context.require(.editor)
            _ = try QueryParameters(request, allowed: [])
            try CSRF.check(form: nil, request: request, account: account)
            guard request.isJSON else { throw APIError(.unsupportedMediaType, .invalid, "a URL to fetch is sent as application/json") }
            _ = try cases.key()
            var request = request
            let url = try Self.fetchURL(try await request.bytes(upTo: 4096))
            let ingestor = Ingestor(resolver: InputResolver(reader: DocumentReader(options: .init())),
                                    extractor: try Self.extractor.get(), store: cases.tallies)
            let outcome = try await ingestor.run([url]) { _, _ in }
            guard outcome.stored.new + outcome.stored.seen > 0 else {
                throw APIError(.unprocessableContent, .invalid, "the URL could not be fetched or held no document (robots.txt, an error, or no text)")
            }
            try await cases.store.appendAudit(actor: account.actor, action: "document.fetch", target: "url:\(url)",
                                              after: CaseRules.auditJSON(["new": String(outcome.stored.new), "claims": String(outcome.stored.claims)]))
            return try ReportsController.json(FetchAnswer(url: url, new: outcome.stored.new, seen: outcome.stored.seen,
                                                          claims: outcome.stored.claims, failed: outcome.failed), status: .created)
        }
    }

    /// The URL of a `{"url": URL}` body: http or https, at most 2,000 bytes.
    static func fetchURL(_ body: [UInt8]) throws -> String {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any], object.count == 1,
              let url = object["url"] as? String, url.utf8.count <= 2000, let parsed = URL(string: url),
              ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host?.isEmpty == false else {
            throw APIError.invalid("url", "is required, alone in the body: one http or https URL")
        }
        return url
    }

    static func document(_ body: [UInt8]) throws -> Document {
        guard String(validating: body, as: UTF8.self) != nil,
              let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw APIError(.badRequest, .invalid, "the body is not a JSON object of valid UTF-8")
        }
        guard object.keys.allSatisfy(fields.contains) else {
            throw APIError(.badRequest, .invalid, "the body has a field a document does not take; it takes \(fields.sorted().joined(separator: ", "))")
        }
        func string(_ key: String, max: Int) throws -> String? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            guard let s = value as? String, s.utf8.count <= max else { throw APIError.invalid(key, "takes a string of at most \(max) bytes") }
            return s
        }
        guard let text = try string("text", max: 60_000), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.invalid("text", "is required: the document's text")
        }
        var published: Day? = nil
        if let p = try string("published", max: 10) {
            guard p.utf8.count == 10, let day = Day(p) else { throw APIError.invalid("published", "takes a date as YYYY-MM-DD") }
            published = day
        }
        let lang = try string("lang", max: 2)
        if let lang, !["en", "ru"].contains(lang) { throw APIError.invalid("lang", "takes en or ru") }
        let id = try string("id", max: 500) ?? "api/" + ContentHash.of(text)
        guard !id.unicodeScalars.contains(where: { $0.value < 0x20 }) else { throw APIError.invalid("id", "takes text without control characters") }
        return Document(id: id, language: lang, url: try string("url", max: 2000), title: try string("title", max: 500),
                        published: published, text: text)
    }
}
