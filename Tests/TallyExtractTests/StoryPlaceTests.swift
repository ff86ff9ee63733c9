import Testing
import TallyCore
@testable import TallyExtract

/// Where a figure is when its sentence names no city: landmarks, districts and the page address.
struct StoryPlaceTests {
    func places(_ text: String, url: String? = nil, language: String? = nil) -> [String] {
        let document = Document(id: "t", language: language, url: url, published: Day("2024-03-15"), text: text)
        return sharedExtractor.claims(in: document).filter { !$0.implicit && $0.quantity.value != nil }.map { c in
            "\(c.quantity.value ?? 0) \(c.place?.name ?? "-")"
        }
    }

    @Test func aLandmarkStandsForItsCity() {
        #expect(places("About 300 people rallied in Trafalgar Square on Saturday.") == ["300 London"])
        #expect(places("На Болотной площади собрались около 20 тысяч человек.", language: "ru") == ["20000 Moscow"])
        #expect(places("Police detained 45 people on Rustaveli Avenue late on Monday.") == ["45 Tbilisi"])
    }

    @Test func aDistrictCountsForItsCity() {
        #expect(places("Twelve protesters were arrested in Nasr City on Tuesday.") == ["12 Cairo"])
    }

    @Test func thePageAddressNamesThePlaceOfAStoryThatNamesNone() {
        let text = "Police said 62 people were arrested on Sunday.\n\nAll of them were later released."
        #expect(places(text, url: "https://news.example/2024/03/10/manchester-police-arrest-62-at-climate-march/") == ["62 Manchester"])
        // The host is not the story's place.
        #expect(places(text, url: "https://cyprus-times.example/2024/03/10/police-arrest-62/") != ["62 Cyprus"])
    }

    @Test func aRunningTotalKeepsTheStorysOneCity() {
        let text = """
            Hundreds marched through Leeds on Saturday.
            Police in Leeds said 14 people were arrested over the weekend.
            """
        #expect(places(text) == ["14 Leeds"])
    }
}
