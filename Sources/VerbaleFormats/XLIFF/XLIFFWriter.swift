import Foundation
import VerbaleCore

/// The XLIFF versions Verbale writes.
public enum XLIFFVersion: String, Sendable, CaseIterable {
    case v1_2 = "1.2"
    case v2_0 = "2.0"
}

/// Writes bilingual XLIFF 2.0 (default) or 1.2, streaming, one `<unit>` (`<trans-unit>`) per
/// translation unit.
///
/// XLIFF is bilingual: the source and target languages are `languages[0]` and `[1]`, else the
/// header's, else the first unit's first two variants. A unit with no variant in the source
/// language is skipped and counted in `skipped`; one without the target is written with its
/// source alone and counted in `withoutTarget`. The writer holds one pair: choosing it (and
/// refusing a memory of more languages) is the caller's job (`XLIFFLanguagePair`). XLIFF 2.0 keeps everything TMX keeps (dates, users, origin, context, props,
/// notes per language) through the metadata module; XLIFF 1.2 keeps text, tags, notes, state,
/// context, and the unit's own review, the target's own review and the origin
/// (`writeInformation12`).
///
/// Contexts (the keys of the previous and next source segments, for 101 matches): 2.0 as
/// `<mda:meta type="context-pre">` / `context-post`, 1.2 as `<context-group purpose="match">` with `<context context-type="x-context-pre">` / `x-context-post` (XLIFF 1.2
/// §2.5.5: `purpose="match"` marks context for matching; `x-` types are the spec's extension
/// point). When the header states contexts (`MemoryHeader.statesContexts`: a memory's export),
/// a unit without one gets an empty `context-pre`, "none", so that importing the file gives it
/// none instead of the keys of the unit written before it, which is not its document's.
///
/// Ids: XLIFF requires one on every unit, a memory's units may have none (a TSV row, an
/// aligned sentence). Such a unit gets a made-up `u3`, and the file says it was made up, so
/// that `import(export(m))` does not give the unit an id it never had (review 30 Nov, m4):
/// 2.0 writes `<mda:meta type="id"></mda:meta>` (empty: "no id of its own"; a unit whose id had
/// to change carries it there), 1.2 keeps the memory's id in `resname` and marks the file
/// with `tool-id="verbale"`, which tells the reader to take ids from `resname`.
public struct XLIFFWriter: TranslationUnitWriter {
    private let sink: ByteSink
    private let version: XLIFFVersion
    private var header: MemoryHeader
    /// `header.statesContexts`, read once.
    private let statesContexts: Bool
    private var source: LanguageTag?
    private var target: LanguageTag?
    private var started = false
    private var finished = false
    private var counter = 0
    /// Units left out because they had no text in the source language.
    public private(set) var skipped = 0
    /// Units written with their source alone, having no text in the target language.
    public private(set) var withoutTarget = 0
    /// Unit ids written so far: XLIFF requires them unique in a `<file>`, and memories merged
    /// from several TMX files repeat `tuid`s. Cost: one string per unit (≈ 40 bytes).
    private var usedIDs: Set<String> = []

    public init(sink: ByteSink, header: MemoryHeader = MemoryHeader(), languages: [LanguageTag] = [],
                version: XLIFFVersion = .v2_0) throws(FormatError) {
        self.sink = sink
        self.version = version
        self.header = header
        statesContexts = header.statesContexts
        source = languages.first ?? header.sourceLanguage
        target = languages.count > 1 ? languages[1] : header.targetLanguage
    }

    private mutating func start(with unit: TranslationUnit?) {
        started = true
        if source == nil { source = unit?.variants.first?.language ?? LanguageTag(.english) }
        if target == nil, let unit, let source {
            target = unit.variants.first { !$0.language.matches(source) && $0.language != source }?.language
        }
        let source = self.source ?? LanguageTag(.english)
        sink.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        switch version {
        case .v2_0:
            sink.append("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" version=\"2.0\"")
            sink.appendAttribute("srcLang", source.description)
            if let target { sink.appendAttribute("trgLang", target.description) }
            sink.append(">\n<file id=\"f1\"")
            sink.appendAttribute("original", header.original ?? XLIFFMeta.memoryOriginal)
            sink.append(">\n")
        case .v1_2:
            sink.append("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n<file")
            sink.appendAttribute("original", header.original ?? XLIFFMeta.memoryOriginal)
            sink.appendAttribute("source-language", source.description)
            if let target { sink.appendAttribute("target-language", target.description) }
            sink.append(" datatype=\"plaintext\"")
            sink.appendAttribute("tool-id", XLIFFMeta.tool12)
            sink.append(">\n<header>\n<tool")
            sink.appendAttribute("tool-id", XLIFFMeta.tool12)
            sink.append(" tool-name=\"Verbale\"/>\n</header>\n<body>\n")
        }
    }

    /// The variant for `language`: the same tag first, else one it matches (`fr` ↔ `fr-FR`).
    private func variant(_ unit: TranslationUnit, _ language: LanguageTag) -> Variant? {
        unit.variants.first { $0.language == language } ?? unit.variants.first { language.matches($0.language) }
    }

    public mutating func write(_ unit: TranslationUnit) throws(FormatError) {
        try write(unit, targetIsTranslation: true)
    }

    /// Writes `unit`; `targetIsTranslation: false` says its target is not a translation yet — a
    /// pre-translation holding ⟦untranslated⟧ parts, or a fuzzy match of another sentence — the
    /// way each version defines it: 2.0 `state="initial" subState="verbale:needs-translation"`,
    /// 1.2 `state="needs-translation"`. A CAT tool opens the target as a draft to finish, and
    /// `verbale import` leaves it out rather than store a guess or a gap as a translation
    /// (review 1130f m5). The unit's own status still travels in the metadata.
    public mutating func write(_ unit: TranslationUnit, targetIsTranslation: Bool) throws(FormatError) {
        if !started { start(with: unit) }
        guard let source, let sourceVariant = variant(unit, source) else {
            skipped += 1
            return
        }
        let targetVariant = target.flatMap { variant(unit, $0) }
        if targetVariant == nil { withoutTarget += 1 }
        counter += 1
        let wanted = unit.id ?? "u\(counter)"
        let id = uniqueID(version == .v2_0 ? Self.nameToken(wanted) : wanted)
        // The memory's own id in the metadata when the 2.0 id is not it: "" when it had none.
        // An own id that looks made up (`u3` for the third unit) is stated too: a reader drops
        // such an id when nothing says it is the unit's own (older exports made them up silently).
        let ownID: String? = unit.id == id && id != "u\(counter)" ? nil : (unit.id ?? "")
        switch version {
        case .v2_0: writeUnit2(unit, id: id, originalID: ownID, source: sourceVariant, target: targetVariant, isTranslation: targetIsTranslation)
        case .v1_2: writeUnit12(unit, id: id, source: sourceVariant, target: targetVariant, isTranslation: targetIsTranslation)
        }
        try sink.flushIfNeeded()
    }

    /// `id` as an XML name token (XLIFF 2.0 unit ids are `NMTOKEN`s): characters other than
    /// letters, marks, digits and `.-_:` become `_`; the memory's own id is kept in metadata.
    static func nameToken(_ id: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in id.unicodeScalars {
            let allowed: Bool
            if scalar.isASCII {
                allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_:".unicodeScalars.contains(scalar)
            } else {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .decimalNumber: allowed = true
                default: allowed = false
                }
            }
            out.append(allowed ? scalar : "_")
        }
        return out.isEmpty ? "_" : String(out)
    }

    /// `id`, or `id-2`, `id-3`… when a unit already has it.
    private mutating func uniqueID(_ id: String) -> String {
        var candidate = id
        var suffix = 1
        while !usedIDs.insert(candidate).inserted {
            suffix += 1
            candidate = "\(id)-\(suffix)"
        }
        return candidate
    }

    // MARK: XLIFF 2.0

    private func writeUnit2(_ unit: TranslationUnit, id: String, originalID: String?, source: Variant, target: Variant?, isTranslation: Bool) {
        sink.append("<unit")
        sink.appendAttribute("id", id)
        sink.append(">\n")
        let m = unit.metadata
        var unitMeta: [(String, String)] = []
        if let originalID { unitMeta.append((XLIFFMeta.unitID, originalID)) }
        if let date = m.creationDate { unitMeta.append(("creationdate", CompactDate.format(date))) }
        if let user = m.creationUser { unitMeta.append(("creationid", user)) }
        if let date = m.changeDate { unitMeta.append(("changedate", CompactDate.format(date))) }
        if let user = m.changeUser { unitMeta.append(("changeid", user)) }
        if let origin = m.origin { unitMeta.append(("origin", origin)) }
        if let context = m.previousContext ?? (statesContexts ? "" : nil) { unitMeta.append((XLIFFMeta.contextBefore, context)) }
        if let context = m.nextContext { unitMeta.append((XLIFFMeta.contextAfter, context)) }
        if source.language != self.source { unitMeta.append((XLIFFMeta.sourceLanguage, source.language.description)) }
        if let target, let language = self.target, target.language != language {
            unitMeta.append((XLIFFMeta.targetLanguage, target.language.description))
        }
        unitMeta.append(("review", m.review.rawValue))
        let groups: [(String, String?, [(String, String)])] = [
            (XLIFFMeta.unitCategory, nil, unitMeta),
            (XLIFFMeta.propertyCategory, nil, m.properties.map { ($0.type, $0.value) }),
            (XLIFFMeta.attributeCategory, nil, m.attributes.map { ($0.type, $0.value) }),
            (XLIFFMeta.propertyCategory, "source", source.properties.map { ($0.type, $0.value) }),
            (XLIFFMeta.attributeCategory, "source", source.attributes.map { ($0.type, $0.value) }),
            (XLIFFMeta.propertyCategory, "target", target?.properties.map { ($0.type, $0.value) } ?? []),
            (XLIFFMeta.attributeCategory, "target", target?.attributes.map { ($0.type, $0.value) } ?? []),
        ]
        sink.append("  <mda:metadata>\n")
        for (category, appliesTo, metas) in groups where !metas.isEmpty {
            sink.append("    <mda:metaGroup")
            sink.appendAttribute("category", category)
            if let appliesTo { sink.appendAttribute("appliesTo", appliesTo) }
            sink.append(">\n")
            for (type, value) in metas {
                appendTextElement("mda:meta", indent: "      ", attribute: ("type", type), text: value)
            }
            sink.append("    </mda:metaGroup>\n")
        }
        sink.append("  </mda:metadata>\n")
        let notes = m.notes.map { ($0, String?.none) } + source.notes.map { ($0, "source") } + (target?.notes ?? []).map { ($0, "target") }
        if !notes.isEmpty {
            sink.append("  <notes>\n")
            for (note, appliesTo) in notes {
                appendTextElement("note", indent: "    ", attribute: appliesTo.map { ("appliesTo", $0) }, text: note)
            }
            sink.append("  </notes>\n")
        }
        var inline = Inline2(source: source, target: target)
        let sourceMarkup = inline.markup(source)
        let targetMarkup = target.map { inline.markup($0) }
        if !inline.data.isEmpty {
            sink.append("  <originalData>\n")
            for (dataID, content) in inline.data {
                sink.append("    <data")
                sink.appendAttribute("id", dataID)
                sink.append(">")
                sink.appendEscapedText(content)
                sink.append("</data>\n")
            }
            sink.append("  </originalData>\n")
        }
        // The segment shows its target's status when lower than the unit's (unreviewed Khmer in
        // a translated unit); the unit's own status travels in the metadata above.
        // A segment without a target is `initial` whatever the unit's status (review 1130d m2:
        // it said `translated` with nothing translated, and CAT tools filter translated
        // segments out of the work); the unit's status still travels in the metadata, and the
        // reader takes it from there for a segment without a target.
        let review = XLIFFReviewState.segment(unit, target: target)
        sink.append("  <segment")
        if target == nil {
            sink.appendAttribute("state", "initial")
        } else if !isTranslation {
            sink.appendAttribute("state", "initial")
            sink.appendAttribute("subState", XLIFFReviewState.subStatePrefix + XLIFFReviewState.needsTranslation)
        } else {
            sink.appendAttribute("state", XLIFFReviewState.state2(review))
            sink.appendAttribute("subState", XLIFFReviewState.subStatePrefix + review.rawValue)
        }
        sink.append(">\n    <source>")
        sink.append(sourceMarkup)
        sink.append("</source>\n")
        if let targetMarkup {
            sink.append("    <target>")
            sink.append(targetMarkup)
            sink.append("</target>\n")
        }
        sink.append("  </segment>\n</unit>\n")
    }

    // MARK: XLIFF 1.2

    private func writeUnit12(_ unit: TranslationUnit, id: String, source: Variant, target: Variant?, isTranslation: Bool) {
        let review = XLIFFReviewState.segment(unit, target: target)
        sink.append("<trans-unit")
        sink.appendAttribute("id", id)
        if let own = unit.id { sink.appendAttribute("resname", own) }
        if review == .approved { sink.append(" approved=\"yes\"") }
        sink.append(">\n  <source>")
        sink.append(Inline12.markup(source))
        sink.append("</source>\n")
        if let target {
            sink.append("  <target")
            sink.appendAttribute("state", isTranslation ? XLIFFReviewState.state12(review) : XLIFFReviewState.needsTranslation)
            // The qualifier the text was imported with, when 1.2 allows the value.
            if let qualifier = target.properties.last(where: { $0.type == XLIFFReviewState.qualifierProperty })?.value,
               XLIFFReviewState.isQualifier12(qualifier) {
                sink.appendAttribute("state-qualifier", qualifier)
            }
            if target.language != self.target { sink.appendAttribute("xml:lang", target.language.description) }
            sink.append(">")
            sink.append(Inline12.markup(target))
            sink.append("</target>\n")
        }
        for note in unit.metadata.notes { writeNote12(note, annotates: nil) }
        for note in source.notes { writeNote12(note, annotates: "source") }
        for note in target?.notes ?? [] { writeNote12(note, annotates: "target") }
        writeContexts12(unit.metadata)
        writeInformation12(unit, source: source, target: target)
        sink.append("</trans-unit>\n")
    }

    /// The unit's own review status, its texts' own `x-review` and the origin, which 1.2 has
    /// no element for, as one `<context-group purpose="information">` (`XLIFFMeta.information12`).
    /// The target's `state` still says the lower of the two, for other tools.
    private func writeInformation12(_ unit: TranslationUnit, source: Variant, target: Variant?) {
        sink.append("  <context-group purpose=\"information\">\n")
        appendTextElement("context", indent: "    ", attribute: ("context-type", XLIFFMeta.review12), text: unit.metadata.review.rawValue)
        for (variant, type) in [(source, XLIFFMeta.sourceReview12), (target, XLIFFMeta.targetReview12)] {
            guard let own = variant?.properties.last(where: { $0.type == "x-review" }) else { continue }
            appendTextElement("context", indent: "    ", attribute: ("context-type", type), text: own.value)
        }
        if let origin = unit.metadata.origin {
            appendTextElement("context", indent: "    ", attribute: ("context-type", XLIFFMeta.origin12), text: origin)
        }
        sink.append("  </context-group>\n")
    }

    /// The unit's contexts as one `<context-group purpose="match">`, none when it has none to
    /// state.
    private func writeContexts12(_ m: UnitMetadata) {
        var contexts: [(String, String)] = []
        if let before = m.previousContext ?? (statesContexts ? "" : nil) { contexts.append((XLIFFMeta.contextBefore12, before)) }
        if let after = m.nextContext { contexts.append((XLIFFMeta.contextAfter12, after)) }
        guard !contexts.isEmpty else { return }
        // No `name`: the 1.2 schema makes a group's name unique in its `<file>`.
        sink.append("  <context-group purpose=\"match\">\n")
        for (type, value) in contexts {
            appendTextElement("context", indent: "    ", attribute: ("context-type", type), text: value)
        }
        sink.append("  </context-group>\n")
    }

    /// `<name attribute="…">text</name>` on a line of its own, attribute and text escaped.
    private func appendTextElement(_ name: String, indent: String, attribute: (name: String, value: String)?, text: String) {
        sink.append(indent)
        sink.append("<")
        sink.append(name)
        if let attribute { sink.appendAttribute(attribute.name, attribute.value) }
        sink.append(">")
        sink.appendEscapedText(text)
        sink.append("</")
        sink.append(name)
        sink.append(">\n")
    }

    private func writeNote12(_ note: String, annotates: String?) {
        appendTextElement("note", indent: "  ", attribute: annotates.map { ("annotates", $0) }, text: note)
    }

    public mutating func finish() throws(FormatError) {
        guard !finished else { return }
        if !started { start(with: nil) }
        finished = true
        switch version {
        case .v2_0:
            // A 2.0 <file> needs a <unit> or <group>: an empty export gets one empty group.
            if counter == 0 { sink.append("<group id=\"empty\"/>\n") }
            sink.append("</file>\n</xliff>\n")
        case .v1_2: sink.append("</body>\n</file>\n</xliff>\n")
        }
        try sink.flush()
    }
}

/// Splits a variant's text at its tags' positions and hands each piece to `emit`.
func interleave(_ variant: Variant, text emit: (String) -> Void, tag: (InlineTag) -> Void) {
    var scalars = variant.text.unicodeScalars.makeIterator()
    var offset = 0
    var run = String.UnicodeScalarView()
    for inline in variant.tags {
        while offset < inline.position, let scalar = scalars.next() {
            run.append(scalar)
            offset += 1
        }
        if !run.isEmpty { emit(String(run)); run.removeAll() }
        tag(inline)
    }
    while let scalar = scalars.next() { run.append(scalar) }
    if !run.isEmpty { emit(String(run)) }
}

/// XLIFF 1.2 inline markup: TMX's code elements are XLIFF 1.2 elements too (`i` becomes `id`).
enum Inline12 {
    static func markup(_ variant: Variant) -> String {
        var out = ""
        var open: [String] = []
        var counter = 0
        func id(_ tag: InlineTag) -> String {
            if let id = tag.attribute("id") ?? tag.attribute("i") ?? tag.attribute("x") { return id }
            counter += 1
            return "v\(counter)"
        }
        func attributes(_ tag: InlineTag, _ names: Set<String>) -> String {
            tag.attributes.filter { names.contains($0.type) && $0.type != "id" }
                .map { " \($0.type)=\"\(XMLText.escapedAttribute($0.value))\"" }.joined()
        }
        interleave(variant, text: { out += XMLText.escaped($0) }) { tag in
            let idAttribute = " id=\"\(XMLText.escapedAttribute(id(tag)))\""
            switch (tag.kind, tag.isClosing) {
            case (.g, false), (.pc, false), (.hi, false):
                out += "<g\(idAttribute)\(attributes(tag, ["ctype", "clone", "xid", "equiv-text"]))>"
                open.append("g")
            case (.mrk, false):
                let mtype = tag.attribute("mtype") ?? "x-mrk"
                out += "<mrk mtype=\"\(XMLText.escapedAttribute(mtype))\"\(attributes(tag, ["mid", "comment"]))>"
                open.append("mrk")
            case (.g, true), (.pc, true), (.hi, true), (.mrk, true):
                if let last = open.popLast() { out += "</\(last)>" }
            case (.x, _): out += "<x\(idAttribute)\(attributes(tag, ["ctype", "clone", "xid", "equiv-text"]))/>"
            case (.bx, _), (.sc, _): out += "<bx\(idAttribute)\(attributes(tag, ["rid", "ctype", "clone", "xid", "equiv-text"]))/>"
            case (.ex, _), (.ec, _): out += "<ex\(idAttribute)\(attributes(tag, ["rid", "xid", "equiv-text"]))/>"
            case (.bpt, _), (.ept, _), (.ph, _), (.it, _), (.ut, _):
                let name = tag.kind == .ut ? "ph" : tag.kind.rawValue
                var extra = attributes(tag, ["rid", "ctype", "crc", "assoc", "xid", "equiv-text", "pos", "pos"])
                if tag.kind == .it, tag.attribute("pos") == nil { extra += " pos=\"open\"" }
                if tag.kind == .it, let pos = tag.attribute("pos"), pos == "begin" || pos == "end" {
                    extra = attributes(tag, ["rid", "ctype", "crc", "xid", "equiv-text"]) + " pos=\"\(pos == "begin" ? "open" : "close")\""
                }
                out += "<\(name)\(idAttribute)\(extra)>\(tag.content)</\(name)>"
            case (.sub, _):
                break
            }
        }
        while let last = open.popLast() { out += "</\(last)>" }
        return out
    }
}
