import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// Review 30 Nov, m8: concordance finds `ministère` for `Ministere` (typed without accents)
/// when nothing holds the word as typed; Khmer marks are never treated as accents.
@Suite("Concordance ignores accents when nothing matches as typed")
struct ConcordanceAccentTests {
    static func memory() throws -> (SQLiteMemory, URL) {
        let folder = try Scratch.folder("verbale-accents")
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a.tsv", units: [
            unit([("en", "The Ministry of Foreign Affairs"), ("fr", "Le Ministère des Affaires étrangères"), ("km", "ក្រសួង\u{200B}ការបរទេស")]),
            unit([("en", "The Embassy thanks the Ministry."), ("fr", "L'Ambassade remercie le Ministère.")]),
            unit([("en", "A ministere without accent"), ("fr", "Un ministere sans accent")]),
        ])])
        return (memory, folder)
    }

    @Test("`Ministere des affaires etrangeres` finds the French text, marked where the accented words are, as a phrase")
    func frenchWithoutAccents() throws {
        let (memory, folder) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try memory.concordance(ConcordanceQuery(text: "Ministere des affaires etrangeres"))
        #expect(result.accentsIgnored)
        #expect(result.hits.count == 1)
        #expect(result.hits.first?.marked == "Le [[Ministère des Affaires étrangères]]")
        #expect(result.hits.first?.phrase == true)
    }

    @Test("A word found as typed is not widened: `ministere` finds only the text without accent, `ministère` only those with")
    func exactFirst() throws {
        let (memory, folder) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try memory.concordance(ConcordanceQuery(text: "ministere"))
        #expect(!plain.accentsIgnored)
        // Both variants of the one unit that writes it without accent, and nothing else.
        #expect(Set(plain.hits.map(\.text)) == ["Un ministere sans accent", "A ministere without accent"])
        let accented = try memory.concordance(ConcordanceQuery(text: "ministère"))
        #expect(!accented.accentsIgnored)
        #expect(accented.hits.count == 2)
        // A wrong accent finds the right one.
        let wrong = try memory.concordance(ConcordanceQuery(text: "étrangéres"))
        #expect(wrong.accentsIgnored)
        #expect(wrong.hits.count == 1)
    }

    @Test("Khmer is never widened: a vowel sign or subscript left out is another word (ក្រសង does not find ក្រសួង), and a Khmer word is found as typed")
    func khmerUntouched() throws {
        let (memory, folder) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ConcordanceAccents.match(["ក្រសង"]) == nil)
        #expect(ConcordanceAccents.folded("ក្រសួង") == "ក្រសួង")
        #expect(try memory.concordance(ConcordanceQuery(text: "ក្រសង")).hits.isEmpty)
        let found = try memory.concordance(ConcordanceQuery(text: "ក្រសួង"))
        #expect(found.hits.count == 1)
        #expect(!found.accentsIgnored)
        // A Khmer word beside a Latin one typed without accents: the Latin one widens, the Khmer one stays.
        #expect(ConcordanceAccents.match(["ministere", "ក្រសួង"])?.contains("\"ក្រសួង\")") == true)
    }

    @Test("The spellings of a folded word stay within the budget, the common accents kept for long words")
    func spellings() {
        #expect(ConcordanceAccents.spellings(of: "ministere").contains("ministère"))
        #expect(ConcordanceAccents.spellings(of: "developpement").contains("développement"))
        #expect(ConcordanceAccents.spellings(of: "gouvernement").count <= ConcordanceAccents.budget)
        #expect(ConcordanceAccents.spellings(of: "2021") == ["2021"])
    }
}
