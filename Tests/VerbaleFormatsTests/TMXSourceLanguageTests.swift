import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Acceptance review 1130i m9: TMX 1.4b's `srclang` chooses a unit's source text (its first):
/// the `<tu>`'s own attribute, else the header's; `*all*` keeps the `<tuv>`s' order.
@Suite("TMX reader: srclang chooses the source text (review 1130i m9)")
struct TMXSourceLanguageTests {
    func units(header: String, tu: String = "") throws -> [TranslationUnit] {
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="\(header)" datatype="plaintext"/>
            <body><tu\(tu)><tuv xml:lang="fr-FR"><seg>La demande a été reçue.</seg></tuv>
            <tuv xml:lang="km-KH"><seg>ពាក្យស្នើសុំ​ត្រូវ​បាន​ទទួល។</seg></tuv>
            <tuv xml:lang="en-US"><seg>The application was received.</seg></tuv></tu></body></tmx>
            """
        return try read(Data(tmx.utf8), as: .tmx, name: "order.tmx").0
    }

    @Test("the header's srclang, the <tu>'s own srclang over it, *all* and a primary-language match", arguments: [
        ("en-US", "", ["en-US", "fr-FR", "km-KH"]),
        ("en", "", ["en-US", "fr-FR", "km-KH"]),
        ("EN-us", "", ["en-US", "fr-FR", "km-KH"]),
        ("en-US", #" srclang="km-KH""#, ["km-KH", "fr-FR", "en-US"]),
        ("*all*", "", ["fr-FR", "km-KH", "en-US"]),
        ("en-US", #" srclang="*all*""#, ["fr-FR", "km-KH", "en-US"]),
        ("de", "", ["fr-FR", "km-KH", "en-US"]),
    ])
    func source(_ header: String, _ tu: String, _ expected: [String]) throws {
        let unit = try #require(try units(header: header, tu: tu).first)
        #expect(unit.variants.map(\.language.description) == expected)
    }
}
