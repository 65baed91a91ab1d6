import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130h M3: after the function title ឯកអគ្គរាជទូត ("ambassador"), a long run of
/// glued Khmer was read as a two-word name, and the shared glossary's Chuon Nath definition of
/// ភារធារី (`../shared/data/glossary/sourced-terms.tsv`, row 35) lost 93 characters to `{PERSON}`
/// in `import` and `glossary import` (the reviewer's `kmamb.tsv`). A name word is one short word
/// (`khmerNameWordMaxLength`), and ឬ ("or") glued to an office begins none.
@Suite("Personal data: no Khmer clause after a function title is taken for a name (review 1130h M3)")
struct PersonalDataKhmerFunctionTitleClauseTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func replaced(_ text: String) -> String { scrubber.replacingPersonNames(in: text) }
    func names(_ text: String) -> [String] { scrubber.personNames(in: text) }

    @Test("M3: the reviewer's ភារធារី definition (Chuon Nath, sourced-terms.tsv row 35) loses nothing after ឯកអគ្គរាជទូត")
    func ambassadorDefinition() {
        let definition = "មន្ដ្រីជាជំទប់នៃឯកអគ្គរាជទូត ឬឯកអគ្គរដ្ឋទូត មាននាទីបំពេញមុខការក្នុងអង្គទូតជាជំនួសក្នុងករណីដែលអគ្គរាជទូតឬឯកអគ្គរដ្ឋទូតមិននៅ។"
        #expect(names(definition).isEmpty, "\(names(definition))")
        #expect(replaced(definition) == definition)
        // A clause glued after the title is no name word however it begins.
        let clause = "ឯកអគ្គរាជទូត សុខ មាននាទីបំពេញមុខការក្នុងអង្គទូតជាជំនួស"
        #expect(names(clause).isEmpty, "\(names(clause))")
        // Names after the title still go, spaced or with U+200B.
        #expect(replaced("ឯកអគ្គរាជទូត សុខ វណ្ណា បានមកដល់។") == "ឯកអគ្គរាជទូត {PERSON} បានមកដល់។")
        #expect(replaced("រដ្ឋមន្ត្រី\u{200B}ប្រាក់\u{200B}សុខុន\u{200B}បានថ្លែងថា") == "រដ្ឋមន្ត្រី\u{200B}{PERSON}\u{200B}បានថ្លែងថា")
    }

    @Test("M3: every row of the shared sourced-terms.tsv keeps its Khmer definitions", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func sourcedTerms() throws {
        let url = try #require(SharedData.file("glossary/sourced-terms.tsv"))
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let row = try #require(rows.first { $0.contains("ភារធារី") })
        #expect(names(String(row)).isEmpty, "\(names(String(row)))")
        // No Khmer text of the file holds a name: every person span found there is an error.
        let found = rows.flatMap { names(String($0)) }.filter { $0.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) } }
        #expect(found.isEmpty, "\(found)")
    }
}

extension PersonalDataScrubber {
    /// `text` with every person span replaced by `{PERSON}` (other kinds left).
    func replacingPersonNames(in text: String) -> String {
        let ns = NSMutableString(string: text)
        for span in spans(in: text).reversed() where span.kind == .person {
            ns.replaceCharacters(in: span.range, with: "{PERSON}")
        }
        return ns as String
    }

    /// The person names `spans` finds in `text`.
    func personNames(in text: String) -> [String] {
        spans(in: text).filter { $0.kind == .person }.map { (text as NSString).substring(with: $0.range) }
    }
}
