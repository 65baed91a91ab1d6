import Foundation
import VerbaleCore

/// The memory file formats Verbale reads and writes.
///
/// ```swift
/// let format = MemoryFormat.detect(fileName: "old.tmx", prefix: firstBytes)   // .tmx
/// var reader = try MemoryFormat.makeReader(url: url)                          // sniffs, then reads
/// ```
public enum MemoryFormat: String, CaseIterable, Sendable {
    case tmx, xliff, tsv, csv

    /// The format of a file from its first bytes (`<tmx`, `<xliff`, byte-order marks, UTF-16),
    /// then from its name's extension, then a table's first line; nil when none tells, and
    /// nil for XML whose root is not a memory. Content comes first both ways: a file whose
    /// first character (after a BOM and white space) is not `<` is not XML, so a `.tmx` or
    /// `.xlf` name does not make it one — a table saved as `.tmx` is read as the table its
    /// first line shows, anything else is refused as of unknown format (audit F11: it used to
    /// fail as "malformed XML"). Looks at most at `prefix` (4 KB is plenty). O(prefix).
    public static func detect(fileName: String, prefix: Data) -> MemoryFormat? {
        let text = decodedPrefix(prefix)
        if text.hasPrefix("<") {
            // XML: the root element decides; another XML vocabulary is not a memory.
            return xmlRoot(text)
        }
        // A delimited table: the first line's tabs or commas decide.
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let table: MemoryFormat? = firstLine.contains("\t") ? .tsv : firstLine.contains(",") || firstLine.contains(";") ? .csv : nil
        switch (fileName as NSString).pathExtension.lowercased() {
        // Nothing to look at (an empty or blank file): the name is all there is.
        case "tmx": return text.isEmpty ? .tmx : table
        case "xlf", "xliff", "sdlxliff", "mqxliff": return text.isEmpty ? .xliff : table
        case "tsv", "tab": return .tsv
        case "csv": return .csv
        default: return table
        }
    }

    /// The prefix as text (UTF-8, or UTF-16 with or without BOM), BOM and leading spaces removed.
    static func decodedPrefix(_ prefix: Data) -> Substring {
        let bytes = [UInt8](prefix.prefix(4096))
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || (bytes.count > 1 && bytes[0] == 0x3C && bytes[1] == 0) {
            text = decodeUTF16(bytes, bigEndian: false)
        } else if bytes.starts(with: [0xFE, 0xFF]) || (bytes.count > 1 && bytes[0] == 0 && bytes[1] == 0x3C) {
            text = decodeUTF16(bytes, bigEndian: true)
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.drop { $0.isWhitespace }
    }

    /// The format named by the first element after the declaration, comments and DOCTYPE.
    static func xmlRoot(_ text: Substring) -> MemoryFormat? {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first else { break }
            if first == "?" || first == "!" { continue }
            let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }.lowercased()
            let local = name.split(separator: ":").last.map(String.init) ?? name
            if local == "tmx" { return .tmx }
            if local == "xliff" { return .xliff }
            return nil
        }
        return nil
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> String {
        var units: [UInt16] = []
        var i = 0
        while i + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Opens `url` (`-` for standard input) and returns a reader for its format: `format` if
    /// given, else the detected one.
    public static func makeReader(url: URL, format: MemoryFormat? = nil) throws(FormatError) -> any TranslationUnitReader {
        try makeReader(source: ByteSource(url: url), format: format)
    }

    /// A reader over any byte source (a file, standard input, memory).
    /// `headerNames`: TSV/CSV header cells naming a language in words (`English=en`,
    /// `DelimitedReader`); other formats ignore them.
    public static func makeReader(source: ByteSource, format: MemoryFormat? = nil,
                                  headerNames: [String: LanguageTag] = [:]) throws(FormatError) -> any TranslationUnitReader {
        let prefix = try source.peek(4096)
        if prefix.isEmpty { throw FormatError(file: source.name, reason: .empty) }
        guard let format = format ?? detect(fileName: source.name, prefix: Data(prefix)) else {
            throw FormatError(file: source.name, reason: .unknownFormat)
        }
        return try format.makeReader(source: source, headerNames: headerNames)
    }

    /// A reader for this format over `source`.
    public func makeReader(source: ByteSource, headerNames: [String: LanguageTag] = [:]) throws(FormatError) -> any TranslationUnitReader {
        switch self {
        case .tmx: return try TMXReader.make(source: source)
        case .xliff: return try XLIFFReader.make(source: source)
        case .tsv: return try DelimitedReader(source: source, dialect: .tsv, headerNames: headerNames)
        case .csv: return try DelimitedReader(source: source, dialect: .csv, headerNames: headerNames)
        }
    }

    /// A writer for this format. `languages` chooses and orders the columns of TSV/CSV and the
    /// source/target of XLIFF (first = source); TMX writes every variant. TSV/CSV: `tagColumns`
    /// get a `LANG language` column (`DelimitedWriter`), and a header that states its contexts
    /// (`MemoryHeader.statesContexts`) gives the table `context-pre`/`context-post` columns, and
    /// `propertyColumns` a `prop:NAME` column each, after `review`.
    public func makeWriter(sink: ByteSink, header: MemoryHeader = MemoryHeader(), languages: [LanguageTag] = [],
                           xliffVersion: XLIFFVersion = .v2_0, formulaGuard: Bool = true,
                           tagColumns: [LanguageTag] = [], propertyColumns: [String] = [],
                           textPropertyColumns: [TextPropertyColumn] = []) throws(FormatError) -> any TranslationUnitWriter {
        switch self {
        case .tmx: return try TMXWriter(sink: sink, header: header)
        case .xliff: return try XLIFFWriter(sink: sink, header: header, languages: languages, version: xliffVersion)
        case .tsv, .csv:
            return try DelimitedWriter(sink: sink, dialect: self == .tsv ? .tsv : .csv, languages: languages, propertyColumns: propertyColumns,
                                       formulaGuard: formulaGuard,
                                       tagColumns: tagColumns, statesContexts: header.statesContexts,
                                       textPropertyColumns: textPropertyColumns)
        }
    }
}
