import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The import prepares units on analysis threads ahead of the SQLite writer; the result must
/// not depend on that: same units, same ids, same index rows, same summary as on one thread.
@Suite("Import with analysis threads equals import on one thread")
struct ImportPipelineTests {
    /// 2,000 units over three sources: duplicates, alternatives, personal data, Khmer, empty
    /// variants and single-language units (skipped), and an empty source.
    static func sources() -> [any UnitSource] {
        var units: [TranslationUnit] = []
        for index in 0..<2000 {
            switch index % 10 {
            case 0: units.append(unit([("en", "Mr. John Smith called on \(index % 37) May."), ("fr", "M. John Smith a appelé le \(index % 37) mai.")]))
            case 1: units.append(unit([("en", "The Embassy presents its compliments."), ("fr", "L'Ambassade présente ses compliments.")]))
            case 2: units.append(unit([("en", "Note \(index)"), ("km", "កំណត់\u{200B}ចំណាំ លេខ ១២\(index)")]))
            case 3: units.append(unit([("en", "Only English \(index)")]))
            case 4: units.append(unit([("en", "Empty French \(index)"), ("fr", "  ")]))
            case 5: units.append(unit([("en", "Note verbale"), ("fr", "Note diplomatique \(index % 3)")]))
            default: units.append(unit([("en", "Sentence \(index), write to a\(index)@example.org"), ("fr", "Phrase \(index), écrire à a\(index)@example.org")],
                                       metadata: UnitMetadata(creationUser: "user\(index % 5)")))
            }
        }
        return [ArrayUnitSource(name: "a.tmx", units: Array(units[..<700])), ArrayUnitSource(name: "empty.tmx", units: []),
                ArrayUnitSource(name: "b.tmx", units: Array(units[700...]))]
    }

    /// Everything the import wrote: units, variants and both indexes' rows, as text.
    func dump(_ memory: SQLiteMemory) throws -> [String] {
        try memory.read { db in
            var rows: [String] = []
            for sql in ["SELECT id, tuid, fingerprint, source_hash, creation_user, origin, notes FROM unit ORDER BY id",
                        "SELECT id, language, text FROM variant ORDER BY id",
                        "SELECT variant, language, hex(tokens) FROM match_entry ORDER BY variant",
                        "SELECT rowid FROM concordance WHERE concordance MATCH 'compliments OR smith OR ចំណាំ' ORDER BY rowid"] {
                rows += try Row.fetchAll(db, sql: sql).map { "\($0)" }
            }
            return rows
        }
    }

    @Test("Threads 0, 1 and 2, small chunks: identical memories and summaries")
    func sameResult() throws {
        var results: [([String], ImportSummary)] = []
        for threads in [0, 1, 2] {
            let memory = try temporaryMemory()
            var options = ImportOptions(collectPersonalDataReport: true, indexBatchSize: 7)
            options.analysisThreads = threads
            var summary = try memory.importUnits(from: Self.sources(), options: options)
            summary.seconds = 0
            results.append((try dump(memory), summary))
        }
        #expect(results[0].0.count > 3000)
        #expect(results[0].1.skippedTotal == 400)
        #expect(results[0].1.files.map(\.name) == ["a.tmx", "empty.tmx", "b.tmx"])
        for result in results.dropFirst() {
            #expect(result.0 == results[0].0)
            #expect(result.1 == results[0].1)
        }
    }

    @Test("A source failing after others rolls everything back, with or without threads")
    func failureRollsBack() throws {
        for threads in [0, 2] {
            let memory = try temporaryMemory()
            var options = ImportOptions(indexBatchSize: 5)
            options.analysisThreads = threads
            #expect(throws: MemoryError.self) {
                try memory.importUnits(from: Self.sources() + [FailingSource(units: [unit([("en", "a"), ("fr", "b")])])], options: options)
            }
            #expect(try memory.allUnits().isEmpty)
            #expect(try dump(memory).isEmpty)
        }
    }
}
