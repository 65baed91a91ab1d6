import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the paragraphs of a Word `.docx` file: the text of each `<w:p>` of
/// `word/document.xml`, in document order (table cells and text boxes included).
///
/// A `.docx` is a ZIP archive (ISO/IEC 29500 Open Packaging); the body is WordprocessingML.
/// Reading is defensive, because documents arrive by e-mail: the one entry needed is inflated
/// in a streamed loop that stops as soon as it passes `maximumUncompressedSize` or
/// `maximumRatio` × its compressed size (a zip bomb is refused after reading at most that much,
/// whatever its header claims), checksums are verified, the XML parser resolves no external
/// entities, and an encrypted file (an OLE container, `D0 CF 11 E0`) gets its own message.
/// Cost: O(size of `document.xml`) time and memory.
public struct DocxReader: Sendable {
    /// 64 MB of WordprocessingML is far beyond any note (a 300-page report is ~10 MB).
    public var maximumUncompressedSize: UInt64 = 64 << 20
    /// XML compresses about 5–20×; 200× only happens with padding made to inflate.
    public var maximumRatio: UInt64 = 200

    public init() {}

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    public func paragraphs(data: Data, name: String) throws(DocumentError) -> [String] {
        let magic = [UInt8](data.prefix(8))
        if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { throw .encryptedDocx(name: name) }
        guard magic.starts(with: [0x50, 0x4B]) else {
            throw .corruptDocx(name: name, reason: data.isEmpty ? "the file is empty" : "no ZIP signature at the start")
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw .corruptDocx(name: name, reason: "the ZIP directory cannot be read: \(error)")
        }
        guard let entry = archive["word/document.xml"] else {
            throw .corruptDocx(name: name, reason: "no word/document.xml inside; is it a Word document?")
        }
        if entry.uncompressedSize > maximumUncompressedSize {
            throw .tooLarge(name: name, reason: "word/document.xml would inflate to \(entry.uncompressedSize) bytes (limit \(maximumUncompressedSize))")
        }
        let cap = min(maximumUncompressedSize, max(entry.compressedSize, 1) * maximumRatio, max(entry.uncompressedSize, 1) + 1)
        var xml = Data()
        var limitHit = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                xml.append(chunk)
                if UInt64(xml.count) > cap {
                    limitHit = true
                    throw CocoaError(.fileReadTooLarge)
                }
            }
        } catch {
            if limitHit {
                throw .tooLarge(name: name, reason: "word/document.xml inflates past \(cap) bytes (\(entry.compressedSize) compressed; limit \(maximumRatio)× or \(maximumUncompressedSize) bytes): a zip bomb or a damaged header")
            }
            throw .corruptDocx(name: name, reason: "word/document.xml cannot be inflated (\(error)); the file may be damaged or encrypted")
        }
        return try Self.parse(xml, name: name)
    }

    public func paragraphs(contentsOf url: URL) throws(DocumentError) -> [String] {
        let data: Data
        do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw .unreadable(name: url.path, reason: error.localizedDescription)
        }
        return try paragraphs(data: data, name: url.path)
    }

    static func parse(_ xml: Data, name: String) throws(DocumentError) -> [String] {
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let collector = ParagraphCollector()
        parser.delegate = collector
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw .corruptDocx(name: name, reason: "word/document.xml line \(parser.lineNumber), column \(parser.columnNumber): \(reason)")
        }
        return collector.paragraphs
    }
}

/// Collects `<w:p>` texts. Paragraphs can nest (a text box inside a paragraph), so open
/// paragraphs are a stack; each is emitted when it closes, after the ones inside it.
private final class ParagraphCollector: NSObject, XMLParserDelegate {
    var paragraphs: [String] = []
    private var open: [String] = []
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard namespaceURI == DocxReader.wordNamespace else { return }
        switch elementName {
        case "p": open.append("")
        case "t": inText = true
        case "tab": appendToCurrent("\t")
        case "br", "cr": appendToCurrent("\n")
        case "noBreakHyphen": appendToCurrent("\u{2011}")
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard namespaceURI == DocxReader.wordNamespace else { return }
        switch elementName {
        case "t": inText = false
        case "p":
            if let text = open.popLast() {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { paragraphs.append(trimmed) }
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { appendToCurrent(string) }
    }

    private func appendToCurrent(_ text: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1] += text
    }
}
