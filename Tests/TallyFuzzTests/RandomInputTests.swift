import Foundation
import Testing
import TallyCore
import TallyExtract
import TallyText

/// A small, seeded generator so a failing case can be replayed (`TALLY_FUZZ_SEED`).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Bounded fuzzing in the test run: random bytes and mutated sentences through reading,
/// the HTML step and extraction. It checks that nothing crashes and that every span a claim
/// gives lies inside its document and decodes to its evidence.
struct RandomInputTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["TALLY_FUZZ_SEED"] ?? "") ?? 20_220_921
    static let iterations = Int(ProcessInfo.processInfo.environment["TALLY_FUZZ_ITERATIONS"] ?? "") ?? 1500

    /// Sentences written for this test, in both languages, with the constructions the extractor reads.
    static let sentences = [
        "More than 1,300 people were detained across the country on Wednesday, according to a monitoring group.",
        "Police said about 500 protesters were held in the capital and 120 in Minsk.",
        "Between 200 and 300 people joined the march; organisers said as many as 2,000 took part.",
        "Nine journalists and 33 minors were among those detained, the group said.",
        "Two people were killed and four injured when shots were fired at the rally.",
        "Вчера в Москве задержали не менее 310 человек, сообщает правозащитный проект.",
        "По данным МВД, на акцию вышли около 20-30 тысяч человек, задержаны девятеро.",
        "В Санкт-Петербурге полиция задержала полторы тысячи участников, среди них 1,3 тыс. студентов.",
        "Десятки человек пострадали, трое погибли.",
    ]

    static let fragments: [[UInt8]] = [
        [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0], [0x0A], [0x0D, 0x0A], Array(" ".utf8),
        Array("<p>".utf8), Array("</div".utf8), Array("<script>".utf8), Array("&#x".utf8), Array("1,".utf8),
        Array("000 ".utf8), Array("-".utf8), Array("тысяч".utf8), Array("more than".utf8), Array("\u{00A0}".utf8),
        Array("9999999999999999999999".utf8), Array(".".utf8), Array("«".utf8), Array("between".utf8),
    ]

    func mutate(_ base: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = base
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes.insert(contentsOf: Self.fragments.randomElement(using: &rng)!, at: at)
            case 1: if at < bytes.count { bytes.remove(at: at) }
            case 2: if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &rng) }
            default:
                let other = Array(Self.sentences.randomElement(using: &rng)!.utf8)
                let cut = Int.random(in: 0...other.count, using: &rng)
                bytes.insert(contentsOf: other[..<cut], at: at)
            }
        }
        return bytes
    }

    func check(_ claims: [Claim], in document: Document) {
        let utf8 = Array(document.text.utf8)
        for claim in claims {
            #expect(claim.span.start >= 0 && claim.span.end <= utf8.count, "span outside the text, seed \(Self.seed)")
            #expect(claim.numberSpan.start >= claim.span.start && claim.numberSpan.end <= claim.span.end,
                    "number outside its evidence, seed \(Self.seed)")
            guard claim.span.end <= utf8.count else { continue }
            #expect(String(decoding: utf8[claim.span.start..<claim.span.end], as: UTF8.self) == claim.evidence,
                    "evidence is not the text at its span, seed \(Self.seed)")
        }
    }

    @Test func mutatedSentencesNeverCrashAndSpansHold() throws {
        var rng = SplitMix64(state: Self.seed)
        let extractor = try Extractor()
        for i in 0..<Self.iterations {
            let base = (0..<Int.random(in: 1...4, using: &rng)).map { _ in Self.sentences.randomElement(using: &rng)! }
                .joined(separator: " ")
            let bytes = mutate(Array(base.utf8), &rng)
            let (text, _) = UTF8Validation.decode(bytes)
            let document = Document(id: "fuzz-\(i)", language: i % 3 == 0 ? nil : (i % 3 == 1 ? "en" : "ru"),
                                    published: Day("2022-09-22"), text: text)
            check(extractor.claims(in: document), in: document)
        }
    }

    @Test func randomBytesThroughEveryReaderStep() throws {
        var rng = SplitMix64(state: Self.seed ^ 0xABCDEF)
        let extractor = try Extractor()
        for i in 0..<(Self.iterations / 3) {
            let bytes = (0..<Int.random(in: 0...2048, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = InputKind.sniff(bytes)
            let page = try DocumentReader.plainHTML(bytes, "fuzz-\(i)")
            _ = try? DocumentReader.article(bytes, "fuzz-\(i)")
            let (text, _) = UTF8Validation.decode(bytes)
            for candidate in [page.text, text] {
                let document = Document(id: "fuzz-\(i)", published: nil, text: candidate)
                check(extractor.claims(in: document), in: document)
            }
        }
    }
}
