import Foundation
import VerbaleCore

/// Writes `Concept`s as TBX, one entry at a time, so exporting a large termbase never holds
/// the whole document in memory.
///
/// `.v3` writes TBX-Basic in the DCA style of ISO 30042:2019 (`tbx`, `conceptEntry`,
/// `langSec`, `termSec`); `.v2` writes the older `martif` form (`termEntry`, `langSet`, `tig`).
/// Every field `TBXReader` kept is written back, so read ∘ write is the identity on the model.
///
/// ```swift
/// var out = ""
/// let writer = TBXWriter(version: .v3)
/// out += writer.start(TBXHeader(version: .v3, sourceDescriptions: ["Verbale export"]))
/// for concept in concepts { out += writer.entry(concept) }
/// out += writer.end()
/// ```
/// Cost: O(size of the entry) per call.
public struct TBXWriter: Sendable {
    public var version: TBXVersion
    /// The root's `xml:lang` (the termbase's working language).
    public var language: String

    public init(version: TBXVersion = .v3, language: String = "en") {
        self.version = version
        self.language = language
    }

    /// The XML declaration, root element and header.
    public func start(_ header: TBXHeader) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let lang = header.language ?? language
        switch version {
        case .v3:
            let dialect = header.dialect.flatMap { $0 == "TBX" ? nil : $0 } ?? "TBX-Basic"
            out += "<tbx type=\"\(escape(dialect))\" style=\"dca\" xml:lang=\"\(escape(lang))\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
            out += "  <tbxHeader>\n    <fileDesc>\n"
        case .v2:
            out += "<martif type=\"\(escape(header.dialect.flatMap { $0.hasPrefix("TBX-") ? nil : $0 } ?? "TBX"))\" xml:lang=\"\(escape(lang))\">\n"
            out += "  <martifHeader>\n    <fileDesc>\n"
        }
        if let title = header.title {
            out += "      <titleStmt><title>\(escape(title))</title></titleStmt>\n"
        }
        out += "      <sourceDesc>\n"
        let paragraphs = header.sourceDescriptions.isEmpty ? ["Exported by Verbale"] : header.sourceDescriptions
        for paragraph in paragraphs { out += "        <p>\(escape(paragraph))</p>\n" }
        out += "      </sourceDesc>\n    </fileDesc>\n"
        switch version {
        case .v3: out += "  </tbxHeader>\n"
        case .v2: out += "    <encodingDesc><p type=\"XCSURI\">TBXBasicXCSV02.xcs</p></encodingDesc>\n  </martifHeader>\n"
        }
        out += "  <text>\n    <body>\n"
        return out
    }

    /// One concept entry.
    public func entry(_ concept: Concept) -> String {
        let entryElement = version == .v3 ? "conceptEntry" : "termEntry"
        let languageElement = version == .v3 ? "langSec" : "langSet"
        let termElement = version == .v3 ? "termSec" : "tig"
        var out = "      <\(entryElement) id=\"\(escape(concept.id))\">\n"
        var conceptFields: [TermField] = []
        if let domain = concept.domain { conceptFields.append(TermField(element: "descrip", type: "subjectField", value: domain)) }
        if let definition = concept.definition { conceptFields.append(TermField(element: "descrip", type: "definition", value: definition)) }
        if let note = concept.note { conceptFields.append(TermField(element: "note", value: note)) }
        out += fields(conceptFields + concept.fields, indent: "        ")
        var languages: [LanguageTag] = concept.languages
        for field in concept.languageFields where !languages.contains(field.language) { languages.append(field.language) }
        for language in languages {
            out += "        <\(languageElement) xml:lang=\"\(escape(language.description))\">\n"
            out += fields(concept.languageFields.filter { $0.language == language }.map(\.field), indent: "          ")
            for term in concept.terms where term.language == language {
                out += "          <\(termElement)>\n"
                out += "            <term>\(escape(term.text))</term>\n"
                var notes: [TermField] = []
                if let pos = term.partOfSpeech { notes.append(TermField(element: "termNote", type: "partOfSpeech", value: pos)) }
                if let type = term.termType { notes.append(TermField(element: "termNote", type: "termType", value: type)) }
                // Only a status the term was given: none is written as none (review 1130b, m8).
                if let status = term.declaredStatus {
                    notes.append(TermField(element: "termNote", type: "administrativeStatus",
                                           value: version == .v3 ? status.tbxValue : "\(status.rawValue)Term-admn-sts"))
                }
                if let usage = term.usageNote { notes.append(TermField(element: "termNote", type: "usageNote", value: usage)) }
                let kept = term.fields
                var rest: [TermField] = []
                if let source = term.source { rest.append(TermField(element: "admin", type: "source", value: source)) }
                if term.review != .translated { rest.append(TermField(element: "admin", type: "x-review", value: term.review.rawValue)) }
                out += fields(notes + kept.filter { $0.element == "termNote" && $0.group == nil }, indent: "            ")
                out += fields(rest + kept.filter { !($0.element == "termNote" && $0.group == nil) }, indent: "            ")
                out += "          </\(termElement)>\n"
            }
            out += "        </\(languageElement)>\n"
        }
        out += "      </\(entryElement)>\n"
        return out
    }

    /// Closes the body and the root.
    public func end() -> String {
        "    </body>\n  </text>\n</\(version == .v3 ? "tbx" : "martif")>\n"
    }

    /// Writes `fields`, wrapping runs that share a group number in their group element.
    private func fields(_ fields: [TermField], indent: String) -> String {
        var out = ""
        var index = 0
        while index < fields.count {
            let field = fields[index]
            if let group = field.group, let groupElement = field.groupElement {
                var end = index
                while end < fields.count, fields[end].group == group { end += 1 }
                out += "\(indent)<\(groupElement)>\n"
                for member in fields[index..<end] { out += "\(indent)  \(element(member))\n" }
                out += "\(indent)</\(groupElement)>\n"
                index = end
            } else {
                out += "\(indent)\(element(field))\n"
                index += 1
            }
        }
        return out
    }

    private func element(_ field: TermField) -> String {
        var attributes = ""
        if let type = field.type { attributes += " type=\"\(escape(type))\"" }
        for attribute in field.attributes { attributes += " \(attribute.type)=\"\(escape(attribute.value))\"" }
        if field.value.isEmpty { return "<\(field.element)\(attributes)/>" }
        return "<\(field.element)\(attributes)>\(escape(field.value))</\(field.element)>"
    }

    /// XML-escapes text and attribute values (quotes included), with the shared rules of
    /// `XMLText`: C0 controls XML cannot carry become U+FFFD.
    func escape(_ text: String) -> String { XMLText.escaped(text, quotes: true) }
}
