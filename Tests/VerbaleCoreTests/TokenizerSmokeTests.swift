import Testing
@testable import VerbaleCore

@Suite("ICU text layer")
struct ICUTextLayerTests {
    @Test("Khmer is split into words and U+200B never appears in tokens")
    func khmerWords() throws {
        let tokens = try Tokenizer(language: .khmer).tokenize("ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា")
        #expect(tokens.count >= 2)
        #expect(tokens.allSatisfy { !$0.text.contains("\u{200B}") })
    }

    @Test("Matching keys fold case, apostrophes and (loosely) diacritics")
    func keys() {
        #expect(Normalizer.key("L’Honneur") == "l'honneur")
        #expect(Normalizer.looseKey("Thaïlande") == "thailande")
        #expect(Normalizer.looseKey("កម្ពុជា") == "កម្ពុជា")
    }

    @Test("ICU sentence breaks run on text")
    func sentences() throws {
        let segments = try Segmenter(language: .english).segments(of: "One. Two.")
        #expect(segments.map(\.text) == ["One.", "Two."])
    }
}
