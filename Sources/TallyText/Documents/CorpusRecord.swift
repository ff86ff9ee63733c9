import Foundation
import TallyCore

/// One line of a corpus `docs.jsonl`: `{"id", "lang", "url", "published", "title", "text"}`.
struct CorpusRecord: Decodable {
    var id: String?
    var lang: String?
    var url: String?
    var title: String?
    var published: String?
    var text: String?

    enum CodingKeys: String, CodingKey { case id, lang, url, title, published, text }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Ids are sometimes numbers; accept both.
        if let s = try? c.decodeIfPresent(String.self, forKey: .id) {
            id = s
        } else if let n = try? c.decodeIfPresent(Int.self, forKey: .id) {
            id = String(n)
        }
        lang = try c.decodeIfPresent(String.self, forKey: .lang)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        text = try c.decodeIfPresent(String.self, forKey: .text)
    }

    /// Why a line is not a corpus record, in words.
    struct Problem: Error {
        let why: String
        init(_ why: String) { self.why = why }
    }

    /// Decodes one line; the error names what is wrong in words a user can act on.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<CorpusRecord, Problem> {
        do {
            return .success(try JSONDecoder().decode(CorpusRecord.self, from: Data(bytes)))
        } catch DecodingError.typeMismatch(_, let context) {
            let field = context.codingPath.last?.stringValue
            return .failure(Problem(field.map { "field \"\($0)\" has the wrong type" } ?? "not a JSON object"))
        } catch DecodingError.dataCorrupted(let context) {
            return .failure(Problem(context.codingPath.isEmpty ? "not valid JSON" : "malformed field \"\(context.codingPath.last!.stringValue)\""))
        } catch {
            return .failure(Problem("not valid JSON"))
        }
    }
}
