import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VerbaleCore

/// Reads the shipped formula memory (TMX 1.4b: `tu`, `tuv`, `prop`, `note`, `seg`) into units.
///
/// Why here and not VerbaleFormats' TMX reader: the drafting module had to ship before the
/// general reader landed; this reader accepts only what the shipped formula files use (plain
/// `seg` text, props and notes) and refuses the rest with file:line:column, so a formula file
/// that needs the full reader says so instead of losing markup. XMLParser refuses external
/// entities and entity expansion bombs (see DESIGN.md). Cost: one streaming pass.
enum FormulaMemoryReader {
    static func read(_ data: Data, name: String) throws(DraftError) -> [TranslationUnit] {
        let delegate = Delegate(name: name)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.error { throw error }
        guard ok else {
            throw .malformedMemory(file: name, line: parser.lineNumber, column: parser.columnNumber,
                                   reason: parser.parserError.map { "\($0.localizedDescription)" } ?? "XML error")
        }
        if delegate.depth > 0 {
            throw .malformedMemory(file: name, line: parser.lineNumber, column: parser.columnNumber,
                                   reason: "the file ends inside an element (truncated?)")
        }
        guard delegate.sawTMX else { throw .malformedMemory(file: name, line: 1, column: 1, reason: "no <tmx> root element") }
        return delegate.units
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let name: String
        var units: [TranslationUnit] = []
        var error: DraftError?
        var sawTMX = false
        var depth = 0
        private var unit: TranslationUnit?
        private var variant: Variant?
        private var propType: String?
        private var text = ""
        private var inSeg = false

        init(name: String) { self.name = name }

        private func fail(_ parser: XMLParser, _ reason: String) {
            if error == nil { error = .malformedMemory(file: name, line: parser.lineNumber, column: parser.columnNumber, reason: reason) }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            text = ""
            depth += 1
            switch element {
            case "tmx": sawTMX = true
            case "tu": unit = TranslationUnit(id: attributes["tuid"], variants: [])
            case "tuv":
                guard unit != nil else { return fail(parser, "<tuv> outside <tu>") }
                guard let lang = attributes["xml:lang"] ?? attributes["lang"] else { return fail(parser, "<tuv> without xml:lang") }
                do { variant = Variant(language: try LanguageTag(parsing: lang), text: "") } catch { return fail(parser, error.description) }
            case "prop": propType = attributes["type"]
            case "seg": inSeg = true
            case "header", "body", "note": break
            default:
                if inSeg { fail(parser, "inline element <\(element)> is not supported in formula memories") }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            switch element {
            case "seg":
                variant?.text = text
                inSeg = false
            case "prop":
                guard let type = propType else { return fail(parser, "<prop> without type") }
                let property = Property(type: type, value: text)
                if variant != nil { variant?.properties.append(property) } else { unit?.metadata.properties.append(property) }
                propType = nil
            case "note":
                if variant != nil { variant?.notes.append(text) } else { unit?.metadata.notes.append(text) }
            case "tuv":
                if let variant { unit?.variants.append(variant) }
                variant = nil
            case "tu":
                if let unit {
                    if unit.variants.isEmpty { return fail(parser, "<tu> without <tuv>") }
                    units.append(unit)
                }
                unit = nil
            default: break
            }
            text = ""
        }
    }
}
