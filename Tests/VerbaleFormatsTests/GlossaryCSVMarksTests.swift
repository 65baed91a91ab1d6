import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Each term's status, review mark, source and type travel in TSV/CSV beside the columns other
/// tools rely on (audit F20): an unreviewed Khmer term stays unreviewed through export → import.
@Suite("CSV and TSV glossaries keep each term's marks")
struct GlossaryCSVMarksTests {
    static let languages = [LanguageTag(.english), LanguageTag(.french), LanguageTag(.khmer)]

    /// Terms as the shipped termbases have them: an attested country name citing two sources
    /// joined with "; ", an unreviewed Khmer rendering, synonyms with different statuses, and a
    /// source holding the separator characters.
    static let concepts: [Concept] = [
        Concept(id: "dipl:ambassador-extraordinary-plenipotentiary", domain: "Diplomacy: ranks and titles", note: "title of a head of mission", terms: [
            Term(language: LanguageTag(.english), text: "Ambassador Extraordinary and Plenipotentiary", partOfSpeech: "noun", status: .preferred,
                 source: "Vienna Convention on Diplomatic Relations, art. 14"),
            Term(language: LanguageTag(.french), text: "ambassadeur extraordinaire et plénipotentiaire", partOfSpeech: "noun", status: .preferred,
                 source: "TERMIUM Plus"),
            Term(language: LanguageTag(.khmer), text: "ឯកអគ្គរដ្ឋទូតវិសាមញ្ញ និងពេញសមត្ថភាព", partOfSpeech: "noun", status: .preferred,
                 usageNote: "before the name", source: "Verbale editors' rendering; no source attests it", review: .unreviewed),
        ]),
        Concept(id: "iso3166-1:KH", domain: "Countries and territories", terms: [
            Term(language: LanguageTag(.english), text: "Cambodia", partOfSpeech: "properNoun", status: .preferred, termType: "shortForm",
                 source: "iso-codes iso_3166-1.json; CLDR display name (ICU 72.1)"),
            Term(language: LanguageTag(.english), text: "Kingdom of Cambodia", partOfSpeech: "properNoun", status: .preferred, termType: "fullForm",
                 source: "iso-codes iso_3166-1.json"),
            Term(language: LanguageTag(.khmer), text: "កម្ពុជា", partOfSpeech: "properNoun", status: .preferred, termType: "shortForm",
                 source: "iso-codes km translation (iso_3166-1.mo); CLDR display name (ICU 72.1)"),
            Term(language: LanguageTag(.khmer), text: "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា", partOfSpeech: "properNoun", status: .admitted, termType: "fullForm",
                 source: #"a source with | a bar and a \ backslash"#, review: .reviewed),
        ]),
    ]

    @Test("Export then import gives the same terms with the same status, review, source, type, part of speech and usage, Khmer included")
    func roundTrip() throws {
        for delimiter in [GlossaryCSV.Delimiter.tab, .comma] {
            let written = GlossaryCSV.write(Self.concepts, languages: Self.languages, delimiter: delimiter)
            let again = try GlossaryCSV.read(written, name: "w", delimiter: delimiter)
            #expect(again.map(\.id) == Self.concepts.map(\.id))
            #expect(again.map(\.domain) == Self.concepts.map(\.domain))
            #expect(again.map(\.note) == Self.concepts.map(\.note))
            #expect(again.map(\.terms) == Self.concepts.map(\.terms), "\(delimiter)")
            let khmer = try #require(again.first?.terms.last)
            #expect(khmer.review == .unreviewed && khmer.source == "Verbale editors' rendering; no source attests it")
        }
    }

    @Test("The columns other tools read keep their names and order; the marks come after them, per language")
    func header() throws {
        let written = GlossaryCSV.write(Self.concepts, languages: Self.languages, delimiter: .tab)
        let lines = written.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        #expect(Array(header.prefix(6)) == ["id", "en", "fr", "km", "domain", "note"])
        #expect(Array(header.suffix(6)) == ["km status", "km review", "km source", "km term type", "km part of speech", "km usage"])
        #expect(header.count == 6 + 3 * 6)
        let row = try #require(lines.first { $0.first == "iso3166-1:KH" })
        func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
        #expect(cell("km") == "កម្ពុជា; ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា")
        #expect(cell("km status") == "preferred | admitted")
        #expect(cell("km review") == "translated | reviewed")
        #expect(cell("km source") == #"iso-codes km translation (iso_3166-1.mo); CLDR display name (ICU 72.1) | a source with \| a bar and a \\ backslash"#)
        #expect(cell("fr") == "" && cell("fr status") == "")
    }

    @Test("Hand-written per-language columns: one value serves every term; a count that fits neither is an error naming line and column")
    func handWritten() throws {
        let text = "en\tkm\tkm review\tkm status\tsource\nEmbassy\tស្ថានទូត; ស្ថានទូតធំ\tunreviewed\tpreferred | admitted\twritten for the tests\n"
        let concept = try #require(try GlossaryCSV.read(text, name: "h.tsv", delimiter: .tab).first)
        #expect(concept.terms.map(\.review) == [.translated, .unreviewed, .unreviewed])
        #expect(concept.terms.map(\.status) == [.admitted, .preferred, .admitted])
        #expect(concept.terms.allSatisfy { $0.source == "written for the tests" })
        #expect(throws: GlossaryCSVError.termCountMismatch(file: "m.tsv", line: 2, column: 3, header: "km status", values: 2, terms: 3)) {
            try GlossaryCSV.read("en\tkm\tkm status\nEmbassy\ta; b; c\tpreferred | admitted\n", name: "m.tsv", delimiter: .tab)
        }
        #expect(throws: GlossaryCSVError.badValue(file: "b.tsv", line: 2, column: 3, value: "maybe", expected: ReviewStatus.allCases.map(\.rawValue))) {
            try GlossaryCSV.read("en\tkm\tkm review\nEmbassy\tស្ថានទូត\tmaybe\n", name: "b.tsv", delimiter: .tab)
        }
    }
}
