import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130f, m5: `draft translate --format xliff` wrote targets holding ⟦untranslated⟧ English as
/// `initial`/`verbale:unreviewed`, and `import` stored them as Khmer translations that `search`
/// offered at 100 %. Now a target that is not fully translated says so in its state
/// (`verbale:needs-translation`) and the import leaves it out, counted.
@Suite("verbale: review 1130f m5 — a draft translate XLIFF never comes back as a translation")
struct Review1130fDraftCLITests {
    /// The shipped stock phrases alone: no user memory, so the draft is the same on every machine.
    static let environment = ["VERBALE_MEMORY": "", "XDG_DATA_HOME": Scratch.path("verbale-empty-1130f").path]

    static let draft = """
    The Embassy of the Republic of Korea presents its compliments to the Ministry of Foreign Affairs and International Cooperation of the Kingdom of Cambodia and has the honour to inform the Ministry that the Ambassador will be absent from 12 to 20 March 2021.

    The Embassy of the Republic of Korea avails itself of this opportunity to renew to the Ministry of Foreign Affairs and International Cooperation the assurances of its highest consideration.

    """

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("m5: a draft's segment with ⟦…⟧ is initial/verbale:needs-translation in XLIFF, and import leaves it out, counted; the complete one is imported unreviewed")
    func draftXLIFFIsNotImportedAsTranslation() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = try CLI.run(["draft", "translate", "-", "--to", "km", "--format", "xliff"], stdin: Self.draft, environment: Self.environment)
        #expect(xliff.status == 0, "\(xliff.stderr)")
        // Segment 1 keeps ⟦the Ministry that the⟧…; segment 2 assembles whole (the Republic of Korea has its Khmer name).
        let segments = xliff.stdout.components(separatedBy: "<segment ").dropFirst()
        #expect(segments.count == 2)
        #expect(segments.first?.hasPrefix("state=\"initial\" subState=\"verbale:needs-translation\">") == true, "\(xliff.stdout)")
        #expect(segments.first?.contains("⟦the Ministry that the⟧") == true, "\(xliff.stdout)")
        #expect(segments.last?.hasPrefix("state=\"initial\" subState=\"verbale:unreviewed\">") == true, "\(xliff.stdout)")
        #expect(segments.last?.contains("⟦") == false, "\(xliff.stdout)")
        let file = folder.appendingPathComponent("d1.xlf")
        try Data(xliff.stdout.utf8).write(to: file)
        let memory = folder.appendingPathComponent("dx.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, "--json", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try Self.json(imported.stdout)
        #expect(summary["added"] as? Int == 1, "\(imported.stdout)")
        #expect(summary["skipped"] as? [String: Int] == ["target not translated": 1], "\(imported.stdout)")
        let text = try CLI.run(["import", "--memory", memory, "--dry-run", file.path])
        #expect(text.stdout.contains("skipped 1: target not translated"), "\(text.stdout)")
        let gap = try CLI.run(["search", "--memory", memory, "--to", "km", "--min", "1", Self.draft.components(separatedBy: "\n")[0]])
        #expect(!gap.stdout.contains("⟦"), "\(gap.stdout)")
        #expect(!gap.stdout.contains("100%"), "\(gap.stdout)")
        let whole = try CLI.run(["search", "--memory", memory, "--to", "km", Self.draft.components(separatedBy: "\n")[2]])
        #expect(whole.stdout.contains("100%") && whole.stdout.contains("[unreviewed]") && !whole.stdout.contains("⟦"), "\(whole.stdout)")
    }

    @Test("m5: a fully assembled segment stays initial/verbale:unreviewed and is imported as an unreviewed translation")
    func completeSegmentIsImportedUnreviewed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sentence = "The Embassy of the Kingdom of Cambodia avails itself of this opportunity to renew to the Ministry of Foreign Affairs the assurances of its highest consideration."
        let xliff = try CLI.run(["draft", "translate", "-", "--to", "km", "--format", "xliff"], stdin: sentence + "\n", environment: Self.environment)
        #expect(xliff.status == 0, "\(xliff.stderr)")
        #expect(!xliff.stdout.contains("⟦"), "the sentence is expected to assemble whole: \(xliff.stdout)")
        #expect(xliff.stdout.contains("<segment state=\"initial\" subState=\"verbale:unreviewed\">"), "\(xliff.stdout)")
        let file = folder.appendingPathComponent("whole.xlf")
        try Data(xliff.stdout.utf8).write(to: file)
        let memory = folder.appendingPathComponent("w.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, "--json", file.path])
        #expect(try Self.json(imported.stdout)["added"] as? Int == 1, "\(imported.stdout)")
        let search = try CLI.run(["search", "--memory", memory, "--to", "km", sentence])
        #expect(search.stdout.contains("[unreviewed]"), "\(search.stdout)")
    }

    @Test("m5: a TSV row holding ⟦…⟧ is skipped under its own reason")
    func markedTSV() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pasted.tsv")
        try Data("en\tkm\nThe Embassy of the Republic of Korea.\tស្ថានទូត ⟦of the Republic of Korea⟧\nThank you.\tសូម​អរគុណ។\n".utf8).write(to: file)
        let imported = try CLI.run(["import", "--memory", folder.appendingPathComponent("t.sqlite").path, "--json", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try Self.json(imported.stdout)
        #expect(summary["added"] as? Int == 1)
        #expect(summary["skipped"] as? [String: Int] == ["untranslated ⟦…⟧ text": 1], "\(imported.stdout)")
    }
}
