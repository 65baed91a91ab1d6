import Foundation
import Testing
import VerbaleTestSupport

@Suite("verbale glossary")
struct GlossaryCLITests {
    /// A fresh memory that exists (an empty file is an empty SQLite database): read-only
    /// glossary commands refuse an explicit `--memory` where no file is (audit F11).
    static func memory() -> String {
        let path = missingMemory()
        FileManager.default.createFile(atPath: path, contents: nil)
        return path
    }

    /// A path where no memory is.
    static func missingMemory() -> String {
        Scratch.path("verbale-cli-glossary", suffix: ".sqlite").path
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/glossary/\(name)").path
    }

    @Test("lookup --json keeps the contract: score, concept, terms by language with status, source and review")
    func lookupJSON() throws {
        let result = try CLI.run(["glossary", "lookup", "--json", "--memory", Self.memory(), "Kingdom of Thailand"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let first = try #require(array.first)
        #expect(first["score"] as? Int == 100)
        #expect(first["concept"] as? String == "iso3166-1:TH")
        let terms = try #require(first["terms"] as? [String: [[String: Any]]])
        #expect(terms["fr"]?.contains { $0["text"] as? String == "Royaume de Thaïlande" } == true)
        let km = try #require(terms["km"]?.first)
        #expect(km["status"] != nil && km["source"] != nil && km["review"] != nil)
    }

    @Test("lookup refuses a --min-score outside 0–100 and a --limit below 1 with a message, instead of crashing")
    func lookupRejectsOutOfRange() throws {
        let memory = Self.memory()
        for (arguments, message) in [(["--min-score=-1"], "--min-score must be between 0 and 100 (got -1)"),
                                     (["--min-score", "101"], "--min-score must be between 0 and 100 (got 101)"),
                                     (["--limit", "0"], "--limit must be at least 1 (got 0)"),
                                     (["--limit=-2"], "--limit must be at least 1 (got -2)")] {
            let result = try CLI.run(["glossary", "lookup", "--memory", memory] + arguments + ["Plenipotentary"])
            #expect(result.status != 0 && result.status < 128, "\(arguments): status \(result.status)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        // The bounds themselves are accepted; a lower minimum never lowers a term's score.
        let low = try CLI.run(["glossary", "lookup", "--memory", memory, "--min-score", "0", "--limit", "1", "Plenipotentary"])
        #expect(low.status == 0, "\(low.stderr)")
        #expect(low.stdout.hasPrefix("83  "), "\(low.stdout)")
        let high = try CLI.run(["glossary", "lookup", "--memory", memory, "--min-score", "100", "Plenipotentary"])
        #expect(high.status != 0 && high.stderr.contains("no term matches"), "\(high.stderr)")
    }

    @Test("suggest and mine refuse out-of-range numeric options with a message")
    func numericOptionsValidated() throws {
        let suggest = try CLI.run(["suggest", "--limit", "0", "-"], stdin: "The Embassy has the honour to inform.")
        #expect(suggest.status != 0 && suggest.status < 128 && suggest.stderr.contains("--limit must be at least 1 (got 0)"), "\(suggest.stderr)")
        for (arguments, message) in [(["--min-count", "0"], "--min-count must be at least 1"),
                                     (["--min-length", "0"], "--min-length must be at least 1"),
                                     (["--min-length", "5", "--max-length", "2"], "--max-length (2) must be at least --min-length (5)"),
                                     (["--subsume", "1.5"], "--subsume must be between 0 and 1"),
                                     (["--limit=-1"], "--limit must be 0 (all) or more")] {
            let mine = try CLI.run(["mine", "-", "--lang", "en"] + arguments, stdin: "The Embassy has the honour to inform the Ministry.")
            #expect(mine.status != 0 && mine.status < 128 && mine.stderr.contains(message), "\(arguments): \(mine.stderr)")
        }
    }

    @Test("lookup shows [unreviewed] beside Khmer no source attests, and finds typos")
    func lookupText() throws {
        let memory = Self.memory()
        let result = try CLI.run(["glossary", "lookup", "--memory", memory, "--to", "km", "Ambassador Extraordinary and Plenipotentiary"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ឯកអគ្គរដ្ឋទូតវិសាមញ្ញ និងពេញសមត្ថភាព [unreviewed]"))
        let typo = try CLI.run(["glossary", "lookup", "--memory", memory, "Plenipotentary"])
        #expect(typo.stdout.contains("Ambassador Extraordinary and Plenipotentiary"))
        let none = try CLI.run(["glossary", "lookup", "--memory", memory, "xqzxqzxqz"])
        #expect(none.status != 0 && none.stderr.contains("no term matches"))
    }

    @Test("terms lists Khmer terms in text read from standard input, with and without U+200B")
    func terms() throws {
        let result = try CLI.run(["glossary", "terms", "--json", "--lang", "km", "--memory", Self.memory(), "-"],
                                 stdin: "រាជរដ្ឋាភិបាលកម្ពុជា\nព្រះរាជាណាចក្រ\u{200B}កម្ពុជា\n")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["concept"] as? String } == ["dipl:royal-government-cambodia", "iso3166-1:KH"])
        #expect(rows.map { $0["line"] as? Int } == [1, 2])
    }

    @Test("Read-only glossary commands refuse a --memory path where no memory is, and create nothing; glossary import creates it (audit F11)")
    func missingMemoryRefused() throws {
        let folder = Scratch.path("verbale-no-memory")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("typo.sqlite").path
        let note = Scratch.path("verbale-terms", suffix: ".txt")
        try Data("ស្ថានទូត\n".utf8).write(to: note)
        defer { try? FileManager.default.removeItem(at: note) }
        for arguments in [["glossary", "lookup", "--memory", path, "Embassy"],
                          ["glossary", "terms", "--lang", "km", "--memory", path, note.path],
                          ["glossary", "export", "--memory", path, "-"],
                          ["glossary", "check", "--memory", path, "--source", "km=\(note.path)", "--target", "en=\(note.path)"]] {
            let result = try CLI.run(arguments)
            #expect(result.status != 0, "\(arguments[1]) accepted a missing memory")
            #expect(result.stderr.contains("no memory at \(path)"), "\(arguments[1]): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: path), "\(arguments[1]) created the memory")
            #expect(!FileManager.default.fileExists(atPath: folder.path), "\(arguments[1]) created the folder")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let imported = try CLI.run(["glossary", "import", "--memory", path, Self.fixture("basic-v2.tbx")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("terms prints 1-based columns (last inclusive), like check; --json adds a 1-based column beside the 0-based offsets (audit F14)")
    func termColumns() throws {
        let memory = Self.memory()
        let english = try CLI.run(["glossary", "terms", "--lang", "en", "--memory", memory, "-"], stdin: "The Embassy presents its compliments.\n")
        #expect(english.status == 0, "\(english.stderr)")
        // "Embassy" is scalars 4..<11 of the line: columns 5 through 11.
        #expect(english.stdout.contains("<stdin>:1:5-11  Embassy"), "\(english.stdout)")
        // Khmer: ស្ថានទូត after "ក្រសួង" and a U+200B (7 scalars): columns 8 through 15.
        let khmer = try CLI.run(["glossary", "terms", "--lang", "km", "--memory", memory, "-"], stdin: "ក្រសួង\u{200B}ស្ថានទូត\n")
        #expect(khmer.status == 0, "\(khmer.stderr)")
        #expect(khmer.stdout.contains("<stdin>:1:8-15  ស្ថានទូត"), "\(khmer.stdout)")
        let json = try CLI.run(["glossary", "terms", "--json", "--lang", "en", "--memory", memory, "-"], stdin: "The Embassy presents its compliments.\n")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let embassy = try #require(rows.first { $0["text"] as? String == "Embassy" })
        #expect(embassy["line"] as? Int == 1)
        #expect(embassy["column"] as? Int == 5)
        #expect(embassy["start"] as? Int == 4)
        #expect(embassy["end"] as? Int == 11)
    }

    @Test("import is all-or-nothing and says where a file is broken; export writes TBX back")
    func importExport() throws {
        let memory = Self.memory()
        let bad = try CLI.run(["glossary", "import", "--memory", memory, Self.fixture("basic-v2.tbx"), Self.fixture("no-language.tbx")])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("no-language.tbx:5:") && bad.stderr.contains("nothing was imported"))
        let out = Scratch.path("verbale-export", suffix: ".tbx").path
        _ = try CLI.run(["glossary", "export", "--memory", memory, "--termbase", "basic-v2", out])
        let exported = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        #expect(!exported.contains("Thaïlande"), "the failed import stored nothing")
        let good = try CLI.run(["glossary", "import", "--memory", memory, Self.fixture("basic-v2.tbx")])
        #expect(good.status == 0 && good.stdout.contains("2 concepts added"))
        let export = try CLI.run(["glossary", "export", "--memory", memory, "--termbase", "basic-v2", out])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<term>Royaume de Thaïlande</term>"))
    }

    @Test("export --format tsv|csv keeps each term's status, source and review mark, and import reads them back: the shipped termbases survive the round trip, unreviewed Khmer included")
    func delimitedRoundTrip() throws {
        let memory = Self.memory(), other = Self.memory()
        for format in ["tsv", "csv"] {
            for termbase in ["shipped:diplomatic.tbx", "shipped:countries.tbx"] {
                let exported = try CLI.run(["glossary", "export", "--memory", memory, "--format", format, "--termbase", termbase, "-"])
                #expect(exported.status == 0, "\(exported.stderr)")
                let name = "back-\(format)-\(termbase.dropFirst("shipped:".count).prefix { $0 != "." })"
                let imported = try CLI.run(["glossary", "import", "--memory", other, "--format", format, "--termbase", name, "-"], stdin: exported.stdout)
                #expect(imported.status == 0, "\(imported.stderr)")
                let again = try CLI.run(["glossary", "export", "--memory", other, "--format", format, "--termbase", name, "-"])
                #expect(again.stdout == exported.stdout, "\(format) \(termbase): the re-imported termbase exports differently")
                if termbase == "shipped:diplomatic.tbx" {
                    let separator: Character = format == "csv" ? "," : "\t"
                    let header = exported.stdout.prefix { $0 != "\n" }.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
                    #expect(Array(header.prefix(6)) == ["id", "en", "fr", "km", "domain", "note"])
                    let row = try #require(exported.stdout.split(separator: "\n").first { $0.hasPrefix("dipl:ambassador-extraordinary-plenipotentiary") })
                    #expect(row.contains("unreviewed") && row.contains("no source attests it"), "\(row)")
                }
            }
        }
        // The re-imported Khmer term is stored unreviewed, with its source: its TBX says so.
        let tbx = try CLI.run(["glossary", "export", "--memory", other, "--termbase", "back-tsv-diplomatic", "-"])
        #expect(tbx.status == 0, "\(tbx.stderr)")
        let entry = try #require(tbx.stdout.components(separatedBy: "<termSec>").first { $0.contains("<term>ឯកអគ្គរដ្ឋទូតវិសាមញ្ញ") })
        #expect(entry.contains("<admin type=\"x-review\">unreviewed</admin>") && entry.contains("no source attests it"), "\(entry)")
    }

    @Test("import errors say what is wrong, where: an undeclared entity in a TBX term, a bad byte in a CSV (and no --lossy, which import does not have)")
    func importErrorsInWords() throws {
        let memory = Self.memory()
        let folder = try Scratch.folder("verbale-import-errors")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tbx = folder.appendingPathComponent("nb.tbx")
        try Data(("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx SYSTEM \"nowhere.dtd\">\n<tbx type=\"TBX-Basic\" xml:lang=\"en\"><text><body>\n"
                  + "<conceptEntry id=\"c1\"><langSec xml:lang=\"km\"><termSec><term>ស្ថានទូត&nbsp;ថៃ</term></termSec></langSec></conceptEntry>\n"
                  + "</body></text></tbx>\n").utf8).write(to: tbx)
        let entity = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "nb", tbx.path])
        #expect(entity.status != 0 && entity.status < 128)
        #expect(entity.stderr.contains("nb.tbx:4:") && entity.stderr.contains("&nbsp;") && !entity.stderr.contains("XML error"), "\(entity.stderr)")
        #expect(entity.stderr.contains("nothing was imported"))
        let csv = folder.appendingPathComponent("gbad.csv")
        var bytes = Data("en,km\nEmbassy,ស្ថានទូត\nMission,បេសកកម្ម@\n".utf8)
        bytes[try #require(bytes.firstIndex(of: UInt8(ascii: "@")))] = 0xFF
        try bytes.write(to: csv)
        let bad = try CLI.run(["glossary", "import", "--memory", memory, csv.path])
        #expect(bad.status != 0 && bad.status < 128)
        #expect(bad.stderr.contains("gbad.csv:3:17: byte 0xFF is not valid UTF-8"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("--lossy"), "\(bad.stderr)")
    }

    @Test("check reports a missing equivalent and exits 1")
    func check() throws {
        let directory = try Scratch.folder("verbale-check")
        let en = directory.appendingPathComponent("en.txt"), fr = directory.appendingPathComponent("fr.txt")
        try "The Embassy of the Kingdom of Thailand\nThe Kingdom of Thailand\n".write(to: en, atomically: true, encoding: .utf8)
        try "L’Ambassade du Royaume de Thaïlande\nLe Royaume\n".write(to: fr, atomically: true, encoding: .utf8)
        let result = try CLI.run(["glossary", "check", "--memory", Self.memory(), "--source", "en=\(en.path)", "--target", "fr=\(fr.path)"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("fr.txt:2: missing-equivalent"))
        #expect(result.stdout.contains("Royaume de Thaïlande"))
        // All well: said on standard output, exit 0 (review 1130c, m12).
        try "L’Ambassade du Royaume de Thaïlande\nLe Royaume de Thaïlande\n".write(to: fr, atomically: true, encoding: .utf8)
        let well = try CLI.run(["glossary", "check", "--memory", Self.memory(), "--source", "en=\(en.path)", "--target", "fr=\(fr.path)"])
        #expect(well.status == 0, "\(well.stderr)")
        #expect(well.stdout.contains("fr.txt: 0 terminology issues"), "\(well.stdout)")
    }
}
