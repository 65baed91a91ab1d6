import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

@Suite("The fuzzy-match index kept in the memory")
struct StoreIndexTests {
    func temporaryMemory() throws -> (SQLiteMemory, URL) {
        let folder = try Scratch.folder("verbale-store-match")
        return (try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite")), folder)
    }

    @Test("Import indexes in its transaction; search answers as the in-memory index does")
    func importedMatchesInMemory() throws {
        let (memory, folder) = try temporaryMemory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = try Matching.fixtureUnits()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "stock.tmx", units: units)])
        let (index, origin, _) = try MatchIndexCache.open(memory)
        #expect(origin == .rebuilt)
        let stored = FuzzyMatcher(index: index, archive: StoredUnits(memory: memory))
        let inMemory = try Matching.matcher(units)
        for (query, language) in [("The Embassy has 15 staff members.", Language.english), ("The Embassy presents compliments to the Ministry of Foreign Affairs", .english),
                                  ("ស្ថានទូតមានបុគ្គលិក ២០ នាក់។", .khmer), ("La réunion se tiendra le 2 août 1994 à Phnom Penh.", .french)] {
            let a = try stored.search(query, language: language, threshold: 50)
            let b = try inMemory.search(query, language: language, threshold: 50)
            #expect(!a.isEmpty)
            #expect(a.map(\.score) == b.map(\.score))
            #expect(a.map(\.source) == b.map(\.source))
            #expect(a.map(\.targets) == b.map(\.targets))
        }
    }

    @Test("Reopening loads the saved file; a later import is added without a rebuild; a dry run changes nothing")
    func keptCurrent() throws {
        let (memory, folder) = try temporaryMemory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "stock.tmx", units: try Matching.fixtureUnits())])
        #expect(try MatchIndexCache.open(memory).origin == .rebuilt)
        #expect(try MatchIndexCache.open(memory).origin == .file)
        let extra = TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: "The Ministry acknowledges receipt of the note."),
                                               Variant(language: try LanguageTag("fr"), text: "Le Ministère accuse réception de la note.")])
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "dry.tmx", units: [extra])], options: ImportOptions(dryRun: true))
        #expect(try MatchIndexCache.open(memory).origin == .file)
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "extra.tmx", units: [extra])])
        let (index, origin, _) = try MatchIndexCache.open(memory)
        #expect(origin == .updated)
        let matcher = FuzzyMatcher(index: index, archive: StoredUnits(memory: memory))
        let match = try #require(try matcher.search("The Ministry acknowledges receipt of the Note.", language: .english).first)
        #expect(match.score == 98)
        #expect(match.targets["fr"] == "Le Ministère accuse réception de la note.")
    }

    @Test("Stored tokens survive the blob round trip")
    func blobRoundTrip() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        let text = MatchText(text: "ស្ថានទូតមានបុគ្គលិក ១២ នាក់។ ថ្ងៃទី៣០ ខែកក្កដា ឆ្នាំ១៩៩៣", language: .khmer, tokenizer: tokenizer)
        let tokens = text.tokens.map(StoredToken.init)
        #expect(StoredToken.decode(StoredToken.encode(tokens)) == tokens)
        #expect(StoredToken.decode(Data([0x05, 0xFF])) == nil)
    }
}
