import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// Review 1130f m5: `draft translate --format xliff` wrote targets holding ⟦untranslated⟧ English,
/// and `import` stored them as Khmer translations, which `search` then offered at 100 %. A guess
/// or a gap is never stored as a translation: a target whose state says it is not one is left
/// out (`target not translated`), and a text holding the ⟦…⟧ mark is left out in every format
/// (`untranslated ⟦…⟧ text`).
@Suite("Import: a target that is not a translation is never stored (review 1130f m5)")
struct NotTranslatedImportTests {
    static func units(_ text: String, name: String, format: MemoryFormat) throws -> (units: [TranslationUnit], source: FormatUnitSource) {
        let source = try FormatUnitSource(data: Data(text.utf8), name: name, format: format)
        var units: [TranslationUnit] = []
        while let unit = try source.next() { units.append(unit) }
        return (units, source)
    }

    @Test("XLIFF 2.0: an explicit initial target is left out unless Verbale's subState calls it an unreviewed translation; no state reads as before")
    func states20() throws {
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="km">
        <file id="f1">
        <unit id="initial"><segment state="initial"><source>The Embassy thanks the Ministry.</source><target>ស្ថានទូត​សូម​អរគុណ​ក្រសួង។</target></segment></unit>
        <unit id="draft"><segment state="initial" subState="verbale:needs-translation"><source>The Embassy of the Republic of Korea.</source><target>ស្ថានទូត ⟦of the Republic of Korea⟧</target></segment></unit>
        <unit id="other-substate"><segment state="initial" subState="acme:mt"><source>The Ministry thanks the Embassy.</source><target>ក្រសួង​សូម​អរគុណ​ស្ថានទូត។</target></segment></unit>
        <unit id="unreviewed"><segment state="initial" subState="verbale:unreviewed"><source>The Embassy avails itself of this opportunity.</source><target>ស្ថានទូត​សូម​ឆ្លៀត​ឱកាស​នេះ។</target></segment></unit>
        <unit id="nostate"><segment><source>The Ministry avails itself of this opportunity.</source><target>ក្រសួង​សូម​ឆ្លៀត​ឱកាស​នេះ។</target></segment></unit>
        <unit id="translated"><segment state="translated"><source>Thank you.</source><target>សូម​អរគុណ។</target></segment></unit>
        <unit id="no-target"><segment state="initial"><source>The Ministry requests.</source></segment></unit>
        </file>
        </xliff>
        """
        let (units, source) = try Self.units(xliff, name: "states.xlf", format: .xliff)
        #expect(units.map(\.id) == ["unreviewed", "nostate", "translated", "no-target"])
        #expect(units.map(\.metadata.review) == [.unreviewed, .unreviewed, .translated, .unreviewed])
        #expect(source.readerSkips == ["target not translated": 3])
        #expect(source.warnings.map(\.line) == [4, 5, 6])
        #expect(source.warnings.first?.description.contains("not a translation yet") == true, "\(source.warnings)")
    }

    @Test("XLIFF 1.2: new and needs-translation targets are left out; needs-review-*, mt-suggestion and approved ones are kept")
    func states12() throws {
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="s.docx" source-language="en" target-language="km" datatype="plaintext"><body>
        <trans-unit id="new"><source>The Embassy thanks the Ministry.</source><target state="new">ស្ថានទូត​សូម​អរគុណ​ក្រសួង។</target></trans-unit>
        <trans-unit id="needs-translation"><source>Phnom Penh, 12 January 2021</source><target state="needs-translation">ភ្នំពេញ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១</target></trans-unit>
        <trans-unit id="needs-review"><source>Note No. 45.</source><target state="needs-review-translation">កំណត់​លេខ ៤៥។</target></trans-unit>
        <trans-unit id="mt"><source>The Embassy greets the Ministry.</source><target state-qualifier="mt-suggestion">ស្ថានទូត​សូម​ស្វាគមន៍​ក្រសួង។</target></trans-unit>
        <trans-unit id="approved" approved="yes"><source>The Embassy confirms.</source><target state="new">ស្ថានទូត​សូម​បញ្ជាក់។</target></trans-unit>
        <trans-unit id="none"><source>The Embassy avails itself of this opportunity.</source><target>ស្ថានទូត​សូម​ឆ្លៀត​ឱកាស​នេះ។</target></trans-unit>
        </body></file></xliff>
        """
        let (units, source) = try Self.units(xliff, name: "states.xlf", format: .xliff)
        #expect(units.map(\.id) == ["needs-review", "mt", "approved", "none"])
        #expect(units.map(\.metadata.review) == [.unreviewed, .unreviewed, .approved, .translated])
        #expect(source.readerSkips == ["target not translated": 2])
    }

    @Test("A target the writer says is not a translation is 2.0 initial/verbale:needs-translation and 1.2 needs-translation, and reads back left out")
    func writerRoundTrip() throws {
        let en = LanguageTag(.english), km = LanguageTag(.khmer)
        let unit = TranslationUnit(id: "s1", variants: [Variant(language: en, text: "The Embassy of the Republic of Korea presents its compliments."),
                                                        Variant(language: km, text: "ស្ថានទូតនៃសាធារណរដ្ឋកូរ៉េ សូមគោរពជូន។")])
        for version in XLIFFVersion.allCases {
            let sink = ByteSink()
            var writer = try XLIFFWriter(sink: sink, languages: [en, km], version: version)
            try writer.write(unit, targetIsTranslation: false)
            var kept = unit
            kept.id = "s2"
            try writer.write(kept)
            try writer.finish()
            let text = String(decoding: sink.data, as: UTF8.self)
            switch version {
            case .v2_0: #expect(text.contains("<segment state=\"initial\" subState=\"verbale:needs-translation\">"), "\(text)")
            case .v1_2: #expect(text.contains("<target state=\"needs-translation\">"), "\(text)")
            }
            let (units, source) = try Self.units(text, name: "draft.xlf", format: .xliff)
            #expect(units.map(\.id) == ["s2"], "\(version)")
            #expect(source.readerSkips == ["target not translated": 1], "\(version)")
        }
    }

    @Test("⟦…⟧ marks a gap: found only as an opening mark followed by a closing one")
    func mark() {
        #expect(UntranslatedMark.marksGap("ស្ថានទូត ⟦of the Republic of Korea⟧ សូមគោរពជូន"))
        #expect(UntranslatedMark.marksGap("No. 12 ⟦និង⟧ 13"))
        #expect(!UntranslatedMark.marksGap("L’Ambassade — « de France »… ’"))
        #expect(!UntranslatedMark.marksGap("⟧ closed before ⟦ opened"))
        #expect(!UntranslatedMark.marksGap("only ⟦ opened"))
        #expect(!UntranslatedMark.marksGap(""))
    }

    @Test("draft new's [untranslated: …] marks a gap (review 1130g): found only as the whole opening followed by ]")
    func bracketMark() {
        #expect(UntranslatedMark.marksBracketGap("L'Ambassade présente ses compliments à [untranslated: Zorbian Rhetoric Society] et a l'honneur"))
        #expect(UntranslatedMark.marksBracketGap("សូមគោរពជូនចំពោះ[untranslated: Zorbian Rhetoric Society] ហើយ"))
        #expect(UntranslatedMark.marksBracketGap("ធ្វើនៅ [untranslated: Siem Reap] ថ្ងៃទី៦ ខែធ្នូ ឆ្នាំ២០២៦"))
        #expect(UntranslatedMark.marksBracketGap("[untranslated: x]"))
        #expect(!UntranslatedMark.marksBracketGap("[untranslated: never closed"))
        #expect(!UntranslatedMark.marksBracketGap("[lieu], le 6 décembre 2026 [unreviewed]"))
        #expect(!UntranslatedMark.marksBracketGap("an untranslated: [word]"))
        #expect(!UntranslatedMark.marksBracketGap("[untranslated:]"))
        #expect(!UntranslatedMark.marksBracketGap(""))
        // The import's reason, as validate asks for it.
        let unit = TranslationUnit(id: nil, variants: [
            Variant(language: LanguageTag(.english), text: "The Embassy presents its compliments to the Zorbian Rhetoric Society."),
            Variant(language: LanguageTag(.french), text: "L'Ambassade présente ses compliments à [untranslated: Zorbian Rhetoric Society]."),
        ], metadata: UnitMetadata())
        #expect(SkipReason.reason(for: unit) == .untranslatedBracket)
        #expect(SkipReason.untranslatedBracket.rawValue == "[untranslated: …] text")
    }
}

/// The same through a real import: every format, counted under its reason in the summary.
@Suite("Import: a text marked ⟦untranslated⟧ is never stored, in any format (review 1130f m5)")
struct UntranslatedMarkImportTests {
    @Test("TSV, TMX and XLIFF units holding ⟦…⟧ are skipped under 'untranslated ⟦…⟧ text'; the rest is stored")
    func everyFormat() throws {
        let tsv = "en\tkm\nThe Embassy of the Republic of Korea.\tស្ថានទូត ⟦of the Republic of Korea⟧\nThank you.\tសូម​អរគុណ។\n"
        let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
        <body><tu><tuv xml:lang="en"><seg>The Embassy will be absent.</seg></tuv><tuv xml:lang="fr"><seg>L'Ambassade ⟦will be absent⟧.</seg></tuv><tuv xml:lang="km"><seg>ស្ថានទូត ⟦will be absent⟧។</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>The Ministry.</seg></tuv><tuv xml:lang="fr"><seg>Le Ministère.</seg></tuv></tu></body></tmx>
        """
        // An XLIFF from a Verbale before the fix: initial + verbale:unreviewed, with the gap inside.
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="km">
        <file id="f1"><unit id="s2"><segment state="initial" subState="verbale:unreviewed"><source>The Embassy of the Republic of Korea avails itself of this opportunity.</source><target>ស្ថានទូត ⟦of the Republic of Korea⟧ សូមឆ្លៀតឱកាសនេះ។</target></segment></unit></file>
        </xliff>
        """
        var sources: [any UnitSource] = []
        for (name, text, format) in [("d.tsv", tsv, MemoryFormat.tsv), ("d.tmx", tmx, .tmx), ("d.xlf", xliff, .xliff)] {
            sources.append(try FormatUnitSource(data: Data(text.utf8), name: name, format: format))
        }
        let memory = try temporaryMemory()
        let summary = try memory.importUnits(from: sources, options: ImportOptions(), progress: nil)
        #expect(summary.added == 2)
        #expect(summary.skipped == ["untranslated ⟦…⟧ text": 3])
        #expect(summary.files.map(\.skipped) == [1, 1, 1])
        var stored: [String] = []
        try memory.forEachUnit(languages: nil) { unit in stored += unit.unit.variants.map(\.text) }
        #expect(!stored.contains { $0.contains("⟦") }, "\(stored)")
    }
}
