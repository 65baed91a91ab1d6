import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// A name glued to ឈ្មោះ ("named") after a person word, as Khmer is typed without separators
/// (`khmerGluedIntroducedNameSpans`): the khPOS sample's 146 names after ខ្ញុំ/គាត់/ម្នាក់ ឈ្មោះ
/// were replaced spaced and all kept glued.
@Suite("Personal data: Khmer names glued to ឈ្មោះ (named)")
struct PersonalDataKhmerGluedIntroductionTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func replaced(_ text: String) -> String { scrubber.replacingPersonNames(in: text) }

    @Test("khPOS lines 4, 18, 364 joined lose the name ឈ្មោះ introduces, and only the name", arguments: [
        ("ខ្ញុំឈ្មោះថេងគ័ង", "ខ្ញុំឈ្មោះ{PERSON}"),
        ("គាត់ឈ្មោះអានសុផានី", "គាត់ឈ្មោះ{PERSON}"),
        ("ក្មេងប្រុសអាយុ១៥ឆ្នាំម្នាក់ឈ្មោះខឹមសូផាតបានបាត់ខ្លួននៅថ្ងៃនោះ", "ក្មេងប្រុសអាយុ១៥ឆ្នាំម្នាក់ឈ្មោះ{PERSON}បានបាត់ខ្លួននៅថ្ងៃនោះ"),
        ("ខ្ញុំ ឈ្មោះសុខដារា", "ខ្ញុំ ឈ្មោះ{PERSON}"),
    ])
    func gluedAfterNamed(_ text: String, _ expected: String) {
        #expect(replaced(text) == expected)
    }

    @Test("ឈ្មោះ as 'the name of', 'famous' or 'reputation', glued, keeps its words", arguments: [
        "សកម្មជនមូលដ្ឋានដ៏ល្បីឈ្មោះនៅក្នុងរាជធានីភ្នំពេញ។",
        "គាត់ឈ្មោះអង្គការសិទ្ធិមនុស្ស", "កេរ្តិ៍ឈ្មោះរបស់ប្រទេស", "ខ្ញុំឈ្មោះបានមកដល់",
    ])
    func notNames(_ text: String) {
        #expect(replaced(text) == text)
    }

    @Test("The khPOS sample joined: the names after a person word and ឈ្មោះ are replaced as spaced",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khposJoined() throws {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        var introduced = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let words = line.split(separator: " ").map { $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "_", with: "") }
            let glued = words.joined()
            introduced += scrubber.khmerGluedIntroducedNameSpans(in: glued).count
            // A scrubbed text scrubbed again is unchanged.
            let once = replaced(glued)
            #expect(replaced(once) == once)
        }
        #expect(introduced >= 140, "\(introduced)")
    }
}
