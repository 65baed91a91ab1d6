import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 1130j m3: `<tuv lang="fr-fr" xml:lang="km">` (both attributes, disagreeing) stored the
/// French text as Khmer without a word. Which attribute names the text's language follows the
/// file's TMX version — `lang` in TMX 1.1 and 1.2, `xml:lang` from 1.3 on (1.4b: xml:lang
/// "replaces the lang attribute used in TMX 1.1 and 1.2") and when the version is not stated —
/// and the disagreement is warned of at the `<tuv>`'s line and column.
@Suite("TMX <tuv> with lang and xml:lang that disagree: the version's attribute wins, with a warning at file:line:column (review 1130j m3)")
struct TMXLanguageAttributeConflictTests {
    static func tmx(version: String, tuv: String) -> Data {
        Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="\(version)"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
            <tu><tuv lang="en"><seg>The Ministry</seg></tuv><tuv \(tuv)><seg>Le Ministère</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>The Embassy</seg></tuv><tuv xml:lang="km"><seg>ស្ថានទូត</seg></tuv></tu>
            </body></tmx>
            """.utf8)
    }

    static func conflicts(_ reader: any TranslationUnitReader) -> [FormatWarning] {
        reader.warnings.filter { $0.detail.contains("xml:lang") && $0.detail.contains("lang=") }
    }

    @Test("TMX 1.4: xml:lang wins, and the warning names both attributes at the <tuv>'s line and column", arguments: ["1.4", "1.4b", "1.3"])
    func modern(_ version: String) throws {
        let (units, reader) = try read(Self.tmx(version: version, tuv: #"lang="fr-fr" xml:lang="km""#), as: .tmx, name: "t14.tmx")
        #expect(units.first?.text("km") == "Le Ministère")
        let found = Self.conflicts(reader)
        #expect(found.count == 1, "\(reader.warnings)")
        #expect(found.first?.line == 4 && found.first?.column == 49, "\(found)")
        #expect(found.first?.description.hasPrefix("t14.tmx:4:49: ") == true, "\(found)")
        #expect(found.first?.detail.contains("stored as km") == true, "\(found)")
        // The Khmer unit after it is untouched.
        #expect(units.last?.text("km") == "ស្ថានទូត")
    }

    @Test("TMX 1.1 and 1.2: lang wins (the attribute of those versions), with the same warning", arguments: ["1.1", "1.2"])
    func old(_ version: String) throws {
        let (units, reader) = try read(Self.tmx(version: version, tuv: #"lang="fr-fr" xml:lang="km""#), as: .tmx, name: "t11.tmx")
        #expect(units.first?.text("fr-FR") == "Le Ministère", "\(units.first?.variants.map(\.language) ?? [])")
        #expect(units.first?.text("km") == nil)
        let found = Self.conflicts(reader)
        #expect(found.count == 1, "\(reader.warnings)")
        #expect(found.first?.line == 4, "\(found)")
        #expect(found.first?.detail.contains("stored as fr-FR") == true, "\(found)")
    }

    @Test("Both attributes naming one language in two spellings (EN-US, en-us), or one attribute alone: no warning")
    func agreeing() throws {
        for tuv in [#"lang="FR-fr" xml:lang="fr-FR""#, #"lang="fr""#, #"xml:lang="fr""#] {
            let (units, reader) = try read(Self.tmx(version: "1.4", tuv: tuv), as: .tmx, name: "ok.tmx")
            #expect(units.first?.variants.last?.language.description.lowercased().hasPrefix("fr") == true)
            #expect(Self.conflicts(reader).isEmpty, "\(tuv): \(reader.warnings)")
        }
    }
}
