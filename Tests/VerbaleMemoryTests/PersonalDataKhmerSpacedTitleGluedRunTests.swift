import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// A spaced Khmer title (or ឈ្មោះ) followed by a glued run: the title expression's name word is
/// every letter up to the next separator, so `លោក សុខដារាបានមកដល់។` lost `សុខដារាបានមកដល់`, the
/// verb with the name. The capture is now read as the glued rule reads a run
/// (`khmerCaptureReadGlued`): the name only.
@Suite("Personal data: a glued run after a spaced Khmer title loses the name only")
struct PersonalDataKhmerSpacedTitleGluedRunTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func replaced(_ text: String) -> String { scrubber.replacingPersonNames(in: text) }

    @Test("The name only goes; spaced names and Latin names as before", arguments: [
        ("លោក សុខដារាបានមកដល់។", "លោក {PERSON}បានមកដល់។"),
        // khPOS line 364 joined, a space before and after ឈ្មោះ.
        ("ក្មេងប្រុសអាយុ១៥ឆ្នាំម្នាក់ ឈ្មោះ ខឹមសូផាតបានបាត់ខ្លួននៅថ្ងៃនោះ", "ក្មេងប្រុសអាយុ១៥ឆ្នាំម្នាក់ ឈ្មោះ {PERSON}បានបាត់ខ្លួននៅថ្ងៃនោះ"),
        // khPOS line 27, its titles followed by a space, the rest joined: the capture holds the
        // next title (និងលោក), so it stays whole — no name is kept, as before.
        ("លោកស្រី ហ្វូគូសាវ៉ានិងលោក សុខលីដាបានធ្វើការប្រមូលភស្តុតាងបន្ថែម", "លោកស្រី {PERSON}"),
        ("ខ្ញុំ ឈ្មោះ សុខដារាបានមកដល់", "ខ្ញុំ ឈ្មោះ {PERSON}បានមកដល់"),
        ("លោក សុខ ដារា បានមកដល់", "លោក {PERSON} បានមកដល់"),
        ("លោក John Smith បានមកដល់", "លោក {PERSON} បានមកដល់"),
    ])
    func nameOnly(_ text: String, _ expected: String) {
        #expect(replaced(text) == expected)
    }
}
