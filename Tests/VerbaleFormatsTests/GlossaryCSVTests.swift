import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

@Suite("CSV and TSV glossaries")
struct GlossaryCSVTests {
    func text(_ name: String) throws -> String { try String(contentsOf: GlossaryFixture.url(name), encoding: .utf8) }

    @Test("A header row of language tags gives each column's language; ; separates synonyms")
    func headerOfTags() throws {
        let concepts = try GlossaryCSV.read(text("langs.tsv"), name: "langs.tsv", delimiter: .tab)
        #expect(concepts.count == 2)
        #expect(concepts[0].note == "third-person note")
        #expect(concepts[1].terms.map(\.text) == ["Embassy", "Embassy of", "Ambassade", "ស្ថានទូត"])
        #expect(concepts[1].terms.allSatisfy { $0.source == "written for the tests" })
        #expect(concepts[1].terms[3].language == LanguageTag(.khmer))
    }

    @Test("An OmegaT glossary (source, target, comment) takes its languages from the caller")
    func omegat() throws {
        let concepts = try GlossaryCSV.read(text("omegat.txt"), name: "omegat.txt", delimiter: .tab,
                                            languages: (LanguageTag(.english), LanguageTag(.french)))
        #expect(concepts.map { $0.terms.map(\.text) } == [["Permanent Mission", "Mission permanente"], ["Circular note", "Note circulaire"]])
        #expect(concepts[0].note == "mission of a State to an international organisation")
        #expect(throws: GlossaryCSVError.noLanguages(file: "omegat.txt", line: 1)) {
            try GlossaryCSV.read(text("omegat.txt"), name: "omegat.txt", delimiter: .tab)
        }
    }

    @Test("CSV quoting keeps commas, quotes and newlines inside cells")
    func quoted() throws {
        let concepts = try GlossaryCSV.read(text("quoted.csv"), name: "quoted.csv", delimiter: .comma)
        #expect(concepts[0].terms.map(\.text) == ["Chargé d'affaires, a.i.", "Chargé d’affaires ad interim"])
        #expect(concepts[0].note == "quoted, with a comma")
        #expect(concepts[1].terms.first?.text == "multi\nline")
    }

    @Test("An unterminated quote is an error naming the line")
    func unterminated() throws {
        #expect(throws: GlossaryCSVError.unterminatedQuote(file: "u.csv", line: 2)) {
            try GlossaryCSV.read(text("unterminated.csv"), name: "u.csv", delimiter: .comma)
        }
    }

    @Test("Writing with a header of tags and reading back gives the same terms")
    func roundTrip() throws {
        let concepts = try GlossaryCSV.read(text("langs.tsv"), name: "langs.tsv", delimiter: .tab)
        let languages = [LanguageTag(.english), LanguageTag(.french), LanguageTag(.khmer)]
        for delimiter in [GlossaryCSV.Delimiter.tab, .comma] {
            let written = GlossaryCSV.write(concepts, languages: languages, delimiter: delimiter)
            let again = try GlossaryCSV.read(written, name: "w", delimiter: delimiter)
            #expect(again.map(\.id) == concepts.map(\.id))
            #expect(again.map { $0.terms.map(\.text) } == concepts.map { $0.terms.map(\.text) })
        }
    }

    @Test("A duplicate concept id, an unknown status and a row wider than the header are errors naming line (and column)")
    func rowErrors() {
        #expect(throws: GlossaryCSVError.duplicateConcept(file: "d", line: 3, id: "c1", firstLine: 2)) {
            try GlossaryCSV.read("id\ten\tfr\nc1\tEmbassy\tAmbassade\nc1\tConsulate\tConsulat\n", name: "d", delimiter: .tab)
        }
        #expect(throws: GlossaryCSVError.badValue(file: "s", line: 2, column: 2, value: "bogus", expected: TermStatus.allCases.map(\.rawValue))) {
            try GlossaryCSV.read("en\tstatus\nEmbassy\tbogus\n", name: "s", delimiter: .tab)
        }
        #expect(throws: GlossaryCSVError.tooManyCells(file: "w", line: 2, count: 3, expected: 2)) {
            try GlossaryCSV.read("en\tfr\nEmbassy\tAmbassade\textra\n", name: "w", delimiter: .tab)
        }
    }

    @Test("Empty input and rows without terms are errors")
    func emptyInput() {
        #expect(throws: GlossaryCSVError.empty(file: "e")) { try GlossaryCSV.read("", name: "e", delimiter: .tab) }
        #expect(throws: GlossaryCSVError.noTerms(file: "e", line: 2)) { try GlossaryCSV.read("en\tnote\n\tjust a note\n", name: "e", delimiter: .tab) }
    }
}
