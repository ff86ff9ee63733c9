import Foundation
import Testing
@testable import TallyCore

struct ClaimCodingTests {
    func sample() -> Claim {
        Claim(doc: "d1", kind: .detained, who: .journalists,
              quantity: Quantity(value: 9, qualifier: .atLeast),
              place: Place(name: "Moscow", geonameID: 524901, country: "RU", latitude: 55.75, longitude: 37.62),
              date: Day("2022-09-21"), source: Source(name: "OVD-Info", sourceClass: .monitoring),
              evidence: "nine journalists", span: TextSpan(start: 3, end: 19), numberSpan: TextSpan(start: 3, end: 7))
    }

    @Test func encodesTheFlatSchemaShape() throws {
        let data = try JSONEncoder().encode(sample())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["doc", "kind", "who", "value", "value_high", "qualifier", "vague", "place",
                                     "date", "source", "evidence", "place_id", "country", "lat", "lon", "span",
                                     "number_span"])
        #expect(object["qualifier"] as? String == "at_least")
        #expect(object["span"] as? [Int] == [3, 19])
        #expect(object["date"] as? String == "2022-09-21")
    }

    @Test func roundTrips() throws {
        let data = try JSONEncoder().encode(sample())
        let back = try JSONDecoder().decode(Claim.self, from: data)
        #expect(back.quantity == sample().quantity)
        #expect(back.place == sample().place)
        #expect(back.source?.name == "OVD-Info")
        #expect(back.span == sample().span)
    }

    @Test func rejectsABackwardSpan() {
        let json = #"{"doc":"d","kind":"killed","value":1,"span":[5,2]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Claim.self, from: Data(json.utf8)) }
    }
}
