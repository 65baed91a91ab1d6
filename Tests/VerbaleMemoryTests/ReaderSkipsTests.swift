import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

@Suite("The import summary counts every unit the reader skipped")
struct ReaderSkipsTests {
    @Test("20,000 empty TMX units give readerSkips of 20,000, past the 10,000 warnings a reader keeps")
    func exactCount() throws {
        var tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
        <body><tu><tuv xml:lang="km"><seg>សូម\u{200B}អរគុណ</seg></tuv></tu>

        """
        for _ in 0..<20_000 { tmx += "<tu><tuv xml:lang=\"fr\"><seg></seg></tuv></tu>\n" }
        tmx += "</body></tmx>\n"
        let source = try FormatUnitSource(data: Data(tmx.utf8), name: "empty.tmx", format: .tmx)
        var units = 0
        while try source.next() != nil { units += 1 }
        #expect(units == 1)
        #expect(source.readerSkips == ["unit without text": 20_000])
        #expect(source.warnings.count == WarningLog.limit)
    }

    @Test("An XLIFF target copied from its source is left out and counted as 'target copied from source'")
    func copiedTargets() throws {
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="km">
        <file id="f1">
        <unit id="u1"><segment state="initial"><source>The Ministry of Health.</source><target>The Ministry of Health.</target></segment></unit>
        <unit id="u2"><segment state="translated"><source>COVID-19</source><target>COVID-19</target></segment></unit>
        <unit id="u3"><segment state="final"><source>The Royal Embassy.</source><target>The Royal Embassy.</target></segment></unit>
        <unit id="u4"><segment state="translated"><source>The Ministry of Foreign Affairs.</source><target>ក្រសួង\u{200B}ការបរទេស។</target></segment></unit>
        <unit id="u5"><segment state="translated"><source>Note No. ០៤៥.</source><target>កំណត់\u{200B}ទូត\u{200B}លេខ ០៤៥។</target></segment></unit>
        </file>
        </xliff>
        """
        let source = try FormatUnitSource(data: Data(xliff.utf8), name: "copy.xlf", format: .xliff)
        var units: [TranslationUnit] = []
        while let unit = try source.next() { units.append(unit) }
        #expect(units.map(\.id) == ["u2", "u4", "u5"])
        #expect(units[0].variants.last?.text == "COVID-19", "a code kept as it is in a translated segment stays")
        #expect(units[1].variants.last?.text == "ក្រសួង\u{200B}ការបរទេស។")
        #expect(source.readerSkips == ["target copied from source": 2])
        #expect(source.warnings.map(\.line) == [4, 6])
        #expect(source.warnings.first?.description.contains("km target is the en source copied") == true)
    }
}
