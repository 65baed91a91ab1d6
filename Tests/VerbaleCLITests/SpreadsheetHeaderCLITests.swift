import Foundation
import Testing

/// Review 1130i m7: memoQ and Excel write spreadsheet headers as language names (`English`,
/// `French`, `Khmer`) or roles (`Source`, `Target`). Import refuses them (no guessing), and the
/// refusal names the `--lang-map` to pass; `--lang-map English=en` then names the column's
/// language, in `import` and in `validate`, without editing the file.
@Suite("verbale import/validate: spreadsheet headers named English/French/Khmer or Source/Target, --lang-map NAME=tag")
struct SpreadsheetHeaderCLITests {
    /// A trilingual phrase list as a spreadsheet saves it, Khmer with U+200B between words.
    static let names = "English\tFrench\tKhmer\nThe Embassy\tL’Ambassade\tស្ថានទូត\u{200B}\nThe Ministry of Foreign Affairs\tLe ministère des Affaires étrangères\tក្រសួង\u{200B}ការបរទេស\n"

    private func write(_ text: String, named name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test("the refusal of English/French/Khmer names the --lang-map that fixes it, and imports nothing")
    func refusalNamesTheMap() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.names, named: "names.tsv", in: folder)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, file])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("header cell 1 \"English\" is not a language tag"), "\(result.stderr)")
        #expect(result.stderr.contains("--lang-map English=en,French=fr,Khmer=km"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: memory))
        let validated = try CLI.run(["validate", file])
        #expect(validated.status == 1)
        #expect(validated.stderr.contains("--lang-map English=en,French=fr,Khmer=km"), "\(validated.stderr)")
    }

    @Test("Source/Target: no language is guessed; the message asks for each column's tag")
    func sourceTargetIsNotGuessed() throws {
        let folder = try temporaryFolder()
        let file = try write("Source,Target\nThe Embassy,L’Ambassade\n", named: "st.csv", in: folder)
        let result = try CLI.run(["import", "--dry-run", "--memory", folder.appendingPathComponent("m.sqlite").path, file])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("--lang-map Source=LANG,Target=LANG"), "\(result.stderr)")
        let mapped = try CLI.run(["import", "--dry-run", "--lang-map", "Source=en,Target=fr",
                                  "--memory", folder.appendingPathComponent("m.sqlite").path, file])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("Would import 1 new unit from"), "\(mapped.stdout)")
    }

    @Test("--lang-map English=en,French=fr,Khmer=km imports the table, Khmer included, under en/fr/km")
    func mapImports() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.names, named: "names.tsv", in: folder)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, "--lang-map", "english=en,French=fr", "--lang-map", "KHMER=km", file])
        #expect(result.status == 0, "\(result.stderr)")
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        let lines = exported.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("en\tfr\tkm\t") == true, "\(exported.stdout)")
        #expect(lines.contains { $0.hasPrefix("The Embassy\tL’Ambassade\tស្ថានទូត\u{200B}\t") }, "\(exported.stdout)")
        #expect(lines.contains { $0.hasPrefix("The Ministry of Foreign Affairs\tLe ministère des Affaires étrangères\tក្រសួង\u{200B}ការបរទេស\t") })
    }

    @Test("validate takes the same --lang-map and counts units per language")
    func validateTakesTheMap() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.names, named: "names.tsv", in: folder)
        let result = try CLI.run(["validate", "--json", "--lang-map", "English=en,French=fr,Khmer=km", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"km\""), "\(result.stdout)")
        #expect(!result.stdout.contains("Khmer"), "\(result.stdout)")
    }

    @Test("the right side stays a BCP 47 tag, with the message as before; a tag on the left still maps tags")
    func rightSideIsATag() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.names, named: "names.tsv", in: folder)
        let result = try CLI.run(["import", "--dry-run", "--lang-map", "English=English", file])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--lang-map English=English: \"English\" is not a valid BCP 47 language tag"), "\(result.stderr)")
        let tagged = try write("en-US\tfr-FR\nThe Embassy\tL’Ambassade\n", named: "tags.tsv", in: folder)
        let memory = folder.appendingPathComponent("t.sqlite").path
        let mapped = try CLI.run(["import", "--memory", memory, "--lang-map", "en-US=en,fr-FR=fr", tagged])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        #expect(exported.stdout.hasPrefix("en\tfr\t"), "\(exported.stdout)")
    }

    @Test("a header name no file has is warned of, not ignored in silence (a typo, or a TMX given a header name)")
    func unusedNameWarned() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.names, named: "names.tsv", in: folder)
        let result = try CLI.run(["import", "--dry-run", "--lang-map", "English=en,French=fr,Khmer=km,Anglais=en", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: --lang-map Anglais=en: no TSV/CSV header cell of the files read is \"Anglais\""), "\(result.stderr)")
        #expect(!result.stderr.contains("English=en:"), "\(result.stderr)")
        let validated = try CLI.run(["validate", "--lang-map", "English=en,French=fr,Khmer=km,Anglais=en", file])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stderr.contains("warning: --lang-map Anglais=en"), "\(validated.stderr)")
    }
}

/// `glossary import` takes the same `--lang-map NAME=tag` as `import` (its CSV/TSV reader is
/// its own): refused without it with the map to give, imported with it, warned of a name no
/// header had.
@Suite("verbale glossary import: a header of language names and --lang-map NAME=tag")
struct GlossaryHeaderNamesCLITests {
    @Test("refused with the map (exit 1, nothing stored); with --lang-map the Khmer terms are looked up under km")
    func glossaryImport() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("phrases.tsv")
        try Data(SpreadsheetHeaderCLITests.names.utf8).write(to: file)
        let memory = folder.appendingPathComponent("g.sqlite").path
        let refused = try CLI.run(["glossary", "import", "--memory", memory, file.path])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("\(file.path):1: the header row names its languages in words"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--lang-map English=en,French=fr,Khmer=km"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was imported"), "\(refused.stderr)")
        let omegat = try CLI.run(["glossary", "import", "--memory", memory, "--source-lang", "en", "--target-lang", "fr", file.path])
        #expect(omegat.status == 1, "\(omegat.stderr)")

        let mapped = try CLI.run(["glossary", "import", "--memory", memory, "--lang-map", "English=en,french=fr,KHMER=km", "--lang-map", "Anglais=en", file.path])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("2 concepts added"), "\(mapped.stdout)")
        #expect(mapped.stderr.contains("warning: --lang-map Anglais=en: no TSV/CSV header cell of the files read is \"Anglais\""), "\(mapped.stderr)")
        let lookup = try CLI.run(["glossary", "lookup", "--memory", memory, "--json", "ក្រសួង\u{200B}ការបរទេស"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        #expect(lookup.stdout.contains("The Ministry of Foreign Affairs"), "\(lookup.stdout)")
        #expect(!lookup.stdout.contains("\"English\""), "\(lookup.stdout)")
    }
}
