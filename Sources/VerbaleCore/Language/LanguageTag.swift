/// A BCP 47 language tag (`en`, `en-GB`, `fr-CA`, `km-KH`, `km-Khmr-KH`), parsed and canonicalised.
///
/// Verbale works in the languages of `Language`; a tag's `language` says which one. Parsing is
/// case-insensitive and accepts `_` as a separator (as `en_US` in TMX files from older tools);
/// the canonical form is `ll[-Ssss][-RR]` with BCP 47 casing.
///
/// ```swift
/// let tag = try LanguageTag("fr_ca")   // fr-CA
/// tag.language == .french              // true
/// ```
public struct LanguageTag: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The primary language subtag, lower-case (`en`).
    public let primary: String
    /// The script subtag, title-case (`Khmr`), if any.
    public let script: String?
    /// The region subtag, upper-case (`KH`) or three digits (`419`), if any.
    public let region: String?
    /// Variant and extension subtags, lower-case, in order.
    public let extensions: [String]

    /// The languages Verbale supports, by their primary subtag.
    public static let supported: [Language] = Language.allCases

    /// Parses `text` as a BCP 47 tag for one of Verbale's languages, as a user types it on the
    /// command line. Stricter than `init(parsing:)`: after the language, script and region, only
    /// well-formed variants (5–8 characters, or a digit and 3), extensions (a singleton and
    /// subtags of 2–8) and private use (`x-…`) may follow, each at most once. Throws for
    /// malformed tags and for languages Verbale does not support (the message lists them).
    public init(_ text: String) throws(LanguageTagError) {
        try self.init(parsing: text)
        guard Language(rawValue: primary) != nil else {
            throw .unsupported(tag: text, supported: Self.supported.map(\.rawValue))
        }
        try Self.validateTail(extensions, tag: text)
    }

    /// Checks the subtags after the region against RFC 5646's grammar.
    private static func validateTail(_ subtags: [String], tag: String) throws(LanguageTagError) {
        var i = 0
        var seenVariants = Set<String>(), seenSingletons = Set<String>()
        while i < subtags.count {
            let subtag = subtags[i]
            if subtag.count == 1 {
                guard !seenSingletons.contains(subtag) else { throw .malformed(tag: tag, reason: "the extension \"\(subtag)\" appears twice") }
                seenSingletons.insert(subtag)
                let isPrivate = subtag == "x"
                var j = i + 1
                while j < subtags.count, subtags[j].count >= (isPrivate ? 1 : 2), (isPrivate || subtags[j].count > 1) { j += 1 }
                guard j > i + 1 else { throw .malformed(tag: tag, reason: "the extension \"\(subtag)\" has no subtags after it") }
                if isPrivate { return }
                i = j
                continue
            }
            guard seenSingletons.isEmpty else { i += 1; continue }
            let isVariant = (5...8).contains(subtag.count) || (subtag.count == 4 && subtag.first?.isASCIIDigit == true)
            guard isVariant else { throw .malformed(tag: tag, reason: "\"\(subtag)\" is not a script, region or variant subtag here") }
            guard !seenVariants.contains(subtag) else { throw .malformed(tag: tag, reason: "the variant \"\(subtag)\" appears twice") }
            seenVariants.insert(subtag)
            i += 1
        }
    }

    /// Parses any well-formed tag, supported or not (TMX files carry `de`, `nl`…; import keeps
    /// them as they are).
    /// Also accepted, because real files and environments carry them: `_` for `-` (`en_US`),
    /// a POSIX locale's charset and modifier (`fr_FR.UTF-8@euro` → `fr-FR`), and the ISO 639-2
    /// codes of Verbale's languages (`eng`, `fra`/`fre`, `khm` → `en`, `fr`, `km`).
    public init(parsing text: String) throws(LanguageTagError) {
        var trimmed = text.trimmingWhitespace()
        if let cut = trimmed.firstIndex(where: { $0 == "." || $0 == "@" }), trimmed[..<cut].count >= 2 {
            trimmed = String(trimmed[..<cut])
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
            .map(String.init)
        guard let first = parts.first, !first.isEmpty else { throw .malformed(tag: text, reason: "it is empty") }
        guard (2...3).contains(first.count) || first.lowercased() == "x", first.allSatisfy(\.isASCIILetter) else {
            throw .malformed(tag: text, reason: "the language subtag \"\(first)\" is not 2–3 letters")
        }
        var script: String?
        var region: String?
        var extensions: [String] = []
        for part in parts.dropFirst() {
            guard !part.isEmpty, part.count <= 8, part.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit }) else {
                throw .malformed(tag: text, reason: "the subtag \"\(part)\" is not 1–8 letters or digits")
            }
            if script == nil, region == nil, extensions.isEmpty, part.count == 4, part.allSatisfy(\.isASCIILetter) {
                script = part.prefix(1).uppercased() + part.dropFirst().lowercased()
            } else if region == nil, extensions.isEmpty,
                      (part.count == 2 && part.allSatisfy(\.isASCIILetter)) || (part.count == 3 && part.allSatisfy(\.isASCIIDigit)) {
                region = part.uppercased()
            } else {
                extensions.append(part.lowercased())
            }
        }
        self.primary = Self.iso639_2[first.lowercased()] ?? first.lowercased()
        self.script = script
        self.region = region
        self.extensions = extensions
    }

    /// ISO 639-2 codes (bibliographic and terminology) of Verbale's languages; BCP 47 uses the
    /// two-letter code when one exists.
    private static let iso639_2 = ["eng": "en", "fra": "fr", "fre": "fr", "khm": "km"]

    /// A tag for one of Verbale's languages, with an optional region.
    public init(_ language: Language, region: String? = nil) {
        primary = language.rawValue
        script = nil
        self.region = region?.uppercased()
        extensions = []
    }

    /// The supported language this tag names, or nil for others.
    public var language: Language? { Language(rawValue: primary) }

    /// The canonical text of the tag (`fr-CA`).
    public var description: String {
        ([primary] + [script, region].compactMap { $0 } + extensions).joined(separator: "-")
    }

    /// The tag without script, region or extensions (`fr-CA` → `fr`).
    public var base: LanguageTag { LanguageTag(primary: primary) }

    private init(primary: String) {
        self.primary = primary
        script = nil
        region = nil
        extensions = []
    }

    /// Whether a request for `self` is served by `other` (RFC 4647 lookup, simplified): same
    /// primary language, and each subtag `self` names is either absent in `other` or equal.
    /// `fr` matches `fr-CA`; `fr-CA` matches `fr` and `fr-CA` but not `fr-FR`.
    public func matches(_ other: LanguageTag) -> Bool {
        guard primary == other.primary else { return false }
        if let region, let otherRegion = other.region, region != otherRegion { return false }
        if let script, let otherScript = other.script, script != otherScript { return false }
        return true
    }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try LanguageTag(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The languages Verbale segments, tokenises and drafts in.
public enum Language: String, CaseIterable, Sendable, Codable {
    case english = "en"
    case french = "fr"
    case khmer = "km"

    /// The language's name in English, for messages.
    public var englishName: String {
        switch self {
        case .english: "English"
        case .french: "French"
        case .khmer: "Khmer"
        }
    }

    /// The tag for the language alone (`km`).
    public var tag: LanguageTag { LanguageTag(self) }
}

/// Why a language tag was refused.
public enum LanguageTagError: Error, CustomStringConvertible, Equatable, Sendable {
    case malformed(tag: String, reason: String)
    case unsupported(tag: String, supported: [String])

    public var description: String {
        switch self {
        case let .malformed(tag, reason):
            "\"\(tag)\" is not a valid BCP 47 language tag: \(reason) (examples: en, en-GB, fr-FR, km-KH)"
        case let .unsupported(tag, supported):
            "the language \"\(tag)\" is not supported; supported languages: \(supported.joined(separator: ", ")) (with any region, e.g. fr-CA, km-KH)"
                + Self.likelyMeantHint(tag)
        }
    }

    /// `; Khmer is "km" …` when `tag` is a usual mistake for one of Verbale's languages, so
    /// every command that refuses `--lang kh` says the fix `import` already gives (review
    /// 1130c, m10).
    private static func likelyMeantHint(_ tag: String) -> String {
        guard let meant = (try? LanguageTag(parsing: tag))?.likelyMeant else { return "" }
        let country = meant == .khmer ? " (KH is Cambodia's country code)" : ""
        return "; \(meant.englishName) is \"\(meant.rawValue)\"\(country)"
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including U+200B).
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
