/// Segmentation rules as an SRX 2.0 document holds them: named language rules (ordered lists of
/// break / no-break rules) and language maps choosing which apply to a language.
///
/// A value type with no compiled state: read it with `SRXDocument(data:name:)`, then compile it
/// for one language with `SegmentationRules(document:languageCode:)`.
public struct SRXDocument: Sendable, Hashable {
    /// `<header segmentsubflows>`: whether inline subflows are segmented. Plain text has none,
    /// so Verbale keeps the flag for round-trips and otherwise ignores it.
    public var segmentSubflows: Bool
    /// `<header cascade>`: when true every matching language map contributes its rules, in map
    /// order; when false only the first matching map does.
    public var cascade: Bool
    public var languageRules: [LanguageRule]
    public var languageMaps: [LanguageMap]

    public init(segmentSubflows: Bool = true, cascade: Bool = true, languageRules: [LanguageRule], languageMaps: [LanguageMap]) {
        self.segmentSubflows = segmentSubflows
        self.cascade = cascade
        self.languageRules = languageRules
        self.languageMaps = languageMaps
    }

    /// One `<rule>`: a break (or, with `isBreak == false`, an exception) between the text matched
    /// by `beforeBreak` (ending at the position) and `afterBreak` (starting there). Patterns are
    /// Java/ICU regular expressions.
    public struct Rule: Sendable, Hashable {
        public var isBreak: Bool
        public var beforeBreak: String
        public var afterBreak: String
        /// Line of the `<rule>` element in its file (0 when built in code), for messages.
        public var line: Int

        public init(isBreak: Bool, beforeBreak: String, afterBreak: String, line: Int = 0) {
            self.isBreak = isBreak
            self.beforeBreak = beforeBreak
            self.afterBreak = afterBreak
            self.line = line
        }
    }

    /// `<languagerule languagerulename="…">`.
    public struct LanguageRule: Sendable, Hashable {
        public var name: String
        public var rules: [Rule]
        public init(name: String, rules: [Rule]) {
            self.name = name
            self.rules = rules
        }
    }

    /// `<languagemap languagepattern="en.*" languagerulename="English"/>`: the pattern is a
    /// regular expression that must match the whole language code.
    public struct LanguageMap: Sendable, Hashable {
        public var languagePattern: String
        public var languageRuleName: String
        public var line: Int
        public init(languagePattern: String, languageRuleName: String, line: Int = 0) {
            self.languagePattern = languagePattern
            self.languageRuleName = languageRuleName
            self.line = line
        }
    }

    /// The rules that apply to `languageCode` (e.g. "fr-FR"), each with the name of its language
    /// rule, in the order SRX evaluates them. Throws when a language pattern is not a valid
    /// regular expression.
    public func rules(forLanguage languageCode: String) throws(SRXError) -> [(languageRule: String, index: Int, rule: Rule)] {
        var result: [(languageRule: String, index: Int, rule: Rule)] = []
        for map in languageMaps {
            let regex: ICURegex
            do { regex = try ICURegex("(?:\(map.languagePattern))") } catch {
                throw .invalidLanguagePattern(pattern: map.languagePattern, line: map.line, reason: error.description)
            }
            let code = Array(languageCode.utf16)
            regex.setText(utf16: code)
            guard regex.match(at: 0) == code.count else { continue }
            guard let languageRule = languageRules.first(where: { $0.name == map.languageRuleName }) else {
                throw .unknownLanguageRule(name: map.languageRuleName, line: map.line)
            }
            result += languageRule.rules.enumerated().map { (languageRule.name, $0.offset + 1, $0.element) }
            if !cascade { break }
        }
        return result
    }
}
