import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory
import VerbaleTestSupport

/// A memory exported as TSV, CSV or XLIFF and imported again keeps every unit's context (the
/// keys of its previous segment, for 101 matches, and a next context a file stated), as TMX
/// did. Before: TSV and XLIFF 1.2 dropped them, and none of the three said a unit had none, so
/// the re-import gave each unit the keys of whatever unit the export wrote before it — the first
/// unit of one imported file took the last of another's and scored a false 101.
@Suite("Export then import keeps contexts in every format")
struct ExportContextRoundTripTests {
    /// Our own EN/KM note (en-GB and km-KH, U+200B, Khmer digits) with a next context another
    /// tool stated, and a previous one stated as text.
    static var note: [TranslationUnit] {
        var units = [
            unit([("en-GB", "The Royal Embassy of Cambodia presents its compliments to the Ministry."),
                  ("km-KH", "ស្ថានឯកអគ្គរាជទូត\u{200B}កម្ពុជា\u{200B}សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ក្រសួង។")]),
            unit([("en-GB", "It has the honour to refer to Note No. 12 of 3 May 2021."),
                  ("km-KH", "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}យោង\u{200B}កំណត់\u{200B}ទូត\u{200B}លេខ ១២ ចុះ\u{200B}ថ្ងៃទី៣ ខែឧសភា ឆ្នាំ២០២១។")]),
            unit([("en-GB", "Phnom Penh, 12 January 2021"), ("km-KH", "ភ្នំពេញ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១")]),
        ]
        units[0].metadata.nextContext = ContextHash.of("It has the honour to refer to Note No. 12 of 3 May 2021.")
        units[2].metadata.previousContext = "The Embassy avails itself of this opportunity."
        return units
    }

    /// Real data when `../shared/data` is there: Europarl EN/FR sentences in their order, and the
    /// sourced EN/FR/KM terms having English and Khmer; our note always. Three files, so that the
    /// first unit of each follows the last of another in the export.
    static func sources() throws -> [ArrayUnitSource] {
        var sources = [ArrayUnitSource(name: "note.tmx", units: note)]
        if let en = SharedData.file("parallel/europarl-20k.en"), let fr = SharedData.file("parallel/europarl-20k.fr") {
            let english = try String(contentsOf: en, encoding: .utf8).split(separator: "\n").prefix(60)
            let french = try String(contentsOf: fr, encoding: .utf8).split(separator: "\n").prefix(60)
            sources.insert(ArrayUnitSource(name: "europarl.tmx", units: zip(english, french).map { unit([("en", String($0)), ("fr", String($1))]) }), at: 0)
        }
        if let terms = SharedData.file("glossary/sourced-terms.tsv") {
            let rows = try String(contentsOf: terms, encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
                .filter { $0.count > 2 && !$0[0].isEmpty && !$0[2].isEmpty }
            sources.append(ArrayUnitSource(name: "terms.tsv", units: rows.map { row in
                unit([("en", row[0]), ("fr", row[1]), ("km-KH", row[2])].filter { !$0.1.isEmpty })
            }))
        }
        return sources
    }

    /// Each unit's (previous, next) context by its English text.
    static func contexts(_ memory: SQLiteMemory) throws -> [String: [String?]] {
        var contexts: [String: [String?]] = [:]
        try memory.forEachUnit(languages: nil) { stored in
            guard let english = stored.unit.variants.first(where: { $0.language.primary == "en" })?.text else { return }
            contexts[english] = [stored.unit.metadata.previousContext, stored.unit.metadata.nextContext]
        }
        return contexts
    }

    static let formats: [(String, MemoryFormat, XLIFFVersion, [String]?)] = [
        ("tmx", .tmx, .v2_0, nil), ("tsv", .tsv, .v2_0, nil), ("csv", .csv, .v2_0, nil),
        ("xliff", .xliff, .v2_0, ["en", "km"]), ("xliff12", .xliff, .v1_2, ["en", "km"]),
    ]

    @Test("import(export(m)) has every unit's contexts, none where it had none: TMX, TSV, CSV, XLIFF 2.0 and 1.2 (real Europarl and Khmer terms, our EN-GB/KM-KH note)",
          arguments: formats.map(\.0))
    func roundTrip(format name: String) throws {
        let (_, format, version, langs) = try #require(Self.formats.first { $0.0 == name })
        let original = try temporaryMemory("context-\(name)-1")
        _ = try original.importUnits(from: try Self.sources())
        let before = try Self.contexts(original)
        if SharedData.isAvailable { #expect(before.count > 60, "too few units to prove anything") }
        #expect(before.values.contains { $0[0] == nil } && before.values.contains { $0[0] != nil } && before.values.contains { $0[1] != nil })

        let sink = ByteSink()
        _ = try MemoryExport.run(original, format: format, languages: langs.map { $0.map(tag) }, to: sink, xliffVersion: version)
        let copy = try temporaryMemory("context-\(name)-2")
        _ = try copy.importUnits(from: [try FormatUnitSource(data: sink.data, name: "export.\(name)", format: format)])
        let after = try Self.contexts(copy)
        // XLIFF holds English and Khmer: the English-French units come back as English alone,
        // which an import skips (one language is no translation); the others all come back.
        if format != .xliff { #expect(after.count == before.count) }
        #expect(after.count >= Self.note.count)
        #expect(after.values.contains { $0[0] == nil } && after.values.contains { $0[1] != nil })
        for (english, context) in after {
            #expect(before[english] == context, "\(name): \(english)")
        }
    }

    @Test("After a TSV or XLIFF round trip, a unit scores 101 after its own previous sentence only, never after the last sentence of another file",
          arguments: ["tsv", "xliff12"])
    func contextMatches(format name: String) throws {
        let (_, format, version, langs) = try #require(Self.formats.first { $0.0 == name })
        let original = try temporaryMemory("match-\(name)-1")
        // Our note after another file: its first unit follows that file's last in the export.
        let other = ArrayUnitSource(name: "other.tmx", units: [unit([("en", "The meeting was postponed."), ("km-KH", "កិច្ចប្រជុំ\u{200B}ត្រូវ\u{200B}បាន\u{200B}ពន្យារពេល។")])])
        _ = try original.importUnits(from: [other, ArrayUnitSource(name: "note.tmx", units: Self.note)])
        let sink = ByteSink()
        _ = try MemoryExport.run(original, format: format, languages: langs.map { $0.map(tag) }, to: sink, xliffVersion: version)
        let folder = try Scratch.folder("verbale-context-match")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        _ = try copy.importUnits(from: [try FormatUnitSource(data: sink.data, name: "export.\(name)", format: format)])
        let (index, _, _) = try MatchIndexCache.open(copy)
        let matcher = FuzzyMatcher(index: index, archive: StoredUnits(memory: copy))
        let note = Self.note.map { $0.variants[0].text }
        #expect(try matcher.search(note[1], language: .english, previousSegment: note[0]).first?.score == 101)
        #expect(try matcher.search(note[0], language: .english, previousSegment: "The meeting was postponed.").first?.score == 100,
                "the export's order is not a document's")
        let khmer = Self.note.map { $0.variants[1].text }
        #expect(try matcher.search(khmer[1], language: .khmer, previousSegment: khmer[0]).first?.score == 101)
    }
}
