import Foundation
import Testing

/// `glossary import` of a table cut short, or with a mistyped term-property header, run as a
/// translator runs it. Fixtures are ours, Khmer with U+200B.
@Suite("verbale glossary import: a table cut short is warned of at FILE:LINE:COLUMN; a cut letter is truncated; a mistyped property header refused")
struct GlossaryCutTableCLITests {
    static let cut = "en\tkm\nEmbassy\tស្ថានទូត\nThank you\tសូម\u{200B}អរ"

    private func write(_ bytes: [UInt8], named name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    @Test("A TSV cut inside its last Khmer cell: imported, with warning: FILE:3:COLUMN in the summary and in --json warnings beside the report's fields")
    func cutTableWarns() throws {
        let folder = try temporaryFolder()
        let file = try write(Array(Self.cut.utf8), named: "cut.tsv", in: folder)
        let column = "Thank you\tសូម\u{200B}អរ".unicodeScalars.count + 1
        let result = try CLI.run(["glossary", "import", "--memory", GlossaryCLITests.memory(), file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 concepts added"), "\(result.stdout)")
        #expect(result.stdout.contains("  warning: \(file):3:\(column): the file ends inside line 3 without a line end: truncated?"), "\(result.stdout)")
        let json = try CLI.run(["glossary", "import", "--json", "--memory", GlossaryCLITests.memory(), file])
        #expect(json.status == 0, "\(json.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json.stdout)")
        #expect(reports.first?["added"] as? Int == 2)
        let warnings = try #require(reports.first?["warnings"] as? [[String: Any]], "\(json.stdout)")
        #expect(warnings.count == 1)
        #expect(warnings.first?["file"] as? String == file)
        #expect(warnings.first?["line"] as? Int == 3)
        #expect(warnings.first?["column"] as? Int == column)
        #expect(warnings.first?["kind"] as? String == "no line end at the end of the file")
        #expect((warnings.first?["message"] as? String)?.hasPrefix("\(file):3:\(column): the file ends inside line 3") == true)
        // Complete, no warning, and an empty list.
        let whole = try write(Array((Self.cut + "គុណ\n").utf8), named: "whole.tsv", in: folder)
        let quiet = try CLI.run(["glossary", "import", "--json", "--memory", GlossaryCLITests.memory(), whole])
        let again = try #require(try JSONSerialization.jsonObject(with: Data(quiet.stdout.utf8)) as? [[String: Any]], "\(quiet.stdout)")
        #expect((again.first?["warnings"] as? [Any])?.isEmpty == true, "\(quiet.stdout)")
    }

    @Test("A glossary cut inside a Khmer letter: refused as truncated at FILE:3:COLUMN (not \"not valid UTF-8\"); nothing imported")
    func cutLetterIsTruncated() throws {
        let folder = try temporaryFolder()
        let file = try write(Array(Array((Self.cut + "គុណ").utf8).dropLast(2)), named: "cutc.tsv", in: folder)
        let column = "Thank you\tសូម\u{200B}អរគុ".unicodeScalars.count + 1
        let result = try CLI.run(["glossary", "import", "--memory", GlossaryCLITests.memory(), file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):3:\(column): the file ends in the middle of a UTF-8 character (1 of its 3 bytes, at column \(column), in cell 2): it looks truncated"), "\(result.stderr)")
        #expect(!result.stderr.contains("not valid UTF-8"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was imported"), "\(result.stderr)")
    }

    @Test("A header km stat with a status under it: refused at FILE:1:7 naming \"km status\"; memoQ's empty such column imports")
    func mistypedPropertyRefused() throws {
        let folder = try temporaryFolder()
        let file = try write(Array("en\tkm\tkm stat\nEmbassy\tស្ថានទូត\tpreferred\n".utf8), named: "typo.tsv", in: folder)
        let result = try CLI.run(["glossary", "import", "--memory", GlossaryCLITests.memory(), file])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("\(file):1:7: header cell 3 \"km stat\" is not a term property"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean \"km status\"?"), "\(result.stderr)")
        let empty = try write(Array("en\tkm\tkm stat\nEmbassy\tស្ថានទូត\t\n".utf8), named: "empty.tsv", in: folder)
        let read = try CLI.run(["glossary", "import", "--memory", GlossaryCLITests.memory(), empty])
        #expect(read.status == 0, "\(read.stderr)")
    }
}
