import Foundation
import VerbaleCore

/// Reads XLIFF 1.2 (`file/body/trans-unit`) and XLIFF 2.0/2.1 (`file/unit/segment`), streaming.
///
/// - languages from `source-language`/`target-language` (1.2) or `srcLang`/`trgLang` (2.0),
///   a `<target xml:lang>` overriding; a file without a source language is an error;
/// - XLIFF 2.0: one unit per `<segment>` (ids `unit` or `unit:segment` when a unit has
///   several), notes (`appliesTo` source/target go to that variant), metadata module
///   (`mda:metaGroup`) for dates, users, origin, context, props; inline `ph/pc/sc/ec/mrk/sm/em`
///   with their `originalData` as tag content;
/// - XLIFF 1.2: inline `g/x/bx/ex/ph/bpt/ept/it/mrk` (with `<sub>`), `<note annotates>`,
///   `approved="yes"`, context keys (`<context context-type="x-context-pre">`, in a unit's
///   `<context-group>`); `seg-source` and `alt-trans` are skipped (they repeat or suggest);
/// - states map to `ReviewStatus` (see `XLIFFReviewState`).
public enum XLIFFReader {
    public static func make(source: ByteSource) throws(FormatError) -> XMLUnitReader {
        try XMLUnitReader(source: source, builder: XLIFFBuilder(fileName: source.name))
    }
}

/// Metadata categories Verbale writes in XLIFF 2.0's metadata module.
enum XLIFFMeta {
    static let unitCategory = "verbale"
    static let propertyCategory = "verbale-prop"
    static let attributeCategory = "verbale-attribute"
    static let namespace = "urn:oasis:names:tc:xliff:metadata:2.0"
    /// A unit's exact source and target tags when they differ from the file's `srcLang`/`trgLang`
    /// (`fr-FR` in an `fr` file): XLIFF 2.0 requires a `<target>`'s `xml:lang` to equal `trgLang`.
    static let sourceLanguage = "source-language"
    /// The memory's own unit id, when the 2.0 `id` had to change (not a name token, or repeated);
    /// empty when the unit had none and the `id` was made up (`u3`).
    static let unitID = "id"
    /// The `tool-id` of Verbale's XLIFF 1.2 files: their `resname` is the memory's unit id (absent
    /// when it had none) and their `id` may be made up.
    static let tool12 = "verbale"
    static let targetLanguage = "target-language"
    /// A unit's context keys (TMX `x-context-pre`/`x-context-post`): 2.0 metadata types in the
    /// `verbale` group, 1.2 `context-type`s in a unit's `<context-group purpose="match">`.
    /// An empty one states "no context" (the import infers none from the unit before).
    static let contextBefore = "context-pre"
    static let contextAfter = "context-post"
    static let contextBefore12 = "x-context-pre"
    static let contextAfter12 = "x-context-post"
    /// What 1.2 has no place for and 2.0 keeps in metadata — the unit's own review status, the
    /// source's and the target's own `x-review` and the unit's origin — as `context-type`s of a unit's
    /// `<context-group purpose="information">` (review 1130c, m5: without them a 1.2 round trip
    /// marked every attested English source unreviewed and renamed its origin after the export).
    static let review12 = "x-review"
    static let sourceReview12 = "x-review-source"
    static let targetReview12 = "x-review-target"
    static let origin12 = "x-origin"
    static let information12: Set<String> = [review12, sourceReview12, targetReview12, origin12]
    /// The `<file original>` of a memory's export (the header names no file of its own).
    static let memoryOriginal = "verbale-memory"
    /// XLIFF 2.0 inline `type` takes six values only; a TMX type (`bold`, `x-date`) travels as
    /// `subType="tmx:bold"` beside the nearest 2.0 type, and comes back as `type` on reading.
    static let tmxTypePrefix = "tmx:"
}

final class XLIFFBuilder: XMLUnitBuilder {
    var output = UnitQueue()
    let fileName: String

    private var version2 = false
    /// A 1.2 `<file>` Verbale wrote (`tool-id="verbale"`): unit ids are in `resname`.
    private var idsInResname = false
    /// A memory's export by a Verbale from before 30 Nov 03:39 UTC (`original="verbale-memory"`,
    /// in 1.2 without `tool-id="verbale"`), which gave a unit without an id a made-up `u3` and did
    /// not say so: such an id, `u` and the unit's place in the file, is dropped (`finishUnit`).
    private var olderVerbaleExport = false
    /// The place of the unit being read among its `<file>`'s units, from 1 (as the writer counted).
    private var unitOrdinal = 0
    /// Whether the unit states its id in the metadata (`<mda:meta type="id">`).
    private var idStated = false
    private var sawRoot = false
    private var header = MemoryHeader()
    private var headerPublished = false
    private var sourceLanguage: LanguageTag?
    private var targetLanguage: LanguageTag?

    // The unit being read.
    private var inUnit = false
    /// What the unit (or the file's own metadata) being read may still hold.
    private var budget = UnitBudget()
    private var unitID: String?
    private var unitLine = 0
    private var metadata = UnitMetadata()
    private var sourceExtras = Variant(language: LanguageTag(.english), text: "")
    private var targetExtras = Variant(language: LanguageTag(.english), text: "")
    private var originalData: [String: String] = [:]
    private var segments: [(id: String?, source: InlineCollector, target: InlineCollector?, targetLanguage: LanguageTag?, review: ReviewStatus,
                            notTranslated: Bool, line: Int)] = []
    private var segmentID: String?
    private var segmentReview = ReviewStatus.translated
    /// Whether the segment's (1.2: the target's) state says its target is not a translation
    /// (`XLIFFReviewState.notTranslation2`/`notTranslation12`): such a segment is left out.
    private var segmentNotTranslated = false
    /// SDLXLIFF: each segment's status from its `<sdl:seg conf>` (by `mid`), read after the
    /// target; applied when the trans-unit ends (`finishSegmentedUnit`).
    private var sdlConfirmations: [String: ReviewStatus] = [:]
    /// Whether the 1.2 `<target>` being read states its status (`state` or `approved="yes"`):
    /// then an SDL confirmation can only lower it; else the confirmation is the status.
    private var targetStateStated = false
    private var segmentLine = 0
    private var approved12 = false
    /// The unit's own status from Verbale's metadata (`verbale` group, `review`), which the
    /// segment's state may show lowered to its target text's.
    private var unitReview: ReviewStatus?

    // Text being collected.
    private enum Collecting { case none, source, segSource, target }
    private var collecting = Collecting.none
    private var collector = InlineCollector()
    private var collectedSource: InlineCollector?
    private var collectedTarget: InlineCollector?
    private var targetLangOverride: LanguageTag?
    /// Where the `<target>` being read starts (for an error about its language).
    private var targetPosition = XMLPosition(line: 0, column: 0)
    /// The unit's own source and target tags (metadata), when they differ from the file's.
    private var unitSourceLanguage: LanguageTag?
    private var unitTargetLanguage: LanguageTag?
    private var pairedData: [String] = []
    /// XLIFF 1.2 segments (`<mrk mtype="seg" mid>`, as SDLXLIFF and Okapi write) of the
    /// `<seg-source>` or `<target>` being read: each becomes a unit of its own, and the markers
    /// never become tags. While a segment is open, text and tags go to `part` as well.
    private var parts: [(mid: String, text: InlineCollector)] = []
    private var part = InlineCollector()
    private var partMid: String?
    /// For each open 1.2 `<mrk>`: whether it marks a segment.
    private var openMarks: [Bool] = []
    private var segSourceParts: [(mid: String, text: InlineCollector)] = []
    private var targetParts: [(mid: String, text: InlineCollector)] = []

    // Notes, metadata, data.
    private var field: String?
    private var fieldKind = ""
    private var fieldAppliesTo: String?
    private var metaGroupCategory: String?
    private var metaGroupAppliesTo: String?
    private var metaType = ""
    /// Where the `<meta>` being read starts (for an error about its value).
    private var metaPosition = XMLPosition(line: 0, column: 0)
    private var dataID: String?
    private var skipDepth = 0

    init(fileName: String) {
        self.fileName = fileName
    }

    private func error(_ position: XMLPosition, _ reason: FormatError.Reason) -> FormatError {
        FormatError(file: fileName, line: position.line, column: position.column, reason: reason)
    }

    private static func local(_ name: String) -> (prefix: Bool, local: String) {
        guard let colon = name.lastIndex(of: ":") else { return (false, name) }
        return (true, String(name[name.index(after: colon)...]))
    }

    private func language(_ text: String?, _ position: XMLPosition) throws(FormatError) -> LanguageTag? {
        guard let text, !text.isEmpty else { return nil }
        do { return try LanguageTag(parsing: text) } catch { throw self.error(position, .badLanguageTag(text)) }
    }

    func didStart(_ element: String, attributes: XMLAttributes, at position: XMLPosition) throws(FormatError) {
        if skipDepth > 0 { skipDepth += 1; return }
        if inUnit { try budget.spendElement(attributes, file: fileName) }
        if collecting != .none {
            startInline(element, attributes: attributes)
            return
        }
        if field != nil { skipDepth = 1; return }
        let (prefixed, name) = Self.local(element)
        if !sawRoot {
            guard name == "xliff" else { throw error(position, .unexpectedRoot(found: element, expected: "xliff")) }
            sawRoot = true
            header.version = attributes["version"]
            version2 = !(attributes["version"] ?? "").hasPrefix("1.")
                && (attributes["version"] != nil || attributes["xmlns"]?.contains(":2.") == true)
            if version2 {
                sourceLanguage = try language(attributes["srcLang"], position)
                targetLanguage = try language(attributes["trgLang"], position)
            }
            return
        }
        if prefixed {
            switch name {
            // Trados Studio's confirmation level of each `<mrk mtype="seg">` (review 1130f m4).
            case "seg-defs" where !version2 && inUnit && element.hasPrefix("sdl:"):
                return
            case "seg" where !version2 && inUnit && element.hasPrefix("sdl:"):
                if let id = attributes["id"], let status = XLIFFReviewState.sdlConfirmation(attributes["conf"]) {
                    sdlConfirmations[id] = status
                }
                skipDepth = 1
                return
            case "metadata": return
            case "metaGroup":
                metaGroupCategory = attributes["category"]
                metaGroupAppliesTo = attributes["appliesTo"]
                return
            case "meta":
                field = ""
                fieldKind = "meta"
                metaType = attributes["type"] ?? ""
                metaPosition = position
                return
            default:
                skipDepth = 1
                return
            }
        }
        switch name {
        case "file":
            budget.begin("file", at: position)
            if !version2 {
                sourceLanguage = try language(attributes["source-language"], position)
                targetLanguage = try language(attributes["target-language"], position)
                idsInResname = attributes["tool-id"] == XLIFFMeta.tool12
            }
            olderVerbaleExport = attributes["original"] == XLIFFMeta.memoryOriginal && (version2 || !idsInResname)
            unitOrdinal = 0
            header.original = header.original ?? attributes["original"]
            guard sourceLanguage != nil else {
                throw error(position, .missingAttribute(element: version2 ? "xliff" : "file", attribute: version2 ? "srcLang" : "source-language"))
            }
            publishHeader()
        case "seg-source" where !version2:
            collecting = .segSource
            collector.reset()
            startParts()
        case "context-group" where !version2 && inUnit:
            break
        case "context" where !version2 && inUnit:
            // Only the context keys Verbale (or a tool copying its types) states; another tool's
            // contexts (a database record, a source file) are no segment's keys.
            let type = attributes["context-type"] ?? ""
            guard type == XLIFFMeta.contextBefore12 || type == XLIFFMeta.contextAfter12 || XLIFFMeta.information12.contains(type) else {
                skipDepth = 1
                return
            }
            field = ""
            fieldKind = "context"
            metaType = type == XLIFFMeta.contextBefore12 ? XLIFFMeta.contextBefore : type == XLIFFMeta.contextAfter12 ? XLIFFMeta.contextAfter : type
        case "header" where !version2, "skeleton", "seg-source", "alt-trans", "context-group", "bin-unit", "ignorable", "count-group", "prop-group":
            skipDepth = 1
        case "body", "group", "notes", "originalData":
            break
        case "trans-unit" where !version2, "unit" where version2:
            budget.begin(name, at: position)
            try budget.spendAttributes(attributes, file: fileName)
            startUnit(attributes, position)
            approved12 = attributes["approved"] == "yes"
        case "segment":
            if let allowed = XLIFFReviewState.invalid2(attributes["state"]) {
                throw error(position, .badAttributeValue(element: "segment", attribute: "state", value: attributes["state"] ?? "", allowed: allowed))
            }
            segmentID = attributes["id"]
            segmentReview = XLIFFReviewState.review2(state: attributes["state"], subState: attributes["subState"])
            segmentNotTranslated = XLIFFReviewState.notTranslation2(state: attributes["state"], subState: attributes["subState"])
            segmentLine = position.line
            collectedSource = nil
            collectedTarget = nil
        case "source", "target":
            collecting = name == "source" ? .source : .target
            collector.reset()
            startParts()
            pairedData = []
            if name == "target" {
                targetLangOverride = try language(attributes["xml:lang"], position)
                targetPosition = position
                // XLIFF 2.0 requires trgLang in a file with targets; without it they were dropped
                // and the unit skipped as "only one language" (review 1130g m5).
                if version2, targetLanguage == nil { throw error(position, .missingTargetLanguage(xliff2: true)) }
                if !version2, let allowed = XLIFFReviewState.invalid12(attributes["state"]) {
                    throw error(position, .badAttributeValue(element: "target", attribute: "state", value: attributes["state"] ?? "", allowed: allowed))
                }
                if !version2 {
                    segmentReview = XLIFFReviewState.review12(state: attributes["state"], qualifier: attributes["state-qualifier"],
                                                              approved: approved12)
                    // Kept as the target text's own property, so an export writes it back.
                    if let qualifier = attributes["state-qualifier"], !qualifier.isEmpty {
                        targetExtras.properties.removeAll { $0.type == XLIFFReviewState.qualifierProperty }
                        targetExtras.properties.append(Property(type: XLIFFReviewState.qualifierProperty, value: qualifier))
                    }
                    targetStateStated = attributes["state"] != nil || approved12
                    segmentNotTranslated = XLIFFReviewState.notTranslation12(state: attributes["state"], approved: approved12)
                }
            } else if !version2 {
                segmentLine = position.line
            }
        case "note":
            field = ""
            fieldKind = "note"
            fieldAppliesTo = attributes["appliesTo"] ?? attributes["annotates"]
        case "data":
            field = ""
            fieldKind = "data"
            dataID = attributes["id"]
        case "cp":
            break
        default:
            skipDepth = 1
        }
    }

    func didEnd(_ element: String, at position: XMLPosition) throws(FormatError) {
        if skipDepth > 0 { skipDepth -= 1; return }
        let (prefixed, name) = Self.local(element)
        if collecting != .none {
            if (name == "source" && collecting == .source) || (name == "target" && collecting == .target)
                || (name == "seg-source" && collecting == .segSource), !collector.isInCode {
                switch collecting {
                case .source: collectedSource = collector
                case .segSource: segSourceParts = parts
                default:
                    // XLIFF 1.2 may leave the target language unsaid (both attributes are
                    // optional), but a translation of no known language cannot be stored: refused
                    // when it holds text, where it used to vanish (an empty one loses nothing).
                    if !version2, targetLanguage == nil, targetLangOverride == nil, !(collector.text.isEmpty && collector.tags.isEmpty) {
                        throw error(targetPosition, .missingTargetLanguage(xliff2: false))
                    }
                    collectedTarget = collector
                    targetParts = parts
                }
                collecting = .none
                return
            }
            endInline(name)
            return
        }
        if let text = field {
            field = nil
            try storeField(text)
            return
        }
        if prefixed {
            if name == "metaGroup" {
                metaGroupCategory = nil
                metaGroupAppliesTo = nil
            }
            return
        }
        switch name {
        case "segment" where version2:
            finishSegment()
        case "trans-unit" where !version2:
            segmentID = nil
            if segSourceParts.isEmpty || (collectedTarget != nil && targetParts.isEmpty) {
                finishSegment()
            } else {
                finishSegmentedUnit()
            }
            finishUnit(position)
        case "unit" where version2:
            finishUnit(position)
        default:
            break
        }
    }

    func characters(_ text: String) throws(FormatError) {
        if skipDepth > 0 { return }
        if collecting != .none {
            try budget.spend(text.utf8.count, file: fileName)
            inline { $0.characters(text) }
        } else if field != nil {
            try budget.spend(text.utf8.count, file: fileName)
            field? += text
        }
    }

    func didFinish() throws(FormatError) {
        if !sawRoot { throw FormatError(file: fileName, reason: .unexpectedRoot(found: "(none)", expected: "xliff")) }
        publishHeader()
    }

    // MARK: pieces

    private func publishHeader() {
        guard !headerPublished else { return }
        headerPublished = true
        header.sourceLanguage = sourceLanguage
        header.targetLanguage = targetLanguage
        output.publish(header: header)
    }

    private func startUnit(_ attributes: XMLAttributes, _ position: XMLPosition) {
        inUnit = true
        sdlConfirmations = [:]
        targetStateStated = false
        unitID = idsInResname ? attributes["resname"] : attributes["id"]
        unitOrdinal += 1
        idStated = false
        unitLine = position.line
        metadata = UnitMetadata()
        let placeholder = LanguageTag(.english)
        sourceExtras = Variant(language: placeholder, text: "")
        targetExtras = Variant(language: placeholder, text: "")
        originalData = [:]
        segments = []
        segmentReview = .translated
        segmentNotTranslated = false
        unitReview = nil
        collectedSource = nil
        collectedTarget = nil
        segSourceParts = []
        targetParts = []
        targetLangOverride = nil
        unitSourceLanguage = nil
        unitTargetLanguage = nil
    }

    private func storeField(_ text: String) throws(FormatError) {
        switch fieldKind {
        case "note":
            switch fieldAppliesTo {
            case "source": sourceExtras.notes.append(text)
            case "target": targetExtras.notes.append(text)
            default: metadata.notes.append(text)
            }
        case "data":
            if let dataID { originalData[dataID] = text }
        case "meta":
            try storeMeta(type: metaType, value: text)
        case "context":
            switch metaType {
            case XLIFFMeta.contextBefore: metadata.previousContext = text
            case XLIFFMeta.contextAfter: metadata.nextContext = text
            case XLIFFMeta.review12: unitReview = ReviewStatus(rawValue: text) ?? unitReview
            case XLIFFMeta.sourceReview12:
                if ReviewStatus(rawValue: text) != nil { sourceExtras.properties.append(Property(type: "x-review", value: text)) }
            case XLIFFMeta.targetReview12:
                if ReviewStatus(rawValue: text) != nil { targetExtras.properties.append(Property(type: "x-review", value: text)) }
            case XLIFFMeta.origin12: metadata.origin = text
            default: break
            }
        default:
            break
        }
    }

    private func storeMeta(type: String, value: String) throws(FormatError) {
        let appliesTo = metaGroupAppliesTo
        switch metaGroupCategory {
        case XLIFFMeta.unitCategory?:
            switch type {
            case "creationdate": if let date = CompactDate.parse(value) { metadata.creationDate = date }
            case "creationid": metadata.creationUser = value
            case "changedate": if let date = CompactDate.parse(value) { metadata.changeDate = date }
            case "changeid": metadata.changeUser = value
            case "origin": metadata.origin = value
            case XLIFFMeta.contextBefore: metadata.previousContext = value
            case XLIFFMeta.contextAfter: metadata.nextContext = value
            case "review": unitReview = ReviewStatus(rawValue: value) ?? unitReview
            case XLIFFMeta.unitID:
                unitID = value.isEmpty ? nil : value
                idStated = true
            // A malformed tag is an error, not dropped: the unit would silently take the file's languages.
            case XLIFFMeta.sourceLanguage: unitSourceLanguage = try language(value, metaPosition)
            case XLIFFMeta.targetLanguage: unitTargetLanguage = try language(value, metaPosition)
            default: metadata.properties.append(Property(type: type, value: value))
            }
        case XLIFFMeta.attributeCategory?:
            let property = Property(type: type, value: value)
            switch appliesTo {
            case "source": sourceExtras.attributes.append(property)
            case "target": targetExtras.attributes.append(property)
            default: metadata.attributes.append(property)
            }
        default:
            let property = Property(type: type, value: value)
            switch appliesTo {
            case "source": sourceExtras.properties.append(property)
            case "target": targetExtras.properties.append(property)
            default: metadata.properties.append(property)
            }
        }
    }

    private func finishSegment() {
        guard var source = collectedSource else { return }
        var target = collectedTarget
        if version2 {
            var targetTags = target?.tags ?? []
            XLIFFCodePairs.pair(source: &source.tags, target: &targetTags)
            target?.tags = targetTags
        }
        segments.append((segmentID, source, target, targetLangOverride, segmentReview, segmentNotTranslated, segmentLine))
        collectedSource = nil
        collectedTarget = nil
        targetLangOverride = nil
    }

    private func finishUnit(_ position: XMLPosition) {
        inUnit = false
        guard let sourceLanguage else { return }
        if olderVerbaleExport, !idStated, unitID == "u\(unitOrdinal)" { unitID = nil }
        for (index, segment) in segments.enumerated() {
            var unit = TranslationUnit(id: unitID, variants: [], metadata: metadata)
            if segments.count > 1 { unit.id = "\(unitID ?? ""):\(segment.id ?? String(index + 1))" }
            var targetExtras = self.targetExtras
            // A segment without a target states nothing about a translation (Verbale writes it
            // `initial`): the unit's own status, when the metadata gives one, is the unit's.
            unit.metadata.review = segment.target == nil
                ? unitReview ?? segment.review
                : Self.review(segment: segment.review, unit: unitReview, target: &targetExtras)
            var source = sourceExtras
            source.language = unitSourceLanguage ?? sourceLanguage
            source.text = segment.source.text
            source.tags = segment.source.tags
            appendVariant(source, to: &unit, line: segment.line)
            if let target = segment.target, let language = unitTargetLanguage ?? segment.targetLanguage ?? targetLanguage {
                if CopiedTarget.isCopy(source: segment.source.text, target: target.text, sourceLanguage: source.language,
                                       targetLanguage: language, review: segment.review) {
                    output.warn(FormatWarning(kind: .copiedTarget, file: fileName, line: segment.line, column: 0,
                                               detail: "the \(language) target is the \(source.language) source copied, not a translation; the segment is left out"))
                    continue
                }
                // A guess or a gap is never stored as a translation (review 1130f m5): the state
                // says the target is not one yet (1.2 new/needs-translation, 2.0 initial).
                if segment.notTranslated {
                    output.warn(FormatWarning(kind: .notTranslated, file: fileName, line: segment.line, column: 0,
                                               detail: "the segment's state says its \(language) target is not a translation yet "
                                                   + "(XLIFF 1.2 new or needs-translation, 2.0 initial); the segment is left out"))
                    continue
                }
                var variant = targetExtras
                variant.language = language
                variant.text = target.text
                variant.tags = target.tags
                appendVariant(variant, to: &unit, line: segment.line)
            }
            guard !unit.variants.isEmpty else {
                output.warn(FormatWarning(kind: .emptyUnit, file: fileName, line: segment.line, column: 0,
                                           detail: "a unit with no text in any language is skipped"))
                continue
            }
            output.send(unit, line: segment.line)
        }
    }

    /// One segment per `<mrk mtype="seg">` of the 1.2 `<seg-source>`, with the target's marker of
    /// the same `mid` (none when the target lacks it). Used only when the target is absent or
    /// segmented too; an unsegmented target keeps the whole `<source>`/`<target>` pair.
    private func finishSegmentedUnit() {
        for (mid, source) in segSourceParts {
            let target = collectedTarget == nil ? nil : targetParts.first { $0.mid == mid }?.text
            // The segment's SDL confirmation level; the lower of it and the target's state when
            // the target states one.
            var review = segmentReview
            if let confirmed = sdlConfirmations[mid], !targetStateStated || confirmed.trust < review.trust { review = confirmed }
            segments.append((mid, source, target, targetLangOverride, review, segmentNotTranslated, segmentLine))
        }
        sdlConfirmations = [:]
        targetStateStated = false
        collectedSource = nil
        collectedTarget = nil
        targetLangOverride = nil
    }

    private func startParts() {
        parts = []
        partMid = nil
        openMarks = []
    }

    /// Applies an inline event to the text being collected and to the open 1.2 segment.
    private func inline(_ body: (inout InlineCollector) -> Void) {
        body(&collector)
        if partMid != nil { body(&part) }
    }

    /// The unit's status from its segment's: when the segment shows what Verbale wrote for the
    /// unit's metadata `review` and the target's own `x-review` (the lower of the two), the unit
    /// keeps its own; when a tool changed the state since, the state wins for the unit and the
    /// target's own mark goes.
    private static func review(segment: ReviewStatus, unit: ReviewStatus?, target: inout Variant) -> ReviewStatus {
        guard let unit else { return segment }
        var written = unit
        if let own = target.properties.last(where: { $0.type == "x-review" }).flatMap({ ReviewStatus(rawValue: $0.value.lowercased()) }),
           own.trust < unit.trust {
            written = own
        }
        if segment == written { return unit }
        target.properties.removeAll { $0.type == "x-review" }
        return segment
    }

    private func appendVariant(_ variant: Variant, to unit: inout TranslationUnit, line: Int) {
        if variant.text.isEmpty && variant.tags.isEmpty {
            output.warn(FormatWarning(kind: .emptySegment, file: fileName, line: line, column: 0,
                                       detail: "empty text for \(variant.language); the variant is left out"))
            return
        }
        unit.variants.append(variant)
    }

    // MARK: inline markup

    private func startInline(_ element: String, attributes: XMLAttributes) {
        if collector.isInCode {
            inline { $0.openNested(element, attributes: attributes) }
            return
        }
        if version2 {
            var kept = attributes
            for key in ["dataRef", "dataRefStart", "dataRefEnd"] { kept[key] = nil }
            if let subType = kept["subType"], subType.hasPrefix(XLIFFMeta.tmxTypePrefix) {
                // A TMX type our writer had to spell as a subType (2.0 allows only six types).
                kept["type"] = String(subType.dropFirst(XLIFFMeta.tmxTypePrefix.count))
                kept["subType"] = nil
            }
            switch element {
            case "ph": inline { $0.point(.ph, attributes: kept, content: data(attributes["dataRef"])) }
            case "sc": inline { $0.point(.sc, attributes: kept, content: data(attributes["dataRef"])) }
            case "ec": inline { $0.point(.ec, attributes: kept, content: data(attributes["dataRef"])) }
            case "pc":
                inline { $0.point(.pc, attributes: kept, content: data(attributes["dataRefStart"])) }
                pairedData.append(data(attributes["dataRefEnd"]))
            case "mrk":
                inline { $0.point(.mrk, attributes: kept) }
                pairedData.append("")
            case "sm": inline { $0.point(.mrk, attributes: kept) }
            case "em": inline { $0.point(.mrk, attributes: kept, isClosing: true) }
            case "cp":
                if let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    inline { $0.characters(String(Character(scalar))) }
                }
            default: break
            }
        } else {
            switch element {
            case "bpt": inline { $0.openCode(.bpt, attributes: attributes) }
            case "ept": inline { $0.openCode(.ept, attributes: attributes) }
            case "ph": inline { $0.openCode(.ph, attributes: attributes) }
            case "it": inline { $0.openCode(.it, attributes: attributes) }
            case "x": inline { $0.point(.x, attributes: attributes) }
            case "bx": inline { $0.point(.bx, attributes: attributes) }
            case "ex": inline { $0.point(.ex, attributes: attributes) }
            case "mrk" where attributes["mtype"] == "seg":
                openMarks.append(true)
                if partMid == nil {
                    partMid = attributes["mid"] ?? String(parts.count + 1)
                    part.reset()
                }
            case "g", "mrk":
                if element == "mrk" { openMarks.append(false) }
                inline { $0.point(element == "g" ? .g : .mrk, attributes: attributes) }
            default: break
            }
        }
    }

    private func endInline(_ element: String) {
        if collector.isInCode {
            inline { _ = $0.close(element) }
            return
        }
        switch element {
        case "pc" where version2, "mrk" where version2:
            let content = pairedData.popLast() ?? ""
            inline { $0.point(element == "pc" ? .pc : .mrk, attributes: XMLAttributes(), isClosing: true, content: content) }
        case "mrk" where !version2 && openMarks.popLast() == true:
            if let mid = partMid, !openMarks.contains(true) {
                parts.append((mid, part))
                partMid = nil
            }
        case "g" where !version2, "mrk" where !version2:
            inline { $0.point(element == "g" ? .g : .mrk, attributes: XMLAttributes(), isClosing: true) }
        default:
            break
        }
    }

    private func data(_ id: String?) -> String {
        guard let id, let text = originalData[id] else { return "" }
        return XMLText.escaped(text)
    }
}
