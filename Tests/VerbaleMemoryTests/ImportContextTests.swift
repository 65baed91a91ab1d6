import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// F22: import records, for each unit, the context key of the unit before it in the same file,
/// so a search given the same previous segment reaches the 101 "context" band.
@Suite("Import records each unit's previous segment for 101 context matches")
struct ImportContextTests {
    static func unit(_ en: String, _ fr: String, _ km: String? = nil) throws -> TranslationUnit {
        var variants = [Variant(language: try LanguageTag("en"), text: en), Variant(language: try LanguageTag("fr"), text: fr)]
        if let km { variants.append(Variant(language: try LanguageTag("km-KH"), text: km)) }
        return TranslationUnit(variants: variants)
    }

    static func imported(_ sources: [[TranslationUnit]], options: ImportOptions = ImportOptions()) throws -> (SQLiteMemory, FuzzyMatcher, URL) {
        let folder = try Scratch.folder("verbale-context")
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        _ = try memory.importUnits(from: sources.enumerated().map { ArrayUnitSource(name: "note\($0.offset).tmx", units: $0.element) }, options: options)
        let (index, _, _) = try MatchIndexCache.open(memory)
        return (memory, FuzzyMatcher(index: index, archive: StoredUnits(memory: memory)), folder)
    }

    static let pair = [
        ("The Embassy thanks the Ministry.", "L'Ambassade remercie le Ministère.", "ស្ថានទូតសូមថ្លែងអំណរគុណដល់ក្រសួង។"),
        ("It has the honour to inform the Ministry.", "Elle a l'honneur d'informer le Ministère.", "ស្ថានទូតមានកិត្តិយសសូមជម្រាបជូនក្រសួង។"),
    ]

    @Test("Two consecutive units: the second scores 101 after its previous segment (English and Khmer), 100 otherwise",
          arguments: [0, 2])
    func consecutive(threads: Int) throws {
        var options = ImportOptions()
        options.analysisThreads = threads
        let (_, matcher, folder) = try Self.imported([try Self.pair.map { try Self.unit($0.0, $0.1, $0.2) }], options: options)
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = try #require(try matcher.search(Self.pair[1].0, language: .english, previousSegment: Self.pair[0].0).first)
        #expect(english.score == 101)
        #expect(english.targets["fr"] == Self.pair[1].1)
        // Typed again with other spacing and case: the same key.
        #expect(try matcher.search(Self.pair[1].0, language: .english, previousSegment: "the embassy  thanks the Ministry.").first?.score == 101)
        let khmer = try #require(try matcher.search(Self.pair[1].2, language: .khmer, previousSegment: Self.pair[0].2).first)
        #expect(khmer.score == 101)
        #expect(try matcher.search(Self.pair[1].0, language: .english).first?.score == 100)
        #expect(try matcher.search(Self.pair[1].0, language: .english, previousSegment: "The Ministry thanks the Embassy.").first?.score == 100)
        // The first unit of the file has no previous segment.
        #expect(try matcher.search(Self.pair[0].0, language: .english, previousSegment: Self.pair[1].0).first?.score == 100)
    }

    @Test("Across chunk boundaries and files: every unit knows its predecessor in its own file only")
    func chunks() throws {
        var options = ImportOptions(indexBatchSize: 7)
        options.analysisThreads = 2
        let file = try (0..<40).map { try Self.unit("The Embassy refers to note number \($0).", "L'Ambassade se réfère à la note numéro \($0).") }
        let other = try [Self.unit("The meeting was postponed.", "La réunion a été reportée.")]
        let (memory, matcher, folder) = try Self.imported([file, other], options: options)
        defer { try? FileManager.default.removeItem(at: folder) }
        var contexts: [String: String?] = [:]
        try memory.forEachUnit(languages: nil) { stored in
            contexts[stored.unit.variants[0].text] = stored.unit.metadata.previousContext
        }
        #expect(contexts["The Embassy refers to note number 0."] == .some(nil))
        #expect(contexts["The meeting was postponed."] == .some(nil))
        for number in 1..<40 {
            let match = try #require(try matcher.search("The Embassy refers to note number \(number).", language: .english,
                                                        previousSegment: "The Embassy refers to note number \(number - 1).").first)
            #expect(match.score == 101, "unit \(number)")
        }
    }

    @Test("A context the file carries is kept, as a key or as the previous segment's text")
    func fileContextKept() throws {
        var second = try Self.unit(Self.pair[1].0, Self.pair[1].1)
        second.metadata.previousContext = "The meeting was postponed."
        var third = try Self.unit("The Ministry acknowledges receipt.", "Le Ministère accuse réception.")
        third.metadata.previousContext = ContextHash.of("Any other sentence.")
        let (_, matcher, folder) = try Self.imported([[try Self.unit(Self.pair[0].0, Self.pair[0].1), second, third]])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try matcher.search(Self.pair[1].0, language: .english, previousSegment: "The meeting was postponed.").first?.score == 101)
        #expect(try matcher.search(Self.pair[1].0, language: .english, previousSegment: Self.pair[0].0).first?.score == 100)
        #expect(try matcher.search("The Ministry acknowledges receipt.", language: .english, previousSegment: "Any other sentence.").first?.score == 101)
        #expect(try matcher.search("The Ministry acknowledges receipt.", language: .english, previousSegment: Self.pair[1].0).first?.score == 100)
    }

    @Test("The stored context is a key, never the previous segment's personal data")
    func noPersonalData() throws {
        let first = try Self.unit("The Embassy requests a visa for Mr. John Smith.", "L'Ambassade demande un visa pour M. John Smith.")
        let (memory, matcher, folder) = try Self.imported([[first, try Self.unit(Self.pair[1].0, Self.pair[1].1)]])
        defer { try? FileManager.default.removeItem(at: folder) }
        try memory.forEachUnit(languages: nil) { stored in
            #expect(!(stored.unit.metadata.previousContext ?? "").contains("Smith"))
        }
        #expect(try matcher.search(Self.pair[1].0, language: .english, previousSegment: "The Embassy requests a visa for Mr. John Smith.").first?.score == 101)
    }
}
