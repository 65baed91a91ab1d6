import Foundation
import VerbaleCore

/// Writes TSV or CSV: a header row (language tags, then `note`, `origin`, `review`, one
/// `prop:NAME` column per requested property, then one `LANG review` column per language),
/// then one row per unit. Inline tags and other metadata have no column and are not written
/// (TMX or XLIFF 2.0 keep them); several notes share the one `note` cell, joined by line breaks.
///
/// `LANG review` holds a text's own review status (its `x-review` property) when it differs
/// from the unit's `review`, and is empty otherwise: the shipped Khmer formulas are
/// `unreviewed` in `translated` units, and a table without that column would bring them back
/// as attested. The columns come last so that the ones before keep their places.
///
/// Columns: `languages` if given (a memory's export gives all its languages), else the first
/// unit's languages. A variant fills the column of its exact tag, else, when no column has its
/// exact tag, the column its tag matches (`fr-FR` → `fr`): never two columns for one text.
/// A unit with two texts for one column (`en-GB` and `en-US` under `--langs en`) gets the first
/// written; the others are counted in `textsLeftOut`, never dropped silently.
///
/// `tagColumns`: language columns followed, after all the others, by a `LANG language` column
/// (`en language`) holding a text's own tag where it differs from the column's (`en-GB` in the
/// `en` column), so that importing the table gives the text its region back. Why a column beside
/// rather than one column per full tag: `--langs en,km` asks for one English and one Khmer
/// column — what a spreadsheet sorts and filters and what scripts read by name — and every
/// English text belongs in the first, whatever its region.
///
/// `statesContexts` (a memory's export: `MemoryHeader.statesContexts`): last come `context-pre`
/// and `context-post`, the unit's context keys (TMX `x-context-pre`/`-post`); an empty cell
/// says "none", so an import gives the row no context from the row before it.
///
/// `formulaGuard` (on unless asked otherwise): a cell a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe (`FormulaGuard`), which the
/// reader removes again.
public struct DelimitedWriter: TranslationUnitWriter {
    private let sink: ByteSink
    private let dialect: DelimitedDialect
    private var languages: [LanguageTag]
    private let propertyColumns: [String]
    private let textPropertyColumns: [TextPropertyColumn]
    private let formulaGuard: Bool
    private let tagColumns: [LanguageTag]
    private let statesContexts: Bool
    private var started = false
    private var finished = false

    /// Texts not written because another text of their unit filled their column first.
    public private(set) var textsLeftOut = 0
    /// Units written without some of their properties: the unit's own that have no `prop:`
    /// column, and its written texts' other than `x-review` (which `LANG review` keeps) — the
    /// shipped formulas' provenance (`x-provenance`, `x-attested-in`) among them. Counted so the
    /// command can say it, as it says lost ids and tags (review 1130e m3).
    public private(set) var unitsWithoutProperties = 0
    /// The types of those properties, each once, sorted: what the command names.
    public var droppedPropertyTypes: [String] { droppedTypes.sorted() }
    private var droppedTypes: Set<String> = []
    /// Units that lost properties of their own (not only their texts' ones): what a `prop:NAME`
    /// column per type (`export --property-columns`) would have kept.
    public private(set) var unitsWithoutOwnProperties = 0

    /// `textPropertyColumns`: last of all, one `LANG prop:NAME` column each (`km
    /// prop:x-state-qualifier`), the property of the row's text in that language column (a
    /// text's own properties other than `x-review`); last so every column before keeps its place.
    public init(sink: ByteSink, dialect: DelimitedDialect, languages: [LanguageTag] = [], propertyColumns: [String] = [],
                formulaGuard: Bool = true, tagColumns: [LanguageTag] = [], statesContexts: Bool = false,
                textPropertyColumns: [TextPropertyColumn] = []) throws(FormatError) {
        self.textPropertyColumns = textPropertyColumns
        self.sink = sink
        self.tagColumns = tagColumns
        self.statesContexts = statesContexts
        self.formulaGuard = formulaGuard
        self.dialect = dialect
        self.languages = languages
        self.propertyColumns = propertyColumns
    }

    private mutating func start(with unit: TranslationUnit?) {
        started = true
        if languages.isEmpty {
            var seen: [LanguageTag] = []
            for variant in unit?.variants ?? [] where !seen.contains(variant.language) { seen.append(variant.language) }
            languages = seen.isEmpty ? [LanguageTag(.english)] : seen
        }
        let names = languages.map(\.description) + [DelimitedColumn.note, DelimitedColumn.origin, DelimitedColumn.review]
            + propertyColumns.map { DelimitedColumn.propertyPrefix + $0 }
            + languages.map(DelimitedColumn.review(of:))
            + languages.filter(tagColumns.contains).map(DelimitedColumn.language(of:))
            + (statesContexts ? [DelimitedColumn.contextBefore, DelimitedColumn.contextAfter] : [])
            + textPropertyColumns.map { DelimitedColumn.property(of: $0.language, named: $0.name) }
        writeRow(names)
    }

    public mutating func write(_ unit: TranslationUnit) throws(FormatError) {
        if !started { start(with: unit) }
        var cells: [String] = []
        cells.reserveCapacity(2 * languages.count + 3 + propertyColumns.count)
        var variants: [Variant?] = []
        variants.reserveCapacity(languages.count)
        for language in languages {
            // Its exact tag first, else one it matches that has no column of its own.
            var exact: Variant?
            var near: Variant?
            var candidates = 0
            for variant in unit.variants {
                if variant.language == language {
                    if exact == nil { exact = variant }
                    candidates += 1
                } else if language.matches(variant.language), !languages.contains(variant.language) {
                    if near == nil { near = variant }
                    candidates += 1
                }
            }
            variants.append(exact ?? near)
            if candidates > 1 { textsLeftOut += candidates - 1 }
        }
        var dropsProperties = false
        // A type without a column, or a second property of a type that has one (a `prop:NAME`
        // cell holds one value, and a header names each column once).
        var written: Set<String> = []
        for property in unit.metadata.properties where !propertyColumns.contains(property.type) || !written.insert(property.type).inserted {
            droppedTypes.insert(property.type)
            dropsProperties = true
        }
        if dropsProperties { unitsWithoutOwnProperties += 1 }
        for (language, variant) in zip(languages, variants) {
            cells.append(variant?.text ?? "")
            // A type without a `LANG prop:NAME` column, or a second property of a type that has one.
            var writtenOwn: Set<String> = []
            for property in variant?.properties ?? [] where property.type != DelimitedColumn.variantReviewProperty {
                if textPropertyColumns.contains(TextPropertyColumn(language: language, name: property.type)),
                   writtenOwn.insert(property.type).inserted { continue }
                droppedTypes.insert(property.type)
                dropsProperties = true
            }
        }
        if dropsProperties { unitsWithoutProperties += 1 }
        cells.append(unit.metadata.notes.joined(separator: "\n"))
        cells.append(unit.metadata.origin ?? "")
        cells.append(unit.metadata.review.rawValue)
        // A property present with an empty value is written `""` (`DelimitedColumn.emptyValue`):
        // an empty cell is a property the unit does not have, and a CAT tool's empty field
        // (`<prop type="x-client"></prop>`) was lost through the table.
        var emptyValues: [Int] = []
        for name in propertyColumns {
            let value = unit.metadata.properties.first { $0.type == name }?.value
            if value?.isEmpty == true { emptyValues.append(cells.count) }
            cells.append(value ?? "")
        }
        for variant in variants {
            let own = variant?.properties.last { $0.type == DelimitedColumn.variantReviewProperty }?.value
            cells.append(own.flatMap { $0 == unit.metadata.review.rawValue ? nil : $0 } ?? "")
        }
        for (language, variant) in zip(languages, variants) where tagColumns.contains(language) {
            cells.append(variant.flatMap { $0.language == language ? nil : $0.language.description } ?? "")
        }
        if statesContexts {
            cells.append(unit.metadata.previousContext ?? "")
            cells.append(unit.metadata.nextContext ?? "")
        }
        for column in textPropertyColumns {
            let variant = languages.firstIndex(of: column.language).flatMap { variants[$0] }
            let value = variant?.properties.first { $0.type == column.name }?.value
            if value?.isEmpty == true { emptyValues.append(cells.count) }
            cells.append(value ?? "")
        }
        writeRow(cells, emptyValues: emptyValues)
        try sink.flushIfNeeded()
    }

    /// `emptyValues`: the indices of cells written `""`, empty values that are there.
    private func writeRow(_ cells: [String], emptyValues: [Int] = []) {
        for (index, text) in cells.enumerated() {
            let cell = formulaGuard ? FormulaGuard.guarded(text) : text
            if index > 0 { sink.append(byte: dialect == .tsv ? 0x09 : 0x2C) }
            if !emptyValues.isEmpty, emptyValues.contains(index) {
                sink.append(DelimitedColumn.emptyValue)
                continue
            }
            switch dialect {
            case .tsv: appendTSV(cell)
            case .csv: appendCSV(cell)
            }
        }
        sink.append(dialect == .csv ? "\r\n" : "\n")
    }

    private func appendTSV(_ cell: String) {
        // A cell opening with a quote is written as Excel quotes it (`"Quoted ""x"""`), which
        // the reader undoes: written bare, `"x""y"` would be taken for Excel's quoting.
        if cell.utf8.first == 0x22 {
            appendQuoted(cell)
            return
        }
        guard cell.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else {
            sink.append(cell)
            return
        }
        for byte in cell.utf8 {
            switch byte {
            case 0x09: sink.append("\\t")
            case 0x0A: sink.append("\\n")
            case 0x0D: sink.append("\\r")
            case 0x5C: sink.append("\\\\")
            default: sink.append(byte: byte)
            }
        }
    }

    private func appendCSV(_ cell: String) {
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) else {
            sink.append(cell)
            return
        }
        appendQuoted(cell)
    }

    /// `cell` in quotes, its quotes doubled (RFC 4180, and Excel's tab-separated text).
    private func appendQuoted(_ cell: String) {
        sink.append(byte: 0x22)
        for byte in cell.utf8 {
            if byte == 0x22 { sink.append(byte: 0x22) }
            sink.append(byte: byte)
        }
        sink.append(byte: 0x22)
    }

    public mutating func finish() throws(FormatError) {
        guard !finished else { return }
        if !started { start(with: nil) }
        finished = true
        try sink.flush()
    }
}
