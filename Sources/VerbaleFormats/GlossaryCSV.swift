import Foundation
import VerbaleCore

/// Reads and writes glossaries as CSV or TSV, in the two shapes translators exchange:
///
/// - **OmegaT style**: no header; columns `source`, `target`, optional `comment`, with the two
///   languages given by the caller (OmegaT's `glossary.txt`).
/// - **Header of language tags**: a first row such as `en  fr  km  note`; every column whose
///   header is a language tag holds terms, `;` separating synonyms. Other columns
///   (`id`, `domain`, `definition`, `note`/`comment`, `source`, `status`, `review`) fill the
///   matching fields; unknown columns are kept as concept fields named after the header,
///   except one that looks like a language but is no tag (`Khmer (Cambodia)`, `xx-YY-bad!`)
///   with text under it: refused with the `--lang-map` that reads it (review 1201a M4).
///   A column headed by a language tag and a term property (`km status`, `km review`,
///   `km source`, `km term type`, `km part of speech`, `km usage`) gives that property for
///   each of the language's terms, in the order of the terms, ` | ` between them (one value
///   alone applies to every term); it wins over the row-wide `status`/`source`/`review`.
/// - **Header of language names** (`English  French  Khmer`, as Excel and memoQ write them):
///   read only through `headerNames` (`glossary import --lang-map English=en`), never
///   guessed; without it the file is refused with the `--lang-map` that reads it — with
///   `--source-lang`/`--target-lang` too, where the header row would otherwise become a term.
///
/// TSV cells are taken verbatim (OmegaT does not quote); CSV follows RFC 4180 quoting.
/// Lines starting with `#` are comments in both. A cell starting with an apostrophe and then
/// `=`, `+`, `-`, `@`, tab or CR loses that apostrophe (`FormulaGuard`: a spreadsheet's text
/// marker, or `write`'s guard), as `verbale import` reads a TSV/CSV memory. Cost: one pass,
/// O(file).
public enum GlossaryCSV {
    public enum Delimiter: Character, Sendable { case tab = "\t", comma = "," }

    /// The delimiter to use for a file name (`.csv` → comma, anything else → tab).
    public static func delimiter(forPath path: String) -> Delimiter {
        path.lowercased().hasSuffix(".csv") ? .comma : .tab
    }

    /// Reads a glossary. `languages` gives the source and target language of a headerless
    /// (OmegaT) file; a header row of language tags takes precedence.
    public static func read(_ text: String, name: String, delimiter: Delimiter,
                            languages: (source: LanguageTag, target: LanguageTag)? = nil,
                            headerNames: [String: LanguageTag] = [:]) throws(GlossaryCSVError) -> [Concept] {
        try readTable(text, name: name, delimiter: delimiter, languages: languages, headerNames: headerNames).concepts
    }

    /// What `readTable` reads: the concepts, and where the header names each language.
    public struct Table: Sendable {
        public var concepts: [Concept]
        /// Each language column's header cell, the first per tag, in column order (none for an
        /// OmegaT file: its languages come from the caller, not the file).
        public var languageColumns: [LanguageLocation]
        /// The `headerNames` keys the header row matched, so the caller can warn of a name no
        /// file had (a typo would otherwise map nothing in silence).
        public var headerNamesUsed: Set<String> = []
        /// Places to look at though nothing was left out: a last row without a line end
        /// (`TableEnding`: truncated?), as `verbale import` warns of it in a memory table.
        public var warnings: [FormatWarning] = []
    }

    /// `read`, with the place of each language column's header cell (`LanguageLocation`): the
    /// header's line and the cell's column in characters, so a warning about a column can point
    /// at it as an error would.
    ///
    /// `headerNames`: header cells that name a language in words, by `HeaderLanguageNames.key`
    /// (`english` → `en`), as the user mapped them; such a cell is that language's column,
    /// whatever else the word could mean (`Source=en` is a language, not the source column).
    public static func readTable(_ text: String, name: String, delimiter: Delimiter,
                                 languages: (source: LanguageTag, target: LanguageTag)? = nil,
                                 headerNames: [String: LanguageTag] = [:]) throws(GlossaryCSVError) -> Table {
        // A spreadsheet's (or our export's) apostrophe before `=`, `+`, `-`, `@`: not text.
        let rows = try records(text, name: name, delimiter: delimiter).map { row in
            var unguarded = row
            unguarded.cells = row.cells.map(FormulaGuard.unguarded)
            return unguarded
        }
        guard let first = rows.first else { throw .empty(file: name) }
        let columns: [Column]
        var body = rows[...]
        var languageColumns: [LanguageLocation] = []
        var headerNamesUsed: Set<String> = []
        if let header = headerColumns(first.cells, headerNames: headerNames, used: &headerNamesUsed) {
            columns = header
            body = rows.dropFirst()
            for (index, column) in header.enumerated() {
                guard case let .language(tag) = column, index < first.starts.count else { continue }
                LanguageLocation.adding(LanguageLocation(tag: tag, line: first.starts[index].line, column: first.starts[index].column,
                                                         place: "header cell \(index + 1)"), to: &languageColumns)
            }
            try refuseUnreadLanguageColumns(header, first: first, body: body, name: name)
        } else if let map = languageNamesMap(first.cells) {
            // Before `languages`: an OmegaT reading would import "English/French" as a term.
            throw .languageNames(file: name, line: first.line, map: map)
        } else if let languages {
            columns = [.language(languages.source), .language(languages.target), .note]
        } else {
            throw .noLanguages(file: name, line: first.line)
        }
        var concepts: [Concept] = []
        var seen: [String: Int] = [:]
        for row in body {
            if row.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if row.cells.count > columns.count, row.cells[columns.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw .tooManyCells(file: name, line: row.line, count: row.cells.count, expected: columns.count)
            }
            var concept = Concept(id: "")
            var source: String?, status: TermStatus?, review: ReviewStatus?
            var perTerm: [(tag: LanguageTag, property: TermProperty, values: [String], column: Int)] = []
            for (index, column) in columns.enumerated() where index < row.cells.count {
                let cell = row.cells[index].trimmingCharacters(in: .whitespaces)
                guard !cell.isEmpty else { continue }
                switch column {
                case let .language(tag):
                    for synonym in cell.split(separator: ";") {
                        let text = synonym.trimmingCharacters(in: .whitespaces)
                        if !text.isEmpty { concept.terms.append(Term(language: tag, text: text)) }
                    }
                case .id: concept.id = cell
                case .domain: concept.domain = cell
                case .definition: concept.definition = cell
                case .note: concept.note = cell
                case .source: source = cell
                case .status:
                    guard let value = TermStatus(rawValue: cell.lowercased()) ?? TermStatus(tbx: cell) else {
                        throw .badValue(file: name, line: row.line, column: index + 1, value: cell, expected: TermStatus.allCases.map(\.rawValue))
                    }
                    status = value
                case .review:
                    guard let value = ReviewStatus(rawValue: cell.lowercased()) else {
                        throw .badValue(file: name, line: row.line, column: index + 1, value: cell, expected: ReviewStatus.allCases.map(\.rawValue))
                    }
                    review = value
                case let .termProperty(tag, property):
                    perTerm.append((tag, property, splitTermValues(row.cells[index]), index + 1))
                case let .other(header):
                    concept.fields.append(TermField(element: "descrip", type: header, value: cell))
                }
            }
            guard !concept.terms.isEmpty else { throw .noTerms(file: name, line: row.line) }
            for index in concept.terms.indices {
                concept.terms[index].source = source
                if let status { concept.terms[index].status = status }
                if let review { concept.terms[index].review = review }
            }
            for (tag, property, values, column) in perTerm {
                let indices = concept.terms.indices.filter { concept.terms[$0].language.primary == tag.primary && tag.matches(concept.terms[$0].language) }
                guard values.count == indices.count || values.count == 1 else {
                    throw .termCountMismatch(file: name, line: row.line, column: column, header: "\(tag) \(property.rawValue)",
                                             values: values.count, terms: indices.count)
                }
                for (position, index) in indices.enumerated() {
                    let value = values.count == 1 ? values[0] : values[position]
                    if let problem = property.apply(value, to: &concept.terms[index]) {
                        throw .badValue(file: name, line: row.line, column: column, value: value, expected: problem)
                    }
                }
            }
            if concept.id.isEmpty { concept.id = generatedIDPrefix(file: name) + String(row.line) }
            if let first = seen[concept.id] { throw .duplicateConcept(file: name, line: row.line, id: concept.id, firstLine: first) }
            seen[concept.id] = row.line
            concepts.append(concept)
        }
        var warnings: [FormatWarning] = []
        // The header row alone without a line end holds no concept to doubt.
        if let last = body.last, let end = last.end,
           let warning = TableEnding.unterminatedWarning(file: name, cells: last.cells, end: end, columns: columns.count) {
            warnings.append(warning)
        }
        return Table(concepts: concepts, languageColumns: languageColumns, headerNamesUsed: headerNamesUsed, warnings: warnings)
    }

    /// The error for a file `TextDecoding` refused because its last bytes begin a UTF-8
    /// character and stop (`head -c` through Khmer, three bytes a letter, nearly always ends
    /// so): cut short, not mis-encoded, in the memory reader's words (`TableEnding`). Nil for
    /// any other refusal. Cost: a pass over the bytes before the cut, on an error only.
    public static func truncation(of bytes: Data, refused error: TextDecodingError, delimiter: Delimiter) -> GlossaryCSVError? {
        guard case let .invalidUTF8(name, offset, _, line, column) = error else { return nil }
        let all = [UInt8](bytes)
        guard offset < all.count, let missing = TableEnding.missingBytes(all[offset...]) else { return nil }
        let cell = cellNumber(before: all[..<offset], delimiter: delimiter)
        return .truncated(file: name, line: line, column: column,
                          detail: TableEnding.cutCharacter(have: all.count - offset, missing: missing, column: column, cell: cell))
    }

    /// The 1-based cell of its row that the byte after `bytes` falls in (CSV quotes honoured).
    static func cellNumber(before bytes: ArraySlice<UInt8>, delimiter: Delimiter) -> Int {
        let separator: UInt8 = delimiter == .tab ? 0x09 : 0x2C
        var cell = 1
        var quoted = false
        for byte in bytes {
            if delimiter == .comma, byte == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 0x0A { cell = 1 } else if byte == separator { cell += 1 }
        }
        return cell
    }

    /// How the id of a row without one begins: the file's name and `#` (`terms.tsv#12`).
    /// `glossary import` rewrites it when it scrubs a file name holding personal data.
    public static func generatedIDPrefix(file name: String) -> String {
        "\(name.split(separator: "/").last.map(String.init) ?? name)#"
    }

    /// Writes concepts with a header row: `id`, one column per language tag (synonyms joined
    /// with "; "), `domain`, `note` — the columns and order other tools rely on — and then, per
    /// language, each term's properties (`km status`, `km review`, `km source`, `km term type`,
    /// `km part of speech`, `km usage`; ` | ` between the terms' values), so a term's
    /// provenance and review mark survive the trip: an unreviewed Khmer term is still
    /// unreviewed when a colleague opens or re-imports the file. Still lossy for definitions
    /// and other data categories: use TBX to keep everything. Cost: one pass, O(terms).
    ///
    /// `formulaGuard` (on unless asked otherwise): a cell a spreadsheet would run as a formula
    /// (`=`, `+`, `-`, `@`, tab, CR first: a source "+855 23 …", a note "- see …", a term
    /// "-ism") gets a leading apostrophe (`FormulaGuard`, the memory export's), which `read`
    /// removes, so a guarded export imports back exactly. Why: a glossary is fed by outside
    /// TBX and CSV files and its export is opened in spreadsheets (review m19, as `export`).
    public static func write(_ concepts: [Concept], languages: [LanguageTag], delimiter: Delimiter, formulaGuard: Bool = true) -> String {
        let properties = TermProperty.allCases
        var header = ["id"] + languages.map(\.description) + ["domain", "note"]
        for language in languages { header += properties.map { "\(language) \($0.rawValue)" } }
        var out = cells(header, delimiter, formulaGuard: formulaGuard) + "\n"
        for concept in concepts {
            var row = [concept.id]
            let terms = languages.map { language in concept.terms.filter { $0.language.primary == language.primary && language.matches($0.language) } }
            for inLanguage in terms { row.append(inLanguage.map(\.text).joined(separator: "; ")) }
            row.append(concept.domain ?? "")
            row.append(concept.note ?? "")
            for inLanguage in terms {
                for property in properties {
                    let values = inLanguage.map { property.value(of: $0) }
                    row.append(values.allSatisfy(\.isEmpty) ? "" : joinTermValues(values))
                }
            }
            out += cells(row, delimiter, formulaGuard: formulaGuard) + "\n"
        }
        return out
    }

    /// A term property a per-language column carries, named as its header says after the tag.
    public enum TermProperty: String, CaseIterable, Sendable {
        case status, review, source, termType = "term type", partOfSpeech = "part of speech", usage

        /// Every spelling `init(header:)` reads, what a mistyped header is compared with.
        static let spellings = ["status", "administrative status", "administrativestatus", "review", "source", "term type", "termtype", "type",
                                "part of speech", "partofspeech", "pos", "usage", "usage note", "usagenote"]

        /// The header words after the tag, as translators may write them.
        init?(header: String) {
            switch header.lowercased() {
            case "status", "administrative status", "administrativestatus": self = .status
            case "review": self = .review
            case "source": self = .source
            case "term type", "termtype", "type": self = .termType
            case "part of speech", "partofspeech", "pos": self = .partOfSpeech
            case "usage", "usage note", "usagenote": self = .usage
            default: return nil
            }
        }

        func value(of term: Term) -> String {
            switch self {
            case .status: term.declaredStatus?.rawValue ?? ""
            case .review: term.review.rawValue
            case .source: term.source ?? ""
            case .termType: term.termType ?? ""
            case .partOfSpeech: term.partOfSpeech ?? ""
            case .usage: term.usageNote ?? ""
            }
        }

        /// Sets the property; the allowed values when `value` is not one of them.
        func apply(_ value: String, to term: inout Term) -> [String]? {
            let text = value.isEmpty ? nil : value
            switch self {
            case .status:
                guard let text else { return nil }
                guard let status = TermStatus(rawValue: text.lowercased()) ?? TermStatus(tbx: text) else { return TermStatus.allCases.map(\.rawValue) }
                term.status = status
            case .review:
                guard let text else { return nil }
                guard let review = ReviewStatus(rawValue: text.lowercased()) else { return ReviewStatus.allCases.map(\.rawValue) }
                term.review = review
            case .source: term.source = text
            case .termType: term.termType = text
            case .partOfSpeech: term.partOfSpeech = text
            case .usage: term.usageNote = text
            }
            return nil
        }
    }

    /// Joins one value per term with " | ", escaping `\` and `|` inside a value (a source may
    /// hold either; "; " cannot separate them, as sources such as "iso-codes …; CLDR …" use it).
    static func joinTermValues(_ values: [String]) -> String {
        values.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
    }

    /// Splits a per-term cell at unescaped `|`, unescaping and trimming each value.
    static func splitTermValues(_ cell: String) -> [String] {
        var values: [String] = []
        var current = ""
        var escaped = false
        for character in cell {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "|": values.append(current); current = ""
            default: current.append(character)
            }
        }
        if escaped { current.append("\\") }
        values.append(current)
        return values.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// One row. The guard looks at the cell as it is written (in TSV after tabs and line
    /// breaks became spaces), so what `read` sees first is what a spreadsheet sees first.
    private static func cells(_ values: [String], _ delimiter: Delimiter, formulaGuard: Bool) -> String {
        let guarded = { (cell: String) in formulaGuard ? FormulaGuard.guarded(cell) : cell }
        switch delimiter {
        case .tab:
            return values.map { guarded($0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")) }.joined(separator: "\t")
        case .comma:
            return values.map { value in
                let cell = guarded(value)
                return cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }
    }

    enum Column: Equatable {
        case language(LanguageTag), id, domain, definition, note, source, status, review
        case termProperty(LanguageTag, TermProperty), other(String)
    }

    /// The columns of a header row, or nil when the row is not a header (no language tag, and
    /// no cell `headerNames` maps). A cell `headerNames` maps is added to `used`.
    static func headerColumns(_ cells: [String], headerNames: [String: LanguageTag] = [:], used: inout Set<String>) -> [Column]? {
        var columns: [Column] = []
        var languages = 0
        for cell in cells {
            let name = cell.trimmingCharacters(in: .whitespaces)
            if !headerNames.isEmpty, case let key = HeaderLanguageNames.key(name), let tag = headerNames[key] {
                columns.append(.language(tag))
                languages += 1
                used.insert(key)
                continue
            }
            let column = column(named: name)
            if case .language = column { languages += 1 }
            columns.append(column)
        }
        return languages > 0 ? columns : nil
    }

    /// The column a trimmed header cell names, without `headerNames`: a known field, a language
    /// tag, a language's term property, or `.other` (a concept field named after the cell).
    static func column(named name: String) -> Column {
        switch name.lowercased() {
        case "id", "concept": return .id
        case "domain", "subject", "subjectfield": return .domain
        case "definition": return .definition
        case "note", "comment", "notes": return .note
        case "source": return .source
        case "status": return .status
        case "review": return .review
        default:
            if name.count <= 12, let tag = languageHeader(name) { return .language(tag) }
            if let space = name.firstIndex(of: " "), let tag = languageHeader(String(name[..<space])),
               let property = TermProperty(header: name[name.index(after: space)...].trimmingCharacters(in: .whitespaces)) {
                return .termProperty(tag, property)
            }
            return .other(name)
        }
    }

    /// Refuses a column the header would make a concept field though its cell looks like a
    /// language — in words (`Khmer (Cambodia)`, `French (France)`: memoQ's and Excel's headers)
    /// or tag-shaped but no tag (`xx-YY-bad!`) — when a row has text under it: those terms would
    /// become a `descrip` no lookup finds and the TSV export drops (review 1201a M4; `verbale
    /// import` refuses such a header too). A column empty in every row is read as before:
    /// memoQ writes a column for each of the termbase's languages, filled or not, and refusing
    /// it would cost a rerun to import nothing more. Other words (`kind`, `tags`) stay concept
    /// fields, as documented: the shared `sourced-terms.tsv` has a `kind` column.
    ///
    /// Likewise a mistyped term property (`km stat`, `fr-FR sttus`): a language tag, a space and
    /// words within two edits of a term property's (or the start of one), refused with the
    /// header it seems meant to be (`km status`), where it became a concept field and the
    /// terms lost their status in silence. Other words after a tag (`en definition`, `id
    /// number`) are still concept fields.
    static func refuseUnreadLanguageColumns(_ columns: [Column], first: Record, body: ArraySlice<Record>, name: String) throws(GlossaryCSVError) {
        for (index, column) in columns.enumerated() {
            guard case let .other(cell) = column else { continue }
            let map = unreadLanguageMap(cell)
            let meant = map == nil ? meantTermProperty(cell) : nil
            guard map != nil || meant != nil else { continue }
            guard let row = body.first(where: { index < $0.cells.count && !$0.cells[index].trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            let start = index < first.starts.count ? first.starts[index] : (line: first.line, column: 1)
            if let map {
                throw .unreadLanguageColumn(file: name, line: start.line, column: start.column, cell: index + 1, header: cell, termLine: row.line, map: map)
            }
            if let meant {
                throw .mistypedTermProperty(file: name, line: start.line, column: start.column, cell: index + 1, header: cell, termLine: row.line, meant: meant)
            }
        }
    }

    /// The term-property header a cell such as `km stat` seems meant to be (`km status`): a
    /// language tag (`languageHeader`), one space, then words that are no term property but
    /// within two edits of one of `TermProperty(header:)`'s spellings, or the start of one
    /// (three letters at least). Nil for anything else. Cost: a few short edit distances, for
    /// header cells only.
    static func meantTermProperty(_ cell: String) -> String? {
        guard let space = cell.firstIndex(of: " "), languageHeader(String(cell[..<space])) != nil else { return nil }
        let words = cell[cell.index(after: space)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard words.count >= 3, TermProperty(header: words) == nil else { return nil }
        var best: (distance: Int, property: TermProperty)?
        for spelling in TermProperty.spellings {
            guard let property = TermProperty(header: spelling) else { continue }
            let distance = words.count >= 3 && spelling.hasPrefix(words) ? 0 : editDistance(words, spelling)
            if distance <= 2, distance < (best?.distance ?? .max) { best = (distance, property) }
        }
        return best.map { "\(cell[..<space]) \($0.property.rawValue)" }
    }

    /// Levenshtein distance in characters. Cost: O(a × b), for header words only.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The `--lang-map` entry for a header cell that looks like a language the reader cannot
    /// take (`'Khmer (Cambodia)=km'`, `'xx-YY-bad!=LANG'`), or nil for an ordinary field name.
    /// Tag-shaped: two or three ASCII letters, then `-`/`_` and a region or script
    /// (two letters, three digits, four letters), as `xx-YY…` is; `e-mail`, `see-also` are not.
    static func unreadLanguageMap(_ cell: String) -> String? {
        if HeaderLanguageNames.suggestedTag(cell) != nil { return HeaderLanguageNames.suggestion(for: [cell]).map }
        let pieces = cell.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        guard pieces.count >= 2, (2...3).contains(pieces[0].count), pieces[0].allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let second = pieces[1]
        let subtag = (second.count == 2 && second.allSatisfy { $0.isASCII && $0.isLetter })
            || (second.count == 3 && second.allSatisfy { $0.isASCII && $0.isNumber })
            || (second.count == 4 && second.allSatisfy { $0.isASCII && $0.isLetter } && second.first?.isUppercase == true)
        return subtag ? HeaderLanguageNames.suggestion(for: [cell]).map : nil
    }

    /// The `--lang-map` that reads a first row naming its languages in words (`English`,
    /// `Français`, `ភាសាខ្មែរ`), or nil when it does not look like such a header: its cells name
    /// two different languages, or one language beside columns Verbale knows (`note`,
    /// `domain`, …). An OmegaT row of language names (`English  anglais`: one language twice)
    /// is a row of terms, not a header.
    static func languageNamesMap(_ cells: [String]) -> String? {
        let names = cells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let tagged = names.compactMap { name in HeaderLanguageNames.suggestedTag(name).map { (name, $0) } }
        guard !tagged.isEmpty else { return nil }
        let others = names.filter { HeaderLanguageNames.suggestedTag($0) == nil }
        let othersAreColumns = !others.isEmpty && others.allSatisfy { name in
            if case .other = column(named: name) { return false }
            return true
        }
        guard Set(tagged.map(\.1)).count >= 2 || othersAreColumns else { return nil }
        return HeaderLanguageNames.suggestion(for: tagged.map(\.0)).map
    }

    /// The language a header cell names: a tag of a supported language, or of one Verbale does
    /// not support written as a two-letter code (`de`, `th`) or as a known mislabel (`kh`,
    /// `kh-KH`: `LanguageTag.likelyMeant`). Such a column's cells are read as terms in that
    /// language — kept, and `glossary import` warns — where they were once taken for an
    /// unknown column and lost from the terms (review 1130b, G2). Other short words (`pos`,
    /// `tag`) stay ordinary columns. Nil when the cell is not a language.
    static func languageHeader(_ name: String) -> LanguageTag? {
        if let tag = try? LanguageTag(name) { return tag }
        guard let tag = try? LanguageTag(parsing: name), tag.language == nil, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "_") }),
              tag.likelyMeant != nil || tag.primary.count == 2 else { return nil }
        return tag
    }

    /// A record: its first line, its cells, and where each cell starts (its line, and its
    /// 1-based column in Unicode scalars: the opening quote of a quoted cell).
    struct Record {
        var line: Int
        var cells: [String]
        var starts: [(line: Int, column: Int)]
        /// Set on the file's last record when no line end follows it (`TableEnding`).
        var end: TableEnding.End? = nil
    }

    /// Splits text into records. TSV: one line per record. CSV: RFC 4180 (quoted cells may hold
    /// delimiters, doubled quotes and newlines).
    static func records(_ text: String, name: String, delimiter: Delimiter) throws(GlossaryCSVError) -> [Record] {
        var records: [Record] = []
        var line = 1
        if delimiter == .tab {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, raw) in lines.enumerated() {
                defer { line += 1 }
                let content = raw.hasSuffix("\r") ? raw.dropLast() : raw
                if content.isEmpty || content.hasPrefix("#") { continue }
                let cells = content.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                var starts: [(line: Int, column: Int)] = []
                var column = 1
                for cell in cells {
                    starts.append((line, column))
                    column += cell.unicodeScalars.count + 1
                }
                var record = Record(line: line, cells: cells, starts: starts)
                // The last piece of the split is what follows the last line end: text there has
                // none (a lone CR ends a line, as the memory reader reads it).
                if index == lines.count - 1, !raw.hasSuffix("\r") {
                    record.end = TableEnding.End(line: line, column: content.unicodeScalars.count + 1, lastCellQuoted: false)
                }
                records.append(record)
            }
            return records
        }
        var cells: [String] = []
        var starts: [(line: Int, column: Int)] = []
        var cell = ""
        var quoted = false, wasQuoted = false
        var recordLine = 1, quoteLine = 1
        // The column of the next character, and where the cell being read began.
        var column = 1
        var cellStart = (line: 1, column: 1)
        var atRecordStart = true
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    column += 1
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\""); column += 1 } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
                    cell.append(ch)
                }
                continue
            }
            if atRecordStart && ch == "#" {
                while let skip = iterator.next(), skip != "\n", skip != "\r\n" {}
                line += 1
                recordLine = line
                cellStart = (line, 1)
                continue
            }
            atRecordStart = false
            switch ch {
            case "\"" where cell.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                quoteLine = line
                column += 1
            case ",":
                cells.append(cell); starts.append(cellStart); cell = ""; wasQuoted = false
                column += 1
                cellStart = (line, column)
            case "\n", "\r\n":
                cells.append(cell); starts.append(cellStart); cell = ""; wasQuoted = false
                if !(cells.count == 1 && cells[0].isEmpty) { records.append(Record(line: recordLine, cells: cells, starts: starts)) }
                cells = []
                starts = []
                line += 1
                column = 1
                recordLine = line
                cellStart = (line, 1)
                atRecordStart = true
            default:
                cell.append(ch)
                column += ch.unicodeScalars.count
            }
        }
        if quoted { throw .unterminatedQuote(file: name, line: quoteLine) }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            starts.append(cellStart)
            records.append(Record(line: recordLine, cells: cells, starts: starts,
                                  end: TableEnding.End(line: line, column: column, lastCellQuoted: wasQuoted)))
        }
        return records
    }
}

/// Why a CSV/TSV glossary could not be read.
public enum GlossaryCSVError: Error, CustomStringConvertible, Equatable, Sendable {
    case empty(file: String)
    case noLanguages(file: String, line: Int)
    case unterminatedQuote(file: String, line: Int)
    case tooManyCells(file: String, line: Int, count: Int, expected: Int)
    case noTerms(file: String, line: Int)
    case duplicateConcept(file: String, line: Int, id: String, firstLine: Int)
    case badValue(file: String, line: Int, column: Int, value: String, expected: [String])
    case termCountMismatch(file: String, line: Int, column: Int, header: String, values: Int, terms: Int)
    /// The first row names its languages in words; `map` is the `--lang-map` that reads it.
    case languageNames(file: String, line: Int, map: String)
    /// Header cell `cell` (at `line`:`column`, in characters) looks like a language but is no
    /// tag, and `termLine` has text under it; `map` is the `--lang-map` entry that reads it.
    case unreadLanguageColumn(file: String, line: Int, column: Int, cell: Int, header: String, termLine: Int, map: String)
    /// Header cell `cell` (at `line`:`column`) is a language tag and words close to a term
    /// property's (`km stat`), and `termLine` has text under it; `meant` is the header it seems
    /// meant to be (`km status`).
    case mistypedTermProperty(file: String, line: Int, column: Int, cell: Int, header: String, termLine: Int, meant: String)
    /// The file ends inside a UTF-8 character, at `line`:`column` (`TableEnding`).
    case truncated(file: String, line: Int, column: Int, detail: String)

    public var description: String {
        switch self {
        case let .empty(file): "\(file): the glossary is empty"
        case let .noLanguages(file, line):
            "\(file):\(line): no header row of language tags (e.g. \"en<TAB>fr<TAB>note\"); for an OmegaT glossary give --source-lang and --target-lang"
        case let .unterminatedQuote(file, line): "\(file):\(line): a quoted cell is never closed"
        case let .tooManyCells(file, line, count, expected): "\(file):\(line): \(count) cells, but the header has \(expected) columns"
        case let .noTerms(file, line): "\(file):\(line): the row has no term in any language column"
        case let .duplicateConcept(file, line, id, firstLine): "\(file):\(line): concept id \"\(id)\" appears twice (first at line \(firstLine))"
        case let .badValue(file, line, column, value, expected):
            "\(file):\(line):\(column): \"\(value)\" is not one of \(expected.joined(separator: ", "))"
        case let .termCountMismatch(file, line, column, header, values, terms):
            "\(file):\(line):\(column): \(values) values in \"\(header)\" (\" | \" between them) for \(terms) term\(terms == 1 ? "" : "s") in that language; give one value per term, in the terms' order, or one for all"
        case let .unreadLanguageColumn(file, line, column, cell, header, termLine, map):
            "\(file):\(line):\(column): header cell \(cell) \"\(header)\" is not a language tag nor a glossary column, and line \(termLine) has text under it, which would not be read as terms; "
                + (map.hasSuffix("=LANG") || map.hasSuffix("=LANG'")
                    ? "if the column holds terms, give glossary import --lang-map \(map) (LANG a tag such as en, fr, km), or write the tag in the header"
                    : "if the column holds that language, give glossary import --lang-map \(map) (header name=language tag), or write the tag in the header")
        case let .mistypedTermProperty(file, line, column, cell, header, termLine, meant):
            "\(file):\(line):\(column): header cell \(cell) \"\(header)\" is not a term property (a language tag, then \(GlossaryCSV.TermProperty.allCases.map(\.rawValue).joined(separator: ", "))), "
                + "and line \(termLine) has text under it, which would become a concept field no lookup or export reads; did you mean \"\(meant)\"? Rename the header cell"
        case let .truncated(file, line, column, detail): "\(file):\(line):\(column): \(detail): \(TableEnding.truncatedAdvice)"
        case let .languageNames(file, line, map):
            "\(file):\(line): the header row names its languages in words, not language tags; if these columns hold those languages, give glossary import --lang-map \(map) (header name=language tag), or write the tags (en, fr, km) in the header"
        }
    }
}
