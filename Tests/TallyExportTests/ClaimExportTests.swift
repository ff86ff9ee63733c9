import Foundation
import Testing
import TallyCore
@testable import TallyExport

struct ClaimExportTests {
    let located = Claim(
        doc: "wire, \"late\" edition", kind: .detained, who: .people, quantity: Quantity(value: 640, qualifier: .atLeast),
        place: Place(name: "Moscow", geonameID: 524901, country: "RU", latitude: 55.75, longitude: 37.62),
        date: Day("2026-03-14"), source: Source(name: "Civic Monitor", sourceClass: .monitoring),
        evidence: "More than 640 people,\nin all", span: TextSpan(start: 0, end: 26), numberSpan: TextSpan(start: 10, end: 13))
    let unlocated = Claim(doc: "d2", kind: .injured, quantity: .vague("dozens"), evidence: "Dozens hurt",
                          span: TextSpan(start: 0, end: 11), numberSpan: TextSpan(start: 0, end: 6))

    @Test func csvQuotesOnlyWhatItMustWithCRLF() {
        let csv = ClaimExport.csv([located, unlocated])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == ClaimExport.columns.joined(separator: ","))
        #expect(lines[1].hasPrefix("\"wire, \"\"late\"\" edition\",detained,people,640,,at_least,,Moscow,524901,RU,55.75,37.62,2026-03-14,Civic Monitor,monitoring,\"More than 640 people,"))
        #expect(csv.hasSuffix("d2,injured,people,,,about,dozens,,,,,,,,,Dozens hurt,0,11,false\r\n"))
    }

    @Test func geoJSONPutsLongitudeFirstAndNullGeometryForUnlocated() throws {
        let text = try ClaimExport.geoJSON([located, unlocated])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "FeatureCollection")
        let features = try #require(object["features"] as? [[String: Any]])
        let geometry = try #require(features[0]["geometry"] as? [String: Any])
        #expect(geometry["coordinates"] as? [Double] == [37.62, 55.75])
        #expect(features[1]["geometry"] is NSNull)
        #expect((features[0]["properties"] as? [String: Any])?["value"] as? Int == 640)
    }
}

struct ClaimJSONLineTests {
    @Test func fieldsComeInSchemaOrderAndParseBack() throws {
        let claim = Claim(doc: "d\"1", kind: .killed, quantity: Quantity(value: 3, valueHigh: 5, qualifier: .range),
                          evidence: "line\nbreak", span: TextSpan(start: 1, end: 9), numberSpan: TextSpan(start: 2, end: 3), implicit: true)
        let line = ClaimExport.jsonLine(claim)
        #expect(line.hasPrefix(#"{"doc":"d\"1","kind":"killed","who":"people","value":3,"value_high":5,"qualifier":"range","vague":null,"place":null"#))
        #expect(line.hasSuffix(#""span":[1,9],"number_span":[2,3],"implicit":true}"#))
        let back = try JSONDecoder().decode(Claim.self, from: Data(line.utf8))
        #expect(back.evidence == "line\nbreak" && back.quantity == claim.quantity && back.implicit)
    }
}
