import VerbaleCore

/// A formula of notes verbales in several languages ("presents its compliments to" /
/// "présente ses compliments à" / Khmer), with what it is for and where each wording came from.
///
/// Built from one TMX unit of the shipped memory: the unit's `x-category`, `x-role`,
/// `x-purpose` and `x-level` props say how templates use it; each variant's `x-attested-*`
/// props say which notes or sources attest it, and `x-review` marks wordings no source attests.
public struct StockPhrase: Sendable, Hashable {
    /// The TMX `tuid` (`closing.highest`).
    public var id: String
    /// `opening`, `closing`, `body`, `heading`.
    public var category: String
    /// `compliments`, `honour`, `purpose`, `reference`, `renew`, `courtesy`, `conjunction`…
    public var role: String
    /// For purpose formulas: `transmit`, `request`, `inform`…
    public var purpose: String?
    /// For courtesy formulas: `highest` or `high`.
    public var level: String?
    public var wordings: [Language: Wording]

    /// One language's wording and its provenance.
    public struct Wording: Sendable, Hashable, Codable {
        public var text: String
        /// True when a note or a cited source attests the wording.
        public var isAttested: Bool
        /// How many notes contain it, as "144/184", when counted.
        public var attestedCount: String?
        /// The note files that contain it.
        public var attestedIn: [String]
        /// The citation (notes folder or sourced term).
        public var source: String?
        /// `unreviewed` when no source attests the wording (always so for Khmer).
        public var review: String?

        /// The text as shown to users: unreviewed wordings say so.
        public var display: String { isUnreviewed ? "\(text) [unreviewed]" : text }
        public var isUnreviewed: Bool { review == ReviewStatus.unreviewed.rawValue }
    }

    public func text(_ language: Language) -> String? { wordings[language]?.text }
}

extension StockPhrase {
    /// Reads a stock phrase from a memory unit; nil when the unit lacks an id or a role (then
    /// it is an ordinary memory unit, not a formula).
    public init?(unit: TranslationUnit) {
        func prop(_ type: String) -> String? { unit.metadata.properties.first { $0.type == type }?.value }
        guard let id = unit.id, let role = prop("x-role") else { return nil }
        self.id = id
        self.role = role
        category = prop("x-category") ?? "body"
        purpose = prop("x-purpose")
        level = prop("x-level")
        var wordings: [Language: Wording] = [:]
        for variant in unit.variants {
            guard let language = variant.language.language else { continue }
            func vprop(_ type: String) -> String? { variant.properties.first { $0.type == type }?.value }
            let source = vprop("x-attested-source")
            wordings[language] = Wording(
                text: variant.text, isAttested: source != nil && vprop("x-review") != ReviewStatus.unreviewed.rawValue,
                attestedCount: vprop("x-attested-count"),
                attestedIn: vprop("x-attested-in")?.split(separator: " ").map(String.init) ?? [],
                source: source, review: vprop("x-review"))
        }
        self.wordings = wordings
    }
}
