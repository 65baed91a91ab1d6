import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// A glossary header cell that looks like a language but is no tag the reader can take — a
/// language in words with a region (`Khmer (Cambodia)`, as memoQ writes it) or a malformed tag
/// (`xx-YY-bad!`) — was read as a concept field, so the Khmer column's terms never became terms
/// (review 1201a M4). Now refused, as `verbale import` refuses it, with the `--lang-map` that
/// reads it; an empty such column, and an ordinary field column (`kind`, `tags`), still read.
@Suite("CSV/TSV glossaries: a header cell that looks like a language but is not read as one")
struct GlossaryUnreadColumnTests {
    @Test("Khmer (Cambodia): refused at FILE:1:COLUMN with --lang-map 'Khmer (Cambodia)=km'")
    func languageInWords() throws {
        let text = "en,fr,Khmer (Cambodia)\nEmbassy,Ambassade,ស្ថាន\u{200B}ទូត\n"
        do {
            _ = try GlossaryCSV.read(text, name: "g7.csv", delimiter: .comma)
            Issue.record("read without an error")
        } catch {
            let message = error.description
            #expect(message.hasPrefix("g7.csv:1:7: header cell 3 \"Khmer (Cambodia)\""), "\(message)")
            #expect(message.contains("line 2"), "\(message)")
            #expect(message.contains("--lang-map 'Khmer (Cambodia)=km'"), "\(message)")
        }
        // With the map it is the Khmer column, U+200B kept.
        let concepts = try GlossaryCSV.read(text, name: "g7.csv", delimiter: .comma, headerNames: ["khmer (cambodia)": LanguageTag(.khmer)])
        #expect(concepts.first?.terms.map(\.text) == ["Embassy", "Ambassade", "ស្ថាន\u{200B}ទូត"])
    }

    @Test("xx-YY-bad!: refused as no language tag, in TSV with the cell's column in characters")
    func malformedTag() throws {
        let text = "en\tfr\txx-YY-bad!\nEmbassy\tAmbassade\tស្ថានទូត\n"
        #expect(throws: GlossaryCSVError.self) { try GlossaryCSV.read(text, name: "g.tsv", delimiter: .tab) }
        do {
            _ = try GlossaryCSV.read(text, name: "g.tsv", delimiter: .tab)
        } catch {
            #expect(error.description.hasPrefix("g.tsv:1:7: header cell 3 \"xx-YY-bad!\""), "\(error.description)")
            #expect(error.description.contains("--lang-map 'xx-YY-bad!=LANG'"), "\(error.description)")
        }
    }

    @Test("an empty Khmer (Cambodia) column (memoQ exports every language) is read: nothing to lose")
    func emptyColumn() throws {
        let concepts = try GlossaryCSV.read("en,fr,Khmer (Cambodia)\nEmbassy,Ambassade,\n", name: "e.csv", delimiter: .comma)
        #expect(concepts.first?.terms.map(\.text) == ["Embassy", "Ambassade"])
        #expect(concepts.first?.fields.isEmpty == true)
    }

    @Test("an ordinary field column (kind, tags) stays a concept field, its Khmer kept")
    func fieldColumn() throws {
        let concepts = try GlossaryCSV.read("en\tkm\tkind\ttags\nEmbassy\tស្ថានទូត\tTERMIUM record\tស្ថាន​ទូត\n", name: "k.tsv", delimiter: .tab)
        #expect(concepts.first?.fields.map(\.type) == ["kind", "tags"])
        #expect(concepts.first?.fields.map(\.value) == ["TERMIUM record", "ស្ថាន​ទូត"])
    }
}
