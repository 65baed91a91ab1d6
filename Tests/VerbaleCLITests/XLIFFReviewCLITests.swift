import Foundation
import Testing

/// XLIFF through the CLI: what CAT tools are told about Verbale's unreviewed Khmer, and what
/// Verbale makes of targets other tools did not confirm, or split into segments.
@Suite("verbale export/import: XLIFF review states and segments")
struct XLIFFReviewCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/formats")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    @Test("export --format xliff --langs en,km shows every shipped Khmer formula as initial/verbale:unreviewed, never translated")
    func shippedKhmerIsInitial() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try CLI.run(["export", "--format", "xliff", "--langs", "en,km", "-"], environment: shippedMemoryEnvironment(folder))
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.components(separatedBy: "<segment state=\"initial\" subState=\"verbale:unreviewed\">").count - 1 == 50)
        #expect(!export.stdout.contains("state=\"translated\""))
        #expect(export.stdout.contains("<target>សូមគោរពជូនចំពោះ</target>"))
        // Read back: the Khmer stays unreviewed and the English keeps the shipped statuses.
        let shipped = try reviewByLanguage([], environment: shippedMemoryEnvironment(folder))
        let memory = folder.appendingPathComponent("again.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, "-"], stdin: export.stdout).status == 0)
        let again = try reviewByLanguage(["--memory", memory])
        #expect(again["km"] == ["unreviewed": 50])
        #expect(again["en"] == shipped["en"])
    }

    @Test("XLIFF 2.0 without state and 1.2 mt-suggestion/fuzzy-match targets are imported unreviewed: search shows [unreviewed]")
    func unconfirmedTargetsAreUnreviewed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("m.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, Self.fixture("unconfirmed-2.0.xlf"), Self.fixture("unconfirmed-1.2.xlf")])
        #expect(imported.status == 0, "\(imported.stderr)")
        for (sentence, khmer) in [("The Ministry avails itself of this opportunity.", "ក្រសួង​សូម​ឆ្លៀត​ឱកាស​នេះ។"),
                                  ("The Embassy greets the Ministry.", "ស្ថានទូត​សូម​ស្វាគមន៍​ក្រសួង។"),
                                  ("The Ministry thanks the Embassy.", "ក្រសួង​សូម​អរគុណ​ស្ថានទូត។")] {
            let search = try CLI.run(["search", "--memory", memory, sentence, "--to", "km"])
            #expect(search.status == 0, "\(search.stderr)")
            #expect(search.stdout.contains("km: \(khmer)  [unreviewed]"), "\(sentence): \(search.stdout)")
        }
        let confirmed = try CLI.run(["search", "--memory", memory, "The Embassy thanks the Ministry.", "--to", "km"])
        #expect(confirmed.stdout.contains("km: ស្ថានទូត​សូម​អរគុណ​ក្រសួង។\n"), "\(confirmed.stdout)")
    }

    @Test("A segmented XLIFF 1.2 (SDLXLIFF-style seg-source) imports one unit per segment and exports TMX without phantom tags")
    func segmentedImport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("m.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, "--json", Self.fixture("segmented-1.2.xlf")])
        #expect(imported.status == 0, "\(imported.stderr)")
        let tmx = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        // The tag inside segment 1 is the same code on both sides; segment 2's Khmer has none.
        #expect(tmx.stdout.contains("<seg>The Embassy thanks the <bpt i=\"1\"/>Ministry<ept i=\"1\"/>.</seg>"))
        #expect(tmx.stdout.contains("<seg>ស្ថានទូត​សូម​អរគុណ <bpt i=\"1\"/>ក្រសួង<ept i=\"1\"/>។</seg>"))
        #expect(tmx.stdout.contains("<seg>ស្ថានទូត​សូម​ឆ្លៀត​ឱកាស​នេះ។</seg>"))
        #expect(tmx.stdout.contains("<seg>ភ្នំពេញ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១។</seg>"))
        // The fourth segment has no Khmer yet: a one-language unit, skipped by import.
        #expect(tmx.stdout.components(separatedBy: "<tu ").count - 1 == 3)
        #expect(!tmx.stdout.contains("<seg><bpt"), "a segment marker became a tag")
    }
}
