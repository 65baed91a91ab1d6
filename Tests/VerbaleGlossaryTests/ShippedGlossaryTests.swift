import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleGlossary

@Suite("Shipped glossaries")
struct ShippedGlossaryTests {
    static let glossaries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Glossaries")

    @Test("countries.tbx is exactly what generate-countries produces from iso-codes and CLDR",
          .enabled(if: CountryGlossary.Sources.debian.isAvailable, "iso-codes is not installed (apt-get install iso-codes); skipped"))
    func countriesUpToDate() throws {
        let shipped = try String(contentsOf: Self.glossaries.appendingPathComponent("countries.tbx"), encoding: .utf8)
        let generated = try CountryGlossary.tbx()
        #expect(shipped == generated, "regenerate with: swift run verbale glossary generate-countries Glossaries/countries.tbx")
    }

    @Test("The km gettext catalogue is parsed: attested Khmer names, with U+200B as written")
    func gettext() throws {
        let url = URL(fileURLWithPath: "/usr/share/locale/km/LC_MESSAGES/iso_3166-1.mo")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let catalogue = try GettextCatalog(contentsOf: url)
        #expect(catalogue["Cambodia"] == "កម្ពុជា")
        #expect(catalogue["Kingdom of Cambodia"] == "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា")
        #expect(catalogue.headerField("Language") == "km")
        #expect(throws: GettextError.self) { try GettextCatalog(data: Data("not a catalogue".utf8), name: "x") }
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
