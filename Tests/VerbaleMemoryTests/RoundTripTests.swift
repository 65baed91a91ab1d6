import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

// `SeededGenerator` (SplitMix64) comes from VerbaleCore.

/// Random units in English, French and Khmer, with the characters that break naive writers
/// (markup characters, quotes, U+200B, Khmer digits) and random metadata.
enum RandomUnits {
    static let english = ["Embassy", "presents", "its", "compliments", "to", "the", "Ministry", "&", "<note>", "\"quoted\"", "2021/01/045", "honour", "it's"]
    static let french = ["Ambassade", "présente", "ses", "compliments", "au", "Ministère", "l'honneur", "«", "»", "&amp;", "N°", "œuvre"]
    static let khmer = ["ស្ថានទូត", "សូម", "គោរព", "ជម្រាប", "ក្រសួង", "ការបរទេស", "ព្រះរាជាណាចក្រ", "កម្ពុជា", "លេខ", "១២៣", "។"]

    static func sentence(_ words: [String], separator: String, using rng: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...12, using: &rng)).map { _ in words.randomElement(using: &rng) ?? "" }.joined(separator: separator)
    }

    static func units(count: Int, seed: UInt64) -> [TranslationUnit] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            var variants = [Variant(language: LanguageTag(.english), text: sentence(english, separator: " ", using: &rng) + " \(index)")]
            if Bool.random(using: &rng) { variants.append(Variant(language: LanguageTag(.french, region: "FR"), text: sentence(french, separator: " ", using: &rng))) }
            if variants.count == 1 || Bool.random(using: &rng) {
                variants.append(Variant(language: LanguageTag(.khmer), text: sentence(khmer, separator: Bool.random(using: &rng) ? "\u{200B}" : "", using: &rng),
                                        notes: Bool.random(using: &rng) ? ["unattested"] : []))
            }
            var metadata = UnitMetadata(review: ReviewStatus.allCases.randomElement(using: &rng) ?? .translated)
            if Bool.random(using: &rng) { metadata.creationDate = Date(timeIntervalSince1970: Double(Int.random(in: 900_000_000...1_800_000_000, using: &rng))) }
            if Bool.random(using: &rng) { metadata.changeDate = Date(timeIntervalSince1970: Double(Int.random(in: 900_000_000...1_800_000_000, using: &rng))) }
            if Bool.random(using: &rng) { metadata.creationUser = ["sokha", "marie", "j.doe"].randomElement(using: &rng) }
            if Bool.random(using: &rng) { metadata.notes = ["checked against the 2021 note & its annex"] }
            if Bool.random(using: &rng) { metadata.properties = [Property(type: "x-domain", value: "protocol")] }
            return TranslationUnit(id: Bool.random(using: &rng) ? "tu\(index)" : nil, variants: variants, metadata: metadata)
        }
    }
}

@Suite("Export then import gives back the memory")
struct RoundTripTests {
    func roundTrip(_ units: [TranslationUnit], format: MemoryFormat) throws -> (before: [TranslationUnit], after: [TranslationUnit]) {
        let original = try temporaryMemory()
        _ = try original.importUnits(from: [ArrayUnitSource(name: "random", units: units)], options: ImportOptions(scrubPersonalData: false))
        let sink = ByteSink()
        try MemoryExport.export(original, format: format, languages: nil, to: sink)
        let copy = try temporaryMemory()
        let source = try FormatUnitSource(data: sink.data, name: "export.\(format.rawValue)", format: format)
        _ = try copy.importUnits(from: [source], options: ImportOptions(scrubPersonalData: false))
        return (try original.allUnits().map(\.unit), try copy.allUnits().map(\.unit))
    }

    @Test("import(export(m)) == m through TMX, for random units with Khmer", arguments: [UInt64(1), 2, 3, 42, 2026])
    func tmx(seed: UInt64) throws {
        let units = RandomUnits.units(count: 200, seed: seed)
        let (before, after) = try roundTrip(units, format: .tmx)
        #expect(before.count > 150)
        #expect(after.count == before.count)
        for (a, b) in zip(before, after) where a != b {
            Issue.record("seed \(seed): \(a) != \(b)")
            break
        }
    }
}

@Suite("Export to TSV and XLIFF, then import")
struct TableRoundTripTests {
    func texts(_ units: [TranslationUnit], _ languages: [String]) -> [[String]] {
        units.map { unit in languages.map { tag in unit.variants.first { $0.language.description == tag }?.text ?? "" } }
    }

    @Test("TSV keeps the text of every language (Khmer included)", arguments: [UInt64(7), 8])
    func tsv(seed: UInt64) throws {
        let original = try temporaryMemory()
        let units = RandomUnits.units(count: 150, seed: seed).filter { $0.variants.count == 3 }
        _ = try original.importUnits(from: [ArrayUnitSource(name: "random", units: units)], options: ImportOptions(scrubPersonalData: false))
        let languages = [tag("en"), tag("fr-FR"), tag("km")]
        let sink = ByteSink()
        try MemoryExport.export(original, format: .tsv, languages: languages, to: sink)
        let copy = try temporaryMemory()
        _ = try copy.importUnits(from: [try FormatUnitSource(data: sink.data, name: "export.tsv", format: .tsv)], options: ImportOptions(scrubPersonalData: false))
        let tags = ["en", "fr-FR", "km"]
        #expect(try texts(copy.allUnits().map(\.unit), tags) == texts(original.allUnits().map(\.unit), tags))
        #expect(try copy.statistics().units == units.count)
    }

    @Test("XLIFF keeps the English → Khmer texts")
    func xliff() throws {
        let original = try temporaryMemory()
        let units = RandomUnits.units(count: 150, seed: 9).filter { unit in unit.variants.contains { $0.language.primary == "km" } }
        _ = try original.importUnits(from: [ArrayUnitSource(name: "random", units: units)], options: ImportOptions(scrubPersonalData: false))
        let sink = ByteSink()
        try MemoryExport.export(original, format: .xliff, languages: [tag("en"), tag("km")], to: sink)
        let copy = try temporaryMemory()
        _ = try copy.importUnits(from: [try FormatUnitSource(data: sink.data, name: "export.xlf", format: .xliff)], options: ImportOptions(scrubPersonalData: false))
        #expect(try texts(copy.allUnits().map(\.unit), ["en", "km"]) == texts(original.allUnits(languages: [tag("en"), tag("km")]).map(\.unit), ["en", "km"]))
    }
}
