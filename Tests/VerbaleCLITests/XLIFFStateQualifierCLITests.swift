import Foundation
import Testing

/// A translator brings an XLIFF 1.2 file from a CAT tool whose targets say where they came
/// from (`state-qualifier`), imports it and exports the memory as XLIFF 1.2 again: the
/// qualifiers come back, and the machine suggestion is still unreviewed. Fixtures are ours.
@Suite("verbale import/export: an XLIFF 1.2 state-qualifier survives import → export --format xliff12")
struct XLIFFStateQualifierCLITests {
    static let file = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="notes.docx" source-language="en" target-language="km" datatype="plaintext"><body>
        <trans-unit id="1"><source>The Embassy presents its compliments.</source><target state="translated" state-qualifier="exact-match">ស្ថានទូត​សូម​គោរព។</target></trans-unit>
        <trans-unit id="2"><source>Thank you.</source><target state="needs-review-translation" state-qualifier="mt-suggestion">សូម​អរគុណ។</target></trans-unit>
        </body></file></xliff>
        """

    @Test("exact-match and mt-suggestion come back on their targets in XLIFF 1.2 (and as x-state-qualifier in TMX)")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("in.xlf")
        try Data(Self.file.utf8).write(to: input)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, input.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let v12 = try CLI.run(["export", "--memory", memory, "--format", "xliff12", "-"])
        #expect(v12.status == 0, "\(v12.stderr)")
        #expect(v12.stdout.contains("<target state=\"translated\" state-qualifier=\"exact-match\">ស្ថានទូត​សូម​គោរព។</target>"), "\(v12.stdout)")
        #expect(v12.stdout.contains("<target state=\"needs-review-translation\" state-qualifier=\"mt-suggestion\">សូម​អរគុណ។</target>"), "\(v12.stdout)")
        let tmx = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(tmx.stdout.contains("<prop type=\"x-state-qualifier\">exact-match</prop>"), "\(tmx.stdout)")
    }
}
