import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Context keys are hashes of the previous sentence with its personal data replaced, never of
/// the sentence as typed: a 64-bit FNV hash of "… passport N0123456 …" beside the scrubbed
/// text gives the number back to a loop over candidates (acceptance review, 29 Nov).
@Suite("Context keys hold no personal data")
struct ScrubbedContextKeyTests {
    static func pair(_ number: Int) throws -> TranslationUnit {
        TranslationUnit(variants: [
            Variant(language: try LanguageTag("en"), text: "Mr. Sok Dara, holder of passport N\(1_234_500 + number), will arrive on \(number + 1) March 2021."),
            Variant(language: try LanguageTag("fr"), text: "M. Sok Dara, titulaire du passeport N\(1_234_500 + number), arrivera le \(number + 1) mars 2021."),
            Variant(language: try LanguageTag("km-KH"), text: "លោក សុខ ដារា កាន់លិខិតឆ្លងដែនលេខ N\(1_234_500 + number) នឹងមកដល់។"),
        ])
    }

    static func plain(_ number: Int) throws -> TranslationUnit {
        TranslationUnit(variants: [
            Variant(language: try LanguageTag("en"), text: "The Embassy thanks the Ministry for its note number \(number + 100)."),
            Variant(language: try LanguageTag("fr"), text: "L'Ambassade remercie le Ministère de sa note numéro \(number + 100)."),
            Variant(language: try LanguageTag("km-KH"), text: "ស្ថានទូតសូមអរគុណក្រសួងចំពោះកំណត់ទូតលេខ \(number + 100)។"),
        ])
    }

    /// Every unit's stored previous context, by position in the file (1-based).
    static func contexts(_ memory: SQLiteMemory) throws -> [Int64: String?] {
        try memory.read { db in
            var result: [Int64: String?] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, previous_context FROM unit") { result[row[0]] = row[1] as String? }
            return result
        }
    }

    @Test("Import stores keys of the scrubbed predecessor (across chunk boundaries, with and without analysis threads, and with personal data kept); the sentence as typed still reaches 101",
          arguments: [(0, true), (2, true), (2, false)])
    func importKeys(threads: Int, scrub: Bool) throws {
        var options = ImportOptions(scrubPersonalData: scrub, indexBatchSize: 7)
        options.analysisThreads = threads
        // A sentence with personal data, then one without, fifteen times.
        let units = try (0..<15).flatMap { k in [try Self.pair(k), try Self.plain(k)] }
        let (memory, matcher, folder) = try ImportContextTests.imported([units], options: options)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scrubber = try PersonalDataScrubber()
        let contexts = try Self.contexts(memory)
        #expect(contexts.count == 30)
        for k in 1..<30 {
            let stored = try #require(contexts[Int64(k + 1)] ?? nil, "unit \(k + 1)")
            // Where the predecessor held personal data (every other unit), no key of it as typed.
            if k % 2 == 1 {
                for variant in units[k - 1].variants {
                    #expect(!stored.contains(ContextHash.of(variant.text)), "unit \(k + 1): a key of the sentence as typed")
                }
            }
            #expect(stored == ContextKeys(scrubbing: units[k - 1], with: scrubber).value)
            #expect(stored.contains(ContextHash.of(scrubber.scrub(units[k - 1], file: "", position: 0).unit.variants[0].text)))
        }
        // Searched with the previous sentence as typed, personal data and all (English and Khmer): the context band.
        let english = try #require(try matcher.search(units[11].variants[0].text, language: .english, previousSegment: units[10].variants[0].text).first)
        #expect(english.score == 101)
        let khmer = try #require(try matcher.search(units[11].variants[2].text, language: .khmer, previousSegment: units[10].variants[2].text).first)
        #expect(khmer.score == 101)
        // The same sentence about another person: the same context once scrubbed.
        let other = units[10].variants[0].text.replacingOccurrences(of: "Sok Dara", with: "Chan Thy").replacingOccurrences(of: "N1234505", with: "N7654321")
        #expect(other != units[10].variants[0].text)
        #expect(try matcher.search(units[11].variants[0].text, language: .english, previousSegment: other).first?.score == 101)
        #expect(try matcher.search(units[11].variants[0].text, language: .english, previousSegment: "The meeting was postponed.").first?.score == 100)
    }

    @Test("Opening a memory with keys of sentences as typed drops those of sentences with personal data and keeps the others")
    func migration() throws {
        let personal = try Self.pair(1)
        let plain = TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: "The Embassy thanks the Ministry."),
                                               Variant(language: try LanguageTag("fr"), text: "L'Ambassade remercie le Ministère.")])
        let next = TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: "It has the honour to inform the Ministry."),
                                              Variant(language: try LanguageTag("fr"), text: "Elle a l'honneur d'informer le Ministère.")])
        let last = TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: "The note is attached."),
                                              Variant(language: try LanguageTag("fr"), text: "La note est jointe.")])
        let (memory, _, folder) = try ImportContextTests.imported([[personal, next, plain, last]])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = memory.path
        try memory.close()
        // What an earlier build stored: keys of the predecessors as typed; and a context carried as text.
        let typed = { (unit: TranslationUnit) in ContextKeys(texts: unit.variants.map(\.text)).value }
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE unit SET previous_context = ? WHERE id = 2", arguments: [typed(personal)])
            try db.execute(sql: "UPDATE unit SET previous_context = ? WHERE id = 4", arguments: [typed(plain)])
            try db.execute(sql: "UPDATE unit SET previous_context = 'The Embassy refers to its note.' WHERE id = 3")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'memory.v6-scrubbed-context-keys'")
        }
        try queue.close()
        let reopened = try SQLiteMemory(path: path)
        let contexts = try Self.contexts(reopened)
        #expect(contexts[2] == .some(nil), "the keys of a sentence holding a name and a passport number are gone")
        #expect(contexts[4] == .some(typed(plain)), "a sentence without personal data keeps its key")
        #expect(contexts[3] == .some("The Embassy refers to its note."))
    }
}
