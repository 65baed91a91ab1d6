import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Review 1201b m5: Khmer is written without spaces, so the closing "…នូវការគោរពដ៏ខ្ពង់ខ្ពស់បំផុត"
/// (the assurances of its *highest* consideration) also held, at 100 %, the shipped phrase
/// "នូវការគោរពដ៏ខ្ពង់ខ្ពស់" (… *high* consideration): the lesser courtesy formula offered as exact.
@Suite("Review 1201b: an exact phrase inside a wider exact one that is another formula is not offered")
struct Review1201bNestedPhraseTests {
    @Test("The review's Khmer closing offers highest, not high; with and without U+200B",
          arguments: ["ស្ថានទូតនៃព្រះរាជាណាចក្រកម្ពុជា សូមឆ្លៀតឱកាសនេះ សម្តែងជាថ្មីជូនចំពោះក្រសួងការបរទេស នូវការគោរពដ៏ខ្ពង់ខ្ពស់បំផុត។",
                      "ស្ថានទូត\u{200B}សូម\u{200B}ឆ្លៀត\u{200B}ឱកាស\u{200B}នេះ សម្តែង\u{200B}ជា\u{200B}ថ្មី\u{200B}ជូន\u{200B}ចំពោះ\u{200B}ក្រសួង នូវ\u{200B}ការ\u{200B}គោរព\u{200B}ដ៏\u{200B}ខ្ពង់ខ្ពស់\u{200B}បំផុត។"])
    func khmerHighest(text: String) throws {
        let finder = try PhraseFinder.shippedFormulas()
        let merged = PhraseFinder.merged([finder.phrases(in: try finder.matcher.analyse(text, language: .khmer))])
        let english = merged.compactMap { $0.translations["en"] }
        #expect(english.contains("the assurances of its highest consideration"), "\(english)")
        #expect(!english.contains("the assurances of its high consideration"), "\(english)")
        // The opening phrase nested in the wider one, whose translations begin it, stays.
        #expect(english.contains("avails itself of this opportunity to renew") && english.contains("avails itself of this opportunity to renew to"), "\(english)")
    }

    @Test("Guard: \"has the honour to\" inside \"has the honour to transmit herewith\" (its translations begin the wider one's) stays")
    func englishNestedKept() throws {
        let finder = try PhraseFinder.shippedFormulas()
        let text = "The Mission has the honour to transmit herewith the reply of the Ministry."
        let merged = PhraseFinder.merged([finder.phrases(in: try finder.matcher.analyse(text, language: .english))])
        #expect(merged.map(\.phrase).contains("has the honour to"), "\(merged.map(\.phrase))")
        #expect(merged.map(\.phrase).contains("has the honour to transmit herewith"), "\(merged.map(\.phrase))")
    }
}
