import Foundation
import Testing
import VerbaleCore
@testable import VerbaleGlossary

@Suite("Terminology consistency check")
struct ConsistencyCheckTests {
    @Test("Reports missing equivalents, deprecated terms and inconsistent renderings")
    func issues() throws {
        let termbase = try GlossaryTestData.termbase()
        let source = [
            "The Chargé d'affaires a.i. of the Kingdom of Thailand presents his compliments.",
            "The acting ambassador sends a note verbale.",
            "A note verbale from the Kingdom of Thailand.",
        ]
        let target = [
            "Le Chargé d’affaires ad interim du Royaume de Thaïlande présente ses compliments.",
            "L'ambassadeur envoie une lettre.",
            "Une note verbale du Royaume de Thailande.",
        ]
        let issues = ConsistencyCheck.run(source: source, sourceLanguage: LanguageTag(.english), target: target,
                                          targetLanguage: LanguageTag(.french), termbase: termbase)
        let missing = issues.filter { $0.kind == .missingEquivalent }
        #expect(missing.map(\.lines) == [[2], [2]])
        #expect(Set(missing.compactMap(\.concept)) == ["charge", "note-verbale"])
        #expect(missing.first { $0.concept == "note-verbale" }?.expected == ["note verbale"])
        let deprecated = issues.filter { $0.kind == .deprecatedTerm }
        #expect(deprecated.map(\.term) == ["acting ambassador"])
        #expect(deprecated.first?.expected.first == "Chargé d'affaires a.i.")
        #expect(issues.filter { $0.kind == .inconsistentRendering }.isEmpty, "Thaïlande/Thailande differ only by a diacritic")
    }

    @Test("Two renderings of one concept across the document are reported with their lines")
    func inconsistent() throws {
        let termbase = try GlossaryTestData.termbase()
        let issues = ConsistencyCheck.run(
            source: ["The Chargé d'affaires a.i. arrived.", "The Chargé d'affaires a.i. left."], sourceLanguage: LanguageTag(.english),
            target: ["Le chargé d'affaires ad interim est arrivé.", "ភារធារី left."], targetLanguage: LanguageTag(.french), termbase: termbase)
        #expect(issues.map(\.kind) == [.missingEquivalent])
        let khmer = ConsistencyCheck.run(
            source: ["Kingdom of Cambodia", "Kingdom of Cambodia"], sourceLanguage: LanguageTag(.english),
            target: ["ព្រះរាជាណាចក្រកម្ពុជា", "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា"], targetLanguage: LanguageTag(.khmer), termbase: termbase)
        #expect(khmer.isEmpty, "U+200B does not make a second rendering")
    }
}
