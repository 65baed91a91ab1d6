import Foundation
import Testing
import VerbaleTestSupport

/// Imported terms say where they came from, and keep the status their file gave — or none
/// (review 1130b, m8).
@Suite("verbale glossary: origin and stated status of imported terms")
struct GlossaryOriginCLITests {
    /// `c1`: a status for English only; French and Khmer state none.
    static let tbx = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
    <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
    <text><body>
    <conceptEntry id="c1">
    <langSec xml:lang="en"><termSec><term>note verbale</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
    <langSec xml:lang="fr-FR"><termSec><term>note verbale</term></termSec></langSec>
    <langSec xml:lang="km-KH"><termSec><term>កំណត់​ទូត</term></termSec></langSec>
    </conceptEntry>
    </body></text></tbx>
    """

    static func imported() throws -> (memory: String, file: String) {
        let dir = try Scratch.folder("verbale-glossary-origin")
        let file = dir.appendingPathComponent("ok.tbx")
        try Data(Self.tbx.utf8).write(to: file)
        let memory = GlossaryCLITests.memory()
        let result = try CLI.run(["glossary", "import", "--memory", memory, file.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (memory, file.path)
    }

    @Test("lookup shows the term's origin (file, entry id, termbase) and no status the file did not give; --json adds origin and statusStated")
    func lookup() throws {
        let (memory, _) = try Self.imported()
        let text = try CLI.run(["glossary", "lookup", "--memory", memory, "note verbale"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("from: ok.tbx#c1, termbase ok"), "\(text.stdout)")
        #expect(text.stdout.contains("en    note verbale  (preferred)"), "\(text.stdout)")
        let block = text.stdout.components(separatedBy: "from: ok.tbx")[0]
        #expect(!block.contains("admitted"), "a status nobody stated: \(block)")
        #expect(text.stdout.contains("km-KH កំណត់​ទូត [unreviewed]\n") || text.stdout.contains("km-KH កំណត់​ទូត\n"), "\(text.stdout)")

        let json = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "កំណត់ទូត"])
        #expect(json.status == 0, "\(json.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let first = try #require(array.first { $0["concept"] as? String == "c1" })
        let origin = try #require(first["origin"] as? [String: String])
        #expect(origin == ["termbase": "ok", "file": "ok.tbx", "entry": "c1"])
        let terms = try #require(first["terms"] as? [String: [[String: Any]]])
        // `status` stays (a contract) as the status the term is ranked by; `statusStated` says none was given.
        #expect(terms["km-KH"]?.first?["status"] as? String == "admitted")
        #expect(terms["km-KH"]?.first?["statusStated"] as? Bool == false)
        #expect(terms["en"]?.first?["statusStated"] as? Bool == true)
    }

    @Test("export writes only the status the file gave, and import(export(x)) finds x unchanged, in TBX and TSV")
    func roundTrip() throws {
        let (memory, _) = try Self.imported()
        let tbx = try CLI.run(["glossary", "export", "--memory", memory, "--termbase", "ok", "-"])
        #expect(tbx.status == 0, "\(tbx.stderr)")
        #expect(tbx.stdout.components(separatedBy: "administrativeStatus").count == 2, "one status, English's: \(tbx.stdout)")
        #expect(!tbx.stdout.contains("admitted"))
        let again = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "ok", "--format", "tbx", "-"], stdin: tbx.stdout)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 concepts added, 0 replaced, 1 unchanged"), "\(again.stdout)")

        // TSV: a status column left empty stays empty.
        let dir = try Scratch.folder("verbale-glossary-origin")
        let file = dir.appendingPathComponent("s.tsv")
        try Data("id\ten\tkm\tkm status\nc9\tembassy\tស្ថានទូត\tpreferred\n".utf8).write(to: file)
        #expect(try CLI.run(["glossary", "import", "--memory", memory, file.path]).status == 0)
        let tsv = try CLI.run(["glossary", "export", "--memory", memory, "--termbase", "s", "--format", "tsv", "-"])
        #expect(tsv.status == 0, "\(tsv.stderr)")
        #expect(!tsv.stdout.contains("admitted"), "\(tsv.stdout)")
        #expect(tsv.stdout.contains("preferred"), "\(tsv.stdout)")
        let back = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "s", "--format", "tsv", "-"], stdin: tsv.stdout)
        #expect(back.stdout.contains("0 concepts added, 0 replaced, 1 unchanged"), "\(back.stdout)\(back.stderr)")
    }
}
