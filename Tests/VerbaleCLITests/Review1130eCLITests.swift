import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130e findings in the command line: a killed import's staging files are cleaned up
/// (m1), `--to` a language the memory lacks says so (m2), a table export says which properties
/// it dropped (m3), and a UTF-16 text without byte-order mark is read, not called binary (m6).
@Suite("verbale: review 1130e — stale staging files, --to a missing language, table export properties, UTF-16 without BOM")
struct Review1130eCLITests {
    static func write(_ data: Data, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    static let table = "en\tfr\nThe Embassy thanks the Ministry for its cooperation.\tL’Ambassade remercie le Ministère de sa coopération.\nThe meeting will take place in Geneva on 3 March 2021.\tLa réunion aura lieu à Genève le 3 mars 2021.\n"

    @Test("m1: an import that creates a memory removes the staging files a killed import left for that memory (others stay)")
    func staleStagingFilesRemoved() throws {
        let dir = try Scratch.folder("verbale-1130e-staging")
        let stale = [".m.sqlite.importing-1E7F3C2A-0000-4000-8000-000000000000", ".m.sqlite.importing-1E7F3C2A-0000-4000-8000-000000000000-wal",
                     ".m.sqlite.importing-1E7F3C2A-0000-4000-8000-000000000000-shm"]
        for name in stale { _ = try Self.write(Data(repeating: 7, count: 4096), name, in: dir) }
        // Another memory's staging file and a user's file of a similar name are not this import's.
        let others = [".other.sqlite.importing-1E7F3C2A-0000-4000-8000-000000000000", "m.sqlite.importing-notes.txt"]
        for name in others { _ = try Self.write(Data("keep".utf8), name, in: dir) }
        let input = try Self.write(Data(Self.table.utf8), "t.tsv", in: dir)
        let memory = dir.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: memory))
        for name in stale {
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name) left behind")
        }
        for name in others {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name) removed")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".m.sqlite.importing-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("m2: search and suggest --to a language the memory holds no text in say so on stderr; the answer is unchanged")
    func missingTargetLanguageIsSaid() throws {
        let dir = try Scratch.folder("verbale-1130e-to")
        let input = try Self.write(Data(Self.table.utf8), "t.tsv", in: dir)
        let memory = dir.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, input]).status == 0)
        let query = "The Embassy thanks the Ministry for its cooperation."
        let khmer = try CLI.run(["search", "--memory", memory, "--to", "fr,km", query])
        #expect(khmer.status == 0, "\(khmer.stderr)")
        #expect(khmer.stdout.contains("100%") && khmer.stdout.contains("fr: L’Ambassade remercie"), "\(khmer.stdout)")
        #expect(khmer.stderr.contains("the memory has no km texts (it has: en, fr)"), "\(khmer.stderr)")
        let french = try CLI.run(["search", "--memory", memory, "--to", "fr", query])
        #expect(french.stdout == khmer.stdout, "\(french.stdout)")
        #expect(!french.stderr.contains("has no"), "\(french.stderr)")
        let json = try CLI.run(["search", "--memory", memory, "--to", "km", "--json", query])
        #expect(json.status == 0 && json.stdout.contains("\"score\" : 100"), "\(json.stdout)")
        #expect(json.stderr.contains("the memory has no km texts"), "\(json.stderr)")
        let suggest = try CLI.run(["suggest", "--memory", memory, "--to", "km", "-"], stdin: query + "\n")
        #expect(suggest.status == 0, "\(suggest.stderr)")
        #expect(suggest.stderr.contains("the memory has no km texts (it has: en, fr)"), "\(suggest.stderr)")
    }

    @Test("m3: a TSV/CSV export says how many units lost their properties (the shipped memory's provenance) and names them")
    func tableExportSaysPropertiesDropped() throws {
        let dir = try Scratch.folder("verbale-1130e-props")
        let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="phrase" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
        <tu tuid="a"><prop type="x-category">opening</prop><tuv xml:lang="en"><prop type="x-attested-in">en-1.txt en-2.txt</prop><seg>has the honour to inform</seg></tuv><tuv xml:lang="km"><prop type="x-review">unreviewed</prop><prop type="x-provenance">rendered by Verbale; no attested Khmer</prop><seg>មានកិត្តិយសសូមជម្រាបជូន</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>The Embassy thanks the Ministry.</seg></tuv><tuv xml:lang="km"><seg>ស្ថានទូតសូមអរគុណក្រសួង។</seg></tuv></tu>
        </body></tmx>
        """
        let input = try Self.write(Data(tmx.utf8), "p.tmx", in: dir)
        let memory = dir.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, input]).status == 0)
        for format in ["tsv", "csv"] {
            let out = dir.appendingPathComponent("out.\(format)").path
            let result = try CLI.run(["export", "--memory", memory, "--format", format, out])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("1 unit without its properties (x-attested-in, x-category, x-provenance)"), "\(format): \(result.stderr)")
            // The review status has its column: it is not counted as lost.
            #expect(!result.stderr.contains("x-review"), "\(result.stderr)")
        }
        let tmxOut = try CLI.run(["export", "--memory", memory, "--format", "tmx", dir.appendingPathComponent("out.tmx").path])
        #expect(tmxOut.status == 0 && !tmxOut.stderr.contains("properties"), "\(tmxOut.stderr)")
        // A memory without properties: no such line.
        let plain = try Self.write(Data(Self.table.utf8), "t.tsv", in: dir)
        let plainMemory = dir.appendingPathComponent("plain.sqlite").path
        #expect(try CLI.run(["import", "--memory", plainMemory, plain]).status == 0)
        let plainOut = try CLI.run(["export", "--memory", plainMemory, "--format", "tsv", dir.appendingPathComponent("plain.tsv").path])
        #expect(plainOut.status == 0 && !plainOut.stderr.contains("properties"), "\(plainOut.stderr)")
    }

    @Test("m6: a text saved as UTF-16 without byte-order mark (LE or BE, English or Khmer) is read as its UTF-8 twin is")
    func utf16WithoutBOMIsRead() throws {
        let dir = try Scratch.folder("verbale-1130e-utf16")
        let texts = [
            "The Embassy presents its compliments to the Ministry. It has the honour to inform the Ministry that the meeting will take place on 3 March 2021.\n",
            "L’Ambassade présente ses compliments au Ministère. Elle a l’honneur de l’informer que la réunion aura lieu le 3 mars 2021.\n",
            "ស្ថានទូត​សូម​គោរព​ជូន​ចំពោះ​ក្រសួង​ការបរទេស។ កិច្ចប្រជុំ​នឹង​ប្រព្រឹត្ត​ទៅ​នៅ​ថ្ងៃទី​៣ ខែមីនា ឆ្នាំ​២០២១។\n",
        ]
        for (number, text) in texts.enumerated() {
            let utf8 = try Self.write(Data(text.utf8), "n\(number).txt", in: dir)
            let expected = try CLI.run(["segment", "--json", utf8])
            #expect(expected.status == 0)
            for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
                let data = try #require(text.data(using: encoding))
                let file = try Self.write(data, "n\(number)-\(encoding == .utf16LittleEndian ? "le" : "be").txt", in: dir)
                let result = try CLI.run(["segment", "--json", file])
                #expect(result.status == 0, "\(number) \(encoding): \(result.stderr)")
                #expect(result.stdout == expected.stdout, "\(number) \(encoding)")
            }
        }
        // Real binary data is still refused.
        let binary = try Self.write(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]), "b.txt", in: dir)
        let refused = try CLI.run(["segment", binary])
        #expect(refused.status != 0 && refused.stderr.contains("binary"), "\(refused.stderr)")
    }

    @Test("m8: glossary import of an empty file names it by its full path and says nothing was imported, as a reader's error does")
    func emptyGlossaryFile() throws {
        let dir = try Scratch.folder("verbale-1130e-glossary-empty")
        let table = try Self.write(Data("en,fr\nvisa section,section des visas\n".utf8), "g.csv", in: dir)
        _ = try Self.write(Data(), "empty.tbx", in: dir)
        let memory = dir.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "t", "g.csv", "empty.tbx"], directory: dir)
        #expect(result.status == 1, "\(result.stderr)")
        let empty = dir.appendingPathComponent("empty.tbx").path
        #expect(result.stderr.contains("\(empty): the file is empty"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was imported"), "\(result.stderr)")
        let lookup = try CLI.run(["glossary", "lookup", "--memory", memory, "section des visas"])
        #expect(!lookup.stdout.contains("visa section"), "\(table): \(lookup.stdout)")
    }
}
