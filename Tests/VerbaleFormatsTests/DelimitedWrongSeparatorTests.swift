import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Acceptance review 1130j m4: a TSV read with `--format csv` (or a CSV with `--format tsv`) has
/// one header cell holding the whole line; the refusal offered `--lang-map en⇥fr⇥km=LANG`, a map
/// no shell line can type and that reads nothing. It now names the separator the line holds.
@Suite("A table read with the other separator says which format it looks like")
struct DelimitedWrongSeparatorTests {
    @Test("A TSV read as CSV is told --format tsv; a CSV read as TSV --format csv (Khmer header too)", arguments: [
        ("en\tfr\tkm\nThe Embassy\tL’Ambassade\tស្ថានទូត\n", MemoryFormat.csv, "--format tsv"),
        ("km\ten\nស្ថានទូត\tThe Embassy\n", MemoryFormat.csv, "--format tsv"),
        ("en,fr,km\nThe Embassy,L’Ambassade,ស្ថានទូត\n", MemoryFormat.tsv, "--format csv"),
        ("en;fr\nThe Embassy;L’Ambassade\n", MemoryFormat.tsv, "--format csv"),
    ])
    func separatorNamed(_ table: String, _ format: MemoryFormat, _ advice: String) throws {
        let error = try #require(Fixture.error(Array(table.utf8), name: "t", format: format))
        #expect(error.description.contains(advice), "\(error.description)")
        #expect(!error.description.contains("--lang-map"), "\(error.description)")
    }

    @Test("A header in words is still answered with the --lang-map that reads it")
    func wordsStillMapped() throws {
        let error = try #require(Fixture.error(Array("English\tFrench\nThe Embassy\tL’Ambassade\n".utf8), name: "t", format: .tsv))
        #expect(error.description.contains("--lang-map English=en,French=fr"), "\(error.description)")
        #expect(!error.description.contains("--format"), "\(error.description)")
    }
}
