import Foundation
import Testing
import VerbaleTestSupport

/// `glossary import` as review 1130b found it: personal data in the terms' free texts (G1),
/// columns and langSets in a language Verbale does not support (G2).
@Suite("verbale glossary import: personal data and unsupported languages")
struct GlossaryImportReviewCLITests {
    /// A TBX v3 termbase whose definitions and notes name people, in English, French and Khmer.
    static let tbx = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
    <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
    <text><body>
    <conceptEntry id="c2">
    <descrip type="definition">Contact: Mr. Vannak Heng, vannak.heng@mfa.gov.kh, +855 23 214 441</descrip>
    <langSec xml:lang="en"><termSec><term>chargé d'affaires a.i.</term><note>Checked by Ms. Dara Sok, passport N7654321</note></termSec></langSec>
    <langSec xml:lang="fr"><termSec><term>chargé d'affaires par intérim</term><note>Vérifié par M. Jean Dupont, jean.dupont@diplomatie.gouv.fr</note></termSec></langSec>
    <langSec xml:lang="km"><termSec><term>ភារធារី</term><note>ពិនិត្យ​ដោយ លោក សុខ ដារា ទូរស័ព្ទ +855 12 345 678</note></termSec></langSec>
    </conceptEntry>
    </body></text></tbx>
    """

    static let tsv = """
    en\tfr\tkm\tnote\tsource
    consulate general\tconsulat général\tអគ្គកុងស៊ុល\tadded by Mr. Vannak Heng, vannak.heng@mfa.gov.kh\tcall Ms. Dara Sok on +855 12 999 888

    """

    static let secrets = ["Vannak", "Heng", "vannak.heng", "214 441", "N7654321", "Dara", "Dupont", "jean.dupont", "សុខ", "ដារា", "345 678", "999 888"]

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("G1: definitions, notes and sources in EN/FR/KM are scrubbed before they are stored; the terms stay; a summary is printed")
    func scrubbed() throws {
        let dir = try Scratch.folder("verbale-glossary-privacy")
        let memory = GlossaryCLITests.memory()
        let result = try CLI.run(["glossary", "import", "--memory", memory, try Self.write(Self.tbx, "terms.tbx", in: dir), try Self.write(Self.tsv, "g.tsv", in: dir)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("personal data replaced:"), "\(result.stdout)")
        #expect(result.stdout.contains("EMAIL") && result.stdout.contains("PERSON") && result.stdout.contains("PHONE"), "\(result.stdout)")

        let export = try CLI.run(["glossary", "export", "--memory", memory, "--format", "tbx", "-"])
        #expect(export.status == 0, "\(export.stderr)")
        let lookup = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "chargé d'affaires a.i."])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: memory)), as: UTF8.self)
        for secret in Self.secrets {
            #expect(!export.stdout.contains(secret), "\(secret) exported")
            #expect(!lookup.stdout.contains(secret), "\(secret) in lookup --json")
            #expect(!bytes.contains(secret), "\(secret) in the SQLite file")
        }
        #expect(export.stdout.contains("Contact: Mr. {PERSON}, {EMAIL}, {PHONE}"), "\(export.stdout)")
        #expect(export.stdout.contains("លោក {PERSON"), "\(export.stdout)")
        // The terms themselves are left alone.
        for term in ["chargé d&apos;affaires a.i.", "chargé d&apos;affaires par intérim", "ភារធារី", "consulate general", "អគ្គកុងស៊ុល"] {
            #expect(export.stdout.contains(term), "\(term) lost")
        }
    }

    @Test("G1: --report writes the originals to a 0600 TSV naming the field; --keep-personal-data stores them; the two together are refused")
    func reportAndKeep() throws {
        let dir = try Scratch.folder("verbale-glossary-privacy")
        let file = try Self.write(Self.tbx, "terms.tbx", in: dir)
        let report = dir.appendingPathComponent("report.tsv").path
        let memory = GlossaryCLITests.memory()
        let result = try CLI.run(["glossary", "import", "--memory", memory, "--report", report, file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(where: \(report))"), "\(result.stdout)")
        let rows = try String(contentsOfFile: report, encoding: .utf8)
        #expect(rows.hasPrefix("file\tunit\tunit_id\tlanguage\ttype\tplaceholder\tstart\tend\toriginal\tfield\n"))
        #expect(rows.contains("\tc2\t\tPERSON\t{PERSON}\t") && rows.contains("Vannak Heng\tdefinition"), "\(rows)")
        #expect(rows.contains("\tkm\tPHONE\t"), "the Khmer note's phone, with its language: \(rows)")
        let permissions = try FileManager.default.attributesOfItem(atPath: report)[.posixPermissions] as? Int
        #expect(permissions == 0o600)

        let kept = GlossaryCLITests.memory()
        let keep = try CLI.run(["glossary", "import", "--memory", kept, "--keep-personal-data", file])
        #expect(keep.status == 0, "\(keep.stderr)")
        #expect(!keep.stdout.contains("personal data replaced"))
        let export = try CLI.run(["glossary", "export", "--memory", kept, "--format", "tbx", "-"])
        #expect(export.stdout.contains("Contact: Mr. Vannak Heng, vannak.heng@mfa.gov.kh, +855 23 214 441"))

        let both = try CLI.run(["glossary", "import", "--memory", GlossaryCLITests.memory(), "--keep-personal-data", "--report", report, file])
        #expect(both.status != 0 && both.stderr.contains("cannot be used with --keep-personal-data"), "\(both.stderr)")
    }

    @Test("G1: --json reports personal_data per file beside the existing fields")
    func json() throws {
        let dir = try Scratch.folder("verbale-glossary-privacy")
        let result = try CLI.run(["glossary", "import", "--json", "--memory", GlossaryCLITests.memory(), try Self.write(Self.tsv, "g.tsv", in: dir)])
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let first = try #require(reports.first)
        #expect(first["termbase"] as? String == "g" && first["added"] as? Int == 1 && first["terms"] as? Int == 3)
        let counts = try #require(first["personal_data"] as? [String: Int])
        // The row's source is every term's: its phone number is replaced in each of the 3 terms.
        #expect(counts["EMAIL"] == 1 && counts["PHONE"] == 3, "\(counts)")
    }

    @Test("G2: a Khmer column headed kh is kept with a warning giving the fix; --lang-map kh=km makes it Khmer")
    func khColumn() throws {
        let dir = try Scratch.folder("verbale-glossary-languages")
        let file = try Self.write("en\tkh\nembassy\tស្ថានទូត\n", "g-kh.tsv", in: dir)
        let memory = GlossaryCLITests.memory()
        let result = try CLI.run(["glossary", "import", "--memory", memory, file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("the language \"kh\" is not one Verbale supports"), "\(result.stderr)")
        #expect(result.stderr.contains("its 1 term is kept under \"kh\""), "\(result.stderr)")
        #expect(result.stderr.contains("Khmer is \"km\": rerun with --lang-map kh=km"), "\(result.stderr)")
        let export = try CLI.run(["glossary", "export", "--memory", memory, "--termbase", "g-kh", "-"])
        #expect(export.stdout.contains("ស្ថានទូត"), "the Khmer cell is kept: \(export.stdout)")

        let mapped = try CLI.run(["glossary", "import", "--memory", memory, "--lang-map", "kh=km", file])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(!mapped.stderr.contains("not one Verbale supports"), "\(mapped.stderr)")
        let tsv = try CLI.run(["glossary", "export", "--memory", memory, "--termbase", "g-kh", "--format", "tsv", "-"])
        #expect(tsv.stdout.contains("embassy\t\tស្ថានទូត"), "\(tsv.stdout)")
    }

    @Test("G2: a TBX langSet in kh is counted in the warning, and --lang-map kh=km lets glossary terms find the Khmer")
    func khLangSet() throws {
        let dir = try Scratch.folder("verbale-glossary-languages")
        let tbx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
        <text><body>
        <termEntry id="t1"><langSet xml:lang="en"><tig><term>protocol department</term></tig></langSet><langSet xml:lang="kh"><tig><term>នាយកដ្ឋានពិធីការ</term></tig></langSet></termEntry>
        </body></text></martif>
        """
        let file = try Self.write(tbx, "kh.tbx", in: dir)
        let memory = GlossaryCLITests.memory()
        let warned = try CLI.run(["glossary", "import", "--memory", memory, file])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("\"kh\" is not one Verbale supports") && warned.stderr.contains("--lang-map kh=km"), "\(warned.stderr)")
        let mapped = try CLI.run(["glossary", "import", "--memory", memory, "--lang-map", "kh=km", file])
        #expect(mapped.status == 0 && mapped.stdout.contains("1 replaced"), "\(mapped.stdout)\(mapped.stderr)")
        let found = try CLI.run(["glossary", "terms", "--memory", memory, "-"], stdin: "នាយកដ្ឋានពិធីការ\n")
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("នាយកដ្ឋានពិធីការ") && found.stdout.contains("protocol department"), "\(found.stdout)")
    }

    @Test("G2: a German column is kept and counted, without a Khmer hint")
    func germanColumn() throws {
        let dir = try Scratch.folder("verbale-glossary-languages")
        let file = try Self.write("en\tde\nembassy\tBotschaft\nconsulate\tKonsulat\n", "g-de.tsv", in: dir)
        let memory = GlossaryCLITests.memory()
        let result = try CLI.run(["glossary", "import", "--memory", memory, file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\"de\" is not one Verbale supports") && result.stderr.contains("its 2 terms are kept"), "\(result.stderr)")
        #expect(!result.stderr.contains("--lang-map"))
        let export = try CLI.run(["glossary", "export", "--memory", memory, "--termbase", "g-de", "-"])
        #expect(export.stdout.contains("Botschaft") && export.stdout.contains("Konsulat"), "\(export.stdout)")
    }
}
