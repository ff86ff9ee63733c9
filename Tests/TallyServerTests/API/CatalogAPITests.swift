import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Places and sources: what the claims name, with counts.
struct CatalogAPITests {
    @Test func placesAreListedWithCoordinatesAndCounts() async throws {
        try await withLiveServer { client, _ in
            let places = try #require(try await client.get("/api/v1/places").json["places"] as? [[String: Any]])
            #expect(places.map { $0["name"] as? String } == ["Moscow", "Russia", "Minsk"])
            let moscow = try #require(places.first)
            #expect(moscow["place_id"] as? Int == 524901 && moscow["claims"] as? Int == 3 && moscow["documents"] as? Int == 3)
            #expect(moscow["lat"] as? Double == 55.75 && moscow["country"] as? String == "RU" && moscow["level"] as? String == "city")
        }
    }

    @Test func sourcesAreListedWithTheirClass() async throws {
        try await withLiveServer { client, _ in
            let sources = try #require(try await client.get("/api/v1/sources").json["sources"] as? [[String: Any]])
            #expect(sources.map { $0["name"] as? String } == ["Civic Monitor", "Interior Ministry"])
            #expect(sources.first?["class"] as? String == "monitoring" && sources.first?["claims"] as? Int == 5)
            #expect(sources.first?["documents"] as? Int == 2)
        }
    }
}
