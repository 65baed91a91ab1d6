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
}
