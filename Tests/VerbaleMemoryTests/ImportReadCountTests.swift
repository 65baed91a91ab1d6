import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// Review 1130h, m1: `read` counts every unit of the input, the ones the reader itself left out
/// included, so that read = added + merged + skipped.
@Suite("The import's read count includes the units the reader left out")
struct ImportReadCountTests {
    @Test("The review's XLIFF 2.0 (initial target, translated Khmer target, source only): read 3, added 1, skipped 2")
    func reviewCase() throws {
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="km">
        <file id="f1">
        <unit id="a"><segment state="initial"><source>The Embassy presents its compliments.</source><target>ស្ថានទូត​សូម​គោរព​ជូន។</target></segment></unit>
        <unit id="b"><segment state="translated"><source>The Ministry of Foreign Affairs.</source><target>ក្រសួង​ការបរទេស។</target></segment></unit>
        <unit id="c"><segment><source>Note No. ០៤៥.</source></segment></unit>
        </file>
        </xliff>
        """
        let memory = try temporaryMemory()
        let summary = try memory.importUnits(from: [try FormatUnitSource(data: Data(xliff.utf8), name: "st.xlf", format: .xliff)])
        #expect(summary.read == 3)
        #expect(summary.added == 1)
        #expect(summary.skipped.values.reduce(0, +) == 2)
        #expect(summary.read == summary.added + summary.merged + summary.skipped.values.reduce(0, +))
        #expect(summary.files.first?.read == 3)
    }

    @Test("A TMX whose empty units the reader drops: read counts them")
    func emptyTMXUnits() throws {
        var tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
        <body><tu><tuv xml:lang="en"><seg>Thank you</seg></tuv><tuv xml:lang="km"><seg>សូម\u{200B}អរគុណ</seg></tuv></tu>

        """
        for _ in 0..<5 { tmx += "<tu><tuv xml:lang=\"fr\"><seg></seg></tuv></tu>\n" }
        tmx += "</body></tmx>\n"
        let memory = try temporaryMemory()
        let summary = try memory.importUnits(from: [try FormatUnitSource(data: Data(tmx.utf8), name: "empty.tmx", format: .tmx)])
        #expect(summary.read == 6)
        #expect(summary.added == 1)
        #expect(summary.skipped["unit without text"] == 5)
    }
}
