import VerbaleCore

/// Collects a segment's text and inline tags from XML events (TMX `<seg>`, XLIFF `<source>`/
/// `<target>`): text outside tags goes to `text`, and each code element's content is kept
/// verbatim as XML (with any `<sub>` inside) in its `InlineTag`.
struct InlineCollector {
    private(set) var text = ""
    /// Scalars of `text` counted so far (counted lazily: only tags need positions).
    private var counted = 0
    private var countedUTF8 = 0
    private var scalarCount: Int {
        mutating get {
            let utf8 = text.utf8
            if countedUTF8 < utf8.count {
                let start = utf8.index(utf8.startIndex, offsetBy: countedUTF8)
                counted += text.unicodeScalars[start...].count
                countedUTF8 = utf8.count
            }
            return counted
        }
    }
    /// Tags read so far; the XLIFF reader re-labels sc/ec pairs once a segment is complete.
    var tags: [InlineTag] = []
    /// Depth inside a code element (`bpt`, `ph`…): 0 when reading translatable text.
    private(set) var codeDepth = 0
    private var codeKind: InlineTag.Kind = .ph
    private var codeAttributes: [Property] = []
    private var codeContent = ""

    var isInCode: Bool { codeDepth > 0 }

    mutating func reset() {
        text = ""
        counted = 0
        countedUTF8 = 0
        tags = []
        codeDepth = 0
        codeContent = ""
    }

    mutating func characters(_ string: String) {
        if codeDepth > 0 {
            codeContent += XMLText.escaped(string)
        } else {
            text += string
        }
    }

    /// A code element opens (its content is native code, kept as markup).
    mutating func openCode(_ kind: InlineTag.Kind, attributes: XMLAttributes) {
        codeKind = kind
        codeAttributes = attributes.sortedProperties
        codeContent = ""
        codeDepth = 1
    }

    /// An element inside a code element (`<sub>`, or tags inside a sub): kept as markup.
    mutating func openNested(_ name: String, attributes: XMLAttributes) {
        codeContent += "<" + name
        for property in attributes.sortedProperties {
            codeContent += " \(property.type)=\"\(XMLText.escapedAttribute(property.value))\""
        }
        codeContent += ">"
        codeDepth += 1
    }

    /// Closes the innermost element inside code; returns true when the code element itself closed.
    mutating func close(_ name: String) -> Bool {
        codeDepth -= 1
        if codeDepth > 0 {
            codeContent += "</\(name)>"
            return false
        }
        tags.append(InlineTag(kind: codeKind, position: scalarCount, attributes: codeAttributes, content: codeContent))
        codeContent = ""
        return true
    }

    /// An element with no content of its own (`<x/>`, `<bx/>`, XLIFF 2.0 `<ph/>`), or one end of a wrapper.
    mutating func point(_ kind: InlineTag.Kind, attributes: XMLAttributes, isClosing: Bool = false, content: String = "") {
        tags.append(InlineTag(kind: kind, position: scalarCount, attributes: attributes.sortedProperties, content: content, isClosing: isClosing))
    }
}
