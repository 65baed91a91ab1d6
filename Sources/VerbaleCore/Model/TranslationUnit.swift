import Foundation

/// One unit of a translation memory: the same content in any number of languages (TMX's
/// model), so EN→FR, FR→KM and KM→EN all come from one memory.
public struct TranslationUnit: Hashable, Sendable, Codable {
    /// A stable identifier (TMX `tuid`), if the source had one.
    public var id: String?
    public var variants: [Variant]
    public var metadata: UnitMetadata

    public init(id: String? = nil, variants: [Variant], metadata: UnitMetadata = UnitMetadata()) {
        self.id = id
        self.variants = variants
        self.metadata = metadata
    }

    /// The first variant whose language matches `tag` (`fr` finds `fr-FR`).
    public func variant(for tag: LanguageTag) -> Variant? {
        variants.first { tag.matches($0.language) } ?? variants.first { $0.language.primary == tag.primary }
    }
}

/// The text of a unit in one language.
public struct Variant: Hashable, Sendable, Codable {
    public var language: LanguageTag
    /// Plain text, with each inline tag replaced by a placeholder character sequence described
    /// in `tags` (so matching sees words, and export restores the markup).
    public var text: String
    public var tags: [InlineTag]
    /// Free properties of this variant (TMX `<prop>` inside `<tuv>`).
    public var properties: [Property]
    public var notes: [String]
    /// Other attributes of the variant as the file gave them (TMX `<tuv creationdate=… o-encoding=…>`),
    /// so an export can give them back. `xml:lang` is `language`, never here.
    public var attributes: [Property]

    public init(language: LanguageTag, text: String, tags: [InlineTag] = [], properties: [Property] = [], notes: [String] = [],
                attributes: [Property] = []) {
        self.language = language
        self.text = text
        self.tags = tags
        self.properties = properties
        self.notes = notes
        self.attributes = attributes
    }

    /// The text with each inline tag shown as a numbered placeholder (`{1}`, `{/1}`, `{2/}`) at its
    /// position, for display and for checks that tags survived. O(n + tags).
    public var textWithTagPlaceholders: String {
        guard !tags.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        var tagIndex = 0
        var offset = 0
        func flush(at position: Int) {
            while tagIndex < tags.count, tags[tagIndex].position <= position {
                out.append(contentsOf: tags[tagIndex].placeholder(number: tagIndex + 1).unicodeScalars)
                tagIndex += 1
            }
        }
        for scalar in text.unicodeScalars {
            flush(at: offset)
            out.append(scalar)
            offset += 1
        }
        flush(at: Int.max)
        return String(out)
    }
}

/// An inline markup element kept through import and export (TMX `bpt/ept/ph/it/hi/ut/sub`,
/// XLIFF `g/x/bx/ex/ph/pc/sc/ec/mrk`).
///
/// Tags take no room in `Variant.text`: each sits *between* scalars at `position`, and tags at
/// the same position keep their array order (so `<hi>…</hi><ph/>` and `<hi>…<ph/></hi>` differ).
/// Wrapping elements whose content is translatable text (`hi`, `g`, `pc`, `mrk`) become two
/// tags, an opening one and one with `isClosing`, around the text they wrap. A variant's `tags`
/// are sorted by `position`.
public struct InlineTag: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        // TMX (also XLIFF 1.2, which shares bpt/ept/ph/it/sub).
        case bpt, ept, ph, it, hi, ut, sub
        // XLIFF 1.2 (g, x, bx, ex, mrk) and XLIFF 2.0 (pc, sc, ec; ph is shared).
        case g, x, bx, ex, mrk, pc, sc, ec

        /// Whether the element wraps translatable text (and so comes as an opening and a closing tag).
        public var isWrapper: Bool { self == .hi || self == .g || self == .pc || self == .mrk }
    }
    public var kind: Kind
    /// Offset in Unicode scalars of `Variant.text` where the tag sits.
    public var position: Int
    /// Attributes in document order (i, x, type, pos…).
    public var attributes: [Property]
    /// The tag's own content (the native code it protects), verbatim as XML: escaped text, with
    /// any `<sub>` element kept as markup, so an export writes it back unchanged. Use
    /// `nativeCode` for the plain code.
    public var content: String
    /// True for the end of a wrapping element (`</hi>`, `</g>`, `</pc>`, `</mrk>`).
    public var isClosing: Bool

    public init(kind: Kind, position: Int, attributes: [Property] = [], content: String = "", isClosing: Bool = false) {
        self.kind = kind
        self.position = position
        self.attributes = attributes
        self.content = content
        self.isClosing = isClosing
    }

    /// The value of attribute `name`, if present.
    public func attribute(_ name: String) -> String? { attributes.first { $0.type == name }?.value }

    /// The native code without XML escapes or `<sub>` markup (`&lt;b&gt;` → `<b>`). O(n).
    public var nativeCode: String {
        guard content.contains("<") || content.contains("&") else { return content }
        var out = ""
        var inMarkup = false
        var entity: String?
        for character in content {
            if var name = entity {
                if character == ";" {
                    switch name {
                    case "lt": out.append("<")
                    case "gt": out.append(">")
                    case "amp": out.append("&")
                    case "quot": out.append("\"")
                    case "apos": out.append("'")
                    default:
                        let number = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16) : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
                        if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out.append("&\(name);") }
                    }
                    entity = nil
                } else {
                    name.append(character)
                    entity = name
                }
            } else if inMarkup {
                if character == ">" { inMarkup = false }
            } else if character == "<" {
                inMarkup = true
            } else if character == "&" {
                entity = ""
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// A short placeholder for display: `{1}` for a point tag, `{1}`/`{/1}` for pairs.
    func placeholder(number: Int) -> String {
        let label = attribute("i") ?? attribute("id") ?? attribute("rid") ?? attribute("x") ?? String(number)
        switch kind {
        case .ept, .ec, .ex: return "{/\(label)}"
        case _ where isClosing: return "{/\(label)}"
        default: return "{\(label)}"
        }
    }
}

/// A typed key/value property (TMX `<prop type="…">`).
public struct Property: Hashable, Sendable, Codable {
    public var type: String
    public var value: String
    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}

/// How far a unit's translations can be trusted. Shipped Khmer renderings that no attested
/// source confirms are `.unreviewed`, and every output that shows them says so.
public enum ReviewStatus: String, Sendable, Codable, CaseIterable {
    case unreviewed, translated, reviewed, approved, rejected
}

/// Who made a unit, when, from where, and what surrounds it.
public struct UnitMetadata: Hashable, Sendable, Codable {
    public var creationDate: Date?
    public var creationUser: String?
    public var changeDate: Date?
    public var changeUser: String?
    /// Where the unit came from (file and position, or a citation for shipped units).
    public var origin: String?
    public var notes: [String]
    public var properties: [Property]
    public var review: ReviewStatus
    /// Hashes of the previous and next source segments, for context (101 %) matches.
    public var previousContext: String?
    public var nextContext: String?
    /// Other attributes of the unit as the file gave them (TMX `o-tmf`, `usagecount`,
    /// `lastusagedate`, `datatype`, `srclang`…), so an export can give them back.
    public var attributes: [Property] = []

    public init(creationDate: Date? = nil, creationUser: String? = nil, changeDate: Date? = nil, changeUser: String? = nil,
                origin: String? = nil, notes: [String] = [], properties: [Property] = [], review: ReviewStatus = .translated,
                previousContext: String? = nil, nextContext: String? = nil, attributes: [Property] = []) {
        self.attributes = attributes
        self.creationDate = creationDate
        self.creationUser = creationUser
        self.changeDate = changeDate
        self.changeUser = changeUser
        self.origin = origin
        self.notes = notes
        self.properties = properties
        self.review = review
        self.previousContext = previousContext
        self.nextContext = nextContext
    }
}
