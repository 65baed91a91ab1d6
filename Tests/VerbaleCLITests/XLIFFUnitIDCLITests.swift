import Foundation
import Testing

/// Review 30 Nov, m4, through the command line: TMX → memory → XLIFF → memory → TMX invents no tuid.
@Suite("verbale export --format xliff, then import: no made-up ids")
struct XLIFFUnitIDCLITests {
    @Test("Units without a tuid come back without one, a tuid comes back as it was")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("ids.tmx")
        try Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
        <body>
        <tu><tuv xml:lang="en"><seg>The Embassy presents its compliments.</seg></tuv><tuv xml:lang="km"><seg>ស្ថានទូត\u{200B}សូម\u{200B}គោរព។</seg></tuv></tu>
        <tu tuid="note-45"><tuv xml:lang="en"><seg>Thank you for your note.</seg></tuv><tuv xml:lang="km"><seg>សូម\u{200B}អរគុណ។</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>The Ministry of Foreign Affairs.</seg></tuv><tuv xml:lang="km"><seg>ក្រសួង\u{200B}ការបរទេស។</seg></tuv></tu>
        </body></tmx>
        """.utf8).write(to: tmx)
        let first = folder.appendingPathComponent("first.sqlite").path
        #expect(try CLI.run(["import", "--memory", first, tmx.path]).status == 0)
        let xliff = folder.appendingPathComponent("ids.xlf")
        let exported = try CLI.run(["export", "--memory", first, "--format", "xliff", xliff.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        let second = folder.appendingPathComponent("second.sqlite").path
        let imported = try CLI.run(["import", "--memory", second, xliff.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let tuids = { (memory: String) throws -> [String] in
            let out = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"]).stdout
            return out.components(separatedBy: "tuid=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        #expect(try tuids(first) == ["note-45"])
        #expect(try tuids(second) == ["note-45"])
    }
}
