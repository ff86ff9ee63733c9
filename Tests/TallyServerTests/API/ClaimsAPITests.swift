import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

struct ClaimsAPITests {
    @Test func pagesThroughEveryClaimOnceInStorageOrder() async throws {
        try await withLiveServer { client, _ in
            var ids: [Int] = [], cursor: String? = nil, pages = 0
            repeat {
                let response = try await client.get("/api/v1/claims?limit=3" + (cursor.map { "&cursor=" + $0 } ?? ""))
                #expect(response.status == .ok)
                let claims = try #require(response.json["claims"] as? [[String: Any]])
                #expect(claims.count <= 3)
                ids += claims.compactMap { $0["id"] as? Int }
                cursor = response.json["next_cursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(ids.count == 7 && Set(ids).count == 7 && ids == ids.sorted())
            #expect(pages == 3)
        }
    }

    @Test func aClaimCarriesItsSentenceAndSpans() async throws {
        try await withLiveServer { client, sample in
            let claims = try #require(try await client.get("/api/v1/claims?doc=ru-0316").json["claims"] as? [[String: Any]])
            let claim = try #require(claims.first)
            #expect(claims.count == 1)
            #expect(claim["value"] as? Int == 1300 && claim["kind"] as? String == "detained" && claim["source_class"] as? String == "monitoring")
            #expect(claim["published"] as? String == "2026-03-16" && claim["implicit"] as? Bool == false)
            let text = Array(try #require(try await sample.store.document(id: "ru-0316")).text.utf8)
            let span = try #require(claim["span"] as? [Int]), number = try #require(claim["number_span"] as? [Int])
            #expect(String(decoding: text[span[0]..<span[1]], as: UTF8.self) == claim["evidence"] as? String)
            #expect(String(decoding: text[number[0]..<number[1]], as: UTF8.self) == "1300")
        }
    }

    @Test func filtersByKindPlaceDocumentAndSource() async throws {
        try await withLiveServer { client, _ in
            let hostile = SampleStore.hostileID.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let expected = [("place=524901", 3), ("place=moscow", 3), ("kind=injured", 1), ("doc=wire-0315", 4),
                            ("source=Interior+Ministry", 1), ("source=Interior%20Ministry&kind=killed", 0), ("doc=" + hostile, 1)]
            for (query, count) in expected {
                let claims = try #require(try await client.get("/api/v1/claims?" + query).json["claims"] as? [Any])
                #expect(claims.count == count, "\(query)")
            }
        }
    }

    @Test(arguments: [
        ("limit=0", "bad_parameter"), ("limit=501", "bad_parameter"), ("limit=-1", "bad_parameter"), ("limit=ten", "bad_parameter"),
        ("cursor=abc", "bad_cursor"), ("cursor=-5", "bad_cursor"), ("cursor=99999999999999999999", "bad_cursor"),
        ("kind=DETAINED", "bad_parameter"), ("order=id", "unknown_parameter"),
    ])
    func badPagingIs400(query: String, code: String) async throws {
        try await withLiveServer(empty: true) { client, _ in
            let response = try await client.get("/api/v1/claims?" + query)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == code)
        }
    }
}
