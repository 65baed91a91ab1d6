import Foundation
import Testing
import ZIPFoundation
import VerbaleTestSupport

/// `verbale align` run as a user would, on files written to a temporary folder.
@Suite("verbale align")
struct AlignCLITests {
    static let english = """
    The Embassy presents its compliments to the Ministry of Foreign Affairs.

    The delegation will arrive on 12 March 2024. It will consist of 5 members.
    Could the Ministry confirm the arrangements? Please reply to protocol@embassy.example.
    """
    static let french = """
    L'Ambassade présente ses compliments au ministère des Affaires étrangères.

    La délégation arrivera le 12 mars 2024. Elle sera composée de 5 membres.
    Le ministère pourrait-il confirmer les dispositions ? Merci de répondre à protocol@embassy.example.
    """

    static func folder() throws -> URL {
        let url = try Scratch.folder("verbale-align")
        return url
    }

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// `verbale align --json` as tools read it; `document` and `documents` only with `--archive`.
    struct Output: Decodable {
        struct Unit: Decodable {
            var variants: [String: String]
            var confidence: Double
            var bead: String
            var review: Bool
            var document: Int?
        }
        struct Document: Decodable {
            var line: Int
            var files: [String: String]
        }
        var units: [Unit]
        var documents: [Document]?
    }

    @Test("--json gives units with variants, confidence and bead")
    func json() throws {
        let dir = try Self.folder()
        let result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + Self.write(Self.french, "b.txt", in: dir), "--json", "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.units.count == 5)
        #expect(output.units.allSatisfy { $0.bead == "1-1" && $0.confidence > 0.5 && !$0.review })
        #expect(output.units[1].variants["fr"] == "La délégation arrivera le 12 mars 2024.")
    }

    @Test("Human output shows the pairs side by side with the confidence")
    func human() throws {
        let dir = try Self.folder()
        let result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + Self.write(Self.french, "b.txt", in: dir), "--no-glossary"],
                                 environment: ["COLUMNS": "160"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("│"))
        #expect(result.stdout.contains("1-1"))
        #expect(result.stdout.contains("The delegation will arrive on 12 March 2024."))
    }

    @Test("A .docx on one side is read paragraph by paragraph")
    func docx() throws {
        let dir = try Self.folder()
        let paragraphs = Self.french.split(separator: "\n", omittingEmptySubsequences: true)
        let body = paragraphs.map { "<w:p><w:r><w:t>\($0.replacingOccurrences(of: "'", with: "&apos;"))</w:t></w:r></w:p>" }.joined()
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
        let url = dir.appendingPathComponent("b.docx")
        let archive = try Archive(url: url, accessMode: .create)
        let bytes = Data(xml.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                             provider: { position, size in bytes.subdata(in: Int(position)..<(Int(position) + size)) })
        let result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + url.path, "--json", "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.units.count == 5)
    }

    @Test("An empty side is a clear error")
    func empty() throws {
        let dir = try Self.folder()
        let result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + Self.write("\n \n", "b.txt", in: dir)])
        #expect(result.status != 0)
        #expect(result.stderr.contains("empty"))
    }

    @Test("A non-UTF-8 file is refused with the byte offset")
    func latin1() throws {
        let dir = try Self.folder()
        let url = dir.appendingPathComponent("b.txt")
        try Data([0x52, 0xE9, 0x70, 0x6F, 0x6E, 0x73, 0x65, 0x2E]).write(to: url)
        let result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + url.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("UTF-8"))
    }

    @Test("A corrupt or encrypted .docx is a clear error")
    func badDocx() throws {
        let dir = try Self.folder()
        let corrupt = dir.appendingPathComponent("corrupt.docx")
        try Data("PK\u{3}\u{4} this is not really a zip".utf8).write(to: corrupt)
        var result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + corrupt.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("docx"))
        let encrypted = dir.appendingPathComponent("secret.docx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(to: encrypted)
        result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + encrypted.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("password"))
    }

    @Test("A language that does not match the file's script warns")
    func scriptMismatch() throws {
        let dir = try Self.folder()
        let result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "km=" + Self.write(Self.french, "b.txt", in: dir), "--json", "--no-glossary"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning"))
        #expect(result.stderr.contains("Khmer"))
    }

    @Test("Khmer with Khmer digits: three documents through the pivot, a missing Khmer sentence flagged for review")
    func trilingual() throws {
        let dir = try Self.folder()
        let english = ["The delegation will arrive on 12 March 2024.", "It will consist of 5 members.", "Please reply to protocol@embassy.example."]
        let french = ["La délégation arrivera le 12 mars 2024.", "Elle sera composée de 5 membres.", "Merci de répondre à protocol@embassy.example."]
        let khmer = ["គណៈប្រតិភូ\u{200B}នឹង\u{200B}មក\u{200B}ដល់\u{200B}នៅ\u{200B}ថ្ងៃទី ១២ ខែមីនា ឆ្នាំ ២០២៤។", "សូម\u{200B}ឆ្លើយតប\u{200B}ទៅ protocol@embassy.example។"]
        let result = try CLI.run(["align", "km=" + Self.write(khmer.joined(separator: "\n"), "c.txt", in: dir),
                                  "en=" + Self.write(english.joined(separator: " "), "a.txt", in: dir),
                                  "fr=" + Self.write(french.joined(separator: " "), "b.txt", in: dir), "--json", "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.units.count == 3)
        #expect(output.units.first?.variants["km"]?.contains("១២") == true)
        #expect(output.units.first?.bead == "1-1-1")
        #expect(output.units[1].variants["km"] == nil)
        #expect(output.units[1].review)
    }

    @Test("--tmx writes units with provenance; units below --min-confidence are marked unreviewed")
    func tmx() throws {
        let dir = try Self.folder()
        let out = dir.appendingPathComponent("aligned.tmx")
        let result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + Self.write(Self.french, "b.txt", in: dir),
                                  "--tmx", out.path, "--min-confidence", "0.999", "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        let tmx = try String(contentsOf: out, encoding: .utf8)
        #expect(tmx.components(separatedBy: "<tu ").count - 1 == 5)
        #expect(tmx.contains("<prop type=\"x-review\">unreviewed</prop>"))
        #expect(tmx.contains("x-align-confidence"))
        #expect(tmx.contains("a.txt sentence 2"))
    }

    @Test("--import stores the units in the memory in one go")
    func importIntoMemory() throws {
        let dir = try Self.folder()
        let memory = dir.appendingPathComponent("memory.sqlite").path
        let result = try CLI.run(["align", "en=" + Self.write(Self.english, "a.txt", in: dir), "fr=" + Self.write(Self.french, "b.txt", in: dir),
                                  "--import", "--memory", memory, "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 5 units"))
        let search = try CLI.run(["concordance", "--memory", memory, "délégation"])
        #expect(search.stdout.contains("The delegation will arrive"))
        // The provenance names the files, not the folders they were in (a shared memory).
        let export = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(export.stdout.contains("a.txt sentence"), "\(export.stdout.prefix(2000))")
        #expect(!export.stdout.contains(dir.path))
    }

    @Test("A TMX an older align -o wrote, with the folders in its provenance, is imported and exported with file names only")
    func oldProvenanceImported() throws {
        let dir = try Self.folder()
        let memory = dir.appendingPathComponent("memory.sqlite").path
        let tmx = dir.appendingPathComponent("old-align.tmx")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="verbale" creationtoolversion="0.1.0" segtype="sentence" o-tmf="verbale" adminlang="en" srclang="en" datatype="plaintext"/><body>
            <tu><prop type="x-origin">aligned by verbale align: en=/home/sokha/Private/Dara-case/a.txt sentence 3; fr=/home/sokha/Private/Dara-case/b.txt sentence 3</prop><tuv xml:lang="en"><seg>The delegation will arrive on Monday.</seg></tuv><tuv xml:lang="fr"><seg>La délégation arrivera lundi.</seg></tuv></tu>
            </body></tmx>
            """.utf8).write(to: tmx)
        let result = try CLI.run(["import", "--memory", memory, tmx.path])
        #expect(result.status == 0, "\(result.stderr)")
        let export = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(export.stdout.contains("aligned by verbale align: en=a.txt sentence 3; fr=b.txt sentence 3"), "\(export.stdout.prefix(2000))")
        #expect(!export.stdout.contains("Dara-case") && !export.stdout.contains("sokha"))
    }
}

/// Personal data in aligned notes: replaced by default in every output, kept on request.
@Suite("verbale align personal data")
struct AlignPersonalDataCLITests {
    static let english = """
    The Embassy presents its compliments to the Ministry of Foreign Affairs.

    Mr. John Smith, passport D0123456, will attend the meeting. He will arrive on 12 March 2024.
    """
    static let french = """
    L'Ambassade présente ses compliments au ministère des Affaires étrangères.

    M. John Smith, passeport D0123456, assistera à la réunion. Il arrivera le 12 mars 2024.
    """
    static let khmer = """
    ស្ថានទូតសូមគោរពជូនក្រសួងការបរទេស។

    លោក សុខ ចាន់ នឹងចូលរួមកិច្ចប្រជុំ។ គាត់នឹងមកដល់នៅថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៤។
    """

    @Test("--tmx replaces names and passport numbers with the same placeholders in EN, FR and KM")
    func tmxScrubbed() throws {
        let dir = try AlignCLITests.folder()
        let out = dir.appendingPathComponent("aligned.tmx")
        let result = try CLI.run(["align", "en=" + AlignCLITests.write(Self.english, "en.txt", in: dir),
                                  "fr=" + AlignCLITests.write(Self.french, "fr.txt", in: dir),
                                  "km=" + AlignCLITests.write(Self.khmer, "km.txt", in: dir),
                                  "--tmx", out.path, "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        let tmx = try String(contentsOf: out, encoding: .utf8)
        for secret in ["John", "Smith", "D0123456", "សុខ", "ចាន់"] {
            #expect(!tmx.contains(secret), "\(secret) leaked into the TMX")
        }
        #expect(tmx.contains("Mr. {PERSON}, passport {PASSPORT}"))
        #expect(tmx.contains("M. {PERSON}, passeport {PASSPORT}"))
        #expect(tmx.contains("លោក {PERSON}"))
        #expect(result.stderr.contains("personal data replaced"), "\(result.stderr)")
        #expect(result.stderr.contains("PASSPORT"))
    }

    @Test("--json reports personal_data counts; --keep-personal-data keeps the texts")
    func jsonCountsAndKeep() throws {
        struct Output: Decodable {
            struct Unit: Decodable { var variants: [String: String] }
            var units: [Unit]
            var personal_data: [String: Int]
        }
        let dir = try AlignCLITests.folder()
        let en = "en=" + (try AlignCLITests.write(Self.english, "en.txt", in: dir))
        let fr = "fr=" + (try AlignCLITests.write(Self.french, "fr.txt", in: dir))
        let scrubbed = try CLI.run(["align", en, fr, "--json", "--no-glossary"])
        #expect(scrubbed.status == 0, "\(scrubbed.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(scrubbed.stdout.utf8))
        #expect(output.personal_data["PERSON"] == 2)
        #expect(output.personal_data["PASSPORT"] == 2)
        #expect(!scrubbed.stdout.contains("D0123456"))

        let kept = try CLI.run(["align", en, fr, "--json", "--no-glossary", "--keep-personal-data"])
        #expect(kept.status == 0, "\(kept.stderr)")
        let keptOutput = try JSONDecoder().decode(Output.self, from: Data(kept.stdout.utf8))
        #expect(keptOutput.personal_data.isEmpty)
        #expect(keptOutput.units.contains { $0.variants["en"]?.contains("Mr. John Smith, passport D0123456") == true })
    }
}

/// The provenance of aligned units names the documents as `verbale import` names a file: its
/// own name only, with personal data replaced (review 1130b, A1).
@Suite("verbale align provenance privacy")
struct AlignProvenancePrivacyCLITests {
    /// Files named after the person, kept in a folder named after a mailbox, given as relative
    /// paths from `dir` — as an officer types them.
    static func documents() throws -> (dir: URL, arguments: [String]) {
        let dir = try AlignCLITests.folder()
        let folder = dir.appendingPathComponent("dara.sok@gmail.com")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try AlignCLITests.write(AlignPersonalDataCLITests.english, "visa_John_Smith_en.txt", in: folder)
        _ = try AlignCLITests.write(AlignPersonalDataCLITests.french, "visa-John-Smith-fr.txt", in: folder)
        _ = try AlignCLITests.write(AlignPersonalDataCLITests.khmer, "km.txt", in: folder)
        return (dir, ["en=dara.sok@gmail.com/visa_John_Smith_en.txt", "fr=dara.sok@gmail.com/visa-John-Smith-fr.txt",
                      "km=dara.sok@gmail.com/km.txt", "--no-glossary"])
    }

    static let secrets = ["John", "Smith", "dara.sok", "gmail"]

    @Test("--tmx writes x-origin with the file names only, the person's name replaced")
    func tmx() throws {
        let (dir, arguments) = try Self.documents()
        let result = try CLI.run(["align"] + arguments + ["--tmx", "out.tmx"], directory: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let tmx = try String(contentsOf: dir.appendingPathComponent("out.tmx"), encoding: .utf8)
        for secret in Self.secrets { #expect(!tmx.contains(secret), "\(secret) leaked into the TMX") }
        #expect(tmx.contains("aligned by verbale align: en=visa_{PERSON}_en.txt sentence 2; fr=visa-{PERSON}-fr.txt sentence 2; km=km.txt sentence 2"), "\(tmx)")
    }

    @Test("--import stores the scrubbed provenance: stats, search and the SQLite file hold no name or e-mail")
    func importIntoMemory() throws {
        let (dir, arguments) = try Self.documents()
        let memory = dir.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["align"] + arguments + ["--import"], environment: ["VERBALE_MEMORY": memory], directory: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let stats = try CLI.run(["stats", "--memory", memory])
        #expect(stats.status == 0, "\(stats.stderr)")
        let search = try CLI.run(["search", "--memory", memory, "--to", "km", "The Embassy presents its compliments to the Ministry of Foreign Affairs."])
        #expect(search.stdout.contains("from: aligned by verbale align: en=visa_{PERSON}_en.txt sentence 1"), "\(search.stdout)")
        let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: memory)), as: UTF8.self)
        for secret in Self.secrets {
            #expect(!stats.stdout.contains(secret), "\(secret) in stats: \(stats.stdout)")
            #expect(!search.stdout.contains(secret), "\(secret) in search")
            #expect(!bytes.contains(secret), "\(secret) in the SQLite file")
        }
    }

    @Test("--json gives each unit's origin, scrubbed; --keep-personal-data keeps the name but not the folder")
    func json() throws {
        struct Output: Decodable {
            struct Unit: Decodable { var origin: String }
            var units: [Unit]
        }
        let (dir, arguments) = try Self.documents()
        let scrubbed = try CLI.run(["align"] + arguments + ["--json"], directory: dir)
        #expect(scrubbed.status == 0, "\(scrubbed.stderr)")
        let units = try JSONDecoder().decode(Output.self, from: Data(scrubbed.stdout.utf8)).units
        #expect(units.count >= 2)
        #expect(units.allSatisfy { $0.origin.hasPrefix("aligned by verbale align: en=visa_{PERSON}_en.txt sentence") }, "\(units.map(\.origin))")
        for secret in Self.secrets { #expect(!scrubbed.stdout.contains(secret), "\(secret) leaked into --json") }

        let kept = try CLI.run(["align"] + arguments + ["--json", "--keep-personal-data"], directory: dir)
        #expect(kept.status == 0, "\(kept.stderr)")
        let keptUnits = try JSONDecoder().decode(Output.self, from: Data(kept.stdout.utf8)).units
        #expect(keptUnits.first?.origin == "aligned by verbale align: en=visa_John_Smith_en.txt sentence 1; fr=visa-John-Smith-fr.txt sentence 1; km=km.txt sentence 1",
                "\(keptUnits.map(\.origin))")
    }
}

/// Review 1130g m8: the side-by-side view wrapped the Khmer column inside words ("…ទទួលបន្ទុ" |
/// "កសិទ្ធិមនុស្ស"); it now breaks Khmer where ICU's dictionary ends a word.
@Suite("verbale align: the human view wraps Khmer between words")
struct AlignKhmerWrapCLITests {
    static let english = """
    The Permanent Mission of the Kingdom of Cambodia presents its compliments to the Office of the United Nations High Commissioner for Human Rights.

    Office of the United Nations High Commissioner for Human Rights
    """
    static let khmer = """
    បេសកកម្មអចិន្ត្រៃយ៍នៃព្រះរាជាណាចក្រកម្ពុជា សូមគោរពជូនចំពោះការិយាល័យឧត្តមស្នងការអង្គការសហប្រជាជាតិទទួលបន្ទុកសិទ្ធិមនុស្ស។

    ការិយាល័យឧត្តមស្នងការអង្គការសហប្រជាជាតិទទួលបន្ទុកសិទ្ធិមនុស្ស
    """

    @Test("At 80 and 100 columns no Khmer cell ends inside ទទួលបន្ទុក or សិទ្ធិមនុស្ស, and every Khmer letter is shown", arguments: [80, 100])
    func khmerBetweenWords(columns: Int) throws {
        let dir = try AlignCLITests.folder()
        let result = try CLI.run(["align", "en=" + AlignCLITests.write(Self.english, "en.txt", in: dir), "km=" + AlignCLITests.write(Self.khmer, "km.txt", in: dir), "--no-glossary"],
                                 environment: ["COLUMNS": String(columns)])
        #expect(result.status == 0, "\(result.stderr)")
        let khmerCells = result.stdout.split(separator: "\n").dropFirst().compactMap { line -> String? in
            guard let bar = line.range(of: " │ ") else { return nil }
            return line[bar.upperBound...].trimmingCharacters(in: .whitespaces)
        }
        for whole in ["ទទួលបន្ទុក", "សិទ្ធិមនុស្ស"] {
            for cut in 1..<whole.count {
                let head = String(whole.prefix(cut)), tail = String(whole.dropFirst(cut))
                #expect(!khmerCells.indices.dropLast().contains { khmerCells[$0].hasSuffix(head) && khmerCells[$0 + 1].hasPrefix(tail) },
                        "\(whole) cut after \(head): \(khmerCells)")
            }
        }
        let shown = khmerCells.joined().unicodeScalars.filter { $0.properties.generalCategory == .otherLetter }
        let written = Self.khmer.unicodeScalars.filter { $0.properties.generalCategory == .otherLetter }
        #expect(String(String.UnicodeScalarView(shown)) == String(String.UnicodeScalarView(written)))
    }
}
