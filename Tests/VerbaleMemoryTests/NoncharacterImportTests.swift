import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// An import of a file holding U+FFFE or U+FFFF (which XML 1.0 and our readers refuse) fails
/// with the reader's position and adds nothing, even after a good file in the same import
/// (review P2). The fixtures are `Fixtures/formats/noncharacter*`.
@Suite("Importing a file with U+FFFE/U+FFFF adds nothing (review P2)")
struct NoncharacterImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/formats")

    @Test("Each path's fixture: the import fails naming file:line:column and the memory stays as it was", arguments: [
        ("noncharacter-seg.tmx", "noncharacter-seg.tmx:6:104: invalid bytes for the file's encoding: the noncharacter U+FFFE"),
        ("noncharacter-attribute.tmx", "noncharacter-attribute.tmx:6:41: invalid bytes for the file's encoding: the noncharacter U+FFFF"),
        ("noncharacter-utf16le.tmx", "noncharacter-utf16le.tmx:6:95: invalid bytes for the file's encoding: the noncharacter U+FFFE"),
        ("noncharacter-reference.tmx", "noncharacter-reference.tmx:6:80: malformed XML: &#xFFFE; is not a character XML allows"),
        ("noncharacter.tsv", "noncharacter.tsv:3:41: invalid bytes for the file's encoding: the noncharacter U+FFFE at column 41 (counted in characters), in cell 2"),
    ])
    func importAddsNothing(name: String, message: String) throws {
        let memory = try temporaryMemory()
        let existing = unit([("en", "The Embassy presents its compliments."), ("km", "ស្ថានទូត\u{200B}សូម\u{200B}គោរព")])
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "before.tmx", units: [existing])], options: ImportOptions())
        let before = try memory.allUnits()
        let good = (1...20).map { unit([("en", "Sentence \($0)"), ("km", "ប្រយោគ \($0)")]) }
        var caught: (any Error)?
        do {
            let bad = try FormatUnitSource(path: Self.fixtures.appendingPathComponent(name).path)
            _ = try memory.importUnits(from: [ArrayUnitSource(name: "good.tmx", units: good), bad], options: ImportOptions())
        } catch {
            caught = error
        }
        let error = try #require(caught, "\(name) must not import")
        #expect("\(error)".contains(message), "\(error)")
        if case MemoryError.importFailed = error {
            #expect("\(error)".contains("nothing was imported"), "\(error)")
        }
        #expect(try memory.allUnits() == before)
        #expect(try memory.statistics().units == 1)
        #expect(try memory.concordance(ConcordanceQuery(text: "Sentence")).hits.isEmpty)
    }
}
