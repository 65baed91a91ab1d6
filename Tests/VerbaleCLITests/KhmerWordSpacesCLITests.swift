import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130f, m1: `ខែមករា` (glued, "January") and `ខែ មករា` (spaced) never met — search
/// 66 % ("no match" under the default 70), concordance 0 hits. The review's own repro.
@Suite("verbale: review 1130f m1 — Khmer months glued and spaced meet")
struct KhmerWordSpacesCLITests {
    /// The review's `month.tsv`: the first sentence stores `ខែ មករា` with a space.
    static let table = """
        en\tkm
        The meeting was held in January.\tកិច្ចប្រជុំ\u{200B}បាន\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ខែ មករា។
        The visit took place in March 2020.\tដំណើរ\u{200B}ទស្សនកិច្ច\u{200B}បាន\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ខែ\u{200B}មីនា ឆ្នាំ\u{200B}២០២០។

        """

    @Test("m1: the glued sentence finds the spaced one at 100 %, and concordance finds it glued, spaced and with U+200B")
    func reviewRepro() throws {
        let folder = try Scratch.folder("verbale-km-spaces")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("mo.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, "--format", "tsv", "-"], stdin: Self.table)
        #expect(imported.status == 0, "\(imported.stderr)")

        let search = try CLI.run(["search", "--memory", memory, "--to", "en", "កិច្ចប្រជុំ\u{200B}បាន\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ខែមករា។"])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.hasPrefix("100%"), "\(search.stdout)")
        #expect(search.stdout.contains("The meeting was held in January."), "\(search.stdout)")

        for query in ["ខែមករា", "ខែ មករា", "ខែ\u{200B}មករា"] {
            let hits = try CLI.run(["concordance", "--memory", memory, query])
            #expect(hits.status == 0, "\(hits.stderr)")
            #expect(hits.stdout.contains("នៅ\u{200B}[[ខែ មករា]]។"), "\(query): \(hits.stdout)")
        }
        // "January" alone: a part of the word the space fell inside.
        let january = try CLI.run(["concordance", "--memory", memory, "មករា"])
        #expect(january.stdout.contains("ខែ [[មករា]]។"), "\(january.stdout)")
        // March typed with U+200B is found by the month typed with a space, and glued.
        for query in ["ខែ មីនា", "ខែមីនា"] {
            let march = try CLI.run(["concordance", "--memory", memory, query])
            #expect(march.stdout.contains("[[ខែ\u{200B}មីនា]]"), "\(query): \(march.stdout)")
        }
        // The memory keeps the text as typed.
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        #expect(exported.stdout.contains("នៅ\u{200B}ខែ មករា។"), "\(exported.stdout)")
    }
}
