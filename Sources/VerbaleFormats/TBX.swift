import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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
/// Safety: a document type declaration with entity declarations is refused before parsing,
/// and external entities are never resolved. Errors carry file, line and column.
///
/// Cost: streaming (`XMLParser(stream:)`), O(file) time, memory O(one entry) when `each` does
/// not keep them.
public enum TBXReader {
    /// Reads `url`, calling `each` for every concept in file order; returns the header.
    /// An error thrown by `each` stops reading and is rethrown as `.rejected`.
    @discardableResult
    public static func read(_ url: URL, each: (Concept) throws -> Void) throws(TBXError) -> TBXHeader {
        let name = url.path
        guard let stream = InputStream(url: url), FileManager.default.fileExists(atPath: url.path) else {
            throw .unreadable(file: name, reason: "no such file")
        }
        let prolog: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            prolog = try handle.read(upToCount: 1 << 16) ?? Data()
            try handle.close()
        } catch {
            throw .unreadable(file: name, reason: "\(error.localizedDescription)")
        }
        try checkProlog(prolog, name: name)
        return try parse(XMLParser(stream: stream), name: name, each: each)
    }

    /// Reads TBX from memory (for standard input and tests).
    @discardableResult
    public static func read(data: Data, name: String, each: (Concept) throws -> Void) throws(TBXError) -> TBXHeader {
        try checkProlog(data.prefix(1 << 16), name: name)
        return try parse(XMLParser(data: data), name: name, each: each)
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

    private static func parse(_ parser: XMLParser, name: String, each: (Concept) throws -> Void) throws(TBXError) -> TBXHeader {
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        return try withoutActuallyEscaping(each) { (escapable) throws(TBXError) -> TBXHeader in
            let delegate = TBXParserDelegate(name: name, each: escapable)
            parser.delegate = delegate
            let ok = parser.parse()
            parser.delegate = nil
            return try finish(parser, delegate, ok: ok, name: name)
        }
    }

    private static func finish(_ parser: XMLParser, _ delegate: TBXParserDelegate, ok: Bool, name: String) throws(TBXError) -> TBXHeader {
        if let error = delegate.error { throw error }
        if !ok {
            let code = (delegate.xmlError?.code ?? parser.parserError.map { ($0 as NSError).code }) ?? 0
            let line = delegate.xmlError?.line ?? parser.lineNumber
            let column = delegate.xmlError?.column ?? parser.columnNumber
            throw .malformedXML(file: name, line: line, column: column, message: explain(code))
        }
        guard delegate.sawRoot else { throw .notTBX(file: name, root: nil) }
        // FoundationXML on Linux reports no error when the input simply stops: a file cut off
        // mid-entry would otherwise import its first concepts as if it were whole.
        if let open = delegate.openElements.last {
            throw .malformedXML(file: name, line: parser.lineNumber, column: parser.columnNumber,
                                message: "the document ends before <\(open.element)> (line \(open.line)) is closed (truncated file?)")
        }
        return delegate.header
    }

    /// A sentence for libxml2's most common error codes (FoundationXML only gives numbers).
    static func explain(_ code: Int) -> String {
        switch XMLParser.ErrorCode(rawValue: code) {
        case .tagNameMismatchError?: "an end tag does not match the open element"
        case .prematureDocumentEndError?: "the document ends before its elements are closed"
        case .emptyDocumentError?: "the document is empty"
        case .invalidCharacterError?: "a character that XML does not allow"
        case .notWellBalancedError?: "elements are not properly nested"
        case .gtRequiredError?: "a '>' is missing"
        case .ltRequiredError?: "a '<' is missing"
        case .attributeNotStartedError?, .attributeNotFinishedError?: "a malformed attribute"
        case .entityRefAtEOFError?, .entityRefLoopError?, .undeclaredEntityError?, .entityNotFinishedError?:
            "an undeclared or malformed entity reference (&…;)"
        case .encodingNotSupportedError?, .unknownEncodingError?: "an unsupported encoding (use UTF-8)"
        case .lessThanSymbolInAttributeError?: "a '<' inside an attribute value"
        default: "XML error \(code)"
        }
    }

    /// Refuses DTD entity declarations (the "billion laughs" and external entities) before the
    /// parser sees them. Looks only at the prolog (before the root element), where a DTD must be.
    static func checkProlog(_ data: Data, name: String) throws(TBXError) {
        let text: String
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = (try? TextDecoding.decode(Data(bytes.prefix(bytes.count & ~1)), name: name, lossy: true)) ?? ""
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        guard text.contains("<!") else { return }
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("<!ENTITY") {
                throw .entityDeclaration(file: name, line: line, column: column)
            }
            if rest.hasPrefix("<!--") {
                // Skip comments so "<!ENTITY" inside a comment is not mistaken for one.
                if let end = rest.range(of: "-->") {
                    for ch in text[index..<end.upperBound] { if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += 1 } }
                    index = end.upperBound
                    continue
                }
                return
            }
            if rest.hasPrefix("<"), let next = rest.dropFirst().first, next != "!", next != "?" {
                return
            }
            if text[index] == "\n" || text[index] == "\r\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
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
    case rejected(file: String, line: Int, column: Int, reason: String)

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
        case let .rejected(file, line, column, reason): "\(file):\(line):\(column): \(reason)"
        }
    }
}

/// The SAX state machine behind `TBXReader`. One instance per parse.
final class TBXParserDelegate: NSObject, XMLParserDelegate {
    let name: String
    let each: (Concept) throws -> Void
    var error: TBXError?
    var header = TBXHeader(version: .v2)
    var sawRoot = false
    /// The elements opened and not yet closed, outermost first: a non-empty stack at the end of
    /// the input means the file was cut off (see `TBXReader.finish`).
    private(set) var openElements: [(element: String, line: Int)] = []

    private var concept: Concept?
    private var conceptLine = 0
    private var seenIDs: [String: Int] = [:]
    private var entryCount = 0
    private var language: LanguageTag?
    private var term: Term?
    private var termLine = 0, termColumn = 0
    /// Open data-category element: its element name, attributes and collected text.
    private var field: (element: String, type: String?, attributes: [Property])?
    private var text = ""
    private var capturing = false
    private var sawStatus = false, sawReview = false
    private var group: (number: Int, element: String)?
    private var groupCounter = 0
    private var inHeader = false, inSourceDesc = false
    private var headerElement: String?

    private static let dataCategories: Set<String> = ["descrip", "admin", "termNote", "note", "transac", "date", "ref", "xref", "transacNote"]
    private static let groups: Set<String> = ["descripGrp", "adminGrp", "transacGrp", "termNoteGrp"]

    init(name: String, each: @escaping (Concept) throws -> Void) {
        self.name = name
        self.each = each
    }

    private func fail(_ parser: XMLParser, _ error: TBXError) {
        if self.error == nil { self.error = error }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard error == nil else { return }
        let line = parser.lineNumber, column = parser.columnNumber
        openElements.append((element, line))
        if !sawRoot {
            sawRoot = true
            switch element {
            case "martif": header.version = .v2
            case "tbx": header.version = .v3
            default: return fail(parser, .notTBX(file: name, root: element))
            }
            header.dialect = attributes["type"]
            header.language = attributes["xml:lang"]
            return
        }
        switch element {
        case "martifHeader", "tbxHeader":
            inHeader = true
        case "sourceDesc":
            inSourceDesc = true
        case "p" where inSourceDesc, "title" where inHeader:
            headerElement = element
            text = ""
            capturing = true
        case "termEntry", "conceptEntry":
            guard concept == nil else { return fail(parser, .misplaced(file: name, line: line, column: column, element: element, expected: "another entry")) }
            entryCount += 1
            let id = attributes["id"].flatMap { $0.isEmpty ? nil : $0 } ?? "entry-\(entryCount)"
            if let first = seenIDs[id] {
                return fail(parser, .duplicateConcept(file: name, line: line, column: column, concept: id, firstLine: first))
            }
            seenIDs[id] = line
            concept = Concept(id: id)
            conceptLine = line
        case "langSet", "langSec":
            guard concept != nil else { return fail(parser, .misplaced(file: name, line: line, column: column, element: element, expected: "a termEntry/conceptEntry")) }
            guard let tag = attributes["xml:lang"] ?? attributes["lang"], !tag.isEmpty else {
                return fail(parser, .missingLanguage(file: name, line: line, column: column, element: element))
            }
            do { language = try LanguageTag(parsing: tag) } catch {
                return fail(parser, .badLanguage(file: name, line: line, column: column, tag: tag, reason: error.description))
            }
        case "tig", "ntig", "termSec":
            guard let language else {
                return fail(parser, .missingLanguage(file: name, line: line, column: column, element: element))
            }
            term = Term(language: language, text: "")
            sawStatus = false
            sawReview = false
            termLine = line
            termColumn = column
        case "term":
            guard term != nil else {
                return fail(parser, .misplaced(file: name, line: line, column: column, element: element, expected: "a tig/ntig/termSec inside a langSet/langSec"))
            }
            text = ""
            capturing = true
        case _ where Self.groups.contains(element):
            groupCounter += 1
            group = (groupCounter, element)
        case _ where Self.dataCategories.contains(element):
            guard concept != nil else { return }
            var others: [Property] = []
            for key in attributes.keys.sorted() where key != "type" {
                if let value = attributes[key] { others.append(Property(type: key, value: value)) }
            }
            field = (element, attributes["type"], others)
            text = ""
            capturing = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if capturing { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard error == nil else { return }
        let line = parser.lineNumber, column = parser.columnNumber
        if !openElements.isEmpty { openElements.removeLast() }
        switch element {
        case "martifHeader", "tbxHeader":
            inHeader = false
        case "sourceDesc":
            inSourceDesc = false
        case "p" where inHeader && headerElement == "p":
            header.sourceDescriptions.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            capturing = false
            headerElement = nil
        case "title" where inHeader && headerElement == "title":
            header.title = text.trimmingCharacters(in: .whitespacesAndNewlines)
            capturing = false
            headerElement = nil
        case "term":
            capturing = false
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else {
                return fail(parser, .emptyTerm(file: name, line: line, column: column, concept: concept?.id ?? "?"))
            }
            term?.text = value
        case "tig", "ntig", "termSec":
            guard let finished = term else { return }
            if finished.text.isEmpty {
                return fail(parser, .emptyTerm(file: name, line: termLine, column: termColumn, concept: concept?.id ?? "?"))
            }
            concept?.terms.append(finished)
            term = nil
        case "langSet", "langSec":
            language = nil
        case _ where Self.groups.contains(element):
            group = nil
        case _ where Self.dataCategories.contains(element):
            guard let open = field, open.element == element else { return }
            field = nil
            capturing = false
            store(TermField(element: open.element, type: open.type, value: text.trimmingCharacters(in: .whitespacesAndNewlines),
                            attributes: open.attributes, group: group?.number, groupElement: group?.element))
        case "termEntry", "conceptEntry":
            guard let finished = concept else { return }
            concept = nil
            if finished.terms.isEmpty {
                return fail(parser, .emptyConcept(file: name, line: conceptLine, column: 1, concept: finished.id))
            }
            do { try each(finished) } catch {
                fail(parser, .rejected(file: name, line: line, column: column, reason: "\(error)"))
            }
        default:
            break
        }
    }

    /// Puts a data category where it belongs: a typed property of the term or concept when
    /// Verbale models it (and it is not part of a group), else a kept field.
    private func store(_ field: TermField) {
        if term != nil {
            if field.group == nil, field.attributes.isEmpty {
                switch (field.element, field.type) {
                case ("termNote", "partOfSpeech") where term?.partOfSpeech == nil: term?.partOfSpeech = field.value; return
                case ("termNote", "termType") where term?.termType == nil: term?.termType = field.value; return
                case ("termNote", "usageNote") where term?.usageNote == nil: term?.usageNote = field.value; return
                case ("admin", "source") where term?.source == nil: term?.source = field.value; return
                case ("admin", "x-review") where !sawReview:
                    sawReview = true
                    if let review = ReviewStatus(rawValue: field.value) { term?.review = review; return }
                case ("termNote", "administrativeStatus") where !sawStatus, ("termNote", "normativeAuthorization") where !sawStatus:
                    sawStatus = true
                    if let status = TermStatus(tbx: field.value) { term?.status = status; return }
                default: break
                }
            }
            term?.fields.append(field)
        } else if let language {
            concept?.languageFields.append(LanguageField(language: language, field: field))
        } else {
            if field.group == nil, field.attributes.isEmpty {
                switch (field.element, field.type) {
                case ("descrip", "subjectField") where concept?.domain == nil: concept?.domain = field.value; return
                case ("descrip", "definition") where concept?.definition == nil: concept?.definition = field.value; return
                case ("note", nil) where concept?.note == nil: concept?.note = field.value; return
                default: break
                }
            }
            concept?.fields.append(field)
        }
    }

    /// The first well-formedness error, where the parser stood when it met it.
    var xmlError: (code: Int, line: Int, column: Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if xmlError == nil { xmlError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(parser, .entityDeclaration(file: self.name, line: parser.lineNumber, column: parser.columnNumber))
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(parser, .entityDeclaration(file: self.name, line: parser.lineNumber, column: parser.columnNumber))
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }
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
