import Foundation
import Testing

/// Review 1130i m4: import reads a table's `note` and `prop:NAME` columns, and
/// `export --format tsv|csv --property-columns` writes them back, so a table survives its own
/// round trip; without the option the table's columns are exactly as before (scripts read them).
@Suite("verbale export --format tsv|csv --property-columns: prop:NAME columns, import → export → import")
struct TablePropertyColumnsCLITests {
    /// A spreadsheet of phrases with a note and two properties, Khmer with U+200B; the second
    /// row has one property only.
    static let table = "en\tfr\tkm\tnote\tprop:x-client\tprop:x-domain\n"
        + "The Embassy presents its compliments.\tL’Ambassade présente ses compliments.\tស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជូន។\tformula, opening\tMFAIC\tprotocol\n"
        + "Note No. ០៤៥/២០២១\tNote nº 045/2021\tលិខិត\u{200B}លេខ ០៤៥/២០២១\t\tEmbassy of France\t\n"

    private func importTable(_ text: String, name: String, into memory: String, folder: URL) throws {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let result = try CLI.run(["import", "--memory", memory, file.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("import → export --property-columns → import gives the same units, notes and properties", arguments: ["tsv", "csv"])
    func roundTrip(format: String) throws {
        let folder = try temporaryFolder()
        let first = folder.appendingPathComponent("first.sqlite").path
        try importTable(Self.table, name: "props.tsv", into: first, folder: folder)
        let exported = try CLI.run(["export", "--memory", first, "--format", format, "--property-columns", "-"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(!exported.stderr.contains("without its properties") && !exported.stderr.contains("without their properties"), "\(exported.stderr)")
        let separator = format == "tsv" ? "\t" : ","
        let header = exported.stdout.split(whereSeparator: \.isNewline).first.map(String.init)
        #expect(header == ["en", "fr", "km", "note", "origin", "review", "prop:x-client", "prop:x-domain",
                           "en review", "fr review", "km review", "context-pre", "context-post"].joined(separator: separator))
        #expect(exported.stdout.contains("MFAIC") && exported.stdout.contains("Embassy of France"))

        let second = folder.appendingPathComponent("second.sqlite").path
        try importTable(exported.stdout, name: "again.\(format)", into: second, folder: folder)
        // TMX writes every unit's notes and properties: the two memories' TMX are the same.
        let tmx = { (memory: String) throws -> [Substring] in
            let out = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
            return out.stdout.split(separator: "\n").filter { !$0.contains("creationdate") }
        }
        let before = try tmx(first), after = try tmx(second)
        #expect(before == after)
        #expect(before.contains { $0.contains("<prop type=\"x-client\">MFAIC</prop>") }, "\(before)")
        #expect(before.contains { $0.contains("<note>formula, opening</note>") }, "\(before)")
        #expect(before.contains { $0.contains("លិខិត\u{200B}លេខ ០៤៥/២០២១") })
    }

    @Test("without --property-columns the columns are as before, and the message points to the option")
    func defaultUnchanged() throws {
        let folder = try temporaryFolder()
        let memory = folder.appendingPathComponent("m.sqlite").path
        try importTable(Self.table, name: "props.tsv", into: memory, folder: folder)
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let header = exported.stdout.split(whereSeparator: \.isNewline).first.map(String.init)
        #expect(header == "en\tfr\tkm\tnote\torigin\treview\ten review\tfr review\tkm review\tcontext-pre\tcontext-post")
        #expect(exported.stderr.contains("written 2 units without their properties (x-client, x-domain): TSV has no column for them; --format tmx or xliff keeps them"), "\(exported.stderr)")
        #expect(exported.stderr.contains("--property-columns"), "\(exported.stderr)")
    }

    @Test("--property-columns with TMX or XLIFF is a usage mistake (they keep every property): exit 64, nothing written")
    func tableOnly() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("x.tmx")
        let result = try CLI.run(["export", "--memory", folder.appendingPathComponent("m.sqlite").path, "--format", "tmx", "--property-columns", out.path])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--property-columns is for --format tsv or csv"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
