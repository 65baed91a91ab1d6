import Foundation
import VerbaleCore
import ZIPFoundation

/// A minimal WordprocessingML (.docx) document: paragraphs of runs (bold, italic, highlight),
/// enough for a diplomat to open a pre-translated draft in Word or LibreOffice and finish it.
///
/// Why hand-written OOXML: the package needs four parts ([Content_Types].xml, _rels/.rels,
/// word/document.xml, word/styles.xml) and ZIPFoundation to zip them; no template engine.
/// Khmer runs get a complex-script font and `w:lang w:bidi="km-KH"` so Word shapes them.
/// Cost: O(text); the zip is built in memory.
public struct DocxDocument: Sendable {
    public struct Run: Sendable {
        public var text: String
        public var bold = false
        public var italic = false
        public var highlight = false
        /// The run's language, written as `w:lang` so Word proofs it in that language (review
        /// 1130c m7: a French note tagged en-GB was underlined throughout); nil: Verbale's own
        /// English (headings, marks).
        public var language: Language?
        public init(_ text: String, bold: Bool = false, italic: Bool = false, highlight: Bool = false, language: Language? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.highlight = highlight
            self.language = language
        }
    }

    public struct Paragraph: Sendable {
        public var runs: [Run]
        public var heading = false
        public init(_ runs: [Run], heading: Bool = false) {
            self.runs = runs
            self.heading = heading
        }
    }

    public var paragraphs: [Paragraph] = []
    public init(paragraphs: [Paragraph] = []) { self.paragraphs = paragraphs }

    /// The document of a pre-translation: per target language a heading, then the translated
    /// paragraphs; untranslated parts highlighted, unreviewed segments marked in italics.
    public init(_ result: Pretranslation) {
        let scalars = Array(result.source.unicodeScalars)
        for language in result.targetLanguages where language != result.sourceLanguage {
            paragraphs.append(Paragraph([Run("\(language.englishName) — pre-translated by Verbale (\(result.coverageSummary(language)); highlighted: parts not translated, and fuzzy matches to check)", bold: true)], heading: true))
            var current: [Run] = []
            var previousEnd = 0
            for segment in result.segments {
                let gap = String(String.UnicodeScalarView(scalars[min(previousEnd, segment.start)..<segment.start]))
                if gap.contains("\n"), !current.isEmpty {
                    paragraphs.append(Paragraph(current))
                    current = []
                } else if !current.isEmpty {
                    current.append(Run(" "))
                }
                if let target = segment.targets[language.rawValue] {
                    current += Self.runs(target.text, language: language, source: result.sourceLanguage)
                    if let mark = target.fuzzyMark { current.append(Run(" " + mark, italic: true, highlight: true)) }
                    if target.isUnreviewed { current.append(Run(" [unreviewed]", italic: true)) }
                }
                previousEnd = segment.end
            }
            if !current.isEmpty { paragraphs.append(Paragraph(current)) }
        }
    }

    /// Splits a translation at ⟦…⟧ into plain runs in `language` and highlighted runs in the
    /// draft's `source` language, which the untranslated parts are still written in (markers
    /// kept, so the marking survives a copy into plain text).
    static func runs(_ text: String, language: Language? = nil, source: Language? = nil) -> [Run] {
        var runs: [Run] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "⟦") {
            if open > rest.startIndex { runs.append(Run(String(rest[..<open]), language: language)) }
            guard let close = rest[open...].firstIndex(of: "⟧") else { break }
            runs.append(Run(String(rest[open...close]), highlight: true, language: source))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { runs.append(Run(String(rest), language: language)) }
        return runs
    }

    /// The run's `w:lang`: its language's usual locale in `w:val` (British English, France's
    /// French, Cambodia's Khmer), and Khmer in `w:bidi` always, the complex-script language
    /// Word shapes Khmer letters with in any run.
    static func languageProperty(_ language: Language?) -> String {
        let tag: String
        switch language {
        case .french: tag = "fr-FR"
        case .khmer: tag = "km-KH"
        case .english, nil: tag = "en-GB"
        }
        return "<w:lang w:val=\"\(tag)\" w:bidi=\"km-KH\"/>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 forbids most C0 controls; drop them rather than write an invalid part.
                if scalar.value < 0x20, scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    var documentXML: String {
        var body = ""
        for paragraph in paragraphs {
            body += "<w:p>"
            if paragraph.heading { body += "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" }
            for run in paragraph.runs {
                var properties = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Khmer OS Siemreap\"/>"
                if run.bold { properties += "<w:b/>" }
                if run.italic { properties += "<w:i/>" }
                if run.highlight { properties += "<w:highlight w:val=\"yellow\"/>" }
                properties += Self.languageProperty(run.language)
                body += "<w:r><w:rPr>\(properties)</w:rPr><w:t xml:space=\"preserve\">\(Self.escape(run.text))</w:t></w:r>"
            }
            body += "</w:p>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
    """

    static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """

    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="200"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style></w:styles>
    """

    /// The .docx file's bytes.
    public func data() throws(DraftError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            let parts: [(String, String)] = [
                ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
                ("word/document.xml", documentXML), ("word/_rels/document.xml.rels", Self.documentRelationships),
                ("word/styles.xml", Self.styles),
            ]
            for (path, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let data = archive.data else { throw DraftError.unsupportedFormat("docx: the archive is empty") }
            return data
        } catch let error as DraftError {
            throw error
        } catch {
            throw .unsupportedFormat("docx: \(error)")
        }
    }
}
