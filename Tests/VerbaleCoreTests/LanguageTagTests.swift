import Testing
@testable import VerbaleCore

@Suite("BCP 47 language tags")
struct LanguageTagTests {
    @Test("Common tags parse and canonicalise", arguments: [
        ("en", "en"), ("en-GB", "en-GB"), ("fr-CA", "fr-CA"), ("km-KH", "km-KH"), ("FR_fr", "fr-FR"), ("km-khmr-kh", "km-Khmr-KH"),
    ])
    func parses(input: String, canonical: String) throws {
        #expect(try LanguageTag(input).description == canonical)
    }

    @Test("Unknown languages list what is supported")
    func unsupported() {
        #expect(throws: LanguageTagError.unsupported(tag: "de", supported: ["en", "fr", "km"])) { try LanguageTag("de") }
    }

    @Test("Malformed tags are refused", arguments: ["", "e", "english", "en--GB", "fr-toolongsubtag"])
    func malformed(input: String) {
        #expect(throws: LanguageTagError.self) { try LanguageTag(input) }
    }

    @Test("A base tag matches its regional variants, not the other way across regions")
    func matching() throws {
        #expect(try LanguageTag("fr").matches(LanguageTag("fr-CA")))
        #expect(try LanguageTag("fr-CA").matches(LanguageTag("fr")))
        #expect(try !LanguageTag("fr-CA").matches(LanguageTag("fr-FR")))
        #expect(try !LanguageTag("en").matches(LanguageTag("km")))
    }
}
