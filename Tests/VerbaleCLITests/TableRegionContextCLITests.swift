import Foundation
import Testing

/// Through the command line: a memory of `en-GB`, `fr-CA` and `km-KH` texts exported as TSV with
/// `--langs en,fr,km` and imported again keeps each text's tag (it came back `en`, `fr`, `km`),
/// and every unit's context (the TSV had none: the re-import gave each unit the keys of the row
/// above it, a false 101 for the first unit of a file).
@Suite("verbale export --format tsv/csv keeps regions and contexts")
struct TableRegionContextCLITests {
    static let tmx = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
    <body>
    <tu><tuv xml:lang="en-GB"><seg>The Royal Embassy of Cambodia presents its compliments to the Ministry.</seg></tuv><tuv xml:lang="fr-CA"><seg>L'Ambassade royale du Cambodge présente ses compliments au Ministère.</seg></tuv><tuv xml:lang="km-KH"><seg>ស្ថានឯកអគ្គរាជទូត\u{200B}កម្ពុជា\u{200B}សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ក្រសួង។</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg>It has the honour to refer to Note No. 12.</seg></tuv><tuv xml:lang="km-KH"><seg>ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}យោង\u{200B}កំណត់\u{200B}ទូត\u{200B}លេខ ១២។</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="km"><seg>សូម\u{200B}អរគុណ។</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg>Honour</seg></tuv><tuv xml:lang="en-US"><seg>Honor</seg></tuv><tuv xml:lang="km-KH"><seg>កិត្តិយស</seg></tuv></tu>
    </body></tmx>
    """

    /// Each unit's variants as `tag=text`, from a TMX export of `memory`.
    static func variants(_ memory: String) throws -> [String] {
        let out = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"]).stdout
        return out.components(separatedBy: "<tuv xml:lang=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    struct Match: Decodable { var score: Int }

    static func best(_ memory: String, _ arguments: [String]) throws -> Int? {
        let result = try CLI.run(["search", "--memory", memory, "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([Match].self, from: Data(result.stdout.utf8)).first?.score
    }

    @Test("--langs en,fr,km: en language/fr language/km language columns; imported again, every tag and context is as it was; the text a column could not hold is counted",
          arguments: ["tsv", "csv"])
    func roundTrip(format: String) throws {
        let folder = try temporaryFolder()
        let other = folder.appendingPathComponent("other.tmx")
        // Another file first: its last unit comes right before the note's first in the export.
        let body = Self.tmx.range(of: "<body>")?.upperBound ?? Self.tmx.endIndex
        try Data((Self.tmx[..<body] + """
        <tu><tuv xml:lang="en"><seg>The meeting was postponed.</seg></tuv><tuv xml:lang="km"><seg>កិច្ចប្រជុំ\u{200B}ត្រូវ\u{200B}ពន្យារពេល។</seg></tuv></tu>
        </body></tmx>
        """).utf8).write(to: other)
        let note = folder.appendingPathComponent("note.tmx")
        try Data(Self.tmx.utf8).write(to: note)
        let first = folder.appendingPathComponent("first.sqlite").path
        let imported = try CLI.run(["import", "--memory", first, other.path, note.path])
        #expect(imported.status == 0, "\(imported.stderr)")

        let table = folder.appendingPathComponent("phrases.\(format)")
        let export = try CLI.run(["export", "--memory", first, "--format", format, "--langs", "en,fr,km", table.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("verbale: 1 text left out: its unit has another text for the same column"), "\(export.stderr)")
        let header = try String(contentsOf: table, encoding: .utf8).split(whereSeparator: \.isNewline).first.map(String.init)
        let separator = format == "tsv" ? "\t" : ","
        #expect(header == ["en", "fr", "km", "note", "origin", "review", "en review", "fr review", "km review",
                           "en language", "fr language", "km language", "context-pre", "context-post"].joined(separator: separator))

        let second = folder.appendingPathComponent("second.sqlite").path
        let again = try CLI.run(["import", "--memory", second, table.path])
        #expect(again.status == 0, "\(again.stderr)")
        // en-US (Honor) was the text left out; everything else keeps its own tag.
        #expect(try Self.variants(second) == (try Self.variants(first)).filter { $0 != "en-US" })
        #expect(try Self.variants(second).contains("en-GB") && (try Self.variants(second)).contains("fr-CA"))

        // Contexts: 101 after the note's own first sentence, 100 after the other file's last.
        for memory in [first, second] {
            #expect(try Self.best(memory, ["--to", "km", "--previous", "The Royal Embassy of Cambodia presents its compliments to the Ministry.",
                                           "It has the honour to refer to Note No. 12."]) == 101, "\(memory)")
            #expect(try Self.best(memory, ["--to", "km", "--previous", "The meeting was postponed.",
                                           "The Royal Embassy of Cambodia presents its compliments to the Ministry."]) == 100, "\(memory)")
        }
    }
}
