import Foundation
import Testing
import VerbaleCore

@Suite("Segmenter")
struct SegmenterTests {
    func texts(_ text: String, _ language: Language = .english) throws -> [String] {
        try Segmenter(language: language).segments(of: text).map(\.text)
    }

    @Test("Default no-break rules are checked only at candidate positions")
    func plan() throws {
        let rules = try SegmentationRules(document: DefaultSegmentationRules.document(), languageCode: "en")
        print(rules.plan.joined(separator: "\n"))
        #expect(rules.plan.filter { $0.hasPrefix("scanned") }.count <= 2)
    }
}
