import Foundation
import Testing

/// A translator's XLIFF 1.2 from a CAT tool goes through a spreadsheet and back: the Khmer
/// target's `state-qualifier` survives in a `km prop:x-state-qualifier` column. And a
/// spreadsheet whose header cell holds a comma is read with an escaped `--lang-map`.
@Suite("verbale export --property-columns / import: LANG prop:NAME columns; --lang-map with \\, and \\=")
struct TextPropertyColumnCLITests {
    @Test("XLIFF 1.2 → memory → TSV --property-columns → memory → XLIFF 1.2: the Khmer target keeps exact-match")
    func tableRoundTripKeepsQualifier() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("in.xlf")
        try Data(XLIFFStateQualifierCLITests.file.utf8).write(to: input)
        let first = folder.appendingPathComponent("a.sqlite").path
        #expect(try CLI.run(["import", "--memory", first, input.path]).status == 0)
        let table = folder.appendingPathComponent("t.tsv").path
        let exported = try CLI.run(["export", "--memory", first, "--format", "tsv", "--property-columns", table])
        #expect(exported.status == 0, "\(exported.stderr)")
        let text = try String(contentsOfFile: table, encoding: .utf8)
        #expect(text.split(separator: "\n").first?.hasSuffix("\tkm prop:x-state-qualifier") == true, "\(text)")
        #expect(!exported.stderr.contains("x-state-qualifier"), "\(exported.stderr)")
        let second = folder.appendingPathComponent("b.sqlite").path
        let imported = try CLI.run(["import", "--memory", second, table])
        #expect(imported.status == 0, "\(imported.stderr)")
        let v12 = try CLI.run(["export", "--memory", second, "--format", "xliff12", "-"])
        #expect(v12.stdout.contains("state-qualifier=\"exact-match\">ស្ថានទូត​សូម​គោរព។</target>"), "\(v12.stdout)")
        #expect(v12.stdout.contains("state-qualifier=\"mt-suggestion\">សូម​អរគុណ។</target>"), "\(v12.stdout)")
        // Without --property-columns the qualifier is named as not written, with the option that keeps it.
        let plain = try CLI.run(["export", "--memory", first, "--format", "tsv", "-"])
        #expect(plain.stderr.contains("x-state-qualifier") && plain.stderr.contains("LANG prop:NAME"), "\(plain.stderr)")
    }

    @Test("A header cell Khmer, Cambodia: refused with the escaped map, read with --lang-map 'Khmer\\, Cambodia=km'; Khmer=ខ្មែរ with \\=")
    func escapedHeaderNames() throws {
        let folder = try temporaryFolder()
        let comma = folder.appendingPathComponent("c.tsv")
        try Data("en\tKhmer, Cambodia\nThe Embassy presents its compliments.\tស្ថានទូត\u{200B}សូម\u{200B}គោរព។\n".utf8).write(to: comma)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let refused = try CLI.run(["import", "--memory", memory, comma.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--lang-map 'Khmer\\, Cambodia=km'"), "\(refused.stderr)")
        let read = try CLI.run(["import", "--memory", memory, "--lang-map", "Khmer\\, Cambodia=km", comma.path])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("added 1"), "\(read.stdout)")
        let equals = folder.appendingPathComponent("e.tsv")
        try Data("en\tKhmer=ខ្មែរ\nThank you.\tសូម\u{200B}អរគុណ។\n".utf8).write(to: equals)
        let validated = try CLI.run(["validate", "--json", "--lang-map", "Khmer\\=ខ្មែរ=km", equals.path])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(validated.stdout.contains("\"km\" : 1"), "\(validated.stdout)")
    }
}
