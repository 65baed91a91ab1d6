import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130c, m10 and m11: a bad option value is a usage error whatever the option (exit 64
/// with the command's usage), a mistaken Khmer tag gets the fix everywhere, and help
/// paragraphs are wrapped once.
@Suite("Usage exit status and help wrapping (review 1130c, m10, m11)")
struct UsageStatusAndHelpCLITests {
    static let cambodia = ["--from", "Embassy of the Kingdom of Cambodia", "--to", "Ministry of Foreign Affairs"]

    @Test("An unknown purpose, an impossible date and an unsupported language all exit 64 with the usage")
    func draftNewValues() throws {
        // (arguments, a piece of the message)
        let cases: [([String], String)] = [
            (["draft", "new"] + Self.cambodia + ["--purpose", "thank"], "known purposes"),
            (["draft", "new"] + Self.cambodia + ["--purpose", "inform", "--date", "2021-02-30"], "YYYY-MM-DD"),
            (["draft", "new"] + Self.cambodia + ["--purpose", "inform", "--lang", "en,kh"], "Khmer is \"km\""),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("Usage: verbale draft new"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("A concordance query of punctuation alone is a usage error, as an empty one is")
    func concordancePunctuation() throws {
        let folder = try Scratch.folder("verbale-usage")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("memory.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, "--format", "tsv", "-"],
                                   stdin: "en\tkm\nThe Embassy thanks the Ministry.\tស្ថានទូត​សូម​អរគុណ​ក្រសួង។\n")
        #expect(imported.status == 0, "\(imported.stderr)")
        for query in ["'", "។", "\u{200B}"] {
            let result = try CLI.run(["concordance", "--memory", memory, query])
            #expect(result.status == 64, "\(query.unicodeScalars.map(\.value)): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("Usage: verbale concordance"), "\(result.stderr)")
        }
    }

    @Test("Every help paragraph is wrapped once: no short line inside a paragraph")
    func helpWrappedOnce() throws {
        let commands: [[String]] = [
            [], ["segment"], ["tokenize"], ["import"], ["export"], ["validate"], ["concordance"], ["stats"],
            ["glossary"], ["glossary", "import"], ["glossary", "export"], ["glossary", "lookup"],
            ["glossary", "terms"], ["glossary", "check"], ["search"], ["suggest"], ["mine"], ["draft"],
            ["draft", "new"], ["draft", "translate"], ["align"], ["check"],
        ]
        for command in commands {
            let result = try CLI.run(["help"] + command, environment: ["COLUMNS": "80"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let discussion = Self.discussion(of: result.stdout)
            #expect(!discussion.isEmpty, "\(command): no discussion found")
            for paragraph in discussion.components(separatedBy: "\n\n") {
                let lines = paragraph.split(separator: "\n")
                // Examples are laid out by hand; the parser wraps a long one as it must.
                if lines.contains(where: { $0.hasPrefix(" ") }) { continue }
                // A line the parser broke at 80 columns is long; a line broken twice is short.
                for line in lines.dropLast() where line.count < 40 {
                    Issue.record("\(command): a short line inside a paragraph: \"\(line)\"\n\(paragraph)")
                }
            }
        }
    }

    /// The help text between OVERVIEW's abstract and the USAGE line: the discussion.
    static func discussion(of help: String) -> String {
        guard let overview = help.range(of: "OVERVIEW: "), let usage = help.range(of: "\nUSAGE: ") else { return "" }
        let body = help[overview.upperBound..<usage.lowerBound]
        guard let firstBreak = body.range(of: "\n\n") else { return "" }
        return String(body[firstBreak.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Review 1130c, m12 (a): an input refused before the memory is opened (an entity declaration
/// found while sniffing) says what happened to the memory as a malformed file found while
/// importing does.
@Suite("Import refusals say what became of the memory (review 1130c, m12)")
struct ImportRefusalWordingCLITests {
    static let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
        <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="km"><seg>&lol2;</seg></tuv></tu></body></tmx>
        """
    static let malformed = """
        <?xml version="1.0"?>
        <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
        <tu><tuv xml:lang="en"><seg>The Embassy</tuv></tu></body></tmx>
        """

    @Test("Into a new path: both say no memory was created; into a memory: both say it is unchanged")
    func wording() throws {
        let folder = try Scratch.folder("verbale-refusal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let laughs = folder.appendingPathComponent("laughs.tmx"), malformed = folder.appendingPathComponent("malformed.tmx")
        try Data(Self.laughs.utf8).write(to: laughs)
        try Data(Self.malformed.utf8).write(to: malformed)
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        for file in [laughs, malformed] {
            let result = try CLI.run(["import", "--memory", fresh, file.path])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("nothing was imported (no memory was created at \(fresh))"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let existing = folder.appendingPathComponent("existing.sqlite").path
        let made = try CLI.run(["import", "--memory", existing, "--format", "tsv", "-"], stdin: "en\tkm\nThe Embassy.\tស្ថានទូត។\n")
        #expect(made.status == 0, "\(made.stderr)")
        for file in [laughs, malformed] {
            let result = try CLI.run(["import", "--memory", existing, file.path])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("nothing was imported (the memory is unchanged)"), "\(result.stderr)")
        }
    }
}

/// Review 1130c, m2: personal-data counts under `import --json`'s name `personalData` in
/// `glossary import --json` and `align --json` too, beside their documented `personal_data`.
@Suite("JSON: personalData in every command that scrubs (review 1130c, m2)")
struct PersonalDataJSONNameCLITests {
    @Test("glossary import and align give personalData, equal to personal_data")
    func names() throws {
        let folder = try Scratch.folder("verbale-json-names")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("memory.sqlite").path
        let glossary = try CLI.run(["glossary", "import", "--memory", memory, "--termbase", "t", "--format", "tsv", "--json", "-"],
                                   stdin: "en\tkm\tnote\nconsul\tកុងស៊ុល\tPrepared by Mr. Sok Dara\n")
        #expect(glossary.status == 0, "\(glossary.stderr)")
        // One report per file read.
        let report = try #require((try JSONSerialization.jsonObject(with: Data(glossary.stdout.utf8)) as? [[String: Any]])?.first)
        let counted = try #require(report["personalData"] as? [String: Int])
        #expect(counted["PERSON"] == 1)
        #expect(report["personal_data"] as? [String: Int] == counted)
        let en = folder.appendingPathComponent("en.txt"), km = folder.appendingPathComponent("km.txt")
        try "The Embassy thanks Mr. Sok Dara.\n".write(to: en, atomically: true, encoding: .utf8)
        try "ស្ថានទូត​សូម​អរគុណ​លោក សុខ ដារ៉ា។\n".write(to: km, atomically: true, encoding: .utf8)
        let align = try CLI.run(["align", "en=\(en.path)", "km=\(km.path)", "--json"])
        #expect(align.status == 0, "\(align.stderr)")
        let aligned = try #require(try JSONSerialization.jsonObject(with: Data(align.stdout.utf8)) as? [String: Any])
        #expect(aligned["personalData"] as? [String: Int] != nil)
        #expect(aligned["personalData"] as? [String: Int] == aligned["personal_data"] as? [String: Int])
    }
}
