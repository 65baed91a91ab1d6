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

    public init(language: LanguageTag, text: String, tags: [InlineTag] = [], properties: [Property] = [], notes: [String] = []) {
        self.language = language
        self.text = text
        self.tags = tags
        self.properties = properties
        self.notes = notes
    }
}

/// An inline markup element kept through import and export (TMX `bpt/ept/ph/it/hi/ut/sub`,
/// XLIFF `g/x/bx/ex/ph/pc/sc/ec`).
public struct InlineTag: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case bpt, ept, ph, it, hi, ut, sub }
    public var kind: Kind
    /// Offset in Unicode scalars of `Variant.text` where the tag sits.
    public var position: Int
    /// Attributes in document order (i, x, type, pos…).
    public var attributes: [Property]
    /// The tag's own content (the native code it protects), verbatim.
    public var content: String

    public init(kind: Kind, position: Int, attributes: [Property] = [], content: String = "") {
        self.kind = kind
        self.position = position
        self.attributes = attributes
        self.content = content
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

    public init(creationDate: Date? = nil, creationUser: String? = nil, changeDate: Date? = nil, changeUser: String? = nil,
                origin: String? = nil, notes: [String] = [], properties: [Property] = [], review: ReviewStatus = .translated,
                previousContext: String? = nil, nextContext: String? = nil) {
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
