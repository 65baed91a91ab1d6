import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// A glossary spreadsheet whose header names its languages in words (`English`, `French`,
/// `Khmer`), as Excel and memoQ save it: refused with the `--lang-map` that reads it, read
/// through `headerNames`, never guessed — and never imported as a term under
/// `--source-lang`/`--target-lang` (the left-out of review 1130i m7 for `glossary import`).
@Suite("CSV/TSV glossaries: a header of language names, read only through --lang-map")
struct GlossaryHeaderNamesTests {
    /// Our own three-language rows; the Khmer words separated by U+200B as typed in Word.
    static let table = "English\tFrench\tKhmer\tnote\nPermanent Mission\tMission permanente\tបេសកកម្ម\u{200B}អចិន្ត្រៃយ៍\tUN Geneva\nnote verbale\tnote verbale\tកំណត់\u{200B}ទូត\t\n"

    static let map: [String: LanguageTag] = ["english": LanguageTag(.english), "french": LanguageTag(.french), "khmer": LanguageTag(.khmer)]

    @Test("without a map the file is refused, naming line 1 and the --lang-map; with --source-lang/--target-lang too")
    func refused() throws {
        #expect(throws: GlossaryCSVError.languageNames(file: "t.tsv", line: 1, map: "English=en,French=fr,Khmer=km")) {
            try GlossaryCSV.read(Self.table, name: "t.tsv", delimiter: .tab)
        }
        // An OmegaT reading would have stored "English" → "French" as a term pair.
        #expect(throws: GlossaryCSVError.languageNames(file: "t.tsv", line: 1, map: "English=en,French=fr,Khmer=km")) {
            try GlossaryCSV.read(Self.table, name: "t.tsv", delimiter: .tab, languages: (LanguageTag(.english), LanguageTag(.french)))
        }
        let message = GlossaryCSVError.languageNames(file: "t.tsv", line: 1, map: "English=en,French=fr,Khmer=km").description
        #expect(message.contains("glossary import --lang-map English=en,French=fr,Khmer=km"), "\(message)")
    }

    @Test("mapped, each named column is its language's terms, Khmer with its U+200B, and the names used are told")
    func mapped() throws {
        let table = try GlossaryCSV.readTable(Self.table, name: "t.tsv", delimiter: .tab, headerNames: Self.map)
        #expect(table.concepts.count == 2)
        #expect(table.concepts[0].terms.map(\.text) == ["Permanent Mission", "Mission permanente", "បេសកកម្ម\u{200B}អចិន្ត្រៃយ៍"])
        #expect(table.concepts[0].terms.map(\.language) == [LanguageTag(.english), LanguageTag(.french), LanguageTag(.khmer)])
        #expect(table.concepts[0].note == "UN Geneva")
        #expect(table.headerNamesUsed == ["english", "french", "khmer"])
        #expect(table.languageColumns.map(\.tag) == [LanguageTag(.english), LanguageTag(.french), LanguageTag(.khmer)])
    }

    @Test("a mapped word wins over a column Verbale knows by that name (Source=en is a language, not the term source)")
    func mappedSourceIsALanguage() throws {
        let concepts = try GlossaryCSV.read("Source,Target\nembassy,ambassade\n", name: "st.csv", delimiter: .comma,
                                            headerNames: ["source": LanguageTag(.english), "target": LanguageTag(.french)])
        #expect(concepts.first?.terms.map(\.text) == ["embassy", "ambassade"])
        #expect(concepts.first?.terms.first?.source == nil)
    }

    @Test("an OmegaT row of language names (one language twice) stays a row of terms; French and Khmer header words are known")
    func notEveryLanguageNameIsAHeader() throws {
        let concepts = try GlossaryCSV.read("English\tanglais\nFrench\tfrançais\n", name: "o.txt", delimiter: .tab,
                                            languages: (LanguageTag(.english), LanguageTag(.french)))
        #expect(concepts.map { $0.terms.map(\.text) } == [["English", "anglais"], ["French", "français"]])
        #expect(GlossaryCSV.languageNamesMap(["Anglais", "Français"]) == "Anglais=en,Français=fr")
        #expect(GlossaryCSV.languageNamesMap(["ភាសាអង់គ្លេស", "ភាសាខ្មែរ"]) == "ភាសាអង់គ្លេស=en,ភាសាខ្មែរ=km")
        #expect(GlossaryCSV.languageNamesMap(["Khmer", "note"]) == "Khmer=km")
        #expect(GlossaryCSV.languageNamesMap(["Khmer", "ក្រសួង"]) == nil)
    }
}
