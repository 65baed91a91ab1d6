import Foundation
import Testing

/// A fresh default memory (seeded with the shipped formulas on first use) in its own folder.
func shippedMemoryEnvironment(_ folder: URL) -> [String: String] {
    ["VERBALE_MEMORY": "", "XDG_DATA_HOME": folder.appendingPathComponent("xdg").path]
}

/// `stats --json`'s `reviewByLanguage` as `language → status → texts`.
func reviewByLanguage(_ arguments: [String], environment: [String: String] = [:]) throws -> [String: [String: Int]] {
    let stats = try CLI.run(["stats", "--json"] + arguments, environment: environment)
    let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
    var out: [String: [String: Int]] = [:]
    for entry in object?["reviewByLanguage"] as? [[String: Any]] ?? [] {
        guard let language = entry["language"] as? String else { continue }
        for count in entry["review"] as? [[String: Any]] ?? [] {
            if let name = count["name"] as? String, let units = count["units"] as? Int { out[language, default: [:]][name] = units }
        }
    }
    return out
}

@Suite("verbale export, then import: the shipped memory comes back as it was")
struct ExportRoundTripCLITests {
    @Test("TMX export, import and export again give the same file: the shipped origins keep their Memories/ folder")
    func tmxKeepsShippedOrigins() throws {
        let folder = try temporaryFolder()
        let first = try CLI.run(["export", "--format", "tmx", "-"], environment: shippedMemoryEnvironment(folder))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("<prop type=\"x-origin\">Memories/note-verbale-formulas.tmx#7</prop>"))
        let file = folder.appendingPathComponent("ship.tmx")
        try Data(first.stdout.utf8).write(to: file)
        let memory = folder.appendingPathComponent("again.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let second = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        let lines = { (text: String) in text.split(separator: "\n").filter { !$0.contains("creationdate") } }
        #expect(lines(second.stdout) == lines(first.stdout))
        let stats = try CLI.run(["stats", "--memory", memory])
        #expect(stats.stdout.contains("50\tMemories/note-verbale-formulas.tmx"), "\(stats.stdout)")
    }

    @Test("TSV and CSV keep each text's own review status: the shipped Khmer formulas stay unreviewed after export and import",
          arguments: ["tsv", "csv"])
    func tableKeepsVariantReview(format: String) throws {
        let folder = try temporaryFolder()
        let environment = shippedMemoryEnvironment(folder)
        let before = try reviewByLanguage([], environment: environment)
        #expect(before["km"] == ["unreviewed": 50], "the shipped memory's Khmer: \(before)")
        #expect((before["en"]?["unreviewed"] ?? 0) > 0 && (before["fr"]?["unreviewed"] ?? 0) > 0)

        let table = folder.appendingPathComponent("ship.\(format)")
        let export = try CLI.run(["export", "--format", format, table.path], environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOf: table, encoding: .utf8)
        let header = text.split(whereSeparator: \.isNewline).first.map(String.init)
        let separator = format == "tsv" ? "\t" : ","
        // The columns before `context-pre` keep their places (scripts read them by position too).
        #expect(header == ["en", "fr", "km", "note", "origin", "review", "en review", "fr review", "km review",
                           "context-pre", "context-post"].joined(separator: separator))

        let memory = folder.appendingPathComponent("again.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, table.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try reviewByLanguage(["--memory", memory]) == before)

        let khmer = try CLI.run(["search", "--memory", memory, "--lang", "km", "--to", "en", "សូមគោរពជូនចំពោះ"])
        #expect(khmer.status == 0, "\(khmer.stderr)")
        #expect(khmer.stdout.contains("សូមគោរពជូនចំពោះ  [unreviewed]"), "\(khmer.stdout)")
        let toKhmer = try CLI.run(["search", "--memory", memory, "--lang", "en", "--to", "km", "--json", "presents its compliments to"])
        let matches = try JSONSerialization.jsonObject(with: Data(toKhmer.stdout.utf8)) as? [[String: Any]]
        let first = try #require(matches?.first)
        #expect(first["unreviewed"] as? [String] == ["km"])
        #expect((first["review"] as? [String: String])?["km"] == "unreviewed")
    }
}

@Suite("verbale export --format xliff: one language pair, said on stderr")
struct ExportXLIFFCLITests {
    @Test("The shipped memory (English, French, Khmer) as XLIFF without --langs is refused, naming the languages and --langs; no file is left")
    func refusesWithoutPair() throws {
        let folder = try temporaryFolder()
        let environment = shippedMemoryEnvironment(folder)
        let out = folder.appendingPathComponent("x.xlf")
        let refused = try CLI.run(["export", "--format", "xliff", out.path], environment: environment)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("XLIFF holds one language pair, and this memory has en, fr, km"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--langs en,fr or --langs en,km"))
        #expect(!refused.stderr.contains("Exported"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let toStdout = try CLI.run(["export", "--format", "xliff", "-"], environment: environment)
        #expect(toStdout.status != 0 && toStdout.stdout.isEmpty)
    }

    @Test("--langs en,km exports every shipped formula with its Khmer, still unreviewed after import")
    func englishToKhmer() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("en-km.xlf")
        let export = try CLI.run(["export", "--format", "xliff", "--langs", "en,km", out.path], environment: shippedMemoryEnvironment(folder))
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr == "Exported 50 units to \(out.path) (en → km)\n")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("srcLang=\"en\" trgLang=\"km\""))
        #expect(text.components(separatedBy: "<target>").count - 1 == 50)
        #expect(text.contains("<target>សូមគោរពជូនចំពោះ</target>"))
        let memory = folder.appendingPathComponent("again.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, out.path]).status == 0)
        #expect(try reviewByLanguage(["--memory", memory])["km"] == ["unreviewed": 50])
    }

    @Test("Units without the target are written with their source alone and counted; units without the source are left out and counted")
    func countsMissingTexts() throws {
        let folder = try temporaryFolder()
        let table = folder.appendingPathComponent("notes.tsv")
        try Data("""
            en\tfr\tkm
            The Embassy presents its compliments.\tL'Ambassade présente ses compliments.\tស្ថានទូត​សូម​គោរព​ជូន។
            Note No. 12\tNote n° 12\t
            \tGenève\tហ្សឺណែវ

            """.utf8).write(to: table)
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, table.path]).status == 0)
        let out = folder.appendingPathComponent("en-km.xlf")
        let export = try CLI.run(["export", "--memory", memory, "--format", "xliff", "--langs", "en,km", out.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("Exported 2 units to \(out.path) (en → km)"), "\(export.stderr)")
        #expect(export.stderr.contains("1 of them has no km text: written with the en source alone"))
        #expect(export.stderr.contains("1 unit with no en text left out"))
        #expect(try String(contentsOf: out, encoding: .utf8).components(separatedBy: "<unit ").count - 1 == 2)
        let three = try CLI.run(["export", "--memory", memory, "--format", "xliff", "--langs", "en,fr,km", "-"])
        #expect(three.status != 0 && three.stderr.contains("--langs needs two different languages"))
    }

    @Test("TMX export --langs en,km leaves out (and counts on stderr) the units with text in one of them only; a re-import skips nothing")
    func tmxLeavesOutOneLanguage() throws {
        let folder = try temporaryFolder()
        let table = folder.appendingPathComponent("notes.tsv")
        try Data("""
            en\tfr\tkm
            The Embassy presents its compliments.\tL'Ambassade présente ses compliments.\tស្ថានទូត​សូម​គោរព​ជូន។
            Note No. 12\tNote n° 12\t
            Thank you.\tMerci.\t
            \tGenève\tហ្សឺណែវ

            """.utf8).write(to: table)
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, table.path]).status == 0)
        let out = folder.appendingPathComponent("en-km.tmx")
        let export = try CLI.run(["export", "--memory", memory, "--format", "tmx", "--langs", "en,km", out.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("Exported 1 unit to \(out.path)"), "\(export.stderr)")
        #expect(export.stderr.contains("3 units with text in only one of en, km left out"), "\(export.stderr)")
        let again = try CLI.run(["import", "--memory", folder.appendingPathComponent("again.sqlite").path, "--json", out.path])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(summary["added"] as? Int == 1 && (summary["skipped"] as? [String: Int])?.isEmpty == true, "\(again.stdout)")
    }
}
