import VerbaleCore

/// XLIFF 2.0 inline markup for one unit's source and target.
///
/// XLIFF 2.0 says a target code *is* the source code with the same `id`: CAT tools check tags
/// by it. So codes that correspond get one id on both sides — the same TMX `i` (bpt/ept) or
/// `x`, the same XLIFF id, or else the same kind and native code at the same occurrence — and
/// a code only one side has gets an id the other side never uses. Ids are unique per side.
/// Each distinct native code is one `originalData` entry, shared by every code that has it.
/// A start code whose end is not in the same text (and such an end) is `isolated="yes"`, as
/// XLIFF 2.0 requires. Mark up the source first, then the target. Cost: O(tags) per side.
struct Inline2 {
    private(set) var data: [(String, String)] = []
    /// Native code → its `originalData` id.
    private var dataIDs: [String: String] = [:]
    /// Ids on either side, so a fresh id never pretends to correspond to a code.
    private var usedIDs: Set<String> = []
    /// Ids given so far in the text being marked up (XLIFF: unique per side).
    private var sideIDs: Set<String> = []
    private var nextID = 1
    /// Correspondence key → the id it got on the side marked up first.
    private var keyed: [String: String] = [:]
    /// Sides marked up so far (the source is the first).
    private var sidesMarked = 0
    /// The first side's keys of codes that have no `i` or `x`, in order, by kind, position and
    /// closing (`looseKey`): where a code of the other side whose native code differs finds its
    /// counterpart (`counterpartKeys`).
    private var looseOrder: [String: [String]] = [:]

    init(source: Variant, target: Variant?) {
        for tag in source.tags + (target?.tags ?? []) {
            for name in ["id", "startRef"] { if let id = tag.attribute(name) { usedIDs.insert(id) } }
        }
    }

    private mutating func dataRef(_ content: String) -> String? {
        guard !content.isEmpty else { return nil }
        let code = InlineTag(kind: .ph, position: 0, content: content).nativeCode
        if let id = dataIDs[code] { return id }
        let id = "d\(data.count + 1)"
        data.append((id, code))
        dataIDs[code] = id
        return id
    }

    private mutating func freshID() -> String {
        while usedIDs.contains("t\(nextID)") { nextID += 1 }
        let id = "t\(nextID)"
        nextID += 1
        usedIDs.insert(id)
        return id
    }

    /// The id for a code: its own XLIFF id when it has one, else the id its correspondence key
    /// got on the other side, else a fresh one; never one this side already gave.
    private mutating func id(for tag: InlineTag, key: String) -> String {
        var id: String
        if let own = tag.attribute("id"), !own.isEmpty {
            id = own
        } else if let known = keyed[key] {
            id = known
        } else {
            id = freshID()
            keyed[key] = id
        }
        if sideIDs.contains(id) { id = freshID() }
        sideIDs.insert(id)
        return id
    }

    private static func attributes(_ properties: [(String, String)]) -> String {
        properties.map { " \($0.0)=\"\(XMLText.escapedAttribute($0.1))\"" }.joined()
    }

    /// The six `type` values XLIFF 2.0 allows on `ph`, `pc`, `sc` and `ec`.
    static let types: Set<String> = ["fmt", "ui", "quote", "link", "image", "other"]
    /// TMX 1.4b `type` values of `bpt`/`ph`/`hi` that are formatting, for the nearest 2.0 type.
    static let formattingTypes: Set<String> = ["bold", "color", "dulined", "font", "italic", "scap", "ulined", "x-bold", "x-italic"]

    /// `type`/`subType` as XLIFF 2.0 allows them: a TMX type (`bold`, `x-date`) becomes the
    /// nearest 2.0 type with `subType="tmx:bold"` (read back as `type="bold"`); a `subType` is
    /// kept only as `prefix:value` beside a valid type.
    static func typed(_ properties: [(String, String)]) -> [(String, String)] {
        guard let type = properties.first(where: { $0.0 == "type" })?.1 else {
            return properties.filter { $0.0 != "subType" }
        }
        var out = properties.filter { $0.0 != "type" && $0.0 != "subType" }
        if types.contains(type) {
            out.append(("type", type))
            if let subType = properties.first(where: { $0.0 == "subType" })?.1, isUserDefinedValue(subType) { out.append(("subType", subType)) }
        } else if isUserDefinedValue(XLIFFMeta.tmxTypePrefix + type) {
            let nearest = type == "link" ? "link" : type == "image" ? "image" : formattingTypes.contains(type) ? "fmt" : "other"
            out.append(("type", nearest))
            out.append(("subType", XLIFFMeta.tmxTypePrefix + type))
        }
        return out
    }

    /// XLIFF 2.0's `prefix:value` (no white space, exactly one colon, prefix not `xlf`).
    static func isUserDefinedValue(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && parts[0] != "xlf"
            && !value.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// What says two codes of one side pair up: TMX `i` (bpt/ept), XLIFF 2.0 `id`/`startRef`
    /// (sc/ec), XLIFF 1.2 `rid`, else `id` (bx/ex). Nil for codes that are not start/end codes.
    private static func pairKey(_ tag: InlineTag) -> (key: String, opens: Bool)? {
        switch tag.kind {
        case .bpt: return tag.attribute("i").map { ("i:\($0)", true) }
        case .ept: return tag.attribute("i").map { ("i:\($0)", false) }
        case .sc: return tag.attribute("isolated") == "yes" ? nil : tag.attribute("id").map { ("id:\($0)", true) }
        case .ec: return tag.attribute("isolated") == "yes" ? nil : tag.attribute("startRef").map { ("id:\($0)", false) }
        case .bx: return (tag.attribute("rid") ?? tag.attribute("id")).map { ("r:\($0)", true) }
        case .ex: return (tag.attribute("rid") ?? tag.attribute("id")).map { ("r:\($0)", false) }
        default: return nil
        }
    }

    /// For each end code of `tags` whose start is before it in the same text, that start's
    /// index (innermost unmatched start with the same pair key).
    private static func pairs(_ tags: [InlineTag]) -> [Int: Int] {
        var open: [String: [Int]] = [:]
        var startOf: [Int: Int] = [:]
        for (index, tag) in tags.enumerated() {
            guard let (key, opens) = pairKey(tag) else { continue }
            if opens {
                open[key, default: []].append(index)
            } else if let start = open[key]?.popLast() {
                startOf[index] = start
            }
        }
        return startOf
    }

    /// Correspondence keys of `tags` (see the type's comment), by index.
    private static func correspondenceKeys(_ tags: [InlineTag]) -> [String] {
        var occurrences: [String: Int] = [:]
        return tags.map { tag in
            if (tag.kind == .bpt || tag.kind == .ept), let i = tag.attribute("i") { return "\(tag.kind.rawValue)|i|\(i)" }
            if let x = tag.attribute("x") { return "\(tag.kind.rawValue)|x|\(x)|\(tag.isClosing)" }
            let base = "\(tag.kind.rawValue)|\(tag.attribute("pos") ?? "")|\(tag.isClosing)|\(tag.content)"
            let n = occurrences[base, default: 0] + 1
            occurrences[base] = n
            return "\(base)|\(n)"
        }
    }

    /// The key without the native code, for codes without `i` or `x` (nil for those with one).
    private static func looseKey(_ tag: InlineTag) -> String? {
        if (tag.kind == .bpt || tag.kind == .ept), tag.attribute("i") != nil { return nil }
        if tag.attribute("x") != nil { return nil }
        return "\(tag.kind.rawValue)|\(tag.attribute("pos") ?? "")|\(tag.isClosing)"
    }

    /// `keys` of the second side, where a code whose exact key the first side lacks takes the
    /// key of the first side's next code of its kind that no code of this side matched
    /// exactly, in order. Why (review 1130h m7): a code's native text may be translated — a
    /// footnote's `<sub>` inside a `<ph>` — so the exact key (which holds the native code)
    /// differed, and the target's `<ph>` got `t2` where the source's had `t1`: a CAT tool saw a
    /// target code with no source counterpart, and a missing one. Codes that still have no
    /// counterpart keep a fresh id. Cost: O(tags).
    private func counterpartKeys(_ tags: [InlineTag], keys: [String]) -> [String] {
        let own = Set(keys)
        var unclaimed = looseOrder.mapValues { $0.filter { !own.contains($0) }[...] }
        var result = keys
        for (index, tag) in tags.enumerated() where keyed[keys[index]] == nil {
            guard let loose = Self.looseKey(tag), let counterpart = unclaimed[loose]?.popFirst() else { continue }
            result[index] = counterpart
        }
        return result
    }

    mutating func markup(_ variant: Variant) -> String {
        sideIDs = []
        let tags = variant.tags
        var keys = Self.correspondenceKeys(tags)
        if sidesMarked == 0 {
            for (index, tag) in tags.enumerated() {
                if let loose = Self.looseKey(tag) { looseOrder[loose, default: []].append(keys[index]) }
            }
        } else {
            keys = counterpartKeys(tags, keys: keys)
        }
        sidesMarked += 1
        let startOf = Self.pairs(tags)
        let ended = Set(startOf.values)
        var startIDs: [Int: String] = [:]
        var out = ""
        var open: [InlineTag.Kind] = []
        // The closing tag's native code goes on the opening <pc> (dataRefEnd): pair them first.
        var endContent: [Int: String] = [:]
        var stack: [Int] = []
        for (index, tag) in tags.enumerated() where tag.kind.isWrapper {
            if !tag.isClosing { stack.append(index) } else if let opening = stack.popLast() { endContent[opening] = tag.content }
        }
        var tagIndex = -1
        interleave(variant, text: { out += XMLText.escaped($0) }) { tag in
            tagIndex += 1
            let index = tagIndex
            func kept(_ names: Set<String>) -> [(String, String)] {
                let properties = tag.attributes.filter { names.contains($0.type) && $0.type != "id" }.map { ($0.type, $0.value) }
                return names.contains("subType") ? Self.typed(properties) : properties
            }
            let codeAttributes: Set<String> = ["type", "subType", "canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "disp", "equiv", "subFlows", "dir"]
            switch (tag.kind, tag.isClosing) {
            case (.pc, false), (.g, false), (.hi, false), (.mrk, false):
                let element = tag.kind == .mrk ? "mrk" : "pc"
                var attributes: [(String, String)] = [("id", id(for: tag, key: keys[index]))]
                if element == "pc", let ref = dataRef(tag.content) { attributes.append(("dataRefStart", ref)) }
                if element == "pc", let ref = dataRef(endContent[index] ?? "") { attributes.append(("dataRefEnd", ref)) }
                attributes += kept(element == "pc" ? codeAttributes : ["type", "value", "ref", "translate"])
                out += "<\(element)\(Self.attributes(attributes))>"
                open.append(tag.kind == .mrk ? .mrk : .pc)
            case (.pc, true), (.g, true), (.hi, true), (.mrk, true):
                if let last = open.popLast() { out += last == .mrk ? "</mrk>" : "</pc>" }
            case (.sc, _), (.bx, _), (.bpt, _):
                let newID = id(for: tag, key: keys[index])
                startIDs[index] = newID
                var attributes: [(String, String)] = [("id", newID)]
                if !ended.contains(index) { attributes.append(("isolated", "yes")) }
                if let ref = dataRef(tag.content) { attributes.append(("dataRef", ref)) }
                attributes += kept(codeAttributes)
                out += "<sc\(Self.attributes(attributes))/>"
            case (.ec, _), (.ex, _), (.ept, _):
                var attributes: [(String, String)]
                if let start = startOf[index], let startID = startIDs[start] {
                    attributes = [("startRef", startID)]
                } else {
                    // An end whose start is elsewhere: its id is the start's when it names one.
                    var isolated = tag
                    if tag.attribute("id") == nil, let startRef = tag.attribute("startRef") {
                        isolated.attributes.append(Property(type: "id", value: startRef))
                    }
                    attributes = [("id", id(for: isolated, key: keys[index])), ("isolated", "yes")]
                }
                if let ref = dataRef(tag.content) { attributes.append(("dataRef", ref)) }
                attributes += kept(codeAttributes)
                out += "<ec\(Self.attributes(attributes))/>"
            case (.it, _):
                let begin = tag.attribute("pos") != "end"
                var attributes: [(String, String)] = [("id", id(for: tag, key: keys[index])), ("isolated", "yes")]
                if let ref = dataRef(tag.content) { attributes.append(("dataRef", ref)) }
                out += "<\(begin ? "sc" : "ec")\(Self.attributes(attributes))/>"
            case (.ph, _), (.x, _), (.ut, _):
                var attributes: [(String, String)] = [("id", id(for: tag, key: keys[index]))]
                if let ref = dataRef(tag.content) { attributes.append(("dataRef", ref)) }
                attributes += kept(codeAttributes.subtracting(["canOverlap", "dir"]))
                out += "<ph\(Self.attributes(attributes))/>"
            case (.sub, _):
                break
            }
        }
        while let last = open.popLast() { out += last == .mrk ? "</mrk>" : "</pc>" }
        return out
    }
}
