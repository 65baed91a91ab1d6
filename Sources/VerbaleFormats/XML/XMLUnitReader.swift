import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VerbaleCore

/// Turns XML events into units for one format (TMX, XLIFF). Runs on the parser thread.
protocol XMLUnitBuilder: AnyObject {
    /// Where to send units, warnings and the header.
    var channel: UnitChannel { get }
    var fileName: String { get }
    func didStart(_ element: String, attributes: [String: String], parser: XMLParser) throws(FormatError)
    func didEnd(_ element: String, parser: XMLParser) throws(FormatError)
    func characters(_ text: String)
    /// Called once after a successful parse (publish the header if it never came).
    func didFinish() throws(FormatError)
}

/// A streaming reader for XML formats: FoundationXML's `XMLParser(stream:)` (libxml2's push
/// parser) runs on its own thread and hands units over through a bounded `UnitChannel`.
///
/// Why a thread: `XMLParser` pushes events and cannot be paused, while importers want to pull
/// units; the bounded channel makes the parser wait for the importer, so memory stays at a few
/// batches of units plus the parser's 64 KB chunk, whatever the file size.
///
/// Security: any entity declaration in a DOCTYPE is refused (no expansion, "billion laughs"),
/// external entities are never resolved (nothing is read from disk or the network).
public final class XMLUnitReader: TranslationUnitReader {
    public let header: MemoryHeader
    public private(set) var unitsRead = 0
    public private(set) var unitLine = 0
    private let channel: UnitChannel
    private var batch: [UnitChannel.Item] = []
    private var index = 0
    private var done = false

    init(source: ByteSource, builder: XMLUnitBuilder) throws(FormatError) {
        channel = builder.channel
        try DoctypeGuard.check(source)
        let pump = XMLEventPump(source: source, builder: builder)
        let thread = Thread { pump.run() }
        thread.name = "verbale.xml-reader"
        thread.stackSize = 8 << 20
        thread.start()
        do {
            header = try channel.waitForHeader() ?? MemoryHeader()
        } catch {
            channel.cancel()
            throw error
        }
    }

    deinit { channel.cancel() }

    public var warnings: [FormatWarning] { channel.warnings }

    public func next() throws(FormatError) -> TranslationUnit? {
        if index >= batch.count {
            if done { return nil }
            guard let next = try channel.nextBatch() else {
                done = true
                batch = []
                index = 0
                return nil
            }
            batch = next
            index = 0
        }
        let item = batch[index]
        index += 1
        unitsRead += 1
        unitLine = item.line
        return item.unit
    }
}

/// The parser thread's side: owns the `XMLParser`, forwards events to the builder, and turns
/// parser errors into `FormatError`s with line and column.
final class XMLEventPump: NSObject, XMLParserDelegate, @unchecked Sendable {
    private let source: ByteSource
    private let builder: XMLUnitBuilder
    private var failure: FormatError?

    init(source: ByteSource, builder: XMLUnitBuilder) {
        self.source = source
        self.builder = builder
    }

    func run() {
        let stream = ByteSourceInputStream(source)
        let parser = XMLParser(stream: stream)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let succeeded = parser.parse()
        if failure == nil, let streamFailure = stream.failure { failure = streamFailure }
        if failure == nil, !succeeded, !builder.channel.isCancelled {
            failure = FormatError(file: source.name, line: parser.lineNumber, column: parser.columnNumber,
                                  reason: Self.reason(for: parser.parserError))
        }
        if failure == nil, source.bytesRead == 0 {
            failure = FormatError(file: source.name, reason: .empty)
        }
        if failure == nil {
            do { try builder.didFinish() } catch { failure = error }
        }
        builder.channel.finish(error: failure)
    }

    private func fail(_ error: FormatError, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    static func reason(for error: Error?) -> FormatError.Reason {
        guard let error = error as NSError? else { return .malformedXML("the parser stopped") }
        let detail = (error.userInfo[NSLocalizedDescriptionKey] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
        let code = error.code
        let text = detail.flatMap { $0.isEmpty ? nil : $0 } ?? libxmlMessage(code)
        switch code {
        case 31, 32: return .unsupportedEncoding(text)
        case 9, 81: return .invalidEncoding(text)
        default: return .malformedXML(text)
        }
    }

    /// Plain words for the libxml2 error codes seen most in broken memory files.
    static func libxmlMessage(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "the document ends too early (truncated file?)"
        case 9: "a character that is not allowed (invalid UTF-8, or a control character)"
        case 31, 32: "unsupported or unknown encoding"
        case 38: "an attribute without a value or a quote"
        case 39: "an attribute value is missing its closing quote"
        case 41: "an attribute is repeated"
        case 64, 65: "a name was expected here"
        case 73: "a start tag is missing its closing '>'"
        case 76: "an end tag does not match its start tag"
        case 77: "the document ends before its elements are closed (truncated file?)"
        case 81: "the bytes are not valid for the declared encoding"
        case 89: "an entity was used but never declared"
        default: "error \(code) from the XML parser"
        }
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        guard failure == nil else { return }
        do { try builder.didStart(elementName, attributes: attributeDict, parser: parser) } catch { fail(error, parser) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        do { try builder.didEnd(elementName, parser: parser) } catch { fail(error, parser) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        builder.characters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil else { return }
        builder.characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(FormatError(file: source.name, line: parser.lineNumber, column: parser.columnNumber,
                         reason: .entityDeclaration(name: name, external: false)), parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(FormatError(file: source.name, line: parser.lineNumber, column: parser.columnNumber,
                         reason: .entityDeclaration(name: name, external: true)), parser)
    }

    func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?, notationName: String?) {
        fail(FormatError(file: source.name, line: parser.lineNumber, column: parser.columnNumber,
                         reason: .entityDeclaration(name: name, external: true)), parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        fail(FormatError(file: source.name, line: parser.lineNumber, column: parser.columnNumber,
                         reason: .entityDeclaration(name: name, external: true)), parser)
        return nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard failure == nil else { return }
        failure = FormatError(file: source.name, line: parser.lineNumber, column: parser.columnNumber, reason: Self.reason(for: parseError))
        parser.abortParsing()
    }
}
