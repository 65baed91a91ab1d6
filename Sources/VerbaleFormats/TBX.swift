import Foundation
import VerbaleCore

/// Reads TermBase eXchange files into `Concept`s, one entry at a time.
///
/// Both generations are read: TBX v2 (`martif/text/body/termEntry/langSet/tig|ntig/term`,
/// ISO 30042:2008) and TBX v3 (`tbx/text/body/conceptEntry/langSec/termSec/term`,
/// ISO 30042:2019, TBX-Core and TBX-Basic). TBX-Basic data categories map onto the model
/// (`subjectField`, `definition`, `partOfSpeech`, `administrativeStatus`, `termType`,
/// `usageNote`, `source`); everything else is kept as `TermField`s so writing it back loses
/// nothing. Review status travels as `<admin type="x-review">` (Verbale's private category, as
/// TMX's `x-review` prop).
///
/// Why on our own `XMLScanner`, as TMX and XLIFF are: FoundationXML's `XMLParser` gave only
/// libxml2's error numbers ("XML error 26"), and with a DOCTYPE naming an external DTD it
/// dropped an undeclared entity (`a &x; b` became "a  b") without a word. The scanner refuses
/// any entity declaration and any entity other than the five predefined ones and character
/// references, never reads an external DTD, and says what is wrong in words, with file, line
/// and column — the same messages as a TMX file gets.
///
/// Cost: streaming, O(file) time; memory one 64 KB chunk plus the entry being read (when
/// `each` does not keep them).
public enum TBXReader {
    /// Reads `url`, calling `each` for every concept in file order; returns the header.
    /// An error thrown by `each` stops reading and is rethrown as `.rejected`.
    @discardableResult
    public static func read(_ url: URL, each: (Concept) throws -> Void) throws(TBXError) -> TBXHeader {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .unreadable(file: url.path, reason: "no such file") }
        let source: ByteSource
        do { source = try ByteSource(url: url) } catch { throw .unreadable(file: url.path, reason: error.message) }
        return try read(source, each: each)
    }

    /// Reads TBX from memory (for standard input and tests).
    @discardableResult
    public static func read(data: Data, name: String, each: (Concept) throws -> Void) throws(TBXError) -> TBXHeader {
        try read(ByteSource(data: data, name: name), each: each)
    }

    /// Reads a whole file into memory.
    public static func readAll(_ url: URL) throws(TBXError) -> (header: TBXHeader, concepts: [Concept]) {
        var concepts: [Concept] = []
        let header = try read(url) { concepts.append($0) }
        return (header, concepts)
    }

    /// Reads a whole in-memory document.
    public static func readAll(data: Data, name: String) throws(TBXError) -> (header: TBXHeader, concepts: [Concept]) {
        var concepts: [Concept] = []
        let header = try read(data: data, name: name) { concepts.append($0) }
        return (header, concepts)
    }

    private static func read(_ source: ByteSource, each: (Concept) throws -> Void) throws(TBXError) -> TBXHeader {
        try withoutActuallyEscaping(each) { (escapable) throws(TBXError) -> TBXHeader in
            var scanner = XMLScanner(source: source)
            var builder = TBXEntryBuilder(name: source.name, each: escapable)
            do throws(FormatError) {
                while try scanner.step(&builder) {}
            } catch {
                // The builder's own error (a TBX rule broken, `each` refusing) stopped the scan.
                if let failure = builder.error { throw failure }
                throw TBXError(error)
            }
            guard builder.sawRoot else { throw .notTBX(file: source.name, root: nil) }
            return builder.header
        }
    }
}

/// What a TBX file says about itself.
public struct TBXHeader: Hashable, Sendable {
    /// `v2` for `martif`, `v3` for `tbx`.
    public var version: TBXVersion
    /// The `type` attribute of the root (`TBX`, `TBX-Basic`, `TBX-Core`…).
    public var dialect: String?
    /// The root's `xml:lang`.
    public var language: String?
    /// The paragraphs of `sourceDesc` (where the termbase came from).
    public var sourceDescriptions: [String]
    /// The title (`titleStmt/title`), if any.
    public var title: String?
    /// Where each language of the body first appears: the first `langSet`/`langSec` with that
    /// `xml:lang`, in file order (filled while reading, so complete once `read` returns).
    public var languageSections: [LanguageLocation] = []

    public init(version: TBXVersion, dialect: String? = nil, language: String? = nil, sourceDescriptions: [String] = [], title: String? = nil) {
        self.version = version
        self.dialect = dialect
        self.language = language
        self.sourceDescriptions = sourceDescriptions
        self.title = title
    }
}

/// The two generations of TBX.
public enum TBXVersion: String, Hashable, Sendable, CaseIterable {
    /// ISO 30042:2008, root `martif`, `termEntry`/`langSet`/`tig`.
    case v2
    /// ISO 30042:2019, root `tbx`, `conceptEntry`/`langSec`/`termSec`.
    case v3
}

/// Why a TBX file could not be read. Every case names the file, and the line and column where
/// the parser stood.
public enum TBXError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case malformedXML(file: String, line: Int, column: Int, message: String)
    case notTBX(file: String, root: String?)
    case entityDeclaration(file: String, line: Int, column: Int)
    case missingLanguage(file: String, line: Int, column: Int, element: String)
    case badLanguage(file: String, line: Int, column: Int, tag: String, reason: String)
    case emptyTerm(file: String, line: Int, column: Int, concept: String)
    case emptyConcept(file: String, line: Int, column: Int, concept: String)
    case duplicateConcept(file: String, line: Int, column: Int, concept: String, firstLine: Int)
    case misplaced(file: String, line: Int, column: Int, element: String, expected: String)
    /// `element` starts while the entry `open` (its `id`, nil without one) that began at
    /// `openLine`:`openColumn` is still open: its end tag is missing (review 1201a m10).
    case unclosedEntry(file: String, line: Int, column: Int, element: String, open: String, id: String?, openLine: Int, openColumn: Int)
    case rejected(file: String, line: Int, column: Int, reason: String)

    /// The scanner's error in TBX terms: an entity declaration stays one, everything else
    /// (not well-formed, bad bytes, an undeclared entity, a truncated file) is malformed XML,
    /// with the scanner's message.
    init(_ error: FormatError) {
        switch error.reason {
        case .entityDeclaration:
            self = .entityDeclaration(file: error.file, line: error.line, column: error.column)
        case let .malformedXML(detail):
            self = .malformedXML(file: error.file, line: error.line, column: error.column, message: detail)
        case .io:
            self = .unreadable(file: error.file, reason: error.message)
        default:
            self = .malformedXML(file: error.file, line: error.line, column: error.column, message: error.message)
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file, reason): "\(file): cannot read TBX (\(reason))"
        case let .malformedXML(file, line, column, message): "\(file):\(line):\(column): malformed XML: \(message)"
        case let .notTBX(file, root):
            "\(file): not a TBX file (root element is \(root.map { "<\($0)>" } ?? "missing"); expected <martif> for TBX v2 or <tbx> for TBX v3)"
        case let .entityDeclaration(file, line, column):
            "\(file):\(line):\(column): entity declarations are refused (they can expand without bound or read other files); remove the <!ENTITY> from the DOCTYPE"
        case let .missingLanguage(file, line, column, element):
            "\(file):\(line):\(column): <\(element)> has no xml:lang, so its terms have no language"
        case let .badLanguage(file, line, column, tag, reason):
            "\(file):\(line):\(column): xml:lang=\"\(tag)\" is not a language tag (\(reason))"
        case let .emptyTerm(file, line, column, concept): "\(file):\(line):\(column): empty <term> in concept \(concept)"
        case let .emptyConcept(file, line, column, concept): "\(file):\(line):\(column): concept \(concept) has no terms"
        case let .duplicateConcept(file, line, column, concept, firstLine):
            "\(file):\(line):\(column): concept id \"\(concept)\" appears twice (first at line \(firstLine))"
        case let .misplaced(file, line, column, element, expected):
            "\(file):\(line):\(column): <\(element)> outside \(expected)"
        case let .unclosedEntry(file, line, column, element, open, id, openLine, openColumn):
            "\(file):\(line):\(column): <\(element)> starts inside <\(open)\(id.map { " id=\"\($0)\"" } ?? "")>, opened at \(file):\(openLine):\(openColumn) and never closed (its </\(open)> is missing before this line)"
        case let .rejected(file, line, column, reason): "\(file):\(line):\(column): \(reason)"
        }
    }
}

extension TermStatus {
    /// Reads TBX v3 (`preferredTerm-admn-sts`) and v2 (`preferredTerm`) picklist values.
    public init?(tbx value: String) {
        let base = value.hasSuffix("-admn-sts") ? String(value.dropLast("-admn-sts".count)) : value
        switch base {
        case "preferredTerm", "preferred": self = .preferred
        case "admittedTerm", "admitted": self = .admitted
        case "deprecatedTerm", "deprecated": self = .deprecated
        case "supersededTerm", "superseded": self = .superseded
        default: return nil
        }
    }

    /// The TBX-Basic picklist value (`preferredTerm-admn-sts`).
    public var tbxValue: String { "\(rawValue)Term-admn-sts" }
}
