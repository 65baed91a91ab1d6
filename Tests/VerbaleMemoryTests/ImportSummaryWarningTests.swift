import Foundation
import Testing
@testable import VerbaleFormats
@testable import VerbaleMemory

/// The import summary's `warnings` (review 1130j m1, m3): only the kinds that ask the user to
/// look at a place are listed, at most `Warning.limit` a file, the rest counted exactly; the
/// JSON of a summary written before the field existed still decodes.
@Suite("ImportSummary warnings: attention kinds only, capped per file, the rest counted")
struct ImportSummaryWarningTests {
    @Test("A tool that wrote lang and xml:lang wrong on 20,000 <tuv>s: 100 listed, 19,900 counted; empty segments are not listed")
    func capped() throws {
        let conflicts = (1...150).map {
            FormatWarning(kind: .conflictingLanguage, file: "big.tmx", line: $0, column: 3, detail: "<tuv lang=\"fr\" xml:lang=\"km\"> names two languages")
        }
        let empty = FormatWarning(kind: .emptySegment, file: "big.tmx", line: 7, column: 1, detail: "empty <seg>")
        var summary = ImportSummary()
        summary.addWarnings(kept: [empty] + conflicts, counts: [.conflictingLanguage: 20_000, .emptySegment: 1])
        #expect(summary.warnings.count == ImportSummary.Warning.limit)
        #expect(summary.warningsNotListed == 20_000 - ImportSummary.Warning.limit)
        #expect(summary.warnings.allSatisfy { $0.kind == FormatWarning.Kind.conflictingLanguage.rawValue })
        #expect(summary.warnings.first?.message == "big.tmx:1:3: <tuv lang=\"fr\" xml:lang=\"km\"> names two languages")
        // A second file adds its own, and the counts add up.
        let cut = FormatWarning(kind: .noFinalLineEnd, file: "cut.tsv", line: 4, column: 24, detail: "the file ends inside line 4 without a line end: truncated?")
        summary.addWarnings(kept: [cut], counts: [.noFinalLineEnd: 1])
        #expect(summary.warnings.last?.file == "cut.tsv" && summary.warnings.last?.line == 4)
        #expect(summary.warningsNotListed == 19_900)
    }

    @Test("No warning: an empty list and no warningsNotListed in the JSON; a summary without the fields (written before them) decodes")
    func json() throws {
        let data = try JSONEncoder().encode(ImportSummary())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
        #expect(object["warningsNotListed"] == nil)
        let old = #"{"read":1,"added":1,"merged":0,"alternatives":0,"skipped":{},"personalData":{},"files":[],"dryRun":false,"seconds":0.1}"#
        let decoded = try JSONDecoder().decode(ImportSummary.self, from: Data(old.utf8))
        #expect(decoded.warnings.isEmpty && decoded.warningsNotListed == nil)
    }
}
