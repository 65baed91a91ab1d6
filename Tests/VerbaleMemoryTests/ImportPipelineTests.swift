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

    @Test("Chunks of 5, 7 and 256: the same context keys (a unit skipped for a blank text at a chunk's end gives its successor the context it gives inside a chunk)")
    func contextsDoNotDependOnChunks() throws {
        var results: [[String]] = []
        for chunk in [256, 7, 5] {
            let memory = try temporaryMemory()
            var options = ImportOptions(indexBatchSize: chunk)
            options.analysisThreads = 0
            try memory.importUnits(from: Self.sources(), options: options)
            results.append(try memory.read { db in
                try Row.fetchAll(db, sql: "SELECT id, previous_context, next_context FROM unit ORDER BY id").map { "\($0)" }
            })
        }
        #expect(results[0].count > 1000)
        #expect(results[1] == results[0])
        #expect(results[2] == results[0])
    }

    /// A chunk holds its units' positions as its first unit's (`Raw.firstPosition`): the origin
    /// of a unit whose source gives none is `NAME#position`, counted over the whole source,
    /// skipped units included, whatever the chunk size and the threads.
    @Test("Units with no origin get NAME#position across chunks of 1, 4 and 256, with and without threads")
    func positionsAcrossChunks() throws {
        let units = (1...30).map { number in
            number % 6 == 0 ? unit([("en", "Only English \(number)")]) : unit([("en", "Sentence number \(number)."), ("fr", "Phrase numéro \(number).")])
        }
        let expected = (1...30).filter { $0 % 6 != 0 }.map { "n.tmx#\($0)" }
        for chunk in [1, 4, 256] {
            for threads in [0, 2] {
                let memory = try temporaryMemory()
                var options = ImportOptions(indexBatchSize: chunk)
                options.analysisThreads = threads
                try memory.importUnits(from: [ArrayUnitSource(name: "n.tmx", units: units)], options: options)
                let origins = try memory.read { db in try String.fetchAll(db, sql: "SELECT origin FROM unit ORDER BY id") }
                #expect(origins == expected, "chunk \(chunk), threads \(threads)")
            }
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

    /// A source that yields its units, then blocks in `next()` until released, like standard
    /// input whose producer keeps the pipe open.
    final class StalledSource: UnitSource, @unchecked Sendable {
        let name = "<stdin>"
        private var remaining: [TranslationUnit]
        let release = DispatchSemaphore(value: 0)
        init(units: [TranslationUnit]) { remaining = units }
        var totalBytes: Int64? { nil }
        var bytesRead: Int64 { 0 }
        func next() throws -> TranslationUnit? {
            guard !remaining.isEmpty else {
                release.wait()
                return nil
            }
            return remaining.removeFirst()
        }
    }

    @Test("A writer failure while the reader is blocked reading a pipe rolls back at once instead of hanging")
    func writerFailureWithStalledReader() throws {
        let memory = try temporaryMemory()
        // A real SQLite failure in the writer: storing the unit with tuid "boom" aborts.
        try memory.writeTransaction { db in
            try db.execute(sql: "CREATE TRIGGER boom BEFORE INSERT ON unit WHEN NEW.tuid = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        let source = StalledSource(units: [unit([("en", "Thank you."), ("fr", "Merci.")]),
                                           unit([("en", "Yes"), ("fr", "Oui")], id: "boom")])
        var options = ImportOptions(indexBatchSize: 1)
        options.analysisThreads = 1
        let returned = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let box = Box(memory: memory, source: source, options: options)
        Thread {
            do { _ = try box.memory.importUnits(from: [box.source], options: box.options) } catch { outcome.set("\(error)") }
            returned.signal()
        }.start()
        let inTime = returned.wait(timeout: .now() + 20) == .success
        #expect(inTime, "the import did not return while its reader was blocked")
        if inTime {
            // Rolled back while the reader is still blocked: nothing stored.
            #expect(outcome.get()?.contains("boom") == true)
            #expect(try memory.allUnits().isEmpty)
        }
        source.release.signal()
        if !inTime { returned.wait() }
    }

    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var error: String?
        func set(_ value: String) { lock.withLock { error = value } }
        func get() -> String? { lock.withLock { error } }
    }

    struct Box: @unchecked Sendable {
        let memory: SQLiteMemory
        let source: StalledSource
        let options: ImportOptions
    }

    @Test("finish() returns while the reader thread is blocked in a read")
    func finishDoesNotWaitForBlockedReader() {
        let source = StalledSource(units: [unit([("en", "Yes"), ("fr", "Oui")])])
        var options = ImportOptions()
        options.analysisThreads = 1
        let pipeline = ImportPipeline(sources: [source], options: options, indexes: [], chunkSize: 1)
        let first = pipeline.next()
        #expect(first?.units.count == 1)
        #expect(first?.name == "<stdin>")
        let finished = DispatchSemaphore(value: 0)
        Thread {
            pipeline.finish()
            finished.signal()
        }.start()
        let inTime = finished.wait(timeout: .now() + 20) == .success
        #expect(inTime, "finish() waited for a reader blocked in next()")
        source.release.signal()
        if !inTime { finished.wait() }
    }
}
