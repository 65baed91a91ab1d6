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
}
