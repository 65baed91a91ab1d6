import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// The exact bytes `MemoryExport` writes, pinned: TMX, XLIFF 2.0 and 1.2, TSV and CSV of one
/// memory holding Khmer (U+200B, Khmer digits, km-KH), unit and variant notes, properties and
/// attributes (DTD-allowed and not), TMX inline tags (`ph`, `bpt`/`ept`, `hi`, `it`, `ut`,
/// `sub`), XLIFF tags (`g`, `x`, `pc`, `ph`), markup characters, a tab and carriage returns.
///
/// Why: the export path is tuned for speed (issue 3: ≥ 200,000 units/s), and each change there
/// must leave every byte as it was; a round trip alone would not see, say, a reordered
/// attribute or an escape written differently. The expected files in
/// `Fixtures/formats/export-pinned/` were written by `verbale import` + `verbale export` of
/// main at 220faaf (before that tuning), from the same three fixtures. Only the TMX header's
/// `creationdate` (the time of the export) is masked.
@Suite("Export writes exactly the pinned bytes (TMX, XLIFF 2.0/1.2, TSV, CSV)")
struct ExportBytesPinningTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/formats")

    /// The memory the expected files were exported from: the three fixtures imported in one
    /// command with `verbale import`'s defaults (personal data replaced).
    static func memory() throws -> SQLiteMemory {
        let memory = try temporaryMemory()
        let sources = try ["export-pinning.tmx", "notes-1.2.xlf", "notes-2.0.xlf"].map {
            try FormatUnitSource(path: fixtures.appendingPathComponent($0).path)
        }
        _ = try memory.importUnits(from: sources, options: ImportOptions())
        return memory
    }

    /// `text` with the TMX header's export time replaced by zeros.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"(<header [^>]*creationdate=")[0-9]{8}T[0-9]{6}Z""#, with: "$100000000T000000Z\"",
                                  options: .regularExpression)
    }

    @Test("Each format's bytes equal the pinned file", arguments: [
        ("all.tmx", MemoryFormat.tmx, "", XLIFFVersion.v2_0),
        ("all.tsv", .tsv, "", .v2_0),
        ("all.csv", .csv, "", .v2_0),
        ("en-km-2.0.xlf", .xliff, "en,km", .v2_0),
        ("en-km-KH-1.2.xlf", .xliff, "en,km-KH", .v1_2),
    ])
    func pinned(file: String, format: MemoryFormat, langs: String, version: XLIFFVersion) throws {
        let memory = try Self.memory()
        let languages = langs.isEmpty ? nil : langs.split(separator: ",").map { tag(String($0)) }
        let sink = ByteSink()
        _ = try MemoryExport.run(memory, format: format, languages: languages, to: sink, xliffVersion: version)
        let written = Self.masked(String(decoding: sink.data, as: UTF8.self))
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("export-pinned/\(file)"), encoding: .utf8)
        #expect(written.utf8.count == expected.utf8.count, "\(file): \(written.utf8.count) bytes written, \(expected.utf8.count) pinned")
        if written != expected {
            let got = written.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            Issue.record("\(file): first difference at line \(line + 1):\n  written: \(line < got.count ? String(got[line]) : "<end>")\n  pinned:  \(line < want.count ? String(want[line]) : "<end>")")
        }
    }
}
