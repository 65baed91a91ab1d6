import Foundation
import VerbaleCore
import VerbaleFormats

/// Writes a memory out as TMX, XLIFF or TSV, streaming: one reader snapshot, one unit in
/// memory at a time, the writer's buffer flushed in 256 KB blocks. Cost: O(units), dominated
/// by the writer's escaping (see `verbale-bench export`); XLIFF first reads the memory's
/// language tags (one scan of the variants) to choose its pair.
public enum MemoryExport {
    /// What an export wrote, so the command can say it truthfully.
    public struct Summary: Equatable, Sendable {
        /// Units written to the file.
        public var units: Int
        /// Units read but not written: XLIFF units with no text in the source language; with
        /// `languages` given, TMX/TSV/CSV units holding text in only one of them (a unit of one
        /// language is no translation: an import skips it).
        public var leftOut: Int
        /// XLIFF units written with their source alone, having no text in the target language.
        public var withoutTarget: Int
        /// The XLIFF pair, when the format is XLIFF and the memory is not empty.
        public var pair: XLIFFLanguagePair?
        /// TSV/CSV texts not written because another text of their unit took their column
        /// (`en-GB` beside `en-US` with `--langs en`): TMX, or an export without `--langs`
        /// (one column per tag), keeps them.
        public var textsLeftOut = 0
        /// TSV/CSV texts written without their inline tags (a table has no column for them),
        /// and units written without their own id (TMX `tuid`, XLIFF `id`): said on stderr so
        /// a round trip through a spreadsheet does not lose them silently (review 1130d m10).
        public var textsWithoutTags = 0
        public var unitsWithoutIDs = 0
        /// TSV/CSV units written without some of their properties, and those properties' types
        /// (`DelimitedWriter.unitsWithoutProperties`; review 1130e m3).
        public var unitsWithoutProperties = 0
        public var droppedPropertyTypes: [String] = []
        /// Of those, units that lost properties of their own (not only their texts'): what
        /// `propertyColumns` keeps (`DelimitedWriter.unitsWithoutOwnProperties`).
        public var unitsWithoutOwnProperties = 0
        /// The `prop:NAME` columns written (`propertyColumns`), in order.
        public var propertyColumns: [String] = []
        /// The `LANG prop:NAME` columns written (`propertyColumns`: the texts' own), in order.
        public var textPropertyColumns: [TextPropertyColumn] = []
    }

    /// Exports the units having a variant in one of `languages` (all when nil), keeping only
    /// those variants. XLIFF holds one pair: `languages` must then name two, or be nil with a
    /// memory of two languages (`ExportError` otherwise, thrown before anything is written).
    /// `formulaGuard`: TSV/CSV cells a spreadsheet would run as formulas get a leading
    /// apostrophe (`FormulaGuard`; `export --no-formula-guard` turns it off).
    /// `xliffVersion` chooses XLIFF 2.0 (the default) or 1.2 (older Trados, memoQ, Wordfast).
    /// `propertyColumns` (TSV/CSV; `export --property-columns`): a `prop:NAME` column after
    /// `review` for each property type the exported units carry, in the order first met, which
    /// import reads back (review 1130i m4: a table with `prop:x-client` did not survive its own
    /// round trip). Off by default, so the columns scripts read keep their places. Costs one
    /// more pass over the memory to find the types before the header is written. The texts'
    /// own properties (other than `x-review`) get a `LANG prop:NAME` column each, last.
    public static func run(_ memory: any TranslationMemory, format: MemoryFormat, languages: [LanguageTag]?,
                           to sink: ByteSink, tool: String = "Verbale", formulaGuard: Bool = true,
                           xliffVersion: XLIFFVersion = .v2_0, propertyColumns: Bool = false) throws -> Summary {
        var header = MemoryHeader()
        header.sourceLanguage = languages?.first
        header.creationTool = tool
        header.creationDate = Date()
        // Each unit's context is written, its absence too (TMX by this header property, TSV/CSV
        // by their context columns, XLIFF by an empty context per unit): a re-import invents
        // none from the export's order, which is not a document's (review 30 Nov, M11).
        header.properties.append(MemoryHeader.contextsStated)
        guard format == .xliff else {
            let table = format == .tsv || format == .csv
            // A table has one column per language, fixed by its header: without --langs, every
            // language the memory holds (the first unit's languages lost the others' texts
            // without a word: review 30 Nov, M2). TMX writes each unit's own variants.
            let columns = try languages ?? (table ? memory.languageTags() : [])
            // With --langs, a column whose texts carry other tags (`en-GB` in `en`) says each
            // text's own in an `en language` column, so a re-import keeps the region.
            let tagColumns = try table && languages != nil ? Self.tagColumns(columns, stored: memory.languageTags()) : []
            let (properties, textProperties) = try table && propertyColumns
                ? Self.propertyTypes(memory, languages: languages, columns: columns) : ([], [])
            var writer = try format.makeWriter(sink: sink, header: header, languages: columns, formulaGuard: formulaGuard,
                                               tagColumns: tagColumns, propertyColumns: properties, textPropertyColumns: textProperties)
            var leftOut = 0
            var textsWithoutTags = 0, unitsWithoutIDs = 0
            let count = try memory.forEachUnit(languages: languages) { stored in
                // Only `languages`' variants were read: fewer than two distinct tags left means
                // the unit has one of the requested languages alone (as XLIFF, left out and counted).
                // One language asked for (`--langs km`: a list of the Khmer texts) keeps every unit.
                if let languages, languages.count > 1, !hasTwoLanguages(stored.unit, of: languages) {
                    leftOut += 1
                    return
                }
                try writer.write(stored.unit)
                if table {
                    for variant in stored.unit.variants where !variant.tags.isEmpty { textsWithoutTags += 1 }
                    if let id = stored.unit.id, !id.isEmpty { unitsWithoutIDs += 1 }
                }
            }
            try writer.finish()
            try sink.close()
            var summary = Summary(units: count - leftOut, leftOut: leftOut, withoutTarget: 0)
            if let table = writer as? DelimitedWriter {
                summary.textsLeftOut = table.textsLeftOut
                summary.unitsWithoutProperties = table.unitsWithoutProperties
                summary.droppedPropertyTypes = table.droppedPropertyTypes
                summary.unitsWithoutOwnProperties = table.unitsWithoutOwnProperties
                summary.propertyColumns = properties
                summary.textPropertyColumns = textProperties
            }
            summary.textsWithoutTags = textsWithoutTags
            summary.unitsWithoutIDs = unitsWithoutIDs
            return summary
        }
        let pair = try XLIFFLanguagePair.choose(requested: languages, stored: memory.languageTags())
        let selected = pair.map { [$0.source, $0.target] }
        header.sourceLanguage = pair?.source
        header.targetLanguage = pair?.target
        var writer = try XLIFFWriter(sink: sink, header: header, languages: selected ?? [], version: xliffVersion)
        let read = try memory.forEachUnit(languages: selected) { stored in
            try writer.write(stored.unit)
        }
        try writer.finish()
        try sink.close()
        return Summary(units: read - writer.skipped, leftOut: writer.skipped, withoutTarget: writer.withoutTarget, pair: pair)
    }

    /// The property types of the units an export with `languages` writes, each once, in the
    /// order first met (a table imported and exported again keeps its columns' order), and the
    /// texts' own (other than `x-review`) by table column: a text goes to the column of its
    /// exact tag, else to the one its tag matches, as `DelimitedWriter` places it.
    /// Cost: one pass over the memory.
    static func propertyTypes(_ memory: any TranslationMemory, languages: [LanguageTag]?,
                              columns: [LanguageTag] = []) throws -> (unit: [String], text: [TextPropertyColumn]) {
        var types: [String] = []
        var seen: Set<String> = []
        var textTypes: [TextPropertyColumn] = []
        var seenText: Set<TextPropertyColumn> = []
        try memory.forEachUnit(languages: languages) { stored in
            if let languages, languages.count > 1, !hasTwoLanguages(stored.unit, of: languages) { return }
            for property in stored.unit.metadata.properties where seen.insert(property.type).inserted {
                types.append(property.type)
            }
            for variant in stored.unit.variants where variant.properties.contains(where: { $0.type != "x-review" }) {
                guard let column = columns.first(where: { $0 == variant.language }) ?? columns.first(where: { $0.matches(variant.language) }) else { continue }
                for property in variant.properties where property.type != "x-review" {
                    let key = TextPropertyColumn(language: column, name: property.type)
                    if seenText.insert(key).inserted { textTypes.append(key) }
                }
            }
        }
        return (types, textTypes)
    }

    /// The table columns (`columns`) into which texts of another tag go, given the tags the
    /// memory holds: `en` when it holds `en-GB` and there is no `en-GB` column, `en-GB` when it
    /// holds plain `en` and there is no `en` column. Cost: columns × stored tags.
    static func tagColumns(_ columns: [LanguageTag], stored: [LanguageTag]) -> [LanguageTag] {
        columns.filter { column in
            stored.contains { $0 != column && column.matches($0) && !columns.contains($0) }
        }
    }

    /// Whether the unit has text in at least two of the requested `languages` (`en-GB` and
    /// `en-US` variants are one language to `--langs en,km`). Cost: languages × variants.
    static func hasTwoLanguages(_ unit: TranslationUnit, of languages: [LanguageTag]) -> Bool {
        var found = 0
        for tag in languages where unit.variants.contains(where: { tag.matches($0.language) }) {
            found += 1
            if found == 2 { return true }
        }
        return false
    }

    /// `run`, returning the number of units written.
    @discardableResult
    public static func export(_ memory: any TranslationMemory, format: MemoryFormat, languages: [LanguageTag]?,
                              to sink: ByteSink, tool: String = "Verbale") throws -> Int {
        try run(memory, format: format, languages: languages, to: sink, tool: tool).units
    }
}
