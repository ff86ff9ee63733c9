import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

struct DocumentsAPITests {
    @Test func listsDocumentsWithoutTheirText() async throws {
        try await withLiveServer { client, _ in
            let response = try await client.get("/api/v1/documents")
            let documents = try #require(response.json["documents"] as? [[String: Any]])
            #expect(documents.map { $0["id"] as? String } == ["wire-0315", "police-0315", "ru-0316", SampleStore.hostileID])
            #expect(documents.allSatisfy { $0["text"] == nil })
            #expect(documents.first?["claims"] as? Int == 4 && documents.first?["lang"] as? String == "en")
            #expect(response.json.keys.contains("next_cursor") && response.json["next_cursor"] is NSNull)
            let page = try await client.get("/api/v1/documents?limit=2")
            #expect(page.json["next_cursor"] as? String != nil)
            let rest = try await client.get("/api/v1/documents?limit=2&cursor=" + (page.json["next_cursor"] as? String ?? ""))
            #expect((rest.json["documents"] as? [[String: Any]])?.map { $0["id"] as? String } == ["ru-0316", SampleStore.hostileID])
        }
    }

    @Test func aDocumentComesWithItsTextAndClaims() async throws {
        try await withLiveServer { client, _ in
            let response = try await client.get("/api/v1/documents/wire-0315")
            #expect(response.status == .ok)
            let document = try #require(response.json["document"] as? [String: Any])
            let text = try #require(document["text"] as? String)
            #expect(document["bytes"] as? Int == text.utf8.count && document["published"] as? String == "2026-03-15")
            let claims = try #require(response.json["claims"] as? [[String: Any]])
            #expect(claims.compactMap { $0["value"] as? Int } == [640, 310, 11, 24])
            for claim in claims {
                let span = try #require(claim["span"] as? [Int])
                #expect(String(decoding: Array(text.utf8)[span[0]..<span[1]], as: UTF8.self) == claim["evidence"] as? String)
            }
        }
    }

    @Test func anIdWithSlashesAndMarkupIsGivenPercentEncoded() async throws {
        try await withLiveServer { client, _ in
            let encoded = try #require(SampleStore.hostileID.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let response = try await client.get("/api/v1/documents/" + encoded)
            #expect(response.status == .ok)
            #expect((response.json["document"] as? [String: Any])?["id"] as? String == SampleStore.hostileID)
            // The markup of the text is in a JSON string, with < and > escaped as \u003c and \u003e.
            #expect(!response.text.contains("<script") && response.text.contains("\\u003cscript\\u003e"))
            #expect(((response.json["document"] as? [String: Any])?["text"] as? String)?.hasPrefix("<script>alert('x')</script>") == true)
        }
    }

    @Test(arguments: [
        ("/api/v1/documents/no-such-document", 404, "not_found"), ("/api/v1/documents/%ZZ", 400, "bad_path"),
        ("/api/v1/documents/%C3%28", 400, "bad_path"), ("/api/v1/documents/a%0Ab", 400, "bad_path"),
        ("/api/v1/documents/wire-0315/extra", 404, "not_found"), ("/api/v1/documents?limit=1000", 400, "bad_parameter"),
        ("/api/v1/documents/wire-0315?x=1", 400, "unknown_parameter"), ("/api/v1/nothing", 404, "not_found"),
    ])
    func badDocumentRequestsAre4xx(uri: String, status: Int, code: String) async throws {
        try await withLiveServer { client, _ in
            let response = try await client.get(uri)
            #expect(response.status.code == status)
            #expect(response.errorCode == code)
        }
    }
}
