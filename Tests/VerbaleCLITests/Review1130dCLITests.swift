import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130d findings on CLI conventions and formats: a missing file is a usage error
/// everywhere (m1), an output never replaces an input (M9), an XLIFF 2.0 segment without a
/// target is not `translated` (m2), and `import --json` answers with a document on failure (m9).
@Suite("verbale: review 1130d — missing files, outputs over inputs, XLIFF 2.0 state, table exports, tokenize, import --json failures")
struct Review1130dCLITests {
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let english = "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs.\nThe meeting will take place in Geneva on 3 March 2021.\n"
    static let french = "L’Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères.\nLa réunion aura lieu à Genève le 3 mars 2021.\n"

    @Test("m1: a missing file is \"PATH: no such file\", exit 64, in import, validate, glossary import, align and segment --rules, as in segment")
    func missingFileIsUsage() throws {
        let dir = try Scratch.folder("verbale-1130d-missing")
        let missing = dir.appendingPathComponent("nofile ស្ថានទូត.tmx").path
        let en = try Self.write(Self.english, "a.en.txt", in: dir)
        let memory = dir.appendingPathComponent("new.sqlite").path
        let commands: [[String]] = [
            ["segment", missing],
            ["import", "--memory", memory, missing],
            ["validate", missing],
            ["glossary", "import", "--memory", memory, missing],
            ["align", "en=\(en)", "fr=\(missing)"],
            ["segment", "--rules", missing, en],
        ]
        for arguments in commands {
            let result = try CLI.run(arguments)
            #expect(result.status == 64, "\(arguments.prefix(2)): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("\(missing): no such file"), "\(arguments.prefix(2)): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: memory), "\(arguments.prefix(2)) created a memory")
        }
    }

    @Test("M9: draft translate --output naming the draft, and align --tmx naming a document, are refused and leave the file as it was")
    func outputNeverReplacesInput() throws {
        let dir = try Scratch.folder("verbale-1130d-output")
        let draft = try Self.write(Self.english, "draft.txt", in: dir)
        let environment = ["VERBALE_MEMORY": "", "XDG_DATA_HOME": Scratch.path("verbale-1130d-empty").path]
        let translate = try CLI.run(["draft", "translate", draft, "--to", "fr", "--output", draft], environment: environment)
        #expect(translate.status != 0, "\(translate.stdout)")
        #expect(translate.stderr.contains("--output \(draft) is an input of this command"), "\(translate.stderr)")
        #expect(try String(contentsOfFile: draft, encoding: .utf8) == Self.english)
        // Another spelling of the same file is the same file.
        let spelled = dir.appendingPathComponent("./draft.txt").path
        #expect(try CLI.run(["draft", "translate", draft, "--to", "fr", "--output", spelled], environment: environment).status != 0)
        #expect(try String(contentsOfFile: draft, encoding: .utf8) == Self.english)

        let fr = try Self.write(Self.french, "draft.fr.txt", in: dir)
        let align = try CLI.run(["align", "en=\(draft)", "fr=\(fr)", "--tmx", fr])
        #expect(align.status != 0, "\(align.stdout)")
        #expect(align.stderr.contains("--tmx \(fr) is an input of this command"), "\(align.stderr)")
        #expect(try String(contentsOfFile: fr, encoding: .utf8) == Self.french)
        let manifest = try Self.write("en=draft.txt\tfr=draft.fr.txt\n", "archive.tsv", in: dir)
        for target in [manifest, draft] {
            let archive = try CLI.run(["align", "--archive", manifest, "--tmx", target])
            #expect(archive.status != 0 && archive.stderr.contains("is an input of this command"), "\(archive.stderr)")
        }
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == "en=draft.txt\tfr=draft.fr.txt\n")
        #expect(try String(contentsOfFile: draft, encoding: .utf8) == Self.english)
        // Another file is written as before.
        let other = dir.appendingPathComponent("aligned.tmx").path
        let written = try CLI.run(["align", "en=\(draft)", "fr=\(fr)", "--tmx", other])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test("m2: XLIFF 2.0 export: a unit without the target language is state=\"initial\" (no translated subState); the unit's status stays in its metadata")
    func xliff2WithoutTarget() throws {
        let dir = try Scratch.folder("verbale-1130d-xliff")
        let memory = dir.appendingPathComponent("m.sqlite").path
        let table = try Self.write("en\tkm\tfr\nThe Embassy thanks the Ministry.\tស្ថានទូត​សូម​អរគុណ​ក្រសួង។\t\nThe Ministry requests that the visa be issued.\t\tLe Ministère demande que le visa soit délivré.\n", "t.tsv", in: dir)
        #expect(try CLI.run(["import", "--memory", memory, table]).status == 0)
        let xlf = dir.appendingPathComponent("o20.xlf").path
        let export = try CLI.run(["export", "--memory", memory, "--format", "xliff", "--langs", "en,km", xlf])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: xlf, encoding: .utf8)
        let segments = text.components(separatedBy: "<segment").dropFirst()
        let withoutTarget = try #require(segments.first { $0.contains("visa be issued") })
        #expect(withoutTarget.hasPrefix(" state=\"initial\">"), "\(withoutTarget)")
        #expect(!withoutTarget.contains("<target"))
        let withTarget = try #require(segments.first { $0.contains("thanks the Ministry") })
        #expect(withTarget.contains("<target>"), "\(withTarget)")
        // Its status is still in the unit's metadata (read back: `XLIFFReviewStateTests`).
        #expect(withoutTarget.contains("<mda:meta type=\"review\">translated</mda:meta>") || text.contains("<mda:meta type=\"review\">translated</mda:meta>"))
    }

    @Test("m10: TSV/CSV export says how many texts lost their inline tags and units their ids; TMX says nothing of it")
    func tableExportSaysWhatItDrops() throws {
        let dir = try Scratch.folder("verbale-1130d-tags")
        let memory = dir.appendingPathComponent("m.sqlite").path
        let tmx = try Self.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu tuid="a1"><tuv xml:lang="en"><seg>The Ministry <bpt i="1">&lt;b&gt;</bpt>could<ept i="1">&lt;/b&gt;</ept> confirm the date.</seg></tuv>
        <tuv xml:lang="km"><seg>ក្រសួង<bpt i="1">&lt;b&gt;</bpt>អាច<ept i="1">&lt;/b&gt;</ept>បញ្ជាក់កាលបរិច្ឆេទ។</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="km"><seg>សូមអរគុណ។</seg></tuv></tu>
        </body></tmx>
        """, "tags.tmx", in: dir)
        #expect(try CLI.run(["import", "--memory", memory, tmx]).status == 0)
        for format in ["tsv", "csv"] {
            let result = try CLI.run(["export", "--memory", memory, "--format", format, dir.appendingPathComponent("o.\(format)").path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("written 2 texts without their inline tags and 1 unit without its id (tuid): \(format.uppercased()) has no column for them; --format tmx or xliff keeps them"),
                    "\(result.stderr)")
        }
        let kept = try CLI.run(["export", "--memory", memory, "--format", "tmx", dir.appendingPathComponent("o.tmx").path])
        #expect(kept.status == 0 && !kept.stderr.contains("no column"), "\(kept.stderr)")
    }

    @Test("m3: tokenize --placeables drops U+200B inside a Khmer date token too; the help says a placeable may hold spaces")
    func tokenizePlaceablesWithoutZeroWidth() throws {
        let line = "ក្រសួង\u{200B}ការបរទេស\u{200B} បាន\u{200B}ទទួល\u{200B}លិខិត\u{200B}លេខ ០១២/២០២១ ចុះ\u{200B}ថ្ងៃទី\u{200B}១២ ខែមករា ឆ្នាំ២០២១។\n"
        let result = try CLI.run(["tokenize", "--placeables", "-"], stdin: line)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{200B}"), "\(result.stdout.unicodeScalars.map { $0 == "\u{200B}" ? "<ZW>" : String($0) }.joined())")
        #expect(result.stdout.contains("ថ្ងៃទី១២"), "\(result.stdout)")
        let help = try CLI.run(["tokenize", "--help"])
        #expect(help.stdout.contains("may hold spaces"), "\(help.stdout)")
    }

    @Test("m9: import --json on a failed import prints a JSON document (error, added 0, imported false), exit 1, memory unchanged")
    func importJSONOnFailure() throws {
        let dir = try Scratch.folder("verbale-1130d-json")
        let truncated = try Self.write("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>", "trunc.tmx", in: dir)
        let memory = dir.appendingPathComponent("j.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, "--json", truncated])
        #expect(result.status == 1, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        #expect((object["error"] as? String)?.contains("trunc.tmx:") == true, "\(object)")
        #expect(object["added"] as? Int == 0)
        #expect(object["imported"] as? Bool == false)
        #expect(!result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: memory))
        // A usage mistake found while running (a missing file) answers the same way.
        let missing = try CLI.run(["import", "--memory", memory, "--json", dir.appendingPathComponent("none.tmx").path])
        #expect(missing.status == 64)
        #expect(((try? JSONSerialization.jsonObject(with: Data(missing.stdout.utf8))) as? [String: Any])?["imported"] as? Bool == false, "\(missing.stdout)")
    }
}
