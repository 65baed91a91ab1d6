import Foundation
import VerbaleCore

/// Writes TMX 1.4b, valid against the TMX 1.4 DTD: every required header attribute is present,
/// and attributes the DTD does not allow are carried as `<prop type="x-attribute:NAME">`.
///
/// Units are written as they come (streaming) into a 256 KB buffer with hand-written escaping,
/// so the cost per unit is a few appends: see `verbale-bench tmx-write`.
///
/// Fields TMX has no place for travel as props: `x-review` (always written, so the review
/// status is explicit), `x-origin`, `x-context-pre`, `x-context-post`. Tags from XLIFF become
/// their TMX equivalents (`g`/`pc`/`mrk` → `bpt`/`ept`, `x` → `ph`, `bx`/`sc` → `it pos="begin"`,
/// `ex`/`ec` → `it pos="end"`).
public struct TMXWriter: TranslationUnitWriter {
    private let sink: ByteSink
    private var finished = false
    /// The tags written so far and their text: a memory holds a handful, and `description`
    /// builds its text through two arrays and a join, for every variant (issue 3).
    private var tagTexts: [(tag: LanguageTag, text: String)] = []

    /// Starts the document. `header.sourceLanguage` nil writes `srclang="*all*"`.
    public init(sink: ByteSink, header: MemoryHeader = MemoryHeader()) throws(FormatError) {
        self.sink = sink
        writeHeader(header)
        try sink.flushIfNeeded()
    }

    private func writeHeader(_ header: MemoryHeader) {
        sink.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header")
        sink.appendAttribute("creationtool", header.creationTool ?? "Verbale")
        sink.appendAttribute("creationtoolversion", header.creationToolVersion ?? VerbaleFormatsInfo.version)
        let segtypes: Set<String> = ["block", "paragraph", "sentence", "phrase"]
        sink.appendAttribute("segtype", header.segmentType.flatMap { segtypes.contains($0) ? $0 : nil } ?? "sentence")
        sink.appendAttribute("o-tmf", header.originalFormat ?? "Verbale")
        sink.appendAttribute("adminlang", header.adminLanguage ?? "en")
        sink.appendAttribute("srclang", header.sourceLanguage?.description ?? "*all*")
        sink.appendAttribute("datatype", header.dataType ?? "plaintext")
        if let date = header.creationDate { sink.appendAttribute("creationdate", CompactDate.format(date)) }
        if let user = header.creationUser { sink.appendAttribute("creationid", user) }
        if let date = header.changeDate { sink.appendAttribute("changedate", CompactDate.format(date)) }
        if let user = header.changeUser { sink.appendAttribute("changeid", user) }
        if header.notes.isEmpty && header.properties.isEmpty {
            sink.append("/>\n")
        } else {
            sink.append(">\n")
            for note in header.notes { writeNote(note, indent: "  ") }
            for property in header.properties { writeProp(property.type, property.value, indent: "  ") }
            sink.append("</header>\n")
        }
        sink.append("<body>\n")
    }

    public mutating func write(_ unit: TranslationUnit) throws(FormatError) {
        guard !unit.variants.isEmpty else {
            throw FormatError(file: sink.name, reason: .cannotWrite("a unit without any variant cannot be written to TMX (a <tu> needs a <tuv>)"))
        }
        let metadata = unit.metadata
        sink.append("<tu")
        // Names and the props' fixed types are written as literals: the bytes
        // `appendAttribute`/`writeProp` gave them (none needs escaping), one copy each.
        if let id = unit.id { sink.appendAttribute(prefix: " tuid=\"", id) }
        if let date = metadata.creationDate { sink.appendDateAttribute(prefix: " creationdate=\"", date) }
        if let user = metadata.creationUser { sink.appendAttribute(prefix: " creationid=\"", user) }
        if let date = metadata.changeDate { sink.appendDateAttribute(prefix: " changedate=\"", date) }
        if let user = metadata.changeUser { sink.appendAttribute(prefix: " changeid=\"", user) }
        var extraAttributes: [Property] = []
        for attribute in metadata.attributes {
            if Self.isUnitAttribute(attribute.type) {
                sink.appendAttribute(attribute.type, attribute.value)
            } else {
                extraAttributes.append(attribute)
            }
        }
        sink.append(">\n")
        for note in metadata.notes { writeNote(note, indent: "  ") }
        writeFixedProp("  <prop type=\"x-review\">", metadata.review.rawValue)
        if let origin = metadata.origin { writeFixedProp("  <prop type=\"x-origin\">", origin) }
        if let context = metadata.previousContext { writeFixedProp("  <prop type=\"x-context-pre\">", context) }
        if let context = metadata.nextContext { writeFixedProp("  <prop type=\"x-context-post\">", context) }
        for property in metadata.properties { writeProp(property.type, property.value, indent: "  ") }
        for attribute in extraAttributes { writeProp(TMXPropType.attributePrefix + attribute.type, attribute.value, indent: "  ") }
        for variant in unit.variants { writeVariant(variant, tag: tagText(variant.language)) }
        sink.append("</tu>\n")
        try sink.flushIfNeeded()
    }

    /// Whether the TMX 1.4 DTD allows `<tu>` attribute `name`, besides the ones `UnitMetadata`
    /// has fields for. A `switch`, not a `Set`: checked for every attribute of every unit that
    /// has any (CAT tools' `usagecount`, `lastusagedate`…), where hashing the name cost more.
    static func isUnitAttribute(_ name: String) -> Bool {
        switch name {
        case "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool", "creationtoolversion", "segtype", "o-tmf", "srclang":
            true
        default: false
        }
    }

    /// Whether the DTD allows `<tuv>` attribute `name` (xml:lang is written from
    /// `Variant.language`), likewise.
    static func isVariantAttribute(_ name: String) -> Bool {
        switch name {
        case "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool", "creationtoolversion", "creationdate", "creationid",
             "changedate", "changeid", "o-tmf":
            true
        default: false
        }
    }

    /// `tag.description`, remembered.
    private mutating func tagText(_ tag: LanguageTag) -> String {
        for known in tagTexts where known.tag == tag { return known.text }
        let text = tag.description
        if tagTexts.count < 16 { tagTexts.append((tag, text)) }  // a linear search stays short
        return text
    }

    private func writeVariant(_ variant: Variant, tag: String) {
        sink.append("  <tuv xml:lang=\"")
        sink.append(tag)
        sink.append(byte: 0x22)
        for attribute in variant.attributes where Self.isVariantAttribute(attribute.type) {
            sink.appendAttribute(attribute.type, attribute.value)
        }
        if variant.notes.isEmpty && variant.properties.isEmpty {
            sink.append("><seg>")
        } else {
            sink.append(">\n")
            for note in variant.notes { writeNote(note, indent: "    ") }
            for property in variant.properties { writeProp(property.type, property.value, indent: "    ") }
            sink.append("    <seg>")
        }
        if variant.tags.isEmpty {
            sink.appendEscapedText(variant.text)
        } else {
            writeTagged(variant)
        }
        sink.append("</seg></tuv>\n")
    }

    /// A prop whose opening (`  <prop type="x-review">`) is a literal.
    private func writeFixedProp(_ opening: StaticString, _ value: String) {
        sink.append(opening)
        sink.appendEscapedText(value)
        sink.append("</prop>\n")
    }

    private func writeNote(_ note: String, indent: StaticString) {
        sink.append(indent)
        sink.append("<note>")
        sink.appendEscapedText(note)
        sink.append("</note>\n")
    }

    private func writeProp(_ type: String, _ value: String, indent: StaticString) {
        sink.append(indent)
        sink.append("<prop type=\"")
        sink.appendEscapedAttribute(type)
        sink.append("\">")
        sink.appendEscapedText(value)
        sink.append("</prop>\n")
    }

    /// Text and tags interleaved by position; wrappers that never close are closed at the end
    /// of the segment and closings without an opening are dropped, so the output stays well formed.
    private func writeTagged(_ variant: Variant) {
        var pairs = TagPairing()
        var openHi = 0
        var scalars = variant.text.unicodeScalars.makeIterator()
        var offset = 0
        var run = String.UnicodeScalarView()
        func flushRun() {
            if !run.isEmpty {
                sink.appendEscapedText(String(run))
                run.removeAll(keepingCapacity: true)
            }
        }
        for tag in variant.tags {
            while offset < tag.position, let scalar = scalars.next() {
                run.append(scalar)
                offset += 1
            }
            flushRun()
            switch (tag.kind, tag.isClosing) {
            case (.hi, false):
                sink.append("<hi")
                writeAttributes(tag.attributes, allowed: ["x", "type"])
                sink.append(">")
                openHi += 1
            case (.hi, true):
                if openHi > 0 {
                    sink.append("</hi>")
                    openHi -= 1
                }
            case (.bpt, _), (.ept, _), (.ph, _), (.it, _), (.ut, _):
                writeCode(tag.kind.rawValue, tag, pairs: &pairs)
            case (.g, false), (.pc, false), (.mrk, false):
                let i = pairs.open(tag.attribute("id") ?? tag.attribute("i"))
                writeCode("bpt", InlineTag(kind: .bpt, position: tag.position, attributes: [Property(type: "i", value: i)], content: tag.content), pairs: &pairs)
            case (.g, true), (.pc, true), (.mrk, true):
                if let i = pairs.close(tag.attribute("id") ?? tag.attribute("i")) {
                    writeCode("ept", InlineTag(kind: .ept, position: tag.position, attributes: [Property(type: "i", value: i)], content: tag.content), pairs: &pairs)
                }
            case (.x, _):
                writeCode("ph", InlineTag(kind: .ph, position: tag.position, content: tag.content), pairs: &pairs)
            case (.bx, _), (.sc, _):
                writeCode("it", InlineTag(kind: .it, position: tag.position, attributes: [Property(type: "pos", value: "begin")], content: tag.content), pairs: &pairs)
            case (.ex, _), (.ec, _):
                writeCode("it", InlineTag(kind: .it, position: tag.position, attributes: [Property(type: "pos", value: "end")], content: tag.content), pairs: &pairs)
            case (.sub, _):
                break
            }
        }
        while let scalar = scalars.next() { run.append(scalar) }
        flushRun()
        for _ in 0..<openHi { sink.append("</hi>") }
    }

    private static let codeAttributes: [String: Set<String>] = [
        "bpt": ["i", "x", "type"], "ept": ["i"], "ph": ["x", "assoc", "type"], "it": ["pos", "x", "type"], "ut": ["x"],
    ]

    private func writeCode(_ name: String, _ tag: InlineTag, pairs: inout TagPairing) {
        sink.append("<")
        sink.append(name)
        var attributes = tag.attributes
        // Required attributes: i on bpt/ept, pos on it.
        if (name == "bpt" || name == "ept"), tag.attribute("i") == nil {
            let i = name == "bpt" ? pairs.open(nil) : (pairs.close(nil) ?? pairs.open(nil))
            attributes.insert(Property(type: "i", value: i), at: 0)
        }
        if name == "it", tag.attribute("pos") == nil { attributes.insert(Property(type: "pos", value: "begin"), at: 0) }
        writeAttributes(attributes, allowed: Self.codeAttributes[name] ?? [])
        if tag.content.isEmpty {
            sink.append("/>")
        } else {
            sink.append(">")
            sink.append(tag.content)
            sink.append("</")
            sink.append(name)
            sink.append(">")
        }
    }

    private func writeAttributes(_ attributes: [Property], allowed: Set<String>) {
        for attribute in attributes where allowed.contains(attribute.type) {
            sink.appendAttribute(attribute.type, attribute.value)
        }
    }

    public mutating func finish() throws(FormatError) {
        guard !finished else { return }
        finished = true
        sink.append("</body>\n</tmx>\n")
        try sink.flush()
    }
}

/// Numbers `bpt`/`ept` pairs made from XLIFF paired tags, matching each closing to its opening.
struct TagPairing {
    private var next = 1
    private var open: [(key: String?, i: String)] = []

    mutating func open(_ key: String?) -> String {
        let i = String(next)
        next += 1
        open.append((key, i))
        return i
    }

    mutating func close(_ key: String?) -> String? {
        if let key, let index = open.lastIndex(where: { $0.key == key }) {
            return open.remove(at: index).i
        }
        return open.popLast()?.i
    }
}

/// Facts about this library that writers put in their headers.
public enum VerbaleFormatsInfo {
    public static let version = "0.1"
}
