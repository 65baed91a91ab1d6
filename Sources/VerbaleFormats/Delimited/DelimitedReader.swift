import Foundation
import VerbaleCore

/// Reads TSV or CSV memories, streaming: a header row of BCP 47 language tags (`en`, `fr-FR`,
/// `km-KH`) and optional `note`, `origin`, `review`, `prop:NAME`, `LANG review`, `LANG language`,
/// `context-pre` and `context-post` columns, then one unit a row. A `km review` cell becomes the
/// `x-review` property of that row's `km` text (what TMX writes as `<prop type="x-review">` in
/// the `<tuv>`), so a text's own review status survives the table; an `en language` cell
/// (`en-GB`) is the full tag of that row's `en` text, which must be a form of the column's
/// language (`fr-CA` under `en` is an error). `context-pre`/`context-post` are the unit's context
/// keys; a table with a `context-pre` column states every row's context (`header` then carries
/// `MemoryHeader.contextsStated`): an empty cell is "none", not "the row before".
///
/// Accepts UTF-8 (with or without BOM) and UTF-16 with BOM (Excel's "Unicode text"); invalid
/// UTF-8, U+FFFE/U+FFFF (as in XML: `Noncharacters`) and unknown columns are errors with their
/// line and cell. Empty cells leave the language out;
/// a row with no text in any language is skipped with a warning; blank lines are ignored.
/// Cost: O(file) time, memory of one 64 KB chunk plus one row.
public final class DelimitedReader: TranslationUnitReader {
    public let header: MemoryHeader
    public private(set) var unitsRead = 0
    public private(set) var unitLine = 0
    /// The first `WarningLog.limit` warnings in full, and exact counts by kind.
    private var log = WarningLog()
    public var warnings: [FormatWarning] { log.kept }
    public var warningCounts: [FormatWarning.Kind: Int] { log.counts }
    private var scanner: RecordScanner
    private let dialect: DelimitedDialect
    private let columns: [Column]

    private enum Column {
        case language(LanguageTag)
        case note, origin, review
        case property(String)
        case languageReview(LanguageTag)
        case languageOf(LanguageTag)
        case languageProperty(TextPropertyColumn)
        case contextBefore, contextAfter
    }

    /// The `headerNames` keys (`HeaderLanguageNames.key`) a header cell of this table matched:
    /// what the command uses to warn of a `--lang-map NAME=tag` no file needed.
    public private(set) var headerNamesUsed: Set<String> = []

    /// `headerNames`: header cells that name a language in words or by role (`English`,
    /// `Source`), keyed by `HeaderLanguageNames.key`, with the tag the user gave for each
    /// (`--lang-map English=en`); such a cell without one is refused, the refusal naming the
    /// `--lang-map` to pass (review 1130i m7). Never guessed.
    public init(source: ByteSource, dialect: DelimitedDialect, headerNames: [String: LanguageTag] = [:]) throws(FormatError) {
        self.dialect = dialect
        scanner = RecordScanner(source: source, dialect: dialect)
        var headerRow: (fields: [String], line: Int)?
        while let row = try scanner.nextRecord() {
            if row.fields.allSatisfy({ $0.isEmpty }) { continue }
            headerRow = row
            break
        }
        guard let headerRow else { throw FormatError(file: source.name, reason: .empty) }
        var columns: [Column] = []
        var seen: Set<String> = []
        var namesUsed: Set<String> = []
        for (index, raw) in headerRow.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            let column: Column
            switch name.lowercased() {
            case DelimitedColumn.note, "notes": column = .note
            case DelimitedColumn.origin, "source file": column = .origin
            case DelimitedColumn.review, "status": column = .review
            case DelimitedColumn.contextBefore: column = .contextBefore
            case DelimitedColumn.contextAfter: column = .contextAfter
            case _ where name.lowercased().hasPrefix(DelimitedColumn.propertyPrefix):
                column = .property(String(name.dropFirst(DelimitedColumn.propertyPrefix.count)))
            default:
                if let tag = headerNames[HeaderLanguageNames.key(name)] {
                    column = .language(tag)
                    namesUsed.insert(HeaderLanguageNames.key(name))
                } else if let tag = DelimitedColumn.reviewedLanguage(name) {
                    column = .languageReview(tag)
                } else if let property = DelimitedColumn.textProperty(name) {
                    column = .languageProperty(property)
                } else if let tag = DelimitedColumn.languageOfColumn(name) {
                    column = .languageOf(tag)
                } else if let tag = try? LanguageTag(parsing: name) {
                    column = .language(tag)
                } else {
                    let unknown = headerRow.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                        .filter { Self.isUnknownColumn($0, headerNames: headerNames) }
                    throw FormatError(file: source.name, line: headerRow.line, column: index + 1, reason: .malformedTable(
                        "header cell \(index + 1) \"\(name)\" is not a language tag (en, fr-FR, km-KH) nor note, origin, review, LANG review (km review), LANG language (en language), context-pre, context-post, prop:NAME or LANG prop:NAME (km prop:x-client)"
                            + HeaderLanguageNames.hint(for: unknown)))
                }
            }
            guard seen.insert("\(column)").inserted else {
                throw FormatError(file: source.name, line: headerRow.line, column: index + 1,
                                  reason: .malformedTable("the column \"\(name)\" appears twice in the header row"))
            }
            columns.append(column)
        }
        let languages = columns.compactMap { if case let .language(tag) = $0 { tag } else { nil } }
        for (index, column) in columns.enumerated() {
            let (tag, suffix): (LanguageTag, String)
            switch column {
            case let .languageReview(reviewed): (tag, suffix) = (reviewed, DelimitedColumn.review)
            case let .languageOf(named): (tag, suffix) = (named, DelimitedColumn.languageSuffix)
            case let .languageProperty(property): (tag, suffix) = (property.language, DelimitedColumn.propertyPrefix + property.name)
            default: continue
            }
            guard !languages.contains(tag) else { continue }
            throw FormatError(file: source.name, line: headerRow.line, column: index + 1, reason: .malformedTable(
                "the column \"\(tag) \(suffix)\" has no \"\(tag)\" column to apply to"))
        }
        guard !languages.isEmpty else {
            throw FormatError(file: source.name, line: headerRow.line, column: 1,
                              reason: .malformedTable("the header row names no language column (expected tags such as en, fr-FR, km-KH)"))
        }
        self.columns = columns
        headerNamesUsed = namesUsed
        // A `context-pre` column states every row's context, an empty cell included.
        let statesContexts = columns.contains { if case .contextBefore = $0 { true } else { false } }
        header = MemoryHeader(sourceLanguage: languages.first, targetLanguage: languages.count > 1 ? languages[1] : nil,
                              properties: statesContexts ? [MemoryHeader.contextsStated] : [])
    }

    /// Whether the header cell `name` is none of the columns the reader knows (what the
    /// refusal's `--lang-map` suggestion lists). Called for a refused header only.
    private static func isUnknownColumn(_ name: String, headerNames: [String: LanguageTag]) -> Bool {
        let lowered = name.lowercased()
        let named: Set<String> = [DelimitedColumn.note, "notes", DelimitedColumn.origin, "source file", DelimitedColumn.review, "status",
                                  DelimitedColumn.contextBefore, DelimitedColumn.contextAfter]
        return !named.contains(lowered) && !lowered.hasPrefix(DelimitedColumn.propertyPrefix)
            && headerNames[HeaderLanguageNames.key(name)] == nil && DelimitedColumn.reviewedLanguage(name) == nil
            && DelimitedColumn.languageOfColumn(name) == nil && DelimitedColumn.textProperty(name) == nil
            && (try? LanguageTag(parsing: name)) == nil
    }

    public func next() throws(FormatError) -> TranslationUnit? {
        while let row = try scanner.nextRecord() {
            if row.fields.allSatisfy({ $0.isEmpty }) { continue }
            guard row.fields.count <= columns.count else {
                throw FormatError(file: scanner.name, line: row.line, column: 0, reason: .malformedTable(
                    "row has \(row.fields.count) cells but the header has \(columns.count) columns"
                        + (dialect == .csv ? " (an unquoted comma?)" : " (an unescaped tab?)")))
            }
            var unit = TranslationUnit(variants: [])
            var variantReviews: [(LanguageTag, String)] = []
            var variantProperties: [(TextPropertyColumn, String)] = []
            var variantTags: [(column: LanguageTag, text: String, cell: Int)] = []
            let excelQuoted = scanner.excelQuotedFields
            if let end = scanner.unterminatedEnd {
                warnUnterminated(row.fields, at: end)
            }
            for (offset, (column, cell)) in zip(columns, row.fields).enumerated() {
                // A property present with an empty value is written `""` (`DelimitedWriter`):
                // an empty cell is a property the unit does not have.
                if case let .property(name) = column, isEmptyValue(cell, at: offset) {
                    unit.metadata.properties.append(Property(type: name, value: ""))
                    continue
                }
                if case let .languageProperty(property) = column, isEmptyValue(cell, at: offset) {
                    variantProperties.append((property, ""))
                    continue
                }
                guard !cell.isEmpty else { continue }
                // Backslash escapes are Verbale's TSV; an Excel-quoted cell has none.
                let plain = dialect == .tsv && !excelQuoted.contains(offset) ? Self.unescape(cell) : cell
                // A spreadsheet's (or Verbale's export's) apostrophe before `=`, `+`, `-`, `@`.
                let text = FormulaGuard.unguarded(plain)
                switch column {
                case let .language(tag): unit.variants.append(Variant(language: tag, text: text))
                case .note: unit.metadata.notes = [text]
                case .origin: unit.metadata.origin = text
                case .review:
                    if let review = ReviewStatus(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) {
                        unit.metadata.review = review
                    } else {
                        unit.metadata.review = .unreviewed
                        log.append(FormatWarning(kind: .ignored, file: scanner.name, line: row.line, column: 0,
                                                      detail: "unknown review status \"\(text)\"; marked unreviewed"))
                    }
                case let .property(name): unit.metadata.properties.append(Property(type: name, value: text))
                case let .languageReview(tag): variantReviews.append((tag, text))
                case let .languageOf(tag): variantTags.append((tag, text, offset + 1))
                case let .languageProperty(property): variantProperties.append((property, text))
                case .contextBefore: unit.metadata.previousContext = text
                case .contextAfter: unit.metadata.nextContext = text
                }
            }
            for (tag, text) in variantReviews {
                guard let index = unit.variants.firstIndex(where: { $0.language == tag }) else {
                    log.append(FormatWarning(kind: .ignored, file: scanner.name, line: row.line, column: 0,
                                             detail: "\"\(tag) review\" is \"\(text)\" but the row has no \(tag) text; ignored"))
                    continue
                }
                let value: String
                if let review = ReviewStatus(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) {
                    value = review.rawValue
                } else {
                    value = ReviewStatus.unreviewed.rawValue
                    log.append(FormatWarning(kind: .ignored, file: scanner.name, line: row.line, column: 0,
                                             detail: "unknown review status \"\(text)\" for \(tag); marked unreviewed"))
                }
                unit.variants[index].properties.removeAll { $0.type == DelimitedColumn.variantReviewProperty }
                unit.variants[index].properties.append(Property(type: DelimitedColumn.variantReviewProperty, value: value))
            }
            for (property, value) in variantProperties {
                guard let index = unit.variants.firstIndex(where: { $0.language == property.language }) else {
                    log.append(FormatWarning(kind: .ignored, file: scanner.name, line: row.line, column: 0, detail:
                        "\"\(DelimitedColumn.property(of: property.language, named: property.name))\" is \"\(value)\" but the row has no \(property.language) text; ignored"))
                    continue
                }
                unit.variants[index].properties.append(Property(type: property.name, value: value))
            }
            // After the reviews and properties, which find their text by the column's tag.
            for (column, text, cell) in variantTags {
                try applyTag(text, ofColumn: column, to: &unit, line: row.line, cell: cell)
            }
            guard !unit.variants.isEmpty else {
                log.append(FormatWarning(kind: .emptyUnit, file: scanner.name, line: row.line, column: 0,
                                              detail: "a row with no text in any language is skipped"))
                continue
            }
            unitsRead += 1
            unitLine = row.line
            return unit
        }
        return nil
    }

    /// Whether the `prop:NAME` cell at `offset` of the row just read says "present, empty":
    /// `""` as the writer puts it — in CSV a quoted empty cell (PostgreSQL's CSV draws the same
    /// line between `""` and nothing), in TSV the two quotes bare (a value that is itself two
    /// quotes is written Excel-quoted, `""""""`, and stays itself).
    private func isEmptyValue(_ cell: String, at offset: Int) -> Bool {
        switch dialect {
        case .csv: cell.isEmpty && scanner.quotedEmptyFields.contains(offset)
        case .tsv: cell == DelimitedColumn.emptyValue && !scanner.excelQuotedFields.contains(offset)
        }
    }

    /// Warns that the row just read ends the file without a line end (review 1130j m1): read as
    /// it stands, since many complete tables end so, but a table cut short (`head -c`, an
    /// interrupted copy) ends the same way, inside its last cell (`TableEnding`, shared with
    /// the glossary reader).
    private func warnUnterminated(_ fields: [String], at end: TableEnding.End) {
        if let warning = TableEnding.unterminatedWarning(file: scanner.name, cells: fields, end: end, columns: columns.count) {
            log.append(warning)
        }
    }

    /// Gives the row's text in `column` its own tag from an `en language` cell (`en-GB`).
    /// Refused, at the row's line: a malformed tag, a tag of another language than the column's
    /// (`fr-CA` under `en`), a tag another text of the row already has. A cell without a text
    /// in its column is ignored with a warning, as a `LANG review` one.
    private func applyTag(_ text: String, ofColumn column: LanguageTag, to unit: inout TranslationUnit,
                          line: Int, cell: Int) throws(FormatError) {
        let name = DelimitedColumn.language(of: column)
        guard let index = unit.variants.firstIndex(where: { $0.language == column }) else {
            log.append(FormatWarning(kind: .ignored, file: scanner.name, line: line, column: 0,
                                     detail: "\"\(name)\" is \"\(text)\" but the row has no \(column) text; ignored"))
            return
        }
        let tag: LanguageTag
        do { tag = try LanguageTag(parsing: text) } catch {
            throw FormatError(file: scanner.name, line: line, column: 0, reason: .malformedTable(
                "cell \(cell) (\"\(name)\") \"\(text)\" is not a language tag: \(error)"))
        }
        guard column.matches(tag) else {
            throw FormatError(file: scanner.name, line: line, column: 0, reason: .malformedTable(
                "cell \(cell) (\"\(name)\") says \(tag), which is not a form of \(column): the text in the \(column) column must be \(column), or \(column) with a region (en-GB under en)"))
        }
        guard tag == column || !unit.variants.contains(where: { $0.language == tag }) else {
            throw FormatError(file: scanner.name, line: line, column: 0, reason: .malformedTable(
                "cell \(cell) (\"\(name)\") says \(tag), but the row has another text in \(tag)"))
        }
        unit.variants[index].language = tag
    }

    /// TSV escapes: `\t`, `\n`, `\r`, `\\` (other backslashes stay as they are).
    static func unescape(_ cell: String) -> String {
        guard cell.contains("\\") else { return cell }
        var out = ""
        var escaping = false
        for character in cell {
            if escaping {
                switch character {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                default: out.append("\\"); out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }
}

/// Splits a byte stream into records of fields (RFC 4180 quoting for CSV), decoding UTF-16 to
/// UTF-8 on the way and validating UTF-8 per field.
struct RecordScanner {
    let source: ByteSource
    let dialect: DelimitedDialect
    var name: String { source.name }
    private var buffer: [UInt8] = []
    private var index = 0
    private var atEnd = false
    private var started = false
    private var utf16: UTF16Decoder?
    private var separator: UInt8
    private var line = 1
    /// The 1-based column of the next byte on its line, in characters (Unicode scalars: UTF-8
    /// continuation bytes do not count), as the XML readers count it. One branch per byte.
    private var column = 1

    init(source: ByteSource, dialect: DelimitedDialect) {
        self.source = source
        self.dialect = dialect
        separator = dialect == .tsv ? 0x09 : 0x2C
    }

    private mutating func refill() throws(FormatError) -> Bool {
        while !atEnd {
            guard var chunk = try source.nextChunk() else {
                atEnd = true
                if let decoder = utf16, decoder.isMidCharacter { throw decoder.truncation(file: source.name) }
                return false
            }
            let first = !started
            if first {
                started = true
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk.removeFirst(3) }
                if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
                    utf16 = UTF16Decoder(bigEndian: chunk[0] == 0xFE, startOffset: 2)
                    chunk.removeFirst(2)
                } else if let bigEndian = Self.bomLessUTF16(chunk) {
                    utf16 = UTF16Decoder(bigEndian: bigEndian, startOffset: 0)
                }
            }
            if utf16 != nil { chunk = try utf16?.decode(chunk, file: source.name) ?? [] }
            if first, dialect == .csv { chooseSeparator(chunk) }
            if !chunk.isEmpty {
                buffer = chunk
                index = 0
                return true
            }
        }
        return false
    }

    /// Whether the file starts as UTF-16 without a byte-order mark (big-endian: true), judged
    /// from its header row, which names columns in ASCII (language tags, `note`, `props`):
    /// every character of its first up to 32 an ASCII one with a NUL as its other byte, on one
    /// side only. Why: Windows tools and `iconv -t UTF-16LE` write such tables; `import` and
    /// `validate` refused them as "a binary file" while every text command reads the same
    /// encoding (review 1130h m2, after review 1130e m6). A UTF-8 table holds no NUL, so no
    /// file read before is read differently. Cost: a look at the first chunk's first bytes.
    static func bomLessUTF16(_ chunk: [UInt8]) -> Bool? {
        let length = min(chunk.count, 64) & ~1
        guard length >= 4 else { return nil }
        var little = true, big = true
        var offset = 0
        while offset < length {
            let (first, second) = (chunk[offset], chunk[offset + 1])
            if first == 0x0A && second == 0 || first == 0 && second == 0x0A { break }
            little = little && first != 0 && first < 0x80 && second == 0
            big = big && first == 0 && second != 0 && second < 0x80
            offset += 2
        }
        guard offset >= 4, little != big else { return nil }
        return big
    }

    /// CSV from European spreadsheets separates with `;`: decide from the first line.
    private mutating func chooseSeparator(_ chunk: [UInt8]) {
        let firstLine = chunk.prefix { $0 != 0x0A }
        let commas = firstLine.filter { $0 == 0x2C }.count
        let semicolons = firstLine.filter { $0 == 0x3B }.count
        if semicolons > commas { separator = 0x3B }
    }

    private mutating func nextByte() throws(FormatError) -> UInt8? {
        if index >= buffer.count, try !refill() { return nil }
        let byte = buffer[index]
        index += 1
        if byte & 0xC0 != 0x80 { column += 1 }
        return byte
    }

    private mutating func peekByte() throws(FormatError) -> UInt8? {
        if index >= buffer.count, try !refill() { return nil }
        return buffer[index]
    }

    /// The offset in `bytes` of the first byte that does not start a valid UTF-8 sequence
    /// (`bytes.count` when they are all valid). Cost: O(n), called for an error only.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return bytes.count
            }
        }
    }

    /// The indices of the last record's TSV cells that were written Excel-quoted and are
    /// unquoted (`"Quoted ""x"""` → `Quoted "x"`): they take no backslash escapes.
    private(set) var excelQuotedFields: [Int] = []
    /// The indices of the last record's CSV cells written `""`: empty, but written (a property
    /// with an empty value, `DelimitedReader.isEmptyValue`).
    private(set) var quotedEmptyFields: [Int] = []

    typealias End = TableEnding.End
    /// Set when the record just returned is the file's last and has no line end after it.
    private(set) var unterminatedEnd: End?

    /// The largest Excel-quoted TSV cell tried (Excel holds 32,767 characters a cell, ≈ 96 KB
    /// of Khmer UTF-8): a quote that has not closed by then is read as a literal quote, so a
    /// stray `"` costs at most this much re-reading.
    static let excelCellLimit = 256 << 10

    /// The next record's fields and the line it starts on, or nil at the end.
    ///
    /// TSV: a cell that opens with `"` is read as Excel's "Unicode Text" quoting when it is one
    /// — the quote closes right before a tab, a line end or the end of the file, inner quotes
    /// are doubled, and the cell holds a doubled quote, a tab or a line break (the only cells
    /// Excel quotes). Otherwise the cell is read again as plain text, its quotes kept: `"Hello"`
    /// and `"Hello," he said` stay as written. The cost is in cells that open with a quote.
    mutating func nextRecord() throws(FormatError) -> (fields: [String], line: Int)? {
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quoted = false
        excelQuotedFields.removeAll(keepingCapacity: true)
        quotedEmptyFields.removeAll(keepingCapacity: true)
        unterminatedEnd = nil
        // TSV only: the bytes of a cell read as Excel-quoted so far, from its opening quote,
        // with where it started, to read them again as plain text if it is not one.
        var excel: (raw: [UInt8], line: Int, column: Int, held: Int, special: Bool)?
        var literalQuote = false
        // Bytes held for this record (each finished cell costs 32 more, about a String's own
        // size): a stray quote would otherwise pull the rest of the file into one cell.
        var held = 0
        // Where the current cell's first byte is (after an opening quote), and the indices in
        // `field` of quotes written doubled (two bytes in the file, one in the cell), so that an
        // error inside the cell can name its own line and column.
        var cellStart = (line: line, column: column)
        var doubledQuotes: [Int] = []
        func finishField(atEnd: Bool = false) throws(FormatError) {
            held += 32
            guard let text = String(validating: field, as: UTF8.self) else {
                let bad = Self.firstInvalidUTF8(in: field)
                let at = where_(bad)
                // The file's last bytes begin a character and stop: cut short, not mis-encoded
                // (`head -c` through Khmer, three bytes a letter, nearly always ends so).
                if atEnd, let missing = TableEnding.missingBytes(field[bad...]) {
                    throw FormatError(file: source.name, line: at.line, column: at.column, reason: .truncated(
                        TableEnding.cutCharacter(have: field.count - bad, missing: missing, column: at.column, cell: fields.count + 1)))
                }
                let byte = bad < field.count ? "byte 0x\(String(field[bad], radix: 16, uppercase: true))" : "the cell's last bytes"
                throw FormatError(file: source.name, line: at.line, column: at.column, reason: .invalidEncoding(
                    "\(byte) at column \(at.column) (counted in characters) is not valid UTF-8, in cell \(fields.count + 1)"))
            }
            // Refused as the XML readers refuse them, so whatever a table brings in can be
            // exported as TMX (XML cannot carry them). One `memchr` per cell.
            if let (offset, value) = field.withUnsafeBufferPointer({ Noncharacters.first(in: $0) }) {
                let at = where_(offset)
                throw FormatError(file: source.name, line: at.line, column: at.column, reason: .invalidEncoding(
                    "the noncharacter \(Noncharacters.name(value)) at column \(at.column) (counted in characters), in cell \(fields.count + 1): \(Noncharacters.why)"))
            }
            // C0 controls other than tab, line feed and carriage return likewise (review 1130i
            // m1): stored, they became U+FFFD in every TMX/XLIFF export without a word. One byte
            // loop per cell, a comparison per byte.
            if let offset = field.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                let at = where_(offset)
                let name = String(format: "U+%04X", UInt32(field[offset]))
                let hint = field[offset] == 0x0B ? " (Word's manual line break: replace it by a line break)" : ""
                throw FormatError(file: source.name, line: at.line, column: at.column, reason: .malformedTable(
                    "the control character \(name) at column \(at.column) (counted in characters), in cell \(fields.count + 1): "
                        + "XML (TMX, XLIFF) cannot carry it, so an export would lose it; remove it\(hint)"))
            }
            if quoted, field.isEmpty { quotedEmptyFields.append(fields.count) }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            doubledQuotes.removeAll()
            quoted = false
            literalQuote = false
            cellStart = (line, column)
        }
        /// A TSV cell that opened with a quote but is not Excel-quoted: read from its quote again.
        func readAgainAsPlainText() {
            guard let cell = excel else { return }
            buffer = cell.raw + buffer[index...]
            index = 0
            (line, column, held) = (cell.line, cell.column, cell.held)
            field.removeAll(keepingCapacity: true)
            doubledQuotes.removeAll()
            inQuotes = false
            quoted = false
            literalQuote = true
            excel = nil
        }
        /// The line and column (characters) in the file of `field[offset]`: the cell's start,
        /// moved over the cell's bytes before it. Only called for an error.
        func where_(_ offset: Int) -> (line: Int, column: Int) {
            var at = cellStart
            for j in 0..<min(offset, field.count) {
                if field[j] == 0x0A {
                    at = (at.line + 1, 1)
                } else if field[j] & 0xC0 != 0x80 {
                    at.column += doubledQuotes.contains(j) ? 2 : 1
                }
            }
            return at
        }
        while true {
            held += 1
            if held > UnitBudget.limit {
                throw FormatError(file: source.name, line: startLine, column: 1, reason: .tooLarge(
                    "the record starting here holds over \(UnitBudget.limit >> 20) MB (the per-unit limit); refused so that memory stays bounded (a quote never closed, or a file that is not a table?)"))
            }
            guard let byte = try nextByte() else {
                if inQuotes, excel != nil {
                    readAgainAsPlainText()
                    continue
                }
                if inQuotes {
                    throw FormatError(file: source.name, line: cellStart.line, column: cellStart.column - 1, reason: .malformedTable(
                        "the quote opening cell \(fields.count + 1) here is never closed (truncated file, or a stray quote)"))
                }
                if fields.isEmpty && field.isEmpty && !quoted { return nil }
                let lastQuoted = quoted || excelQuotedFields.last == fields.count
                try finishField(atEnd: true)
                unterminatedEnd = End(line: line, column: column, lastCellQuoted: lastQuoted)
                return (fields, startLine)
            }
            if inQuotes {
                if excel != nil {
                    excel?.raw.append(byte)
                    if byte == 0x09 || byte == 0x0A || byte == 0x0D { excel?.special = true }
                    if (excel?.raw.count ?? 0) > Self.excelCellLimit {
                        readAgainAsPlainText()
                        continue
                    }
                }
                if byte == 0x22 {
                    let next = try peekByte()
                    if next == 0x22 {
                        index += 1
                        column += 1
                        doubledQuotes.append(field.count)
                        field.append(0x22)
                        excel?.raw.append(0x22)
                        excel?.special = true
                    } else if let cell = excel {
                        // Excel closes a quoted cell right before the next tab or line end.
                        guard next == nil || next == 0x09 || next == 0x0A || next == 0x0D else {
                            readAgainAsPlainText()
                            continue
                        }
                        inQuotes = false
                        excel = nil
                        if cell.special {
                            excelQuotedFields.append(fields.count)
                        } else {
                            // `"Hello"`: Excel would not have quoted it; the quotes are the text's.
                            field = cell.raw
                            doubledQuotes.removeAll()
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1; column = 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case separator:
                try finishField()
            case 0x22 where dialect == .csv && field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
                cellStart = (line, column)
            case 0x22 where dialect == .tsv && field.isEmpty && !quoted && !literalQuote:
                excel = ([0x22], line, column - 1, held - 1, false)
                inQuotes = true
                quoted = true
                cellStart = (line, column)
            case 0x0D:
                if try peekByte() == 0x0A { index += 1 }
                try finishField()
                line += 1
                column = 1
                return (fields, startLine)
            case 0x0A:
                try finishField()
                line += 1
                column = 1
                return (fields, startLine)
            case 0x00:
                throw FormatError(file: source.name, line: line, column: column - 1, reason: .invalidEncoding(
                    "a NUL byte at column \(column - 1) (counted in characters), in cell \(fields.count + 1): this looks like a binary file, or UTF-16 without a byte-order mark"))
            default:
                field.append(byte)
            }
        }
    }
}
