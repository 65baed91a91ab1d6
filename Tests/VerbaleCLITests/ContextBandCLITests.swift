import Foundation
import Testing

/// Audit F22: the 101 "context" band (same source, same previous segment) is reached from real
/// use — a memory made by `align --import` or `align --tmx` then `import`, and `suggest`, which
/// gives each segment of a draft its previous segment.
@Suite("The 101 context band from aligned notes and suggest")
struct ContextBandCLITests {
    static let english = """
    The Embassy requests a visa for Mr. Sok Dara.

    His passport number: N0123456.

    The Embassy thanks the Ministry.
    """
    static let khmer = """
    ស្ថានទូត​សូម​ស្នើសុំ​ទិដ្ឋាការ​សម្រាប់​លោក សុខ ដារា។

    លិខិតឆ្លងដែន​លេខ N0123456។

    ស្ថានទូត​សូម​អរគុណ​ក្រសួង។
    """

    struct Match: Decodable {
        var score: Int
        var source: String
    }

    static func bestScore(_ memory: String, _ arguments: [String]) throws -> Int? {
        let result = try CLI.run(["search", "--memory", memory, "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([Match].self, from: Data(result.stdout.utf8)).first?.score
    }

    static func alignedFiles() throws -> (folder: URL, english: String, khmer: String) {
        let folder = try AlignCLITests.folder()
        return (folder, try AlignCLITests.write(english, "note en.txt", in: folder), try AlignCLITests.write(khmer, "note km.txt", in: folder))
    }

    /// The previous sentence names a passport number: the memory holds it scrubbed
    /// ({PASSPORT}), the drafter types it, and the context must still be recognised (keys are of
    /// the scrubbed sentence, and the search scrubs the typed one). The English is a form the
    /// scrubber recognises on its own: "His passport number is N0123456" is found only through
    /// the Khmer variant of its unit, which a lone query segment does not have (then 100).
    static func expectContext(_ memory: String) throws {
        #expect(try bestScore(memory, ["--to", "km", "--previous", "His passport number: N0123456.", "The Embassy thanks the Ministry."]) == 101)
        #expect(try bestScore(memory, ["--lang", "km", "--to", "en", "--previous", "លិខិតឆ្លងដែន​លេខ N0123456។", "ស្ថានទូត​សូម​អរគុណ​ក្រសួង។"]) == 101,
                "a Khmer query after its Khmer predecessor")
        #expect(try bestScore(memory, ["--to", "km", "--previous", "The Embassy requests a visa for Mr. Sok Dara.", "The Embassy thanks the Ministry."]) == 100,
                "another previous segment is no context match")
        #expect(try bestScore(memory, ["--to", "km", "The Embassy thanks the Ministry."]) == 100)
    }

    @Test("align --import records each unit's previous segment (its keys of the scrubbed sentences): search --previous with the sentence as typed scores 101, in English and Khmer")
    func alignImport() throws {
        let (folder, english, khmer) = try Self.alignedFiles()
        let memory = folder.appendingPathComponent("aligned.sqlite").path
        let result = try CLI.run(["align", "en=" + english, "km=" + khmer, "--import", "--memory", memory, "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        let export = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(!export.stdout.contains("N0123456"), "the passport number stays out of the memory")
        try Self.expectContext(memory)
    }

    @Test("align --tmx writes the same context keys, so importing that TMX reaches 101 too")
    func alignTMXThenImport() throws {
        let (folder, english, khmer) = try Self.alignedFiles()
        let tmx = folder.appendingPathComponent("aligned.tmx").path
        let memory = folder.appendingPathComponent("from-tmx.sqlite").path
        let aligned = try CLI.run(["align", "en=" + english, "km=" + khmer, "--tmx", tmx, "--no-glossary"])
        #expect(aligned.status == 0, "\(aligned.stderr)")
        #expect(try String(contentsOfFile: tmx, encoding: .utf8).contains("x-context-pre"))
        let imported = try CLI.run(["import", "--memory", memory, tmx])
        #expect(imported.status == 0, "\(imported.stderr)")
        try Self.expectContext(memory)
    }

    struct Suggestions: Decodable {
        struct Segment: Decodable { var text: String; var matches: [Match] }
        var segments: [Segment]
    }

    @Test("suggest gives each segment its previous one: the second of two consecutive memory units scores 101, the first 100")
    func suggest() throws {
        let folder = try AlignCLITests.folder()
        let tmx = try AlignCLITests.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/><body>
            <tu><tuv xml:lang="en"><seg>The Embassy thanks the Ministry.</seg></tuv><tuv xml:lang="km"><seg>ស្ថានទូត​សូម​អរគុណ​ក្រសួង។</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>It has the honour to inform the Ministry.</seg></tuv><tuv xml:lang="km"><seg>ស្ថានទូត​មាន​កិត្តិយស​សូម​ជម្រាប​ជូន​ក្រសួង។</seg></tuv></tu>
            </body></tmx>
            """, "consecutive.tmx", in: folder)
        let memory = folder.appendingPathComponent("memory.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, tmx])
        #expect(imported.status == 0, "\(imported.stderr)")
        for (draft, language) in [("The Embassy thanks the Ministry. It has the honour to inform the Ministry.", "en"),
                                  ("ស្ថានទូតសូមអរគុណក្រសួង។ ស្ថានទូតមានកិត្តិយសសូមជម្រាបជូនក្រសួង។", "km")] {
            let result = try CLI.run(["suggest", "--memory", memory, "--lang", language, "--json", "--no-shipped-phrases", "-"], stdin: draft)
            #expect(result.status == 0, "\(result.stderr)")
            let segments = try JSONDecoder().decode(Suggestions.self, from: Data(result.stdout.utf8)).segments
            #expect(segments.map { $0.matches.first?.score } == [100, 101], "\(language): \(segments.map(\.text))")
        }
    }

    /// Review 30 Nov, M11: a memory's TMX export is not a document. Imported again, the first unit
    /// of each original file took the keys of the export's unit before it (from another file)
    /// and gave a false 101; the export now states that every unit carries its own context.
    @Test("export then import invents no context: the first unit of a file stays without one (EN and KM)")
    func exportInventsNoContext() throws {
        let folder = try temporaryFolder()
        func tmx(_ name: String, _ units: [(String, String)]) throws -> String {
            let body = units.map { "<tu><tuv xml:lang=\"en\"><seg>\($0.0)</seg></tuv><tuv xml:lang=\"km\"><seg>\($0.1)</seg></tuv></tu>\n" }.joined()
            let url = folder.appendingPathComponent(name)
            try Data((tmxHead + body + "</body></tmx>\n").utf8).write(to: url)
            return url.path
        }
        let first = try tmx("a.tmx", [("The Embassy presents its compliments to the Ministry.", "ស្ថានទូត​សូម​គោរព​ជូន​ក្រសួង។"),
                                      ("The Embassy thanks the Ministry.", "ស្ថានទូត​សូម​អរគុណ​ក្រសួង។")])
        let second = try tmx("b.tmx", [("The Ministry of Health.", "ក្រសួង​សុខាភិបាល។")])
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, first, second]).status == 0)
        let exported = folder.appendingPathComponent("export.tmx").path
        #expect(try CLI.run(["export", "--memory", memory, "--format", "tmx", exported]).status == 0)
        let again = folder.appendingPathComponent("again.sqlite").path
        #expect(try CLI.run(["import", "--memory", again, exported]).status == 0)
        for source in [memory, again] {
            // Within a file the context is real and kept.
            #expect(try Self.bestScore(source, ["--to", "km", "--previous", "The Embassy presents its compliments to the Ministry.",
                                                "The Embassy thanks the Ministry."]) == 101, "\(source)")
            // Across files it never existed.
            #expect(try Self.bestScore(source, ["--to", "km", "--previous", "The Embassy thanks the Ministry.", "The Ministry of Health."]) == 100, "\(source)")
            #expect(try Self.bestScore(source, ["--lang", "km", "--to", "en", "--previous", "ស្ថានទូត​សូម​អរគុណ​ក្រសួង។",
                                                "ក្រសួង​សុខាភិបាល។"]) == 100, "\(source)")
        }
        let lines = { (path: String) in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.contains("creationdate") } }
        let reexported = folder.appendingPathComponent("export2.tmx").path
        #expect(try CLI.run(["export", "--memory", again, "--format", "tmx", reexported]).status == 0)
        #expect(try lines(reexported) == lines(exported))
    }

}
