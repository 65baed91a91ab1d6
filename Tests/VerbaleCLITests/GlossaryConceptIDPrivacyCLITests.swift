import Foundation
import Testing
import VerbaleTestSupport

/// Concept ids minted from an author's e-mail address (TBX `<conceptEntry
/// id="jane.doe@mfa.gov.kh-17">`, a CSV/TSV `id` column) were stored, printed by `lookup`
/// (`from: FILE#ID`) and exported as they came, while the termbase name beside them was
/// scrubbed. They are now scrubbed with the same detector (identifier rules, as a memory
/// unit's `tuid`), and stay unique: two ids that differ only in the address do not become one
/// concept that replaces the other.
@Suite("verbale glossary import: personal data in concept ids")
struct GlossaryConceptIDPrivacyCLITests {
    static let tbx = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
    <tbxHeader><fileDesc><sourceDesc><p>MFA terms</p></sourceDesc></fileDesc></tbxHeader>
    <text><body>
    <conceptEntry id="jane.doe@mfa.gov.kh-17"><langSec xml:lang="en"><termSec><term>consulate general</term></termSec></langSec>
    <langSec xml:lang="km"><termSec><term>អគ្គកុងស៊ុល</term></termSec></langSec></conceptEntry>
    <conceptEntry id="sok.dara@mfa.gov.kh-17"><langSec xml:lang="en"><termSec><term>chargé d'affaires a.i.</term></termSec></langSec>
    <langSec xml:lang="km"><termSec><term>ភារធារី</term></termSec></langSec></conceptEntry>
    <conceptEntry id="c3"><descrip type="definition">Entered by jane.doe@mfa.gov.kh.</descrip>
    <langSec xml:lang="en"><termSec><term>note verbale</term></termSec></langSec>
    <langSec xml:lang="km"><termSec><term>កំណត់ទូត</term></termSec></langSec></conceptEntry>
    </body></text></tbx>
    """

    static let tsv = "id\ten\tfr\tkm\nvannak.heng@mfa.gov.kh-1\tembassy\tambassade\tស្ថានទូត\nc2\tministry\tministère\tក្រសួង\n"

    static let secrets = ["jane.doe", "sok.dara", "vannak.heng", "mfa.gov.kh"]

    @Test("TBX and TSV ids holding an e-mail: stored, looked up and exported scrubbed; all concepts kept; the report names the id")
    func scrubbedIDs() throws {
        let dir = try Scratch.folder("verbale-glossary-ids")
        let memory = GlossaryCLITests.memory()
        let report = dir.appendingPathComponent("report.tsv").path
        let tbx = try GlossaryFollowUpCLITests.write(Self.tbx, "mfa.tbx", in: dir)
        let tsv = try GlossaryFollowUpCLITests.write(Self.tsv, "ids.tsv", in: dir)
        let result = try CLI.run(["glossary", "import", "--memory", memory, "--report", report, tbx, tsv])
        #expect(result.status == 0, "\(result.stderr)")
        // Both TBX concepts whose ids differ only in the address are kept (neither replaces the other).
        #expect(result.stdout.contains("mfa: 3 concepts added, 0 replaced"), "\(result.stdout)")
        #expect(result.stdout.contains("ids: 2 concepts added"), "\(result.stdout)")
        #expect(result.stdout.contains("EMAIL"), "\(result.stdout)")

        let exported = try GlossaryFollowUpCLITests.export(memory, termbase: "mfa", format: "tbx")
        #expect(exported.contains("id=\"{EMAIL}-17\""), "\(exported)")
        #expect(exported.contains("id=\"{EMAIL2}-17\""), "\(exported)")
        #expect(exported.contains("id=\"c3\""), "a clean id is kept: \(exported)")
        let table = try GlossaryFollowUpCLITests.export(memory, termbase: "ids", format: "tsv")
        let lookup = try CLI.run(["glossary", "lookup", "--memory", memory, "embassy"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        #expect(lookup.stdout.contains("from: ids.tsv#{EMAIL}-1,"), "\(lookup.stdout)")
        let lookupJSON = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "consulate general"])
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: memory)), as: UTF8.self)
        for secret in Self.secrets {
            for (place, text) in [("TBX export", exported), ("TSV export", table), ("lookup", lookup.stdout), ("lookup --json", lookupJSON.stdout),
                                  ("the SQLite file", bytes)] {
                #expect(!text.contains(secret), "\(secret) in \(place)")
            }
        }
        let rows = try String(contentsOfFile: report, encoding: .utf8)
        #expect(rows.contains("jane.doe@mfa.gov.kh\tid\n"), "\(rows)")
        #expect(rows.contains("vannak.heng@mfa.gov.kh\tid\n"), "\(rows)")
    }

    @Test("Importing the same file again finds every scrubbed concept unchanged; the exported scrubbed TBX reads back as it is")
    func stableIDs() throws {
        let dir = try Scratch.folder("verbale-glossary-ids")
        let memory = GlossaryCLITests.memory()
        let tbx = try GlossaryFollowUpCLITests.write(Self.tbx, "mfa.tbx", in: dir)
        #expect(try CLI.run(["glossary", "import", "--memory", memory, tbx]).status == 0)
        let again = try CLI.run(["glossary", "import", "--memory", memory, tbx])
        #expect(again.stdout.contains("mfa: 0 concepts added, 0 replaced, 3 unchanged"), "\(again.stdout)\(again.stderr)")
        let exported = try GlossaryFollowUpCLITests.export(memory, termbase: "mfa", format: "tbx")
        let copy = try GlossaryFollowUpCLITests.write(exported, "copy.tbx", in: dir)
        let other = GlossaryCLITests.memory()
        let round = try CLI.run(["glossary", "import", "--memory", other, "--termbase", "mfa", copy])
        #expect(round.status == 0, "\(round.stderr)")
        #expect(round.stdout.contains("mfa: 3 concepts added"), "\(round.stdout)")
        #expect(try GlossaryFollowUpCLITests.export(other, termbase: "mfa", format: "tbx") == exported)
    }

    @Test("--keep-personal-data keeps the ids as they are")
    func keptIDs() throws {
        let dir = try Scratch.folder("verbale-glossary-ids")
        let memory = GlossaryCLITests.memory()
        let tbx = try GlossaryFollowUpCLITests.write(Self.tbx, "mfa.tbx", in: dir)
        #expect(try CLI.run(["glossary", "import", "--memory", memory, "--keep-personal-data", tbx]).status == 0)
        let exported = try GlossaryFollowUpCLITests.export(memory, termbase: "mfa", format: "tbx")
        #expect(exported.contains("id=\"jane.doe@mfa.gov.kh-17\""), "\(exported)")
    }
}
