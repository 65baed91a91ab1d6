import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension SRXDocument {
    /// Reads an SRX 2.0 (or 1.0) document.
    ///
    /// Refuses any DOCTYPE or ENTITY declaration before parsing (SRX needs none, and entity
    /// expansion is an attack vector), never resolves external entities, and reports malformed
    /// XML with the line and column FoundationXML stops at. Regular expressions are checked when
    /// the rules are compiled for a language (`SegmentationRules`), where the error can name the
    /// rule. O(n) in the file size.
    ///
    /// ```swift
    /// let srx = try SRXDocument(data: Data(contentsOf: url), name: url.path)
    /// let segmenter = try Segmenter(language: .french, rules: srx)
    /// ```
    public init(data: Data, name: String) throws(SRXError) {
        if let (line, column) = Self.declarationPosition(in: data) {
            throw .doctypeRefused(file: name, line: line, column: column)
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        let reader = SRXReader(file: name, parser: parser)
        parser.delegate = reader
        let ok = parser.parse()
        // FoundationXML on Linux may recover from an error and still return true: trust the
        // first error it reported, not the return value.
        if let (line, column, code) = reader.xmlError {
            throw .malformed(file: name, line: max(line, 1), column: max(column, 1), reason: Self.describeXMLError(code))
        }
        if let error = reader.structureError { throw error }
        if !ok || parser.parserError != nil {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw .malformed(file: name, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1), reason: Self.describeXMLError(code))
        }
        guard reader.sawRoot else { throw .invalidStructure(file: name, line: 1, reason: "no <srx> root element") }
        self.init(segmentSubflows: reader.segmentSubflows, cascade: reader.cascade, languageRules: reader.languageRules, languageMaps: reader.languageMaps)
    }

    /// A readable reason for an XML error code (FoundationXML on Linux passes libxml2's codes
    /// on without a message).
    static func describeXMLError(_ code: Int) -> String {
        let reasons: [Int: String] = [
            3: "no XML element found", 4: "the document is empty", 5: "the document ends too early",
            6: "an invalid character reference", 7: "an invalid character reference", 9: "an invalid character",
            23: "an entity reference without its ';'", 26: "an undefined entity", 38: "a < inside an attribute value (write &lt;)",
            39: "a malformed attribute", 40: "an unfinished attribute value", 41: "an attribute without a value",
            42: "an attribute given twice", 64: "a malformed XML declaration", 68: "a malformed name", 73: "an unfinished tag (> expected)",
            76: "a closing tag that does not match the open element", 77: "an unclosed element", 85: "content after the root element",
        ]
        return reasons[code] ?? "XML error \(code)"
    }

    /// Where the first `<!DOCTYPE` or `<!ENTITY` occurs (1-based line and column), if anywhere.
    static func declarationPosition(in data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data)
        let markers: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
        var line = 1, column = 1
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), markers.contains(where: { bytes[i...].starts(with: $0) }) {
                return (line, column)
            }
            if bytes[i] == UInt8(ascii: "\n") { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return nil
    }
}

/// Collects the SRX elements FoundationXML reports. Stops the parse at the first structural
/// error so the message points at the offending line.
private final class SRXReader: NSObject, XMLParserDelegate {
    let file: String
    unowned let parser: XMLParser
    var structureError: SRXError?
    /// The first XML error FoundationXML reported: line, column, code.
    var xmlError: (Int, Int, Int)?
    var sawRoot = false
    var segmentSubflows = true
    var cascade = true
    var languageRules: [SRXDocument.LanguageRule] = []
    var languageMaps: [SRXDocument.LanguageMap] = []

    private var currentRule: (isBreak: Bool, before: String?, after: String?, line: Int)?
    private var capturing: String?
    private var captured = ""
    private var path: [String] = []

    init(file: String, parser: XMLParser) {
        self.file = file
        self.parser = parser
    }

    private func fail(_ reason: String) {
        guard structureError == nil else { return }
        structureError = .invalidStructure(file: file, line: parser.lineNumber, reason: reason)
        parser.abortParsing()
    }

    private func yes(_ value: String?, default fallback: Bool, attribute: String) -> Bool {
        guard let value else { return fallback }
        switch value.lowercased() {
        case "yes", "true": return true
        case "no", "false": return false
        default:
            fail("\(attribute)=\"\(value)\" must be yes or no")
            return fallback
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let name = elementName.split(separator: ":").last.map(String.init) ?? elementName
        defer { path.append(name) }
        if path.isEmpty {
            guard name == "srx" else { return fail("the root element is <\(name)>, not <srx>") }
            sawRoot = true
            if let version = attributes["version"], !["2.0", "1.0"].contains(version) {
                fail("version \"\(version)\" is not supported (SRX 2.0 or 1.0)")
            }
            return
        }
        switch name {
        case "header":
            segmentSubflows = yes(attributes["segmentsubflows"], default: true, attribute: "segmentsubflows")
            cascade = yes(attributes["cascade"], default: false, attribute: "cascade")
        case "languagerule":
            guard let ruleName = attributes["languagerulename"], !ruleName.isEmpty else {
                return fail("<languagerule> needs a languagerulename")
            }
            if languageRules.contains(where: { $0.name == ruleName }) { return fail("language rule \"\(ruleName)\" is defined twice") }
            languageRules.append(.init(name: ruleName, rules: []))
        case "rule":
            guard path.last == "languagerule" else { return fail("<rule> outside a <languagerule>") }
            currentRule = (yes(attributes["break"], default: true, attribute: "break"), nil, nil, parser.lineNumber)
        case "beforebreak", "afterbreak":
            guard currentRule != nil else { return fail("<\(name)> outside a <rule>") }
            capturing = name
            captured = ""
        case "languagemap":
            guard let pattern = attributes["languagepattern"], let ruleName = attributes["languagerulename"] else {
                return fail("<languagemap> needs languagepattern and languagerulename")
            }
            languageMaps.append(.init(languagePattern: pattern, languageRuleName: ruleName, line: parser.lineNumber))
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if xmlError == nil { xmlError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code) }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing != nil { captured += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if capturing != nil { captured += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let name = elementName.split(separator: ":").last.map(String.init) ?? elementName
        path.removeLast()
        switch name {
        case "beforebreak":
            currentRule?.before = captured
            capturing = nil
        case "afterbreak":
            currentRule?.after = captured
            capturing = nil
        case "rule":
            guard let rule = currentRule else { return }
            languageRules[languageRules.count - 1].rules.append(
                .init(isBreak: rule.isBreak, beforeBreak: rule.before ?? "", afterBreak: rule.after ?? "", line: rule.line))
            currentRule = nil
        case "srx":
            for map in languageMaps where !languageRules.contains(where: { $0.name == map.languageRuleName }) {
                structureError = structureError ?? .unknownLanguageRule(name: map.languageRuleName, line: map.line)
            }
        default:
            break
        }
    }
}
