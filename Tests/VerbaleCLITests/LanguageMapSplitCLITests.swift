import Foundation
import Testing

/// Acceptance review 1130i m2: `--lang-map en-US=en,en-GB=en` over a `<tu>` holding en-US and
/// en-GB stored one unit with two `en` texts (the TSV export then dropped one), where the same
/// `<tu>` with two `fr` is split. Mapped, it is split the same way and counted the same way.
@Suite("verbale import --lang-map: texts mapped to one language are split like alternatives")
struct LanguageMapSplitCLITests {
    @Test("The review's dup.tmx: two units, \"split 1 <tu>\", JSON split 1; every text exported")
    func reviewRepro() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("dup.tmx")
        try Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
        <body>
        <tu><tuv xml:lang="en-US"><seg>The color of the flag.</seg></tuv><tuv xml:lang="en-GB"><seg>The colour of the flag.</seg></tuv><tuv xml:lang="fr-FR"><seg>La couleur du drapeau.</seg></tuv></tu>
        <tu><tuv xml:lang="en-US"><seg>Thank you.</seg></tuv><tuv xml:lang="fr-FR"><seg>Merci.</seg></tuv></tu>
        </body></tmx>
        """.utf8).write(to: file)
        let memory = folder.appendingPathComponent("lm.sqlite").path
        let map = "en-US=en,en-GB=en,fr-FR=fr"
        let imported = try CLI.run(["import", "--memory", memory, "--lang-map", map, file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("split 1 <tu>"), "\(imported.stdout)")
        let json = try CLI.run(["import", "--memory", folder.appendingPathComponent("dry.sqlite").path, "--dry-run", "--json", "--lang-map", map, file.path])
        let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(summary?["split"] as? Int == 1, "\(json.stdout)")
        #expect(summary?["added"] as? Int == 3, "\(json.stdout)")

        let exported = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(!exported.stderr.contains("left out"), "\(exported.stderr)")
        #expect(exported.stdout.contains("The color of the flag.\tLa couleur du drapeau."), "\(exported.stdout)")
        #expect(exported.stdout.contains("The colour of the flag.\tLa couleur du drapeau."), "\(exported.stdout)")
    }
}
