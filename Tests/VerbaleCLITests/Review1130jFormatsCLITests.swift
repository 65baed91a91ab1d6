import Foundation
import Testing

/// Review 1130j's format minors (m1 a table cut inside its last cell, m3 `lang` and `xml:lang`
/// that disagree, m5 "1 new units") and older left-outs (an empty property lost through the
/// table round trip), run as a user runs them. Fixtures are ours, Khmer with U+200B.
@Suite("verbale import/validate/export: review 1130j m1, m3, m5 and the empty property in tables")
struct Review1130jFormatsCLITests {
    private func write(_ text: String, named name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Three rows, the last cut inside its Khmer cell (no line end): `head -c N` of a real table.
    static let cut = "en\tfr\tkm\nThe Embassy.\tL’Ambassade.\tស្ថានទូត\u{200B}។\nWelcome.\tBienvenue.\tសូម\u{200B}ស្វាគមន៍\u{200B}។\nThank you.\tMerci.\tសូម\u{200B}អរ"

    @Test("m1: a table cut inside its last cell is imported with a warning naming FILE:4:COLUMN in the summary and in --json warnings")
    func cutTableImportWarns() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.cut, named: "cut.tsv", in: folder)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, file])
        #expect(result.status == 0, "\(result.stderr)")
        let column = "Thank you.\tMerci.\tសូម\u{200B}អរ".unicodeScalars.count + 1
        #expect(result.stdout.contains("warning: \(file):4:\(column): the file ends inside line 4 without a line end: truncated?"), "\(result.stdout)")
        let dry = try CLI.run(["import", "--dry-run", "--json", "--memory", folder.appendingPathComponent("d.sqlite").path, file])
        #expect(dry.status == 0, "\(dry.stderr)")
        let summary = try json(dry.stdout)
        let warnings = try #require(summary["warnings"] as? [[String: Any]], "\(dry.stdout)")
        #expect(warnings.count == 1, "\(dry.stdout)")
        #expect(warnings.first?["line"] as? Int == 4)
        #expect(warnings.first?["column"] as? Int == column)
        #expect((warnings.first?["file"] as? String)?.hasSuffix("cut.tsv") == true)
        #expect((warnings.first?["message"] as? String)?.contains("without a line end") == true)
        // Complete, the same table has no warning (and an empty list in --json).
        let whole = try write(Self.cut + "គុណ\u{200B}។\n", named: "whole.tsv", in: folder)
        let quiet = try CLI.run(["import", "--dry-run", "--json", "--memory", folder.appendingPathComponent("d.sqlite").path, whole])
        #expect((try json(quiet.stdout)["warnings"] as? [Any])?.isEmpty == true, "\(quiet.stdout)")
    }

    @Test("m1: validate says the warning at FILE:4:COLUMN rather than a bare \"valid\"; --json lists it; standard input too")
    func cutTableValidateWarns() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.cut, named: "cut.tsv", in: folder)
        let result = try CLI.run(["validate", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 warning"), "\(result.stdout)")
        #expect(result.stdout.contains("\(file):4:"), "\(result.stdout)")
        #expect(result.stdout.contains("without a line end"), "\(result.stdout)")
        let piped = try CLI.run(["validate", "--json", "--format", "tsv", "-"], stdin: Self.cut)
        #expect(piped.status == 0, "\(piped.stderr)")
        let report = try json(piped.stdout)
        let files = try #require(report["files"] as? [[String: Any]])
        let details = try #require(files.first?["warningDetails"] as? [[String: Any]], "\(piped.stdout)")
        #expect(details.first?["line"] as? Int == 4)
        #expect(details.first?["file"] as? String == "<stdin>")
    }

    @Test("m1: a CSV cut inside a quoted Khmer cell is refused with file:line:column and nothing is imported")
    func cutInsideQuotesRefused() throws {
        let folder = try temporaryFolder()
        let file = try write("en,km\nThe Embassy,ស្ថានទូត\nThank you,\"សូម\u{200B}អរ", named: "cutq.csv", in: folder)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):3:11: the quote opening cell 2 here is never closed"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: memory))
    }

    /// A TMX 1.1 file whose `<tuv>` says `lang="fr-fr"` and `xml:lang="km"`.
    static let conflicting = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.1"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu><tuv lang="en"><seg>The Ministry</seg></tuv>
        <tuv lang="fr-fr" xml:lang="km"><seg>Le Ministère</seg></tuv></tu>
        </body></tmx>
        """

    @Test("m3: lang and xml:lang that disagree: import and validate warn at file:line:column; TMX 1.1 stores the text under lang (fr-FR)")
    func languageConflict() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.conflicting, named: "t11.tmx", in: folder)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("warning: \(file):5:1: "), "\(result.stdout)")
        #expect(result.stdout.contains("xml:lang=\"km\""), "\(result.stdout)")
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        #expect(exported.stdout.hasPrefix("en\tfr-FR\t"), "\(exported.stdout)")
        let validated = try CLI.run(["validate", file])
        #expect(validated.stdout.contains("\(file):5:1: "), "\(validated.stdout)")
    }

    @Test("m5: counts in the human summary agree with their number; the --json fields are those of before plus warnings")
    func plurals() throws {
        let folder = try temporaryFolder()
        let memory = folder.appendingPathComponent("m.sqlite").path
        let one = try write("en\tkm\nThe Embassy.\tស្ថានទូត\u{200B}។\n", named: "one.tsv", in: folder)
        let first = try CLI.run(["import", "--memory", memory, one])
        #expect(first.stdout.contains("Imported 1 new unit from 1 file into"), "\(first.stdout)")
        #expect(first.stdout.contains("read 1, added 1 (0 alternatives), merged 0 duplicates, skipped 0"), "\(first.stdout)")
        let again = try CLI.run(["import", "--dry-run", "--memory", memory, one])
        #expect(again.stdout.contains("Would import 0 new units from 1 file"), "\(again.stdout)")
        #expect(again.stdout.contains("merged 1 duplicate, skipped 0"), "\(again.stdout)")
        let other = try write("en\tkm\nThe Embassy.\tស្ថានទូត\u{200B}នៃ\u{200B}ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា។\n", named: "alt.tsv", in: folder)
        let alternative = try CLI.run(["import", "--dry-run", "--memory", memory, other])
        #expect(alternative.stdout.contains("added 1 (1 alternative), merged 0 duplicates"), "\(alternative.stdout)")
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tmx", folder.appendingPathComponent("o.tmx").path])
        #expect(exported.stderr.contains("Exported 1 unit to"), "\(exported.stderr)")
        let summary = try json(try CLI.run(["import", "--dry-run", "--json", "--memory", memory, one]).stdout)
        #expect(Set(summary.keys) == ["read", "added", "merged", "alternatives", "split", "skipped", "personalData", "files",
                                      "dryRun", "seconds", "unknownLanguages", "warnings"], "\(summary.keys)")
    }

    @Test("An empty property value survives export --property-columns and import (TSV and CSV), beside a property the unit does not have")
    func emptyPropertyRoundTrip() throws {
        let folder = try temporaryFolder()
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
            <tu><prop type="x-client"></prop><prop type="x-domain">Consular</prop><tuv xml:lang="en"><seg>The Embassy.</seg></tuv><tuv xml:lang="km"><seg>ស្ថានទូត។</seg></tuv></tu>
            <tu><prop type="x-domain">Protocol</prop><tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="km"><seg>សូម​អរគុណ។</seg></tuv></tu>
            </body></tmx>
            """
        let file = try write(tmx, named: "props.tmx", in: folder)
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, file]).status == 0)
        let before = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"]).stdout
        #expect(before.contains("<prop type=\"x-client\"></prop>"), "\(before)")
        for format in ["tsv", "csv"] {
            let table = folder.appendingPathComponent("t.\(format)").path
            let exported = try CLI.run(["export", "--memory", memory, "--format", format, "--property-columns", table])
            #expect(exported.status == 0, "\(exported.stderr)")
            let copy = folder.appendingPathComponent("copy-\(format).sqlite").path
            let imported = try CLI.run(["import", "--memory", copy, table])
            #expect(imported.status == 0, "\(imported.stderr)")
            let after = try CLI.run(["export", "--memory", copy, "--format", "tmx", "-"]).stdout
            #expect(after.components(separatedBy: "<prop type=\"x-client\"></prop>").count == 2, "\(format): \(after)")
            #expect(after.contains("<prop type=\"x-domain\">Consular</prop>"), "\(format): \(after)")
        }
    }
}
