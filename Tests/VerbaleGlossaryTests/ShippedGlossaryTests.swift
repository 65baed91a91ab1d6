import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleGlossary

@Suite("Shipped glossaries")
struct ShippedGlossaryTests {
    static let glossaries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Glossaries")

    static var shippedCountries: String? {
        try? String(contentsOf: glossaries.appendingPathComponent("countries.tbx"), encoding: .utf8)
    }

    /// The ICU and iso-codes versions the shipped file records in its header ("Debian iso-codes
    /// 4.15.0 (…) … via ICU 72.1"): another version gives other names, not a stale file.
    static func recordedVersion(after marker: String) -> String? {
        guard let text = shippedCountries, let range = text.range(of: marker) else { return nil }
        // "72.1." at the end of a sentence: the final period is not part of the version.
        var version = text[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        while version.hasSuffix(".") { version = version.dropLast() }
        return version.isEmpty ? nil : String(version)
    }

    static var sameVersionsAsShipped: Bool {
        CountryGlossary.Sources.debian.isAvailable
            && recordedVersion(after: "via ICU ") == ICU.version
            && recordedVersion(after: "Debian iso-codes ") == CountryGlossary.installedISOCodesVersion
    }

    @Test("countries.tbx is exactly what generate-countries produces from iso-codes and CLDR",
          .enabled(if: sameVersionsAsShipped,
                   "needs iso-codes \(recordedVersion(after: "Debian iso-codes ") ?? "?") and ICU \(recordedVersion(after: "via ICU ") ?? "?") as recorded in Glossaries/countries.tbx (installed: iso-codes \(CountryGlossary.installedISOCodesVersion ?? "none"), ICU \(ICU.version)); other versions give other names, so the byte-for-byte check is skipped"))
    func countriesUpToDate() throws {
        let shipped = try #require(Self.shippedCountries)
        let generated = try CountryGlossary.tbx()
        #expect(shipped == generated, "regenerate with: swift run verbale glossary generate-countries Glossaries/countries.tbx")
    }

    @Test("countries.tbx holds Cambodia in English, French and Khmer, whatever versions are installed")
    func countriesContent() throws {
        let concepts = try TBXReader.readAll(Self.glossaries.appendingPathComponent("countries.tbx")).concepts
        #expect(concepts.count > 200)
        let cambodia = try #require(concepts.first { $0.id == "iso3166-1:KH" })
        #expect(cambodia.terms(in: LanguageTag(.english)).map(\.text).contains("Cambodia"))
        #expect(cambodia.terms(in: LanguageTag(.english)).map(\.text).contains("Kingdom of Cambodia"))
        #expect(cambodia.terms(in: LanguageTag(.french)).map(\.text).contains("Cambodge"))
        #expect(cambodia.terms(in: LanguageTag(.khmer)).map(\.text).contains("កម្ពុជា"))
    }

    static func hasKhmerLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x1780...0x17B3).contains($0.value) }
    }

    @Test("Khmer country names have one U+200B between words and none at either end (iso-codes has runs of two and trailing ones; review 1130b m11)")
    func khmerWordSeparators() throws {
        #expect(CountryGlossary.singleWordSeparators("\u{200B}សហព័ន្ធ\u{200B}\u{200B}សាធារណរដ្ឋ\u{200B}ប្រេស៊ីល\u{200B}") == "សហព័ន្ធ\u{200B}សាធារណរដ្ឋ\u{200B}ប្រេស៊ីល")
        #expect(CountryGlossary.singleWordSeparators("កម្ពុជា") == "កម្ពុជា")
        let concepts = try TBXReader.readAll(Self.glossaries.appendingPathComponent("countries.tbx")).concepts
        var khmerTerms = 0
        for concept in concepts {
            for term in concept.terms(in: LanguageTag(.khmer)) {
                khmerTerms += 1
                #expect(!term.text.contains("\u{200B}\u{200B}") && !term.text.hasPrefix("\u{200B}") && !term.text.hasSuffix("\u{200B}"),
                        "\(concept.id): \(term.text.unicodeScalars.map { $0.value == 0x200B ? "<ZWSP>" : String($0) }.joined())")
            }
        }
        #expect(khmerTerms > 200)
    }

    @Test("Every Khmer term of the shipped countries.tbx is written in Khmer; Guernsey's preferred Khmer name is CLDR's ហ្គេនស៊ី")
    func shippedKhmerIsKhmer() throws {
        let concepts = try TBXReader.readAll(Self.glossaries.appendingPathComponent("countries.tbx")).concepts
        for concept in concepts {
            let english = Set(concept.terms(in: LanguageTag(.english)).map(\.text))
            for term in concept.terms(in: LanguageTag(.khmer)) {
                #expect(Self.hasKhmerLetter(term.text) && !english.contains(term.text), "\(concept.id): \(term.text) is not Khmer")
            }
        }
        let guernsey = try #require(concepts.first { $0.id == "iso3166-1:GG" }).terms(in: LanguageTag(.khmer))
        #expect(guernsey.first?.text == "ហ្គេនស៊ី")
        #expect(guernsey.first?.status == .preferred)
        #expect(guernsey.first?.source?.hasPrefix("CLDR display name") == true)
        let bolivia = try #require(concepts.first { $0.id == "iso3166-1:BO" }).terms(in: LanguageTag(.khmer))
        #expect(bolivia.map(\.text) == ["បូលីវី"])
        #expect(bolivia.first?.status == .preferred)
    }

    @Test("The generator takes no km catalogue entry that copies the English (msgstr == msgid) and no Latin CLDR fallback as Khmer",
          .enabled(if: CountryGlossary.Sources.debian.isAvailable, "iso-codes is not installed; skipped"))
    func generatorSkipsCarriedOverEnglish() throws {
        let catalogue = try MOCatalog(contentsOf: Self.khmerCatalogue).translations
        // The defect is in the data: seven entries whose Khmer "translation" is the English.
        let copied = catalogue.filter { $0.key == $0.value && !$0.key.isEmpty }.keys.sorted()
        #expect(copied.contains("Guernsey") && copied.contains("Plurinational State of Bolivia"))
        let concepts = try CountryGlossary.generate()
        var khmerTerms = 0
        for concept in concepts {
            let khmer = concept.terms(in: LanguageTag(.khmer))
            khmerTerms += khmer.count
            for term in khmer {
                #expect(!copied.contains(term.text), "\(concept.id): \(term.text)")
                #expect(Self.hasKhmerLetter(term.text), "\(concept.id): \(term.text)")
            }
            // The attested Khmer name ranks first wherever there is one.
            if let first = khmer.first { #expect(first.status == .preferred, "\(concept.id): \(first.text) is \(first.status)") }
        }
        #expect(khmerTerms > 250)
        // French keeps names spelt as in English: the fr translators wrote "France", "Canada".
        let france = try #require(concepts.first { $0.id == "iso3166-1:FR" })
        #expect(france.terms(in: LanguageTag(.french)).contains { $0.text == "France" && $0.source?.contains("iso-codes fr translation") == true })
        #expect(CountryGlossary.rendering("Jersey", "Jersey", in: .khmer) == nil)
        #expect(CountryGlossary.rendering("Jersey", "JE", in: .khmer) == nil)
        #expect(CountryGlossary.rendering("Jersey", "ជើស៊ី", in: .khmer) == "ជើស៊ី")
    }

    static let khmerCatalogue = URL(fileURLWithPath: "/usr/share/locale/km/LC_MESSAGES/iso_3166-1.mo")

    @Test("The km gettext catalogue is parsed: attested Khmer names, with U+200B as written",
          .enabled(if: FileManager.default.fileExists(atPath: khmerCatalogue.path),
                   "the iso-codes Khmer catalogue is not installed (apt-get install iso-codes); skipped"))
    func gettext() throws {
        let url = Self.khmerCatalogue
        let catalogue = try MOCatalog(contentsOf: url)
        #expect(catalogue.translations["Cambodia"] == "កម្ពុជា")
        #expect(catalogue.translations["Kingdom of Cambodia"] == "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា")
        #expect(catalogue.headerField("Language") == "km")
        #expect(throws: MOError.self) { try MOCatalog(data: Data("not a catalogue".utf8), name: "x") }
    }

    @Test("Every shipped term cites a source; unattested Khmer is marked unreviewed")
    func provenance() throws {
        for file in ["countries.tbx", "diplomatic.tbx"] {
            let concepts = try TBXReader.readAll(Self.glossaries.appendingPathComponent(file)).concepts
            #expect(!concepts.isEmpty)
            for term in concepts.flatMap(\.terms) {
                #expect(term.source?.isEmpty == false, "\(file): \(term.text) has no source")
                if term.source?.contains("no source attests") == true { #expect(term.review == .unreviewed, "\(term.text)") }
            }
        }
    }

    @Test("The countries termbase answers Kingdom of Thailand → Royaume de Thaïlande → ព្រះរាជាណាចក្រថៃ",
          .enabled(if: CountryGlossary.Sources.debian.isAvailable, "iso-codes is not installed; skipped"))
    func countries() throws {
        let termbase = Termbase(concepts: try CountryGlossary.generate())
        let result = try #require(termbase.lookup("Kingdom of Thailand").first)
        #expect(result.concept.id == "iso3166-1:TH")
        #expect(result.concept.terms(in: LanguageTag(.french)).map(\.text).contains("Royaume de Thaïlande"))
        let km = result.concept.terms(in: LanguageTag(.khmer))
        #expect(km.map(\.text).contains("ព្រះរាជាណាចក្រ\u{200B}ថៃ"))
        #expect(km.allSatisfy { $0.source?.contains("iso-codes km translation") == true || $0.source?.contains("CLDR") == true })
        let found = termbase.recognize("ព្រះរាជាណាចក្រកម្ពុជា និង ព្រះរាជាណាចក្រ\u{200B}ថៃ", language: LanguageTag(.khmer))
        #expect(found.map(\.concept.id) == ["iso3166-1:KH", "iso3166-1:TH"])
    }
}
