import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Review 1201b m7: a Khmer draft whose sentence starts with the sender ("ស្ថានទូត…") was "The
/// embassy ⟦…⟧." in English — the glossary's common term —, where a note names its sender "The
/// Embassy" (and French already wrote « L'Ambassade », from the same name-table row).
@Suite("Review 1201b: the Khmer sender opening a sentence is \"The Embassy\" in English")
struct Review1201bSenderTests {
    static let khmerSpaced = "ស្ថាន\u{200B}ទូត\u{200B}សូម\u{200B}ផ្ញើ\u{200B}ភ្ជាប់\u{200B}ជាមួយ\u{200B}នេះ\u{200B}នូវ\u{200B}កម្មវិធី\u{200B}នៃ\u{200B}កិច្ចប្រជុំ។"
    static let khmerPlain = "ស្ថានទូតសូមផ្ញើភ្ជាប់ជាមួយនេះនូវកម្មវិធីនៃកិច្ចប្រជុំ។"

    @Test("m7, the review's repro (with and without U+200B): the sender opening a Khmer sentence is \"The Embassy\" in English, « L'Ambassade » in French",
          arguments: [khmerSpaced, khmerPlain])
    func khmerSender(sentence: String) throws {
        let translator = try Review1130gDraftTests.translator(from: .khmer)
        let english = translator.translate(sentence, to: .english)
        #expect(english.text.hasPrefix("The Embassy ⟦"), "\(english.text)")
        let french = translator.translate(sentence, to: .french)
        #expect(french.text.hasPrefix("L'Ambassade ⟦"), "\(french.text)")
    }
}
