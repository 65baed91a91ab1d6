import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// A memory's TSV/CSV and XLIFF exports state each unit's context keys (the previous and next
/// source segments' hashes, for 101 context matches), as its TMX export does, and their readers
/// read them back. Before: TSV had no context column, XLIFF 1.2 dropped contexts, and neither
/// said a unit had none, so an import gave it the keys of the unit written before it.
@Suite("TSV, CSV and XLIFF carry units' contexts")
struct ContextRoundTripTests {
    /// EN/KM units as a memory exports them: several keys (one per language; `ContextHash` is 64
    /// bits in hex), none, a context stated as text by another tool (with a tab and a leading
    /// `-`, which TSV escapes and the formula guard marks), and a next context alone.
    static let units: [TranslationUnit] = {
        let en = LanguageTag(.english), km = LanguageTag(.khmer, region: "KH")
        func unit(_ english: String, _ khmer: String, before: String?, after: String? = nil) -> TranslationUnit {
            TranslationUnit(variants: [Variant(language: en, text: english), Variant(language: km, text: khmer)],
                            metadata: UnitMetadata(previousContext: before, nextContext: after))
        }
        return [
            unit("The Embassy presents its compliments.", "ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជូន។", before: nil,
                 after: "5e0c9a4b7d21f683"),
            unit("It has the honour to inform.", "មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប។",
                 before: "9f1c2a7b3e4d5f60 0b8e77d1c2a43f95"),
            unit("Note No. 12 of 3 May 2021", "កំណត់\u{200B}ទូត\u{200B}លេខ ១២", before: "- The meeting was postponed.\tagain"),
            unit("Geneva, 12 January 2021", "ហ្សឺណែវ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១", before: nil),
        ]
    }()

    static let stating = MemoryHeader(properties: [MemoryHeader.contextsStated])
    static let languages = [LanguageTag(.english), LanguageTag(.khmer, region: "KH")]

    static func contexts(_ units: [TranslationUnit]) -> [[String?]] {
        units.map { [$0.metadata.previousContext, $0.metadata.nextContext] }
    }

    @Test("A memory's TSV/CSV export has context-pre and context-post after every other column; reading it back gives every context, and says the table states them",
          arguments: [MemoryFormat.tsv, .csv])
    func tables(format: MemoryFormat) throws {
        let data = try write(Self.units, as: format, header: Self.stating, languages: Self.languages)
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        let separator = format == .tsv ? "\t" : ","
        #expect(lines[0] == (["en", "km-KH", "note", "origin", "review", "en review", "km-KH review", "context-pre", "context-post"]
            .joined(separator: separator))[...])
        let (back, reader) = try read(data, as: format)
        #expect(Self.contexts(back) == Self.contexts(Self.units))
        #expect(back.map { $0.text("km-KH") } == Self.units.map { $0.text("km-KH") })
        // A unit without one states "none": the import then infers none (FormatUnitSource).
        #expect(reader.header.statesContexts)
    }

    @Test("A table without context columns (every table written before, and users' own) reads as before: no context, nothing stated")
    func tablesWithoutColumns() throws {
        let data = try write(Self.units, as: .tsv, languages: Self.languages)
        #expect(!String(decoding: data, as: UTF8.self).contains("context-pre"))
        let (back, reader) = try read(data, as: .tsv)
        #expect(back.allSatisfy { $0.metadata.previousContext == nil && $0.metadata.nextContext == nil })
        #expect(!reader.header.statesContexts)
        // The old header users rely on, Khmer review column included.
        let old = "en\tkm\tnote\torigin\treview\tkm review\nThe Embassy.\tស្ថានទូត។\t\t\ttranslated\tunreviewed\n"
        let (oldUnits, oldReader) = try read(Data(old.utf8), as: .tsv)
        #expect(oldUnits.count == 1 && oldUnits[0].metadata.previousContext == nil && !oldReader.header.statesContexts)
    }

    @Test("A hand-made table may have context-pre alone, in any case; its empty cells state none")
    func contextColumnAlone() throws {
        let tsv = "EN\tkm\tContext-Pre\nThe Embassy.\tស្ថានទូត។\t\nThe Ministry.\tក្រសួង។\tab12cd34ef567890\n"
        let (units, reader) = try read(Data(tsv.utf8), as: .tsv)
        #expect(units.map(\.metadata.previousContext) == [nil, "ab12cd34ef567890"])
        #expect(reader.header.statesContexts)
    }

    @Test("XLIFF 2.0 and 1.2 exports of a memory give every context back; a unit without one says so (empty context-pre)",
          arguments: XLIFFVersion.allCases)
    func xliff(version: XLIFFVersion) throws {
        let sink = ByteSink()
        var writer = try XLIFFWriter(sink: sink, header: Self.stating, languages: Self.languages, version: version)
        for unit in Self.units { try writer.write(unit) }
        try writer.finish()
        let text = String(decoding: sink.data, as: UTF8.self)
        if version == .v1_2 {
            #expect(text.contains("<context-group purpose=\"match\">"))
            #expect(text.contains("<context context-type=\"x-context-pre\"></context>"))
        } else {
            #expect(text.contains("<mda:meta type=\"context-pre\"></mda:meta>"))
        }
        let back = try read(sink.data, as: .xliff).units
        // Read back, "none" is an empty context: the import stores it as none and infers nothing.
        let expected = Self.contexts(Self.units).map { [$0[0] ?? "", $0[1]] }
        #expect(Self.contexts(back) == expected)
    }

    @Test("An XLIFF that does not state contexts (a draft, another tool's) gets no empty ones; other tools' context groups are not read as keys",
          arguments: XLIFFVersion.allCases)
    func xliffNotStating(version: XLIFFVersion) throws {
        let sink = ByteSink()
        var writer = try XLIFFWriter(sink: sink, languages: Self.languages, version: version)
        for unit in Self.units { try writer.write(unit) }
        try writer.finish()
        let back = try read(sink.data, as: .xliff).units
        #expect(Self.contexts(back) == Self.contexts(Self.units))

        let foreign = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.rc" source-language="en" target-language="km" datatype="winres"><body>
        <trans-unit id="1"><source>Hello.</source><target>សួស្តី។</target>
        <context-group purpose="location"><context context-type="sourcefile">a.rc</context><context context-type="linenumber">12</context></context-group></trans-unit>
        </body></file></xliff>
        """
        let units = try read(Data(foreign.utf8), as: .xliff).units
        #expect(units.count == 1 && units[0].metadata.previousContext == nil && units[0].metadata.nextContext == nil)
    }
}
