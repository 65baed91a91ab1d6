import Foundation
import GRDB
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleGlossary
import VerbaleTestSupport

@Suite("Glossary store")
struct StoreTests {
    func temporaryStore() throws -> TermbaseStore {
        let url = Scratch.path("verbale-glossary", suffix: ".sqlite")
        return try TermbaseStore(url: url)
    }

    @Test("Import then load gives back the same concepts")
    func importLoad() throws {
        let store = try temporaryStore()
        let report = try GlossaryImport.importFile(GlossaryTestData.fixture("basic-v3.tbx").path, into: store)
        #expect(report.added == 2 && report.terms == 7)
        let expected = try TBXReader.readAll(GlossaryTestData.fixture("basic-v3.tbx")).concepts
        #expect(try store.concepts() == expected)
    }

    @Test("A termbase's origin is its file name, never the importer's folders; an old store's paths are shortened on open")
    func originWithoutFolders() throws {
        let store = try temporaryStore()
        let fixture = GlossaryTestData.fixture("basic-v3.tbx").path
        try GlossaryImport.importFile(fixture, into: store, termbase: "t")
        #expect(try store.termbases().map(\.origin) == ["basic-v3.tbx"])
        // As an earlier Verbale left it: the full path, and no glossary-v2-origin-names applied.
        let url = store.url
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE glossary_termbase SET origin = '/home/sokha/Glossaries/basic-v3.tbx'")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'glossary-v2-origin-names'")
        }
        try queue.close()
        let reopened = try TermbaseStore(url: url)
        #expect(try reopened.termbases().map(\.origin) == ["basic-v3.tbx"])
    }

    @Test("A bad file in a batch leaves the database exactly as it was")
    func allOrNothing() throws {
        let store = try temporaryStore()
        try GlossaryImport.importFile(GlossaryTestData.fixture("basic-v2.tbx").path, into: store)
        let before = try store.concepts()
        let jobs = [
            try GlossaryImport.job(GlossaryTestData.fixture("basic-v3.tbx").path),
            try GlossaryImport.job(GlossaryTestData.fixture("empty-term.tbx").path),
        ]
        #expect(throws: (any Error).self) { try store.importBatch(jobs) }
        #expect(try store.concepts() == before)
        #expect(try store.termbases().map(\.name) == ["basic-v2"])
    }

    @Test("Re-importing reports unchanged and replaced concepts instead of duplicating them")
    func mergeReport() throws {
        let store = try temporaryStore()
        try GlossaryImport.importFile(GlossaryTestData.fixture("basic-v2.tbx").path, into: store, termbase: "t")
        let again = try GlossaryImport.importFile(GlossaryTestData.fixture("basic-v2.tbx").path, into: store, termbase: "t")
        #expect(again.added == 0 && again.unchanged == 2 && again.replaced.isEmpty)
        let changed = try store.importConcepts(termbase: "t", origin: nil) { each in
            try each(Concept(id: "thailand", terms: [Term(language: LanguageTag(.english), text: "Thailand")]))
        }
        #expect(changed.replaced == ["thailand"])
        #expect(try store.concepts().count == 2)
    }

    @Test("Two files of one batch naming the same concept: the second replaces it and the merge report says so")
    func duplicateAcrossFiles() throws {
        let store = try temporaryStore()
        let first = Data("id\ten\tfr\nembassy\tEmbassy\tAmbassade\n".utf8)
        let second = Data("id\ten\tfr\nembassy\tEmbassy\tAmbassade de France\n".utf8)
        let reports = try store.importBatch([
            try GlossaryImport.job("a.tsv", data: first, termbase: "t"),
            try GlossaryImport.job("b.tsv", data: second, termbase: "t"),
        ])
        #expect(reports.map(\.added) == [1, 0])
        #expect(reports[1].replaced == ["embassy"])
        let concepts = try store.concepts()
        #expect(concepts.count == 1)
        #expect(concepts.first?.terms(in: LanguageTag(.french)).first?.text == "Ambassade de France")
    }

    @Test("A CSV with a duplicate concept, after a good file in the same batch, leaves the database as it was")
    func csvAllOrNothing() throws {
        let store = try temporaryStore()
        try GlossaryImport.importFile(GlossaryTestData.fixture("basic-v2.tbx").path, into: store)
        let before = try store.concepts()
        let good = Data("en\tfr\nNote verbale\tNote verbale\n".utf8)
        let bad = Data("id\ten\nc1\tEmbassy\nc1\tConsulate\n".utf8)
        do {
            _ = try store.importBatch([try GlossaryImport.job("good.tsv", data: good), try GlossaryImport.job("bad.tsv", data: bad)])
            Issue.record("the duplicate concept was accepted")
        } catch {
            #expect("\(error)".contains("bad.tsv") && "\(error)".contains("3"), "\(error)")
        }
        #expect(try store.concepts() == before)
        #expect(try store.termbases().map(\.name) == ["basic-v2"])
    }

    @Test("Shipped termbases load once, and again only when the file changes")
    func seedIdempotent() throws {
        let folder = try Scratch.folder("verbale-shipped")
        try FileManager.default.copyItem(at: GlossaryTestData.fixture("basic-v2.tbx"), to: folder.appendingPathComponent("a.tbx"))
        let store = try temporaryStore()
        let first = try GlossaryImport.seedShipped(into: store, folder: folder)
        #expect(first.map(\.added) == [2])
        let second = try GlossaryImport.seedShipped(into: store, folder: folder)
        #expect(second.isEmpty, "an unchanged shipped file is not imported again")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a.tbx"))
        try FileManager.default.copyItem(at: GlossaryTestData.fixture("basic-v3.tbx"), to: folder.appendingPathComponent("a.tbx"))
        let third = try GlossaryImport.seedShipped(into: store, folder: folder)
        #expect(third.map(\.added) == [2])
        #expect(Set(try store.concepts().map(\.id)) == ["kingdom-cambodia", "charge"])
    }

    @Test("The glossary's migrations live beside other migrators in the same file")
    func sharedFile() throws {
        let url = Scratch.path("verbale-shared", suffix: ".sqlite")
        _ = try TermbaseStore(url: url)
        let reopened = try TermbaseStore(url: url)
        #expect(try reopened.concepts().isEmpty)
    }
}
