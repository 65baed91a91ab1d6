import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

@Suite("SQLite memory store")
struct StoreTests {
    let compliments = unit([("en", "The Embassy presents its compliments to the Ministry."),
                            ("fr", "L'Ambassade présente ses compliments au Ministère."),
                            ("km", "ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជម្រាប\u{200B}មក\u{200B}ក្រសួង។")])

    @Test("Units with variants in three languages come back as stored")
    func roundTrip() throws {
        let memory = try temporaryMemory()
        var input = compliments
        input.id = "tu-1"
        input.metadata = UnitMetadata(creationDate: Date(timeIntervalSince1970: 1_600_000_000), creationUser: "sokha",
                                      origin: "notes.tmx#12", notes: ["stock phrase"], properties: [Property(type: "x-domain", value: "protocol")],
                                      review: .unreviewed, previousContext: "abc", nextContext: "def")
        input.variants[2].notes = ["unattested rendering"]
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [input])], options: ImportOptions(scrubPersonalData: false))
        #expect(summary.added == 1)
        let stored = try memory.allUnits()
        #expect(stored.count == 1)
        #expect(stored.first?.unit == input)
    }

    @Test("The schema is created by named migrations, the indexes' after the store's")
    func migrations() throws {
        let memory = try temporaryMemory()
        let applied = try memory.read { db in try MemorySchema.migrator(indexes: memory.indexes).appliedMigrations(db) }
        #expect(applied.first == "memory.v1")
        #expect(applied.contains("concordance.v1"))
        let journal = try memory.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test("Identical units are merged: one row, metadata united")
    func duplicatesMerge() throws {
        let memory = try temporaryMemory()
        var first = compliments
        first.metadata = UnitMetadata(changeDate: Date(timeIntervalSince1970: 1_000), notes: ["from Trados"], review: .unreviewed)
        var second = compliments
        second.metadata = UnitMetadata(changeDate: Date(timeIntervalSince1970: 2_000), changeUser: "dara", notes: ["from memoQ"], review: .reviewed)
        // (Users are personal data, replaced by default: keep them here to see the merge.)
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [first, second])], options: ImportOptions(scrubPersonalData: false))
        #expect(summary.added == 1)
        #expect(summary.merged == 1)
        let stored = try memory.allUnits()
        #expect(stored.count == 1)
        let metadata = try #require(stored.first?.unit.metadata)
        #expect(metadata.notes == ["from Trados", "from memoQ"])
        #expect(metadata.review == .reviewed)
        #expect(metadata.changeDate == Date(timeIntervalSince1970: 2_000))
        #expect(metadata.changeUser == "dara")
    }

    @Test("Same source, different translation: both kept and reported as alternatives")
    func alternatives() throws {
        let memory = try temporaryMemory()
        let one = unit([("en", "Note verbale"), ("fr", "Note verbale")])
        let two = unit([("en", "Note verbale"), ("fr", "Note diplomatique")])
        let otherLanguage = unit([("en", "Note verbale"), ("km", "កំណត់ទូត")])
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [one, two, otherLanguage])], options: ImportOptions())
        #expect(summary.added == 3)
        #expect(summary.alternatives == 1)
        let stored = try memory.allUnits()
        let alternatives = try memory.alternatives(of: stored[0].id)
        #expect(alternatives.map(\.unit.variants[1].text).contains("Note diplomatique"))
    }

    @Test("A file failing half-way leaves the memory exactly as it was")
    func allOrNothing() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [compliments])], options: ImportOptions())
        let before = try memory.allUnits()
        let units = (1...500).map { unit([("en", "Sentence \($0)"), ("fr", "Phrase \($0)")]) }
        #expect(throws: MemoryError.self) {
            try memory.importUnits(from: [ArrayUnitSource(name: "good", units: units), FailingSource(units: units)], options: ImportOptions())
        }
        #expect(try memory.allUnits() == before)
        #expect(try memory.concordance(ConcordanceQuery(text: "Sentence")).hits.isEmpty)
    }

    @Test("A dry run counts everything and keeps nothing")
    func dryRun() throws {
        let memory = try temporaryMemory()
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [compliments])], options: ImportOptions(dryRun: true))
        #expect(summary.added == 1)
        #expect(summary.dryRun)
        #expect(try memory.statistics().units == 0)
    }

    @Test("Units left with fewer than two languages are skipped with a reason")
    func skipReasons() throws {
        let memory = try temporaryMemory()
        let empty = unit([("en", "Hello"), ("fr", "  \u{200B}")])
        let single = unit([("en", "Alone")])
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [empty, single, compliments])], options: ImportOptions())
        #expect(summary.skipped == ["empty segment": 1, "only one language": 1])
        #expect(summary.added == 1)
    }

    @Test("--lang-map rewrites tags before storing")
    func languageMap() throws {
        let memory = try temporaryMemory()
        let input = unit([("en-US", "Embassy"), ("fr-FR", "Ambassade")])
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [input])],
                                   options: ImportOptions(languageMap: [tag("en-US"): tag("en"), tag("fr-FR"): tag("fr")]))
        #expect(try memory.allUnits().first?.unit.variants.map(\.language.description) == ["en", "fr"])
    }

    @Test("Statistics count units, languages, pairs and origins")
    func statistics() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "notes.tmx", units: [compliments, unit([("en", "Yes"), ("fr", "Oui")])])], options: ImportOptions())
        let stats = try memory.statistics()
        #expect(stats.units == 2)
        #expect(stats.variants == 5)
        #expect(stats.languages.first { $0.name == "km" }?.units == 1)
        #expect(stats.pairs.first { $0.name == "en-fr" }?.units == 2)
        #expect(stats.pairs.first { $0.name == "en-km" }?.units == 1)
        #expect(stats.origins.first?.name == "notes.tmx")
        #expect(stats.bytes > 0)
    }

    @Test("Statistics count review status per language: a variant's x-review beats its unit's")
    func reviewPerLanguage() throws {
        let memory = try temporaryMemory()
        var khmer = compliments
        khmer.variants[2].properties = [Property(type: "x-review", value: "unreviewed")]
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "notes.tmx", units: [khmer, unit([("en", "Yes"), ("km", "បាទ")])])],
                                   options: ImportOptions())
        let stats = try memory.statistics()
        #expect(stats.review == [MemoryStatistics.Count(name: "translated", units: 2)])
        let km = stats.reviewByLanguage.first { $0.language == "km" }?.review
        #expect(km?.contains(MemoryStatistics.Count(name: "unreviewed", units: 1)) == true)
        #expect(km?.contains(MemoryStatistics.Count(name: "translated", units: 1)) == true)
        #expect(stats.reviewByLanguage.first { $0.language == "en" }?.review == [MemoryStatistics.Count(name: "translated", units: 2)])
        #expect(stats.reviewByLanguage.map(\.language) == ["en", "fr", "km"])
    }

    @Test("A unit without variants is refused with an error, not a crash")
    func emptyUnitThrows() throws {
        let memory = try temporaryMemory()
        #expect(throws: MemoryError.self) {
            _ = try memory.writeTransaction(commit: true) { db in
                var writer = try UnitWriter(db)
                return try writer.store(TranslationUnit(id: "empty", variants: [], metadata: UnitMetadata()))
            }
        }
    }

    @Test("Export keeps only the requested languages")
    func exportLanguages() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [compliments, unit([("en", "Yes"), ("fr", "Oui")])])], options: ImportOptions())
        let khmer = try memory.allUnits(languages: [tag("km")])
        #expect(khmer.count == 1)
        #expect(khmer.first?.unit.variants.map(\.language.description) == ["km"])
    }

    @Test("Seeding the shipped memories is idempotent")
    func seeding() throws {
        let folder = try Scratch.folder("verbale-seed")
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><prop type="x-review">unreviewed</prop><tuv xml:lang="en"><seg>has the honour to</seg></tuv><tuv xml:lang="km"><seg>មានកិត្តិយស</seg></tuv></tu></body></tmx>
            """
        try Data(tmx.utf8).write(to: folder.appendingPathComponent("formulas.tmx"))
        let memory = try temporaryMemory()
        let seeding = ShippedMemorySeeding(folder: folder)
        #expect(try seeding.seed(memory) == 1)
        #expect(try seeding.seed(memory) == 0)
        let stored = try memory.allUnits()
        #expect(stored.count == 1)
        #expect(stored.first?.unit.metadata.review == .unreviewed)
    }
}

@Suite("Two writers at once")
struct BusyTests {
    @Test("An import that cannot get the lock in time fails clearly and changes nothing")
    func busyFailsClearly() throws {
        let first = try temporaryMemory()
        let second = try SQLiteMemory(path: first.path, busyTimeout: 0.2)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? first.writeTransaction { _ in
                holding.signal()
                release.wait()
            }
            done.signal()
        }
        holding.wait()
        var caught: MemoryError?
        do {
            _ = try second.importUnits(from: [ArrayUnitSource(name: "late.tmx", units: [unit([("en", "Yes"), ("fr", "Oui")])])])
        } catch let error as MemoryError {
            caught = error
        }
        release.signal()
        done.wait()
        #expect(caught?.description.contains("busy") == true)
        #expect(caught?.description.contains("nothing was imported") == true)
        #expect(try second.statistics().units == 0)
    }
}
