import Foundation
import Testing

/// `glossary import` of a table headed `en,fr,Khmer (Cambodia)` stored the concepts without
/// their Khmer terms, exit 0 (review 1201a M4). Now refused like `verbale import` (exit 1,
/// nothing stored, the `--lang-map` named), and read with that map.
@Suite("verbale glossary import: a header cell that looks like a language but is not read as one")
struct GlossaryUnreadColumnCLITests {
    @Test("Khmer (Cambodia): refused at FILE:1:7 with the --lang-map; with it the Khmer term is looked up")
    func refusedThenMapped() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("g7.csv")
        try Data("en,fr,Khmer (Cambodia)\nEmbassy,Ambassade,ស្ថានទូត\n".utf8).write(to: file)
        let memory = folder.appendingPathComponent("g.sqlite").path
        let refused = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "g7", file.path])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("\(file.path):1:7: header cell 3 \"Khmer (Cambodia)\""), "\(refused.stderr)")
        #expect(refused.stderr.contains("--lang-map 'Khmer (Cambodia)=km'"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was imported"), "\(refused.stderr)")
        let mapped = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "g7", "--lang-map", "Khmer (Cambodia)=km", file.path])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        let lookup = try CLI.run(["glossary", "lookup", "--memory", memory, "--json", "ស្ថានទូត"])
        #expect(lookup.stdout.contains("Ambassade"), "\(lookup.stdout)\(lookup.stderr)")
    }
}
