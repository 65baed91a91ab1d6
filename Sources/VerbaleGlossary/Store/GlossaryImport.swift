import Foundation
import VerbaleCore
import VerbaleFormats

/// Reads termbase files of any supported format and imports them into a `TermbaseStore`.
public enum GlossaryImport {
    /// The formats Verbale reads, chosen by file extension.
    public enum Format: String, Sendable, CaseIterable {
        case tbx, tsv, csv

        public init?(path: String) {
            let ext = (path as NSString).pathExtension.lowercased()
            switch ext {
            case "tbx", "xml": self = .tbx
            case "tsv", "txt", "tab", "utf8": self = .tsv
            case "csv": self = .csv
            default: return nil
            }
        }
    }

    /// Imports one file (or standard input, as `name` "<stdin>" with `data`) into the termbase
    /// `termbase` (default: the file's base name). All-or-nothing.
    @discardableResult
    public static func importFile(_ path: String, data: Data? = nil, into store: TermbaseStore, termbase: String? = nil,
                                  format: Format? = nil, languages: (source: LanguageTag, target: LanguageTag)? = nil,
                                  skipIfUnchanged: Bool = false, replaceAll: Bool = false) throws -> TermbaseStore.ImportReport {
        try store.importBatch([job(path, data: data, termbase: termbase, format: format, languages: languages,
                                   skipIfUnchanged: skipIfUnchanged, replaceAll: replaceAll)])[0]
    }

    /// The import job for one file, to batch several files in one transaction.
    ///
    /// `languagesFound` is told, once the file is read, where it first gives terms each
    /// language (TBX: the first `langSet`/`langSec` per `xml:lang`; CSV/TSV: the header cells),
    /// so the caller's warnings about a language can name the line and column. `headerNames`
    /// maps CSV/TSV header cells that name a language in words (`GlossaryCSV.readTable`);
    /// `headerNamesFound` is told which of them the file's header had; `warningsFound`, the
    /// places a CSV/TSV asks the user to look at (a last line without a line end: truncated?).
    public static func job(_ path: String, data: Data? = nil, termbase: String? = nil,
                           format: Format? = nil, languages: (source: LanguageTag, target: LanguageTag)? = nil,
                           skipIfUnchanged: Bool = false, replaceAll: Bool = false,
                           headerNames: [String: LanguageTag] = [:],
                           languagesFound: @escaping ([LanguageLocation]) -> Void = { _ in },
                           headerNamesFound: @escaping (Set<String>) -> Void = { _ in },
                           warningsFound: @escaping ([FormatWarning]) -> Void = { _ in }) throws -> TermbaseStore.ImportJob {
        guard let format = format ?? Format(path: path) else {
            throw GlossaryImportError.unknownFormat(path: path)
        }
        let name = termbase ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let bytes: Data
        if let data { bytes = data } else {
            guard FileManager.default.fileExists(atPath: path) else { throw GlossaryImportError.noSuchFile(path: path) }
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        // The full path, as the readers' errors give it (review 1130e m8: `empty.tbx: …` beside
        // `/tmp/x/bad.tbx:9:51: …`).
        guard !bytes.isEmpty else { throw GlossaryImportError.empty(path: data == nil ? URL(fileURLWithPath: path).path : path) }
        let digest = skipIfUnchanged ? fnv1a(bytes) : nil
        // The file name only (`FileOrigin`): the termbase table lives in the shared memory file.
        return TermbaseStore.ImportJob(termbase: name, origin: FileOrigin.name(path), digest: digest, replaceAll: replaceAll) { each in
            switch format {
            case .tbx:
                let header = data == nil
                    ? try TBXReader.read(URL(fileURLWithPath: path), each: each)
                    : try TBXReader.read(data: bytes, name: path, each: each)
                languagesFound(header.languageSections)
            case .tsv, .csv:
                let text: String
                let delimiter: GlossaryCSV.Delimiter = format == .csv ? .comma : .tab
                do throws(TextDecodingError) { text = try TextDecoding.decode(bytes, name: path) } catch {
                    // A file cut inside its last (Khmer) character: truncated, not mis-encoded.
                    if let cut = GlossaryCSV.truncation(of: bytes, refused: error, delimiter: delimiter) { throw cut }
                    throw GlossaryImportError(error)
                }
                let table = try GlossaryCSV.readTable(text, name: path, delimiter: delimiter, languages: languages,
                                                      headerNames: headerNames)
                for concept in table.concepts { try each(concept) }
                languagesFound(table.languageColumns)
                headerNamesFound(table.headerNamesUsed)
                warningsFound(table.warnings)
            }
        }
    }

    /// Loads the shipped termbases (`Glossaries/*.tbx|tsv`) into `store`, once per file
    /// version: a file already imported with the same content is skipped, a changed file
    /// replaces its termbase. Returns what was done.
    @discardableResult
    public static func seedShipped(into store: TermbaseStore, folder: URL? = ShippedData.glossaries) throws -> [TermbaseStore.ImportReport] {
        guard let folder else { return [] }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var jobs: [TermbaseStore.ImportJob] = []
        for file in files.sorted() where Format(path: file) != nil && !file.hasPrefix(".") && !file.lowercased().hasPrefix("readme") {
            let path = folder.appendingPathComponent(file).path
            let name = ConceptOrigin.shippedPrefix + file
            // Most runs find every shipped file already loaded: check with a read, and open a
            // write transaction only for what changed.
            if let data = FileManager.default.contents(atPath: path), try store.digest(of: name) == fnv1a(data) {
                continue
            }
            jobs.append(try job(path, termbase: name, skipIfUnchanged: true, replaceAll: true))
        }
        if jobs.isEmpty { return [] }
        return try store.importBatch(jobs)
    }

    /// FNV-1a, 64 bits: a stable content fingerprint (not a security hash) for "already imported".
    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// Why a glossary file could not be imported.
public enum GlossaryImportError: Error, CustomStringConvertible, Sendable {
    case unknownFormat(path: String)
    case noSuchFile(path: String)
    case empty(path: String)
    /// Bytes that are not text in the file's encoding, where (1-based line and column).
    case notText(path: String, line: Int, column: Int, detail: String)

    /// A decoding error with its line and column (as `TextDecoding` found them), in words that
    /// fit `glossary import`: the shared message suggests `--lossy`, which other commands have and
    /// `import` deliberately does not (an import keeps every byte or refuses the file).
    init(_ error: TextDecodingError) {
        switch error {
        case let .invalidUTF16(name, _, line, column, true):
            // Cut short, not mis-encoded: converting would not help (review 1130, m9).
            let detail = error.description.dropFirst("\(name):\(line):\(column): ".count)
            self = .notText(path: name, line: line, column: column, detail: String(detail))
        case let .invalidUTF16(name, offset, _, _, false):
            self = .notText(path: name, line: 0, column: 0, detail: "invalid UTF-16 at byte \(offset) (convert the file to UTF-8)")
        case let .invalidUTF8(name, _, byte, line, column):
            self = .notText(path: name, line: line, column: column,
                            detail: "byte \(String(format: "0x%02X", byte)) is not valid UTF-8 (convert the file to UTF-8)")
        case let .binary(name, _, line, column):
            self = .notText(path: name, line: line, column: column, detail: "a NUL byte: this looks like a binary file, not a CSV/TSV glossary")
        }
    }

    public var description: String {
        switch self {
        case let .unknownFormat(path): "\(path): unknown glossary format (use .tbx, .tsv, .csv, or --format)"
        case let .noSuchFile(path): "\(path): no such file"
        case let .empty(path): "\(path): the file is empty"
        case let .notText(path, line, column, detail): line > 0 ? "\(path):\(line):\(column): \(detail)" : "\(path): \(detail)"
        }
    }
}
