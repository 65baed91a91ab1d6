import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 30 Nov, m4: XLIFF export made up ids (`u3`) that an import then kept as `tuid`s.
@Suite("XLIFF round trips keep unit ids as they were")
struct XLIFFUnitIDTests {
    static let ids: [String?] = [nil, "tu-7", "note 45/ក", "tu-7", nil, "u1"]

    static var units: [TranslationUnit] {
        ids.enumerated().map { index, id in
            TranslationUnit(id: id, variants: [Variant(language: LanguageTag(.english), text: "The Embassy \(index)."),
                                               Variant(language: LanguageTag(.khmer), text: "ស្ថានទូត \(index)។")])
        }
    }

    @Test("A unit without an id comes back without one; odd, repeated and u-looking ids come back as they were",
          arguments: XLIFFVersion.allCases)
    func roundTrip(version: XLIFFVersion) throws {
        let sink = ByteSink()
        var writer = try MemoryFormat.xliff.makeWriter(sink: sink, languages: [LanguageTag(.english), LanguageTag(.khmer)], xliffVersion: version)
        for unit in Self.units { try writer.write(unit) }
        try writer.finish()
        let text = String(decoding: sink.data, as: UTF8.self)
        // XLIFF still gets an id on every unit, unique.
        let unitTag = version == .v2_0 ? "<unit id=\"" : "<trans-unit id=\""
        let written = text.components(separatedBy: unitTag).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(written.count == Self.ids.count && Set(written).count == Self.ids.count, "\(written)")
        let back = try read(sink.data, as: .xliff).units
        #expect(back.map(\.id) == Self.ids)
        #expect(back.map { $0.text("km") } == Self.units.map { $0.text("km") })
    }

    @Test("Another tool's XLIFF 1.2 keeps its trans-unit ids (resname is read only in Verbale's own files)")
    func foreign12() throws {
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="en" target-language="km" datatype="plaintext"><body>
        <trans-unit id="17" resname="greeting"><source>Hello.</source><target>សួស្តី។</target></trans-unit>
        </body></file></xliff>
        """
        #expect(try read(Data(xliff.utf8), as: .xliff).units.map(\.id) == ["17"])
    }

    /// What a Verbale before 30 Nov 03:39 UTC wrote for a memory's units: `u` and the unit's
    /// place for a unit without an id, nothing saying so (2.0: no `mda:meta type="id"`; 1.2: no
    /// `tool-id`). Units 1 and 3 had none; unit 2 had `u7`, unit 4 `note-45`.
    static let olderExports: [XLIFFVersion: String] = [
        .v2_0: """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="km">
        <file id="f1" original="verbale-memory">
        <unit id="u1"><mda:metadata><mda:metaGroup category="verbale"><mda:meta type="review">translated</mda:meta></mda:metaGroup></mda:metadata>
          <segment state="translated"><source>The Embassy presents its compliments.</source><target>ស្ថានទូត\u{200B}សូម\u{200B}គោរព។</target></segment></unit>
        <unit id="u7"><segment><source>Thank you.</source><target>សូម\u{200B}អរគុណ។</target></segment></unit>
        <unit id="u3"><segment><source>Note No. 12</source><target>កំណត់\u{200B}ទូត\u{200B}លេខ ១២</target></segment></unit>
        <unit id="note-45"><segment><source>Geneva</source><target>ហ្សឺណែវ</target></segment></unit>
        </file></xliff>
        """,
        .v1_2: """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
        <file original="verbale-memory" source-language="en" target-language="km" datatype="plaintext"><body>
        <trans-unit id="u1"><source>The Embassy presents its compliments.</source><target state="translated">ស្ថានទូត\u{200B}សូម\u{200B}គោរព។</target></trans-unit>
        <trans-unit id="u7"><source>Thank you.</source><target state="translated">សូម\u{200B}អរគុណ។</target></trans-unit>
        <trans-unit id="u3"><source>Note No. 12</source><target state="translated">កំណត់\u{200B}ទូត\u{200B}លេខ ១២</target></trans-unit>
        <trans-unit id="note-45"><source>Geneva</source><target state="translated">ហ្សឺណែវ</target></trans-unit>
        </body></file></xliff>
        """,
    ]

    @Test("An export by an older Verbale: its made-up ids (u and the unit's place) are dropped, real ones kept",
          arguments: XLIFFVersion.allCases)
    func olderExport(version: XLIFFVersion) throws {
        let xliff = try #require(Self.olderExports[version])
        #expect(try read(Data(xliff.utf8), as: .xliff).units.map(\.id) == [nil, "u7", nil, "note-45"])
        // Another tool's file numbering its units u1, u2 (as the XLIFF 2.0 specification's
        // examples do) keeps them: only Verbale's own memory exports made ids up.
        let foreign = xliff.replacingOccurrences(of: "verbale-memory", with: "notes.docx")
        #expect(try read(Data(foreign.utf8), as: .xliff).units.map(\.id) == ["u1", "u7", "u3", "note-45"])
    }

    @Test("A unit whose own id looks made up (u1, first) keeps it through this Verbale's export: the file states it",
          arguments: XLIFFVersion.allCases)
    func ownIDThatLooksMadeUp(version: XLIFFVersion) throws {
        let ids: [String?] = ["u1", nil, "u3"]
        let units = ids.enumerated().map { index, id in
            TranslationUnit(id: id, variants: [Variant(language: LanguageTag(.english), text: "Note \(index)."),
                                               Variant(language: LanguageTag(.khmer), text: "កំណត់\u{200B}ទូត \(index)។")])
        }
        let sink = ByteSink()
        var writer = try MemoryFormat.xliff.makeWriter(sink: sink, languages: [LanguageTag(.english), LanguageTag(.khmer)], xliffVersion: version)
        for unit in units { try writer.write(unit) }
        try writer.finish()
        if version == .v2_0 {
            #expect(String(decoding: sink.data, as: UTF8.self).contains("<mda:meta type=\"id\">u1</mda:meta>"))
        }
        #expect(try read(sink.data, as: .xliff).units.map(\.id) == ids)
    }
}
