import Foundation
import VerbaleCore

/// Reads TMX 1.1, 1.2, 1.3 and 1.4b (streaming; see `XMLUnitReader` for the threading and
/// the entity rules).
///
/// - languages from `xml:lang` or TMX 1.1's `lang`, canonicalised as BCP 47 (`EN-us` → `en-US`);
///   a `<tuv>` with neither is an error with its line and column;
/// - `<tu>` attributes go to `UnitMetadata` (dates, users) or `UnitMetadata.attributes`
///   (`o-tmf`, `usagecount`…); `<prop type="x-review">` gives the review status, `x-origin`,
///   `x-context-pre`/`x-context-post` the origin and context hashes;
/// - inline `bpt/ept/ph/it/ut` (with `<sub>`) are kept verbatim, `hi` as an opening and a
///   closing tag, all at their offsets in the plain text;
/// - an empty `<seg>` drops its variant and a unit left without text is skipped, each with a
///   `FormatWarning`;
/// - a `<tu>` with two or more texts of one language (memoQ/Trados alternatives) becomes one
///   unit per combination (`LanguageAlternatives`), with a `splitAlternatives` warning.
///
/// Cost: O(file) time, O(1) memory in the number of units (bounded hand-off).
public enum TMXReader {
    public static func make(source: ByteSource) throws(FormatError) -> XMLUnitReader {
        try XMLUnitReader(source: source, builder: TMXBuilder(fileName: source.name))
    }
}

/// Prop types Verbale uses for fields TMX has no attribute for.
enum TMXPropType {
    static let review = "x-review"
    static let origin = "x-origin"
    static let contextBefore = "x-context-pre"
    static let contextAfter = "x-context-post"
    /// A `<tu>` attribute the TMX 1.4 DTD does not allow, kept as `x-attribute:NAME`.
    static let attributePrefix = "x-attribute:"
}

/// A value the scanner mutates in place (see `XMLUnitBuilder`). The unit and the variant being
/// read are moved, not copied, into the queue: a copy costs a retain and a release per string
/// and array they hold (measured: two copies and a destruction of each variant, ≈ 750
/// instructions, before the variant was an optional taken out of the builder).
struct TMXBuilder: XMLUnitBuilder {
    var output = UnitQueue()
    let fileName: String

    private enum Place { case outside, header, body, tu, tuv, seg }
    private var place = Place.outside
    private var sawRoot = false
    private var header = MemoryHeader()
    private var headerPublished = false

    private var unit = TranslationUnit(variants: [])
    /// Whether `unit` is still `emptyUnit` as `finishUnit` left it (or as it began): the next
    /// `<tu>` then starts from it as it is, without copying `emptyUnit` over it again.
    private var unitIsEmpty = true
    private var unitLine = 0
    private var unitColumn = 0
    /// Whether the current `<tu>` had Verbale's own `x-review` prop: it then wins over a
    /// Trados `x-ConfirmationLevel` in the same unit, whichever comes first.
    private var unitHasReviewProp = false
    /// Whether the current `<tu>` has two texts of one language (`LanguageAlternatives`).
    private var unitRepeatsLanguage = false
    /// The languages of the current `<tu>`'s texts so far, one bit each (`languages`), and the
    /// current `<tuv>`'s bit: finding a repeated language costs an AND per text on this hot
    /// path, not a copy and compare of `LanguageTag` (strings and an array) per text.
    private var unitLanguageBits: UInt64 = 0
    private var variantLanguageBit: UInt64 = 0
    /// The `<tuv>` being read (nil between a kept variant and the next `<tuv>`): taken, not
    /// copied, into the unit at `</tuv>`.
    private var variant: Variant?
    /// Whether the current `<tuv>` has had its `<seg>`: the DTD allows one
    /// (`<!ELEMENT tuv ((note|prop)*, seg)>`), and a second is refused, since which text is the
    /// variant cannot be told.
    private var variantHasSegment = false
    /// Whether that `<seg>` held text or inline tags: the variant is kept at `</tuv>`.
    private var variantHasText = false
    private var variantLine = 0
    private var variantColumn = 0
    private var segment = InlineCollector()
    /// Text of the `<note>` or `<prop>` being read (nil when not in one).
    private var field: String?
    private var propType = ""
    private var unknownDepth = 0
    /// Parsed language tags by their spelling: a file names a handful of languages a million
    /// times. Each tag has its own bit (`en` and `EN` share one); past 64 tags, bit 0 means
    /// "compare the tags".
    private var languages: [String: (tag: LanguageTag, bit: UInt64)] = [:]
    /// The first four spellings met again (with their tags and bits), searched before `languages`.
    private var recentSpellings: [String] = []
    private var recentTags: [LanguageTag] = []
    private var recentBits: [UInt64] = []
    /// What the unit (or the header) being read may still hold.
    private var budget = UnitBudget()

    init(fileName: String) {
        self.fileName = fileName
    }

    private func error(_ position: XMLPosition, _ reason: FormatError.Reason) -> FormatError {
        FormatError(file: fileName, line: position.line, column: position.column, reason: reason)
    }

    mutating func didStart(_ element: String, attributes: XMLAttributes, at position: XMLPosition) throws(FormatError) {
        if place != .outside && place != .body { try budget.spendElement(attributes, file: fileName) }
        if place == .seg {
            if segment.isInCode {
                segment.openNested(element, attributes: attributes)
                return
            }
            switch element {
            case "bpt": segment.openCode(.bpt, attributes: attributes)
            case "ept": segment.openCode(.ept, attributes: attributes)
            case "ph": segment.openCode(.ph, attributes: attributes)
            case "it": segment.openCode(.it, attributes: attributes)
            case "ut": segment.openCode(.ut, attributes: attributes)
            case "hi": segment.point(.hi, attributes: attributes)
            default:
                // Unknown markup in a segment: keep its text, drop the element, say so.
                output.warn(FormatWarning(kind: .ignored, file: fileName, line: position.line, column: position.column,
                                           detail: "<\(element)> inside <seg> is not TMX; its text is kept, the element dropped"))
            }
            return
        }
        if unknownDepth > 0 || field != nil {
            unknownDepth += 1
            return
        }
        switch element {
        // The unit's own elements first: `switch` on strings tries the cases in order.
        case "tu" where place == .body:
            place = .tu
            unitLine = position.line
            unitColumn = position.column
            budget.begin("tu", at: position)
            try budget.spendAttributes(attributes, file: fileName)
            if !unitIsEmpty { unit = Self.emptyUnit }
            unitIsEmpty = false
            unitHasReviewProp = false
            unitRepeatsLanguage = false
            unitLanguageBits = 0
            // Two languages is the common unit: one allocation, not a second one to grow.
            unit.variants.reserveCapacity(2)
            readUnitAttributes(attributes)
        case "tuv" where place == .tu:
            place = .tuv
            variantLine = position.line
            variantColumn = position.column
            // One pass for both attributes: a `<tuv>` with `xml:lang` alone costs what it did.
            var xmlLang: String?
            var oldLang: String?
            for (name, value) in attributes.pairs {
                if name == "xml:lang" { xmlLang = value } else if name == "lang" { oldLang = value }
            }
            guard var lang = xmlLang ?? oldLang else {
                throw error(position, .missingAttribute(element: "tuv", attribute: "language (xml:lang, or lang in TMX 1.1)"))
            }
            if let xmlLang, let oldLang, xmlLang != oldLang {
                lang = languageOf(xmlLang: xmlLang, lang: oldLang, at: position)
            }
            let tag: LanguageTag
            if let index = recentSpellings.firstIndex(of: lang) {
                // A file alternates two or three spellings: a compare of short strings, no hash
                // (and no copy of the entries, which `first(where:)` made).
                tag = recentTags[index]
                variantLanguageBit = recentBits[index]
            } else if let known = languages[lang] {
                tag = known.tag
                variantLanguageBit = known.bit
                if recentSpellings.count < 4 {
                    recentSpellings.append(lang)
                    recentTags.append(known.tag)
                    recentBits.append(known.bit)
                }
            } else {
                do { tag = try LanguageTag(parsing: lang) } catch { throw self.error(position, .badLanguageTag(lang)) }
                let bits = Set(languages.values.map(\.bit))
                let bit = languages.values.first { $0.tag == tag }?.bit ?? (bits.count < 64 ? UInt64(1) << UInt64(bits.count) : 0)
                languages[lang] = (tag, bit)
                variantLanguageBit = bit
            }
            variant = Variant(language: tag, text: "", attributes: attributes.sortedProperties(excluding: "xml:lang", "lang"))
            variantHasSegment = false
            variantHasText = false
        case "seg" where place == .tuv:
            guard !variantHasSegment else { throw error(position, .repeatedElement("seg", inside: "tuv")) }
            variantHasSegment = true
            place = .seg
            segment.reset()
        case "tmx":
            sawRoot = true
            header.version = attributes["version"]
        case "header":
            place = .header
            budget.begin("header", at: position)
            try budget.spendAttributes(attributes, file: fileName)
            readHeaderAttributes(attributes)
        case "body":
            publishHeader()
            place = .body
        case "note", "prop":
            guard place == .header || place == .tu || place == .tuv else {
                throw error(position, .unexpectedElement(element, inside: place == .body ? "body" : "tmx"))
            }
            field = ""
            propType = attributes["type"] ?? ""
        default:
            if !sawRoot { throw error(position, .unexpectedRoot(found: element, expected: "tmx")) }
            // ude/map in the header, or extensions: skipped with their content.
            unknownDepth = 1
        }
    }

    mutating func didEnd(_ element: String, at position: XMLPosition) throws(FormatError) {
        if place == .seg {
            if segment.isInCode {
                _ = segment.close(element)
                return
            }
            switch element {
            case "seg": finishSegment(position)
            case "hi": segment.point(.hi, attributes: XMLAttributes(), isClosing: true)
            default: break
            }
            return
        }
        if unknownDepth > 0 {
            unknownDepth -= 1
            return
        }
        if let text = field, element == "note" || element == "prop" {
            field = nil
            store(field: element, text: text)
            return
        }
        switch element {
        case "tuv":
            place = .tu
            finishVariant()
        case "tu":
            place = .body
            try finishUnit(position)
        case "header":
            place = .outside
            publishHeader()
        case "body": place = .outside
        default: break
        }
    }

    /// Text counts only in a `<seg>` or in a `<note>`/`<prop>` (what `characters` keeps): the
    /// line ends between `<tu>`s are not made into strings.
    var wantsCharacters: Bool { place == .seg || (field != nil && unknownDepth == 0) }

    mutating func characters(_ text: String) throws(FormatError) {
        if place == .seg {
            try budget.spend(text.utf8.count, file: fileName)
            segment.characters(text)
        } else if field != nil, unknownDepth == 0 {
            try budget.spend(text.utf8.count, file: fileName)
            field? += text
        }
    }

    mutating func didFinish() throws(FormatError) {
        if !sawRoot { throw FormatError(file: fileName, reason: .unexpectedRoot(found: "(none)", expected: "tmx")) }
        publishHeader()
    }

    // MARK: pieces

    private mutating func publishHeader() {
        guard !headerPublished else { return }
        headerPublished = true
        output.publish(header: header)
    }

    private mutating func readHeaderAttributes(_ attributes: XMLAttributes) {
        if let lang = attributes["srclang"], lang.lowercased() != "*all*" {
            header.sourceLanguage = try? LanguageTag(parsing: lang)
        }
        header.creationTool = attributes["creationtool"]
        header.creationToolVersion = attributes["creationtoolversion"]
        header.originalFormat = attributes["o-tmf"]
        header.segmentType = attributes["segtype"]
        header.dataType = attributes["datatype"]
        header.adminLanguage = attributes["adminlang"]
        header.creationDate = attributes["creationdate"].flatMap(CompactDate.parse)
        header.creationUser = attributes["creationid"]
        header.changeDate = attributes["changedate"].flatMap(CompactDate.parse)
        header.changeUser = attributes["changeid"]
    }

    /// The language of a `<tuv>` that has both `xml:lang` and `lang`, spelt differently (review
    /// 1130j m3). TMX 1.1 and 1.2 name a text's language with `lang`; from 1.3 on `xml:lang`
    /// replaces it (1.4b: "replaces the lang attribute used in TMX 1.1 and 1.2"), so the file's
    /// version chooses, and a file that states none is read as the current version. Two
    /// spellings of one tag (`EN-US`, `en-us`) are no disagreement; two languages are warned of
    /// at the `<tuv>` — a text stored under the wrong language is offered as a translation it
    /// is not. A chosen value that is no language tag gives way to the other when that one is.
    private mutating func languageOf(xmlLang: String, lang: String, at position: XMLPosition) -> String {
        let langFirst = ["1.1", "1.2"].contains(header.version?.trimmingCharacters(in: .whitespaces) ?? "")
        let (chosen, other) = langFirst ? (lang, xmlLang) : (xmlLang, lang)
        let chosenTag = try? LanguageTag(parsing: chosen)
        let otherTag = try? LanguageTag(parsing: other)
        if let chosenTag, chosenTag == otherTag { return chosen }
        let version = header.version.map { "TMX \($0)" } ?? "a TMX file without a version"
        let stored = chosenTag ?? otherTag
        let rule = langFirst ? "\(version) names a text's language with lang" : "\(version) names a text's language with xml:lang (lang is TMX 1.1 and 1.2's)"
        output.warn(FormatWarning(kind: .conflictingLanguage, file: fileName, line: position.line, column: position.column, detail:
            "<tuv lang=\"\(lang)\" xml:lang=\"\(xmlLang)\"> names two languages; \(rule), so the text is stored as \(stored.map { "\($0)" } ?? chosen); "
                + "check the text and correct the attribute the file's tool got wrong"))
        return chosenTag == nil && otherTag != nil ? other : chosen
    }

    private mutating func readUnitAttributes(_ attributes: XMLAttributes) {
        // Names are unique in a tag, so sorting the leftovers afterwards gives the same order
        // as sorting every attribute first, without copying the list.
        var others: [Property] = []
        for (name, value) in attributes.pairs {
            switch name {
            case "tuid": unit.id = value
            case "creationdate":
                if let date = CompactDate.parse(value) { unit.metadata.creationDate = date } else { others.append(Property(type: name, value: value)) }
            case "changedate":
                if let date = CompactDate.parse(value) { unit.metadata.changeDate = date } else { others.append(Property(type: name, value: value)) }
            case "creationid": unit.metadata.creationUser = value
            case "changeid": unit.metadata.changeUser = value
            default: others.append(Property(type: name, value: value))
            }
        }
        if others.count > 1 { others.sort { $0.type < $1.type } }
        unit.metadata.attributes = others
    }

    private mutating func store(field element: String, text: String) {
        switch (place, element) {
        case (.header, "note"): header.notes.append(text)
        case (.header, _): header.properties.append(Property(type: propType, value: text))
        case (.tu, "note"): unit.metadata.notes.append(text)
        case (.tu, _):
            switch propType {
            case TMXPropType.review:
                // Exact spelling first: Foundation's trimming costs more than the rest of the unit.
                unit.metadata.review = ReviewStatus(rawValue: text)
                    ?? ReviewStatus(rawValue: text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()) ?? .unreviewed
                unitHasReviewProp = true
            case TMXPropType.origin: unit.metadata.origin = text
            case TMXPropType.contextBefore: unit.metadata.previousContext = text
            case TMXPropType.contextAfter: unit.metadata.nextContext = text
            case _ where propType.hasPrefix(TMXPropType.attributePrefix):
                unit.metadata.attributes.append(Property(type: String(propType.dropFirst(TMXPropType.attributePrefix.count)), value: text))
            case TradosConfirmationLevel.propType:
                // Kept as a prop (round trip) and read as the unit's review status.
                if !unitHasReviewProp, let review = TradosConfirmationLevel.review(for: text) { unit.metadata.review = review }
                unit.metadata.properties.append(Property(type: propType, value: text))
            default: unit.metadata.properties.append(Property(type: propType, value: text))
            }
        case (.tuv, "note"): variant?.notes.append(text)
        case (.tuv, _): variant?.properties.append(Property(type: propType, value: text))
        default: break
        }
    }

    /// Takes the `<seg>`'s text into the variant. The variant itself is kept at `</tuv>`
    /// (`finishVariant`), so a `<prop>` or `<note>` written after the `<seg>` — against the DTD,
    /// but some tools do — still reaches it (an `x-review` mark among them) instead of being lost.
    private mutating func finishSegment(_ position: XMLPosition) {
        place = .tuv
        if segment.text.isEmpty && segment.tags.isEmpty {
            output.warn(FormatWarning(kind: .emptySegment, file: fileName, line: variantLine, column: variantColumn,
                                       detail: "empty <seg> for \(variant.map { "\($0.language)" } ?? ""); the variant is left out"))
            return
        }
        variant?.text = segment.text
        variant?.tags = segment.tags
        variantHasText = true
    }

    /// Adds the finished variant to the unit, unless its `<seg>` was empty or missing.
    private mutating func finishVariant() {
        guard variantHasText, let finished = variant.take() else { return }
        variantHasText = false
        if variantLanguageBit == 0 {
            // Past 64 tags in one file: compare the tags (rare).
            if !unitRepeatsLanguage, unit.variants.contains(where: { $0.language == finished.language }) { unitRepeatsLanguage = true }
        } else if unitLanguageBits & variantLanguageBit != 0 {
            unitRepeatsLanguage = true
        }
        unitLanguageBits |= variantLanguageBit
        unit.variants.append(consume finished)
    }

    private mutating func finishUnit(_ position: XMLPosition) throws(FormatError) {
        guard !unit.variants.isEmpty else {
            output.warn(FormatWarning(kind: .emptyUnit, file: fileName, line: unitLine, column: unitColumn,
                                       detail: "a <tu> with no text in any language is skipped"))
            return
        }
        if unit.metadata.attributes.count > 1 { unit.metadata.attributes.sort { $0.type < $1.type } }
        if unit.variants.count > 1 { Self.putSourceFirst(&unit, header: header.sourceLanguage) }
        // Moved to the queue; the next `<tu>` starts a new one anyway.
        var finished = Self.emptyUnit
        swap(&finished, &unit)
        unitIsEmpty = true
        guard unitRepeatsLanguage else {
            output.send(consume finished, line: unitLine)
            return
        }
        let split = LanguageAlternatives.split(finished)
        guard split.count <= LanguageAlternatives.limit else {
            throw FormatError(file: fileName, line: unitLine, column: unitColumn, reason: .tooLarge(
                "this <tu> holds alternatives making \(split.count) combinations of one text per language (at most \(LanguageAlternatives.limit)); split it into <tu>s of one translation each"))
        }
        output.warn(FormatWarning(kind: .splitAlternatives, file: fileName, line: unitLine, column: unitColumn,
                                  detail: "a <tu> with \(LanguageAlternatives.describe(finished)) is stored as \(split.count) units, one per combination"))
        for alternative in split { output.send(alternative, line: unitLine) }
    }

    /// Moves the unit's source text first (a unit's first text is its source). TMX 1.4b: the
    /// `<tu>`'s `srclang` names its source language, and without one the header's does;
    /// `*all*` (or a tag that is not well formed) names none, and the order of the `<tuv>`s
    /// stands. A tag matches a text of the same tag, or else of the same primary language
    /// (`srclang="en"` over `en-US`). Why: a `<tu>` listing `fr-FR` before `en-US` under
    /// `srclang="en-US"` had French as its source, so an English row of another file with
    /// another French was not counted its alternative (review 1130i m9). O(texts); nothing is
    /// copied when the source is first already, as CAT tools write it.
    static func putSourceFirst(_ unit: inout TranslationUnit, header: LanguageTag?) {
        var source = header
        if let own = unit.metadata.attributes.first(where: { $0.type == "srclang" })?.value {
            source = own.lowercased() == "*all*" ? nil : (try? LanguageTag(parsing: own))
        }
        guard let source, unit.variants[0].language != source else { return }
        guard let index = unit.variants.firstIndex(where: { $0.language == source })
                ?? unit.variants.firstIndex(where: { $0.language.primary == source.primary }),
              index > 0 else { return }
        let variant = unit.variants.remove(at: index)
        unit.variants.insert(variant, at: 0)
    }

    /// What `unit` holds between two `<tu>`s: a copy of it costs a few retains, where
    /// `TranslationUnit(variants: [])` built its metadata's defaults (about 500 instructions).
    private static let emptyUnit = TranslationUnit(variants: [])
}
