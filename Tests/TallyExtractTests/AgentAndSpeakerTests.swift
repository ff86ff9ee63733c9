import Testing
import TallyCore
@testable import TallyExtract

/// Figures that stand next to a trigger but are not counts of its people.
struct AgentAndSpeakerTests {
    @Test func policeWhoMakeArrestsAreNotArrested() {
        #expect(summary("The three officers who arrested him were suspended on Friday.").isEmpty)
        #expect(summary("About 40 officers arrested 25 protesters in Leeds on Friday.") ==
                ["detained people 25 exact Leeds 2024-03-15 -"])
        // The passive keeps them: officers can be detained too.
        #expect(summary("Two police officers were detained in Leeds on Friday.") ==
                ["detained police 2 exact Leeds 2024-03-15 -"])
    }

    @Test func aFigureThatSpeaksIsASource() {
        #expect(summary("One protester told reporters that the arrests would not stop them.").isEmpty)
        // A verb that reports the count is not the count speaking.
        #expect(summary("Organisers reported 135 confirmed arrests in Leeds on Friday.").map { $0.hasPrefix("detained people 135") } == [true])
    }
}

struct DetentionPhraseTests {
    @Test func beingTakenToThePoliceIsADetention() {
        #expect(summary("At least 15 students were taken to police stations in Leeds on Friday.") ==
                ["detained students 15 at_least Leeds 2024-03-15 -"])
        // Taken to hospital is an injury, not a detention.
        #expect(summary("Four marchers were taken to hospital in Leeds on Friday.").allSatisfy { !$0.hasPrefix("detained") })
    }
}

struct SingularVictimTests {
    @Test func aSecurityGuardIsOnePerson() {
        let document = Document(id: "t", language: "en", published: Day("2024-03-15"),
                                text: "A security guard was shot and killed outside a bar in Leeds on Friday.")
        let claims = sharedExtractor.claims(in: document)
        #expect(claims.contains { $0.kind == .killed && $0.quantity.value == 1 && $0.implicit })
    }
}
