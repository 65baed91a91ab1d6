import Foundation
import Testing
import VerbaleTestSupport

/// Finding F9: a command that only reads the memory must not create one at a mistyped path.
@Suite("a missing explicit memory")
struct MissingMemoryCLITests {
    static func scratch() -> URL {
        Scratch.path("verbale-missing")
    }

    @Test("read-only commands refuse a --memory or VERBALE_MEMORY path that does not exist, and create nothing there")
    func readersRefuse() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("typo/memory.sqlite").path
        let readers: [[String]] = [["concordance", "honour"], ["concordance", "--lang", "km", "សូមគោរព"], ["stats"],
                                   ["export", "--format", "tmx", "-"], ["search", "has the honour"], ["suggest", "-"]]
        for arguments in readers {
            let given = try CLI.run(arguments + ["--memory", memory], stdin: "The Embassy has the honour to inform.")
            #expect(given.status != 0 && given.status < 128, "\(arguments): status \(given.status)")
            #expect(given.stderr.contains("no memory at \(memory); only the default memory is created on first use") && given.stderr.contains("`verbale import --memory \(memory) FILE` creates one there"), "\(arguments): \(given.stderr)")
            let environment = try CLI.run(arguments, stdin: "The Embassy has the honour to inform.", environment: ["VERBALE_MEMORY": memory])
            #expect(environment.status != 0 && environment.stderr.contains("no memory at \(memory)"), "\(arguments): \(environment.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path), "a reading command created \(folder.path)")
    }

    @Test("glossary readers refusing a missing memory point to verbale glossary import, which takes TBX")
    func glossaryPointsToGlossaryImport() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("missing.sqlite").path
        for arguments in [["glossary", "terms"], ["glossary", "lookup", "ស្ថានទូត"]] {
            let result = try CLI.run(arguments + ["--memory", memory])
            #expect(result.status != 0 && result.status < 128, "\(arguments): status \(result.status)")
            #expect(result.stderr.contains("no memory at \(memory); only the default memory is created on first use") && result.stderr.contains("`verbale glossary import --memory \(memory) FILE` creates one there"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("import creates the memory at an explicit path, and the readers then use it (Khmer included)")
    func importCreates() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("new/memory.sqlite").path
        let table = "en\tkm\nThe Embassy has the honour to inform the Ministry.\tស្ថានទូតមានកិត្តិយសសូមជម្រាបជូនក្រសួង។\n"
        let imported = try CLI.run(["import", "--memory", memory, "--format", "tsv", "-"], stdin: table)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: memory))
        let found = try CLI.run(["concordance", "--memory", memory, "កិត្តិយស"])
        #expect(found.status == 0 && found.stdout.contains("កិត្តិយស"), "\(found.stderr)")
    }

    @Test("the default location is still created and seeded on a fresh HOME: draft new and stats work")
    func defaultStillCreated() throws {
        let home = Self.scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "XDG_DATA_HOME": "", "VERBALE_MEMORY": ""]
        let draft = try CLI.run(["draft", "new", "--from", "Permanent Mission of the Kingdom of Cambodia",
                                 "--to", "Office of the High Commissioner for Human Rights", "--purpose", "transmit",
                                 "--ref", "N. 2021/01/045", "--place", "Geneva", "--date", "2021-01-12"], environment: environment)
        #expect(draft.status == 0, "\(draft.stderr)")
        let stats = try CLI.run(["stats"], environment: environment)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/verbale/memory.sqlite").path))
    }
}

/// Findings F10 and F11: the language and query options of `concordance` and `export` are checked
/// as `search` checks them.
@Suite("concordance and export check their options")
struct ConcordanceExportOptionsCLITests {
    @Test("concordance --lang xx and export --langs en,xx are refused with the supported languages; km and km-KH are accepted")
    func unknownLanguagesRefused() throws {
        let concordance = try CLI.run(["concordance", "--lang", "xx", "honour"])
        #expect(concordance.status != 0 && concordance.status < 128)
        #expect(concordance.stderr.contains("the language \"xx\" is not supported; supported languages: en, fr, km"), "\(concordance.stderr)")
        let export = try CLI.run(["export", "--format", "tsv", "--langs", "en,xx", "-"])
        #expect(export.status != 0 && export.status < 128)
        #expect(export.stderr.contains("the language \"xx\" is not supported; supported languages: en, fr, km"), "\(export.stderr)")
        #expect(export.stdout.isEmpty)
        let malformed = try CLI.run(["concordance", "--lang", "e_n!", "honour"])
        #expect(malformed.status != 0 && malformed.stderr.contains("e_n!"), "\(malformed.stderr)")
        let home = MissingMemoryCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let khmer = try CLI.run(["concordance", "--lang", "km-KH", "សូមគោរព"], environment: ["HOME": home.path, "XDG_DATA_HOME": "", "VERBALE_MEMORY": ""])
        #expect(khmer.status == 0 && khmer.stdout.contains("km"), "\(khmer.stderr)")
    }

    @Test("concordance with an empty or blank query exits non-zero with \"the query is empty\"")
    func emptyQuery() throws {
        for query in ["", "   ", "\u{200B}"] {
            let result = try CLI.run(["concordance", query])
            #expect(result.status != 0 && result.status < 128, "\(query.debugDescription): status \(result.status)")
            #expect(result.stderr.contains("the query is empty"), "\(query.debugDescription): \(result.stderr)")
        }
    }
}

/// Finding F10: an import names the languages Verbale does not know, and refuses malformed tags.
@Suite("import and unknown languages")
struct ImportUnknownLanguageCLITests {
    @Test("a TSV column and a TMX xml:lang of an unknown language are stored, with a warning naming language and file, and unknownLanguages in --json")
    func unknownLanguageWarned() throws {
        let folder = MissingMemoryCLITests.scratch()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = folder.appendingPathComponent("de.tsv")
        try Data("en\tde\tkm\nThe Embassy thanks the Ministry.\tDie Botschaft dankt dem Ministerium.\tស្ថានទូតសូមថ្លែងអំណរគុណក្រសួង។\n".utf8).write(to: table)
        let tmx = folder.appendingPathComponent("th.tmx")
        try Data((tmxHead + "<tu><tuv xml:lang=\"km-KH\"><seg>សូមអរគុណ</seg></tuv><tuv xml:lang=\"th-TH\"><seg>ขอบคุณ</seg></tuv></tu>\n</body></tmx>\n").utf8).write(to: tmx)
        let memory = folder.appendingPathComponent("memory.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, "--json", table.path, tmx.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(table.path): the language \"de\" is not one Verbale supports"), "\(result.stderr)")
        #expect(result.stderr.contains("\(tmx.path): the language \"th-TH\" is not one Verbale supports"), "\(result.stderr)")
        #expect(!result.stderr.contains("\"km"), "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["unknownLanguages"] as? [String] == ["de", "th-TH"])
        #expect(summary["added"] as? Int == 2 && summary["read"] as? Int == 2, "\(result.stdout)")
        let files = try #require(summary["files"] as? [[String: Any]])
        #expect(files.map { $0["unknownLanguages"] as? [String] } == [["de"], ["th-TH"]])
        // Stored: the German text is found by concordance.
        let found = try CLI.run(["concordance", "--memory", memory, "Botschaft"])
        #expect(found.status == 0 && found.stdout.contains("Botschaft"), "\(found.stderr)")
        // Known languages only: no warning and an empty list.
        let known = folder.appendingPathComponent("known.tsv")
        try Data("en\tkm\nThank you.\tសូមអរគុណ។\n".utf8).write(to: known)
        let clean = try CLI.run(["import", "--memory", memory, "--json", known.path])
        #expect(!clean.stderr.contains("warning"), "\(clean.stderr)")
        let cleanSummary = try #require(try JSONSerialization.jsonObject(with: Data(clean.stdout.utf8)) as? [String: Any])
        #expect(cleanSummary["unknownLanguages"] as? [String] == [])
    }

    @Test("Khmer tagged kh-KH (TMX) or kh (TSV column) gets a warning that Khmer is km, with the --lang-map that fixes it")
    func khmerMistagged() throws {
        let folder = MissingMemoryCLITests.scratch()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmx = folder.appendingPathComponent("kh.tmx")
        try Data((tmxHead + "<tu><tuv xml:lang=\"en\"><seg>Thank you.</seg></tuv><tuv xml:lang=\"kh-KH\"><seg>សូម\u{200B}អរគុណ។</seg></tuv></tu>\n</body></tmx>\n").utf8).write(to: tmx)
        let table = folder.appendingPathComponent("kh.tsv")
        try Data("en\tkh\nThe Ministry of Foreign Affairs.\tក្រសួង\u{200B}ការបរទេស។\n".utf8).write(to: table)
        let memory = folder.appendingPathComponent("memory.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, "--dry-run", tmx.path, table.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("the language \"kh-KH\" is not one Verbale supports"), "\(result.stderr)")
        #expect(result.stderr.contains("Khmer is \"km\": rerun with --lang-map kh-KH=km"), "\(result.stderr)")
        #expect(result.stderr.contains("Khmer is \"km\": rerun with --lang-map kh=km"), "\(result.stderr)")
        // Following the advice: no warning, and the text is Khmer.
        let mapped = try CLI.run(["import", "--memory", memory, "--lang-map", "kh-KH=km", "--lang-map", "kh=km", tmx.path, table.path])
        #expect(mapped.status == 0 && !mapped.stderr.contains("warning"), "\(mapped.stderr)")
        let found = try CLI.run(["concordance", "--memory", memory, "--lang", "km", "អរគុណ"])
        #expect(found.status == 0 && found.stdout.contains("អរគុណ"), "\(found.stdout) \(found.stderr)")
        // A language that is no mistake for one of ours gets no hint.
        let thai = folder.appendingPathComponent("th.tmx")
        try Data((tmxHead + "<tu><tuv xml:lang=\"en\"><seg>Thank you.</seg></tuv><tuv xml:lang=\"th\"><seg>ขอบคุณ</seg></tuv></tu>\n</body></tmx>\n").utf8).write(to: thai)
        let other = try CLI.run(["import", "--memory", memory, "--dry-run", thai.path])
        #expect(other.stderr.contains("\"th\" is not one Verbale supports") && !other.stderr.contains("--lang-map"), "\(other.stderr)")
    }

    @Test("a malformed tag in a TSV header or a TMX xml:lang is an error naming file:line:column, and nothing is imported")
    func malformedTagRefused() throws {
        let folder = MissingMemoryCLITests.scratch()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("memory.sqlite").path
        let table = folder.appendingPathComponent("bad.tsv")
        try Data("en\te_n!\nThank you.\tMerci.\n".utf8).write(to: table)
        let tsv = try CLI.run(["import", "--memory", memory, table.path])
        #expect(tsv.status != 0 && tsv.stderr.contains("1:2"), "\(tsv.stderr)")
        let tmx = folder.appendingPathComponent("bad.tmx")
        try Data((tmxHead + "<tu><tuv xml:lang=\"km\"><seg>សូមអរគុណ</seg></tuv><tuv xml:lang=\"e_n!\"><seg>Thank you</seg></tuv></tu>\n</body></tmx>\n").utf8).write(to: tmx)
        let xml = try CLI.run(["import", "--memory", memory, tmx.path])
        #expect(xml.status != 0 && xml.stderr.contains("bad.tmx:4:") && xml.stderr.contains("e_n!"), "\(xml.stderr)")
    }
}
