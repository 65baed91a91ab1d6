import Foundation
import Testing
import VerbaleCore
@testable import VerbaleGlossary

/// Review 1130c M5: common words were read as country names, case ignored (« la réunion »
/// "the meeting" → Réunion, "roast turkey" → Turquie), and a Khmer country name was found
/// inside a person's name (ម៉ាលីន → Mali).
@Suite("Proper-noun recognition: capitals in English and French, word boundaries in Khmer")
struct ProperNounRecognitionTests {
    static func country(_ id: String, _ terms: [(LanguageTag, String)]) -> Concept {
        Concept(id: id, terms: terms.map { Term(language: $0.0, text: $0.1, partOfSpeech: "properNoun") })
    }

    static let en = LanguageTag(.english), fr = LanguageTag(.french), km = LanguageTag(.khmer)

    /// A fresh termbase per call: `Termbase` owns ICU tokenizers and is not `Sendable`.
    static func termbase() -> Termbase { Termbase(concepts: [
        country("RE", [(fr, "La Réunion"), (fr, "Réunion"), (en, "Réunion")]),
        country("TR", [(en, "Turkey"), (fr, "Turquie")]),
        country("GN", [(en, "Guinea"), (fr, "Guinée")]),
        country("PG", [(en, "Papua New Guinea")]),
        country("TH", [(en, "Kingdom of Thailand"), (fr, "Royaume de Thaïlande")]),
        country("ML", [(km, "ម៉ាលី"), (en, "Mali")]),
        country("SK", [(km, "ស្លូវ៉ាគី")]),
        country("KH", [(km, "កម្ពុជា")]),
        Concept(id: "note", terms: [Term(language: en, text: "Note Verbale", partOfSpeech: "noun")]),
    ]) }

    func found(_ text: String, _ language: LanguageTag) -> [String] {
        Self.termbase().recognize(text, language: language).map { "\($0.text)=\($0.concept.id)" }
    }

    @Test("An English or French country name matches only with its capitals; common words stay words")
    func capitals() {
        #expect(found("La réunion se tiendra à Genève le 3 mars 2021.", Self.fr).isEmpty)
        #expect(found("participera à la réunion « Cambodge–France »", Self.fr).isEmpty)
        #expect(found("Le Ministère se rendra à la Réunion en mars.", Self.fr) == ["la Réunion=RE"])
        #expect(found("La Réunion accueillera la conférence.", Self.fr) == ["La Réunion=RE"])
        #expect(found("a dinner with roast turkey and a guinea fowl", Self.en).isEmpty)
        #expect(found("the Embassy of Turkey and the Embassy of Guinea", Self.en) == ["Turkey=TR", "Guinea=GN"])
        #expect(found("Papua New guinea", Self.en).isEmpty, "every capitalised word but the first keeps its capital")
        #expect(found("the kingdom of Thailand", Self.en) == ["kingdom of Thailand=TH"], "a small first word is usual")
        #expect(found("le royaume de Thaïlande", Self.fr) == ["royaume de Thaïlande=TH"])
    }

    @Test("Text in capitals still matches (every word starts with a capital); terms that are not proper nouns ignore case")
    func allCapsAndCommonTerms() {
        #expect(found("THE EMBASSY OF TURKEY", Self.en) == ["TURKEY=TR"])
        #expect(found("LA RÉUNION", Self.fr) == ["LA RÉUNION=RE"])
        #expect(found("by note verbale", Self.en) == ["note verbale=note"])
    }

    @Test("A Khmer country name is found between words, never inside one (ម៉ាលីន is a person's name)")
    func khmerWordBoundaries() {
        // The review's repro, with its U+200B.
        #expect(found("ក្រសួង\u{200B}ការបរទេស\u{200B}បាន\u{200B}ទទួល\u{200B}លិខិត\u{200B}ពី\u{200B}លោក\u{200B}ចិន្តា និង\u{200B}លោកស្រី\u{200B}ម៉ាលីន។", Self.km).isEmpty)
        #expect(found("លោកស្រីម៉ាលីន", Self.km).isEmpty)
        #expect(found("ផាន់ម៉ាលីន", Self.km).isEmpty)
        #expect(found("ឆេកូស្លូវ៉ាគី", Self.km).isEmpty)
        #expect(found("ស្ថានទូតប្រទេសម៉ាលីនៅភ្នំពេញ", Self.km) == ["ម៉ាលី=ML"])
        #expect(found("ព្រះរាជាណាចក្រកម្ពុជា", Self.km) == ["កម្ពុជា=KH"])
        #expect(found("ម៉ាលី", Self.km) == ["ម៉ាលី=ML"])
    }

    /// Europarl's French and English sides (20,000 sentences each), with the shipped termbases.
    static func europarl(_ language: String) -> [String] {
        guard let url = SharedData.file("parallel/europarl-20k.\(language)"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    @Test("On Europarl (FR/EN), no lower-case word is read as a country: « réunion » (66 times) and \"guinea pigs\" stay words",
          .enabled(if: KhmerText.shippedTermbase != nil && !europarl("fr").isEmpty, "needs Glossaries/ and ../shared/data/parallel/europarl-20k.*"))
    func europarlCapitals() throws {
        let termbase = try #require(KhmerText.shippedTermbase)
        var countries = 0
        for (language, tag) in [("fr", Self.fr), ("en", Self.en)] {
            for line in Self.europarl(language) {
                for occurrence in termbase.recognize(line, language: tag) where occurrence.concept.id.hasPrefix("iso3166") {
                    countries += 1
                    #expect(occurrence.text.first?.isUppercase == true || occurrence.text.split(separator: " ").count > 1,
                            "\(occurrence.text) → \(occurrence.concept.id) in: \(line)")
                    #expect(!occurrence.text.hasPrefix("réunion") && !occurrence.text.hasPrefix("la réunion") && occurrence.text != "guinea", "\(line)")
                }
            }
        }
        #expect(countries > 500, "country names written with their capital are still found")
    }
}
