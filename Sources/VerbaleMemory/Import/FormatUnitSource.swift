import Foundation
import VerbaleCore
import VerbaleFormats

/// A `UnitSource` over a `VerbaleFormats` reader: a TMX, XLIFF or TSV file, or standard input.
///
/// The format is `format` when given, else sniffed from the first 4 KB and then the file
/// name's extension (`MemoryFormat.detect`). Each unit's origin becomes `file#line` unless the
/// file already names one (`<prop type="x-origin">`); `file` is `SQLiteMemory.originName`, so
/// an absolute or home path (`/home/sokha/…`) is stored as its last component only.
public final class FormatUnitSource: UnitSource {
    public let name: String
    private let bytes: ByteSource
    private var reader: any TranslationUnitReader
    /// The name origins carry (no folders that name the user), made once.
    private let originName: String
    /// `originName` and `#`: each unit's origin is this plus its line (one append, where string
    /// interpolation went through its general machinery for every unit).
    private let originPrefix: String
    /// Whether origins the file carries come from a user's file (`OriginNames.shortened(_:fromFile:)`).
    private let originsFromUser: Bool

    /// Opens `path` (`-` = standard input). `origin` names the data in the origins its units
    /// get, in place of the file's name: `verbale import --origin NAME -` gives piped data a
    /// provenance other than `<stdin>` (review 1130, m9). Only its last path component is kept
    /// (`FileOrigin.lastComponent`: it names the data, not a folder), and the scrubber then
    /// treats it as every origin (personal data in it replaced).
    /// `headerNames`: TSV/CSV header cells naming a language in words, with their tags
    /// (`import --lang-map English=en`; `DelimitedReader`).
    public init(path: String, format: MemoryFormat? = nil, origin: String? = nil, headerNames: [String: LanguageTag] = [:]) throws {
        let source = path == "-" ? ByteSource.standardInput() : try ByteSource(url: URL(fileURLWithPath: path))
        bytes = source
        name = source.name
        originsFromUser = true
        originName = origin.map(FileOrigin.lastComponent) ?? SQLiteMemory.originName(source.name)
        originPrefix = originName + "#"
        reader = try MemoryFormat.makeReader(source: source, format: format, headerNames: headerNames)
    }

    /// `FILE#`: how the origin of a unit read from `file` begins, before the line its unit
    /// starts on (`reader.unitLine`). One rule for import and for a file searched on the fly
    /// (`MatchFile`), so a unit is `notes.tmx#27` both ways.
    public static func originPrefix(file: String) -> String {
        SQLiteMemory.originName(file) + "#"
    }

    /// Reads from bytes already in memory (tests, seeding). `shipped`: the data is one of our
    /// own curated memories (`ShippedMemorySeeding`), whose origins name shipped files
    /// (`Memories/…`), not a user's folders; they get only the rule for stored origins.
    public init(data: Data, name: String, format: MemoryFormat? = nil, shipped: Bool = false) throws {
        let source = ByteSource(data: data, name: name)
        bytes = source
        self.name = name
        originsFromUser = !shipped
        originName = SQLiteMemory.originName(name)
        originPrefix = Self.originPrefix(file: name)
        reader = try MemoryFormat.makeReader(source: source, format: format)
    }

    public var header: MemoryHeader { reader.header }
    /// The `headerNames` keys a TSV/CSV header row of this file matched (none for TMX/XLIFF).
    public var headerNamesUsed: Set<String> { (reader as? DelimitedReader)?.headerNamesUsed ?? [] }
    public var totalBytes: Int64? { bytes.expectedSize.map(Int64.init) }
    public var bytesRead: Int64 { Int64(bytes.bytesRead) }

    /// Whether the file says each unit states its context (`MemoryHeader.contextsStated`); read
    /// once, after the first unit (the header is read by then).
    private lazy var statesContexts = reader.header.statesContexts

    public func next() throws -> TranslationUnit? {
        guard let read = try reader.next() else { return nil }
        // Moved, not copied, out of the optional (the copy and its destruction cost ~500
        // instructions a unit).
        var unit = consume read
        // "No context" said explicitly: the import then takes none from the unit before.
        if unit.metadata.previousContext == nil, statesContexts { unit.metadata.previousContext = "" }
        if let origin = unit.metadata.origin {
            // An origin the file carries (a TMX `x-origin` exported from an older memory, the
            // provenance an old `align -o` wrote) may name someone's folders too, relative ones
            // included (`Documents/sokha/notes.tmx#6`): only the file names are kept.
            if let short = OriginNames.shortened(origin, fromFile: originsFromUser) { unit.metadata.origin = short }
        } else {
            unit.metadata.origin = Self.origin(prefix: originPrefix, line: reader.unitLine)
        }
        return unit
    }

    /// `prefix` and `line` in decimal (`notes.tmx#27`), what `prefix + String(line)` gives, made
    /// in one allocation: the append copied the shared prefix into a new buffer and formatted
    /// the number through `description` (≈ 830 instructions a unit, measured on the 20k slice).
    /// `FormatUnitSourceOriginTests` compares it with `prefix + String(line)`.
    static func origin(prefix: String, line: Int) -> String {
        var prefix = prefix
        return prefix.withUTF8 { head in
            var digits = 1
            var rest = line.magnitude / 10
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            let sign = line < 0 ? 1 : 0
            return String(unsafeUninitializedCapacity: head.count + sign + digits) { out in
                var end = head.count
                if let to = out.baseAddress, let from = head.baseAddress { to.update(from: from, count: head.count) }
                if sign == 1 {
                    out[end] = 0x2D
                    end += 1
                }
                end += digits
                var value = line.magnitude
                for index in stride(from: end - 1, through: end - digits, by: -1) {
                    out[index] = 0x30 + UInt8(truncatingIfNeeded: value % 10)
                    value /= 10
                }
                return end
            }
        }
    }

    public var readerSkips: [String: Int] {
        // From the reader's exact counts: its `warnings` list is capped.
        var skips: [String: Int] = [:]
        for kind in [FormatWarning.Kind.emptyUnit, .copiedTarget, .notTranslated, .splitAlternatives] {
            if let count = reader.warningCounts[kind], count > 0 { skips[kind.rawValue] = count }
        }
        return skips
    }

    /// Everything the reader repaired or ignored, with file, line and column (the first
    /// `WarningLog.limit`; `reader.warningCounts` has the exact numbers).
    public var warnings: [FormatWarning] { reader.warnings }
    /// Every warning of the reader, by kind (exact, where `warnings` is capped).
    public var warningCounts: [FormatWarning.Kind: Int] { reader.warningCounts }
}
