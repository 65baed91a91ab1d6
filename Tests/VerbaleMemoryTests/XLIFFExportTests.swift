import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

@Suite("XLIFF export: one language pair, chosen before anything is written")
struct XLIFFExportTests {
    /// EN/FR/KM units as a memory of notes verbales holds them, Khmer with U+200B and Khmer digits.
    static let units = [
        unit([("en", "The Embassy presents its compliments."), ("fr", "L'Ambassade présente ses compliments."),
              ("km", "ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជូន។")]),
        unit([("en", "Note No. 12 of 3 May 2021"), ("fr-FR", "Note n° 12 du 3 mai 2021")]),
        unit([("en", "has the honour to inform"), ("km", "មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប ១២")]),
        unit([("fr", "Genève"), ("km", "ហ្សឺណែវ")]),
    ]

    func memory(_ units: [TranslationUnit]) throws -> SQLiteMemory {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "notes", units: units)], options: ImportOptions(scrubPersonalData: false))
        return memory
    }

    @Test("A memory of English, French and Khmer is refused without a pair, naming its languages and --langs; nothing is written")
    func refusesThreeLanguages() throws {
        let memory = try memory(Self.units)
        #expect(try memory.languageTags().map(\.description) == ["en", "fr", "km", "fr-FR"])
        let sink = ByteSink()
        let error = try #require(throws: ExportError.self) {
            try MemoryExport.run(memory, format: .xliff, languages: nil, to: sink)
        }
        #expect(error == .xliffNeedsLanguagePair(stored: ["en", "fr", "km"]))
        #expect(error.description.contains("this memory has en, fr, km"))
        #expect(error.description.contains("--langs en,fr or --langs en,km"))
        #expect(sink.data.isEmpty)
        #expect(throws: ExportError.xliffNeedsTwoLanguages(given: [tag("en"), tag("fr"), tag("km")])) {
            try MemoryExport.run(memory, format: .xliff, languages: [tag("en"), tag("fr"), tag("km")], to: ByteSink())
        }
    }

    @Test("With --langs en,km the Khmer is written; units without Khmer are counted, units without English left out and counted")
    func englishToKhmer() throws {
        let memory = try memory(Self.units)
        let sink = ByteSink()
        let summary = try MemoryExport.run(memory, format: .xliff, languages: [tag("en"), tag("km")], to: sink)
        #expect(summary == MemoryExport.Summary(units: 3, leftOut: 1, withoutTarget: 1,
                                                pair: XLIFFLanguagePair(source: tag("en"), target: tag("km"))))
        let text = String(decoding: sink.data, as: UTF8.self)
        #expect(text.contains("srcLang=\"en\" trgLang=\"km\""))
        #expect(text.contains("<target>មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប ១២</target>"))
        #expect(text.components(separatedBy: "<unit ").count - 1 == summary.units)
    }

    @Test("Two languages without --langs: the file names each by the tag its texts carry, or by the primary subtag when they carry several")
    func consistentTags() throws {
        let french = try memory([
            unit([("en", "Geneva"), ("fr", "Genève")]),
            unit([("en", "Note No. 12"), ("fr-FR", "Note n° 12")]),
        ])
        let sink = ByteSink()
        let summary = try MemoryExport.run(french, format: .xliff, languages: nil, to: sink)
        #expect(summary.pair == XLIFFLanguagePair(source: tag("en"), target: tag("fr")))
        #expect(summary.units == 2 && summary.withoutTarget == 0 && summary.leftOut == 0)
        #expect(String(decoding: sink.data, as: UTF8.self).contains("srcLang=\"en\" trgLang=\"fr\""))
        // Imported again, each unit has its own tag back.
        let copy = try temporaryMemory()
        _ = try copy.importUnits(from: [try FormatUnitSource(data: sink.data, name: "x.xlf", format: .xliff)], options: ImportOptions(scrubPersonalData: false))
        #expect(try copy.allUnits().map { $0.unit.variants.map(\.language.description) } == [["en", "fr"], ["en", "fr-FR"]])

        let khmer = try memory([unit([("en-US", "Embassy"), ("km-KH", "ស្ថានទូត")]), unit([("en-US", "Ministry"), ("km-KH", "ក្រសួង")])])
        let khmerSink = ByteSink()
        #expect(try MemoryExport.run(khmer, format: .xliff, languages: nil, to: khmerSink).pair == XLIFFLanguagePair(source: tag("en-US"), target: tag("km-KH")))
        #expect(String(decoding: khmerSink.data, as: UTF8.self).contains("srcLang=\"en-US\" trgLang=\"km-KH\""))
    }
}
