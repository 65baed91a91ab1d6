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

@Suite("BCP 47 language tags, hardened")
struct LanguageTagHardeningTests {
    @Test("Real-world spellings canonicalise", arguments: [
        ("fr_FR.UTF-8", "fr-FR"), ("km_KH.UTF-8@riel", "km-KH"), ("ENG", "en"), ("fre", "fr"), ("khm-KH", "km-KH"),
        (" km-kh\u{200B}", "km-KH"), ("en-GB-oxendict", "en-GB-oxendict"), ("en-US-u-ca-gregory", "en-US-u-ca-gregory"),
        ("fr-x-legal", "fr-x-legal"), ("en-419", "en-419"),
    ])
    func realWorld(input: String, canonical: String) throws {
        #expect(try LanguageTag(input).description == canonical)
    }

    @Test("Malformed tails are refused with a reason", arguments: ["en-GB-GB", "en-a", "en-u-ca-u-nu", "fr-oxendict-oxendict", "km-KH-x", "fr-abc", "en-US-"])
    func malformedTails(input: String) {
        #expect(throws: LanguageTagError.self) { try LanguageTag(input) }
    }

    @Test("Import parsing stays lenient for unsupported but well-formed languages")
    func lenientImport() throws {
        #expect(try LanguageTag(parsing: "nl-NL").description == "nl-NL")
        #expect(try LanguageTag(parsing: "de").language == nil)
    }

    @Test("The error for an unsupported language names the supported ones")
    func unsupportedMessage() {
        do {
            _ = try LanguageTag("th-TH")
            Issue.record("th-TH was accepted")
        } catch {
            #expect(error.description.contains("en, fr, km"))
            #expect(error.description.contains("th-TH"))
        }
    }
}
