import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

@Suite("TMX/TSV export with --langs: units left with one language are left out and counted")
struct TMXExportLanguagesTests {
    @Test("--langs en,km: the en/fr units are left out and counted; every written unit has its Khmer and reads back whole")
    func oneLanguageLeftOut() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "notes", units: XLIFFExportTests.units)],
                                   options: ImportOptions(scrubPersonalData: false))
        let sink = ByteSink()
        let summary = try MemoryExport.run(memory, format: .tmx, languages: [tag("en"), tag("km")], to: sink)
        // Units: en/fr/km and en/km written; en/fr-FR (English alone) and fr/km (Khmer alone) left out.
        #expect(summary == MemoryExport.Summary(units: 2, leftOut: 2, withoutTarget: 0))
        var reader = try MemoryFormat.makeReader(source: ByteSource(data: sink.data, name: "enkm.tmx"), format: .tmx)
        let units = try reader.readAll()
        #expect(units.count == summary.units)
        #expect(units.allSatisfy { $0.variants.map { $0.language.description }.sorted() == ["en", "km"] })
        #expect(units.contains { $0.variants.last?.text == "មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប ១២" })
        // TSV too; and without --langs nothing is left out.
        let table = try MemoryExport.run(memory, format: .tsv, languages: [tag("en"), tag("km")], to: ByteSink())
        #expect(table.units == 2 && table.leftOut == 2)
        let all = try MemoryExport.run(memory, format: .tmx, languages: nil, to: ByteSink())
        #expect(all.units == 4 && all.leftOut == 0)
        // One language asked for is a list of that language's texts: nothing is left out.
        let khmer = ByteSink()
        let list = try MemoryExport.run(memory, format: .tsv, languages: [tag("km")], to: khmer)
        #expect(list.units == 3 && list.leftOut == 0, "\(list)")
        #expect(String(decoding: khmer.data, as: UTF8.self).contains("មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប ១២"))
    }
}
