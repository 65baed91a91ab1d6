import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130i, through the command line: a Trados-style TMX whose hyperlink code holds an
/// e-mail address (M1) and a name with a possessive (M2), imported and exported again; and
/// XLIFF's one-pair rule, a usage mistake, exiting 64 like `--langs en,xx` (m8).
@Suite("verbale: review 1130i — inline codes and possessives through import and export, XLIFF --langs as usage")
struct Review1130iCLITests {
    /// What Trados Studio writes for a Word hyperlink on a name (the reviewer's `trados16.tmx`,
    /// UTF-8 here), and a visa request with a possessive.
    static let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-US" srclang="en-US"/><body>
        <tu><tuv xml:lang="en-US"><seg>Please contact <bpt i="1" type="link">&lt;a href="mailto:sok.dara@mfaic.gov.kh"&gt;</bpt>Mr. Sok Dara<ept i="1">&lt;/a&gt;</ept> for the visa.</seg></tuv><tuv xml:lang="fr-FR"><seg>Veuillez contacter <bpt i="1" type="link">&lt;a href="mailto:sok.dara@mfaic.gov.kh"&gt;</bpt>M. Sok Dara<ept i="1">&lt;/a&gt;</ept> pour le visa.</seg></tuv></tu>
        <tu><tuv xml:lang="en-US"><seg>Mr. Sok Dara's visa application was received.</seg></tuv><tuv xml:lang="fr-FR"><seg>La demande de visa de M. Sok Dara a été reçue.</seg></tuv></tu>
        </body></tmx>
        """

    @Test("M1, M2: the e-mail address in a hyperlink code and the name before 's reach neither the memory nor its TMX; the report lists the code's address")
    func codesAndPossessives() throws {
        let dir = try Scratch.folder("verbale-1130i-codes")
        defer { try? FileManager.default.removeItem(at: dir) }
        let memory = dir.appendingPathComponent("memory.sqlite").path
        let input = dir.appendingPathComponent("trados.tmx")
        try Data(Self.tmx.utf8).write(to: input)
        let imported = try CLI.run(["import", "--memory", memory, "--report", "-", input.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("sok.dara@mfaic.gov.kh\ttag:bpt"), "\(imported.stderr)")
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(!exported.stdout.contains("sok.dara") && !exported.stdout.contains("Sok Dara"), "\(exported.stdout)")
        #expect(exported.stdout.contains(#"&lt;a href="mailto:{EMAIL}"&gt;"#), "\(exported.stdout)")
        #expect(exported.stdout.contains("Mr. {PERSON}'s visa application was received."), "\(exported.stdout)")
        let database = try Data(contentsOf: URL(fileURLWithPath: memory))
        #expect(database.range(of: Data("sok.dara@".utf8)) == nil)
    }

    @Test("m8: XLIFF's one-pair rule is a usage mistake: exit 64, as an unsupported --langs tag is")
    func xliffPairIsUsage() throws {
        let folder = try temporaryFolder()
        let environment = shippedMemoryEnvironment(folder)
        let three = try CLI.run(["export", "--format", "xliff", "--langs", "en,fr,km", "-"], environment: environment)
        #expect(three.status == 64, "\(three.stderr)")
        #expect(three.stderr.contains("--langs needs two different languages"), "\(three.stderr)")
        let none = try CLI.run(["export", "--format", "xliff", "-"], environment: environment)
        #expect(none.status == 64, "\(none.stderr)")
        #expect(none.stderr.contains("XLIFF holds one language pair, and this memory has en, fr, km"), "\(none.stderr)")
        #expect(none.stdout.isEmpty)
    }
}
