import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

@Suite("Warnings are counted exactly, however many; only the kept list is capped")
struct WarningCountTests {
    static let count = 20_000

    static func tmx(emptyUnits: Int) -> Data {
        var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
        <body><tu><tuv xml:lang="km"><seg>សូម\u{200B}អរគុណ</seg></tuv></tu>

        """
        for _ in 0..<emptyUnits { text += "<tu><tuv xml:lang=\"en\"><seg></seg></tuv></tu>\n" }
        text += "</body></tmx>\n"
        return Data(text.utf8)
    }

    @Test("20,000 empty TMX units: warningCounts says 20,000 though only 10,000 warnings are kept")
    func tmxCounts() throws {
        let (units, reader) = try read(Self.tmx(emptyUnits: Self.count), as: .tmx, name: "empty.tmx")
        #expect(units.count == 1)
        #expect(reader.warnings.count == WarningLog.limit)
        #expect(reader.warningCounts[.emptyUnit] == Self.count)
    }

    @Test("20,000 empty TSV rows: counted exactly, and the kept warnings are capped like the XML readers'")
    func delimitedCounts() throws {
        // Rows with a note but no text in any language: each is skipped with an emptyUnit warning.
        var text = "en\tfr\tkm\tnote\nThank you.\tMerci.\tសូម\u{200B}អរគុណ\t\n"
        for _ in 0..<Self.count { text += "\t\t\tdraft only\n" }
        let (units, reader) = try read(Data(text.utf8), as: .tsv, name: "empty.tsv")
        #expect(units.count == 1)
        #expect(reader.warnings.count == WarningLog.limit)
        #expect(reader.warningCounts[.emptyUnit] == Self.count)
    }

    @Test("A malformed unit source-language in XLIFF metadata is an error at the <meta>, not silently dropped")
    func malformedUnitLanguage() throws {
        for type in ["source-language", "target-language"] {
            let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="km">
            <file id="f1">
              <unit id="u1"><mda:metadata><mda:metaGroup category="verbale">
                <mda:meta type="\(type)">en_GB!!</mda:meta>
              </mda:metaGroup></mda:metadata>
              <segment><source>Thank you.</source><target>សូម\u{200B}អរគុណ</target></segment></unit>
            </file></xliff>
            """
            #expect {
                _ = try read(Data(text.utf8), as: .xliff, name: "bad-tag.xlf")
            } throws: { error in
                guard let error = error as? FormatError, case .badLanguageTag("en_GB!!") = error.reason else { return false }
                return error.file == "bad-tag.xlf" && error.line == 5 && error.column == 5
            }
        }
    }

    @Test("A malformed srcLang or trgLang on <xliff> is an error with line and column")
    func malformedFileLanguage() throws {
        for attributes in ["srcLang=\"e n\" trgLang=\"km\"", "srcLang=\"en\" trgLang=\"k@m\""] {
            let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" \(attributes)>
            <file id="f1"><unit id="u1"><segment><source>Thank you.</source></segment></unit></file></xliff>
            """
            #expect {
                _ = try read(Data(text.utf8), as: .xliff, name: "bad-file-tag.xlf")
            } throws: { error in
                guard let error = error as? FormatError, case .badLanguageTag = error.reason else { return false }
                return error.line == 2 && error.column == 1
            }
        }
    }
}
