import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130, m9: the small CLI contract nits — usage lines, the export format list and
/// XLIFF 1.2, truncated UTF-16, `--origin` for standard input, the e-mail-named file's origin,
/// and a failed import into a new path.
@Suite("CLI contract nits (review 1130, m9)")
struct CLIContractNitsTests {
    static let table = """
        en\tfr\tkm
        The Embassy presents its compliments to the Ministry.\tL'Ambassade présente ses compliments au Ministère.\tស្ថានទូត​សូម​គោរព​ជូន​ក្រសួង។
        Note No. ១២៣ dated 2021.\tNote n° 123 de 2021.\tកំណត់​ទូត​លេខ ១២៣ ឆ្នាំ ២០២១។

        """

    /// A memory holding `table`, in a fresh scratch folder.
    static func memory() throws -> (folder: URL, memory: String) {
        let folder = try Scratch.folder("verbale-nits")
        let memory = folder.appendingPathComponent("memory.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, "--format", "tsv", "-"], stdin: table)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (folder, memory)
    }

    @Test("A usage error found while a subcommand runs prints that subcommand's usage, not the root's")
    func subcommandUsage() throws {
        let (folder, memory) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = folder.appendingPathComponent("draft.txt")
        try Data("The Embassy presents its compliments.".utf8).write(to: draft)
        let empty = folder.appendingPathComponent("empty.txt")
        try Data("  \n".utf8).write(to: empty)
        // (arguments, standard input, the subcommand path in the usage line, a piece of the message)
        let cases: [([String], String?, String, String)] = [
            (["export", "--memory", memory, "--format", "xliff3", "-"], nil, "verbale export", "unknown format \"xliff3\""),
            (["import", "--memory", memory, "--lang-map", "foo", draft.path], nil, "verbale import", "--lang-map expects from=to"),
            (["concordance", "--memory", memory, "--lang", "de", "Ministry"], nil, "verbale concordance", "\"de\" is not supported"),
            (["concordance", "--memory", memory, ""], nil, "verbale concordance", "the query is empty"),
            (["search", "--memory", memory, "--lang", "de", "Ministry"], nil, "verbale search", "\"de\""),
            (["suggest", "--memory", memory, "--lang", "de", "-"], "The Embassy.", "verbale suggest", "\"de\""),
            (["glossary", "lookup", "--memory", memory, " "], nil, "verbale glossary lookup", "TERM is empty"),
            (["draft", "translate", "--memory", memory, "--to", "fr", empty.path], nil, "verbale draft translate", "the draft is empty"),
            (["align", "de=\(draft.path)", "fr=\(draft.path)"], nil, "verbale align", "\"de\" is not supported"),
        ]
        for (arguments, stdin, path, message) in cases {
            let result = try CLI.run(arguments, stdin: stdin)
            #expect(result.status == 64, "\(arguments): status \(result.status), \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("Usage: \(path) "), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Usage: verbale <subcommand>"), "\(arguments): the root's usage: \(result.stderr)")
            #expect(result.stderr.contains("See '\(path) --help'"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("export --format: an unknown value lists exactly the accepted ones, csv and xliff12 included, and each is accepted")
    func exportFormats() throws {
        let (folder, memory) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try CLI.run(["export", "--memory", memory, "--format", "docx", "-"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("unknown format \"docx\"; use one of: tmx, xliff, xliff12, tsv, csv\n"), "\(refused.stderr)")
        for format in ["tmx", "xliff", "xliff12", "tsv", "csv", "CSV"] {
            let langs = format.hasPrefix("xliff") ? ["--langs", "en,km"] : []
            let result = try CLI.run(["export", "--memory", memory, "--format", format] + langs + ["-"])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains("ស្ថានទូត"), "\(format): \(result.stdout)")
        }
        let help = try CLI.run(["export", "--help"])
        #expect(help.stdout.contains("xliff12"), "\(help.stdout)")
    }

    @Test("export --format xliff12 writes XLIFF 1.2 (xliff stays 2.0), valid against the OASIS schema when installed, and reads back with the same units")
    func xliff12() throws {
        let (folder, memory) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out12.xlf")
        let exported = try CLI.run(["export", "--memory", memory, "--format", "xliff12", "--langs", "en,km", file.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("urn:oasis:names:tc:xliff:document:1.2") && text.contains("version=\"1.2\""))
        #expect(text.contains("source-language=\"en\"") && text.contains("target-language=\"km\""))
        #expect(text.contains("<trans-unit") && text.contains("ស្ថានទូត\u{200B}សូម\u{200B}គោរព"))
        let v20 = try CLI.run(["export", "--memory", memory, "--format", "xliff", "--langs", "en,km", "-"])
        #expect(v20.stdout.contains("urn:oasis:names:tc:xliff:document:2.0"), "--format xliff is XLIFF 2.0 (issue 1's contract)")
        if let schema = try XLIFF12Schema.prepare(in: folder) {
            let verdict = try XLIFF12Schema.validate(file, schema: schema)
            #expect(verdict.status == 0, "xmllint: \(verdict.output)")
        }
        // Read back by our own reader: the same en/km texts.
        let again = folder.appendingPathComponent("again.sqlite").path
        let imported = try CLI.run(["import", "--memory", again, file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        func pairs(_ memory: String) throws -> [String] {
            let tsv = try CLI.run(["export", "--memory", memory, "--format", "tsv", "--langs", "en,km", "-"])
            return tsv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(2).joined(separator: "\t") }.sorted()
        }
        let original = try pairs(memory)
        #expect(original.count == 2)
        #expect(try pairs(again) == original)
    }

    @Test("A UTF-16 file cut after an odd byte: the error gives line, column and byte offset and says it looks truncated")
    func truncatedUTF16() throws {
        let folder = try Scratch.folder("verbale-nits-utf16")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmx = """
            <?xml version="1.0" encoding="UTF-16"?>
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
            <tu><tuv xml:lang="en"><seg>The Ministry.</seg></tuv><tuv xml:lang="km"><seg>ក្រសួង។</seg></tuv></tu>
            </body></tmx>

            """
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in tmx.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        // Cut inside line 3, in the middle of the Khmer "ក្រសួង" (after its first three characters and one byte).
        let line3 = tmx.components(separatedBy: "\n")[2]
        let before = tmx.components(separatedBy: "\n")[0...1].joined(separator: "\n") + "\n" + line3.components(separatedBy: "ក្រសួង")[0] + "ក្រ"
        let cut = 2 + before.utf16.count * 2 + 1
        let file = folder.appendingPathComponent("odd16.tmx")
        try Data(bytes[..<cut]).write(to: file)
        let column = (line3.components(separatedBy: "ក្រសួង")[0] + "ក្រ").unicodeScalars.count + 1
        let result = try CLI.run(["import", "--memory", folder.appendingPathComponent("m.sqlite").path, file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("odd16.tmx:3:\(column):"), "\(result.stderr)")
        #expect(result.stderr.contains("at byte \(cut - 1)"), "\(result.stderr)")
        #expect(result.stderr.contains("looks truncated"), "\(result.stderr)")
        #expect(!result.stderr.contains("convert the file to UTF-8"), "\(result.stderr)")
        // The same for a UTF-16 table, and for a text command reading a cut file.
        let table = "en\tkm\nThe Ministry.\tក្រសួង។\n"
        var tableBytes: [UInt8] = [0xFF, 0xFE]
        for unit in table.utf16 { tableBytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let tsv = folder.appendingPathComponent("odd16.tsv")
        try Data(tableBytes.dropLast(3)).write(to: tsv)
        let tableResult = try CLI.run(["import", "--memory", folder.appendingPathComponent("m.sqlite").path, tsv.path])
        #expect(tableResult.stderr.contains("odd16.tsv:2:21:") && tableResult.stderr.contains("looks truncated"), "\(tableResult.stderr)")
        let segment = try CLI.run(["segment", "--lang", "km", tsv.path])
        #expect(segment.status != 0)
        #expect(segment.stderr.contains("odd16.tsv:2:21:") && segment.stderr.contains("looks truncated"), "\(segment.stderr)")
    }

    @Test("import --origin NAME - gives piped units that origin (last path component, personal data replaced) instead of <stdin>")
    func originForStandardInput() throws {
        let folder = try Scratch.folder("verbale-nits-origin")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("m.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, "--format", "tsv", "--origin", "/home/sokha/archive/notes-2019.tsv", "-"], stdin: Self.table)
        #expect(imported.status == 0, "\(imported.stderr)")
        let stats = try CLI.run(["stats", "--memory", memory])
        #expect(stats.stdout.contains("notes-2019.tsv"), "\(stats.stdout)")
        #expect(!stats.stdout.contains("<stdin>") && !stats.stdout.contains("sokha"), "\(stats.stdout)")
        let tmx = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(tmx.stdout.contains("<prop type=\"x-origin\">notes-2019.tsv#2</prop>"), "\(tmx.stdout)")
        // Personal data in the name is replaced as in a file's name.
        let other = folder.appendingPathComponent("p.sqlite").path
        let named = try CLI.run(["import", "--memory", other, "--format", "tsv", "--origin", "sokha.chan@mfa.gov.kh.tsv", "-"], stdin: Self.table)
        #expect(named.status == 0, "\(named.stderr)")
        let origins = try CLI.run(["export", "--memory", other, "--format", "tmx", "-"])
        #expect(origins.stdout.contains("<prop type=\"x-origin\">{EMAIL}.tsv#2</prop>"), "\(origins.stdout)")
        #expect(!origins.stdout.contains("sokha"))
        // Only for standard input, and not empty.
        let refused = try CLI.run(["import", "--memory", memory, "--origin", "x.tsv", folder.appendingPathComponent("a.tsv").path])
        #expect(refused.status == 64 && refused.stderr.contains("--origin names what standard input (-) holds"), "\(refused.stderr)")
        let blank = try CLI.run(["import", "--memory", memory, "--origin", " ", "-"], stdin: Self.table)
        #expect(blank.status == 64 && blank.stderr.contains("--origin"), "\(blank.stderr)")
    }

    @Test("A file named after an e-mail address keeps its extension in the origin: {EMAIL}.tmx")
    func emailFileName() throws {
        let folder = try Scratch.folder("verbale-nits-email")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sokha.chan@mfa.gov.kh.tmx")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
            <tu><tuv xml:lang="en"><seg>Thank you for your note.</seg></tuv><tuv xml:lang="km"><seg>សូម​អរគុណ​ចំពោះ​កំណត់​ទូត។</seg></tuv></tu>
            </body></tmx>
            """.utf8).write(to: file)
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, file.path]).status == 0)
        let stats = try CLI.run(["stats", "--memory", memory])
        #expect(stats.stdout.contains("{EMAIL}.tmx"), "\(stats.stdout)")
        #expect(!stats.stdout.contains("sokha"), "\(stats.stdout)")
    }

    @Test("A failed import into a path with no memory leaves nothing there: no memory, no -wal/-shm, no folder it made")
    func failedImportLeavesNothing() throws {
        let folder = try Scratch.folder("verbale-nits-failed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("truncated.tmx")
        try Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>".utf8).write(to: bad)
        let good = folder.appendingPathComponent("good.tsv")
        try Data(Self.table.utf8).write(to: good)
        let target = folder.appendingPathComponent("new/deeper")
        let memory = target.appendingPathComponent("memory.sqlite").path
        // A good file and a bad one: all or nothing, and nothing is left behind.
        let failed = try CLI.run(["import", "--memory", memory, good.path, bad.path])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("truncated.tmx") && failed.stderr.contains("no memory was created at \(memory)"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path), "the folders made for it stay")
        // In an existing folder: no memory file, no journal, no hidden build file.
        let flat = folder.appendingPathComponent("flat.sqlite").path
        let again = try CLI.run(["import", "--memory", flat, "--format", "tmx", "-"], stdin: "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body><tu><tuv>")
        #expect(again.status != 0, "\(again.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["good.tsv", "truncated.tmx"], "left behind: \(left)")
        // The same import without the bad file creates the memory, with its units and no build file beside it.
        let imported = try CLI.run(["import", "--memory", memory, good.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["memory.sqlite"])
        let stats = try CLI.run(["stats", "--memory", memory, "--json"])
        #expect(stats.stdout.contains("\"units\" : 2"), "\(stats.stdout)")
    }
}

/// The OASIS XLIFF 1.2 strict schema with its `xml.xsd` import made local (as the formats
/// tests' `XLIFFSchemas` do), when xmllint and the schemas are installed (`.ci/run` installs them).
enum XLIFF12Schema {
    static let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["VERBALE_XLIFF_SCHEMAS"]
        ?? "/usr/share/php/Symfony/Component/Translation/Resources/schemas")
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A local copy of the schema in `scratch`, or nil when xmllint or the schemas are missing.
    static func prepare(in scratch: URL) throws -> URL? {
        let schema = folder.appendingPathComponent("xliff-core-1.2-strict.xsd"), xml = folder.appendingPathComponent("xml.xsd")
        guard xmllint != nil, FileManager.default.fileExists(atPath: schema.path), FileManager.default.fileExists(atPath: xml.path) else { return nil }
        let text = try String(contentsOf: schema, encoding: .utf8)
            .replacingOccurrences(of: "schemaLocation=\"http://www.w3.org/2001/xml.xsd\"", with: "schemaLocation=\"\(xml.path)\"")
        let local = scratch.appendingPathComponent("xliff-1.2.xsd")
        try text.write(to: local, atomically: true, encoding: .utf8)
        return local
    }

    static func validate(_ file: URL, schema: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint ?? "xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
