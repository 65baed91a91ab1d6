/// Why segmentation rules could not be read or compiled. Messages name the file, line and
/// column, or the language rule and rule number, so a user can fix their `.srx`.
public enum SRXError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file is not well-formed XML.
    case malformed(file: String, line: Int, column: Int, reason: String)
    /// The file declares a DTD or entities, which Verbale refuses (entity expansion attacks).
    case doctypeRefused(file: String, line: Int, column: Int)
    /// Well-formed XML that is not SRX (wrong root, missing attribute, misplaced element).
    case invalidStructure(file: String, line: Int, reason: String)
    /// A rule's regular expression that ICU rejects.
    case invalidRule(languageRule: String, rule: Int, line: Int, element: String, pattern: String, reason: String)
    /// A `languagepattern` that is not a regular expression.
    case invalidLanguagePattern(pattern: String, line: Int, reason: String)
    /// A language map naming a language rule the file does not define.
    case unknownLanguageRule(name: String, line: Int)
    /// The rules shipped with Verbale could not be found or read.
    case missingDefaultRules(reason: String)
    /// ICU could not open its sentence break iterator.
    case icu(String)

    public var description: String {
        switch self {
        case let .malformed(file, line, column, reason):
            "\(file):\(line):\(column): malformed SRX: \(reason)"
        case let .doctypeRefused(file, line, column):
            "\(file):\(line):\(column): DOCTYPE/ENTITY declarations are refused in SRX files (they can expand entities); remove the DTD"
        case let .invalidStructure(file, line, reason):
            "\(file):\(line): not valid SRX 2.0: \(reason)"
        case let .invalidRule(languageRule, rule, line, element, pattern, reason):
            "rule \(rule) of language rule \"\(languageRule)\"\(line > 0 ? " (line \(line))" : ""): ICU rejects the <\(element)> pattern \(pattern.debugDescription): \(reason)"
        case let .invalidLanguagePattern(pattern, line, reason):
            "languagemap\(line > 0 ? " at line \(line)" : ""): invalid languagepattern \(pattern.debugDescription): \(reason)"
        case let .unknownLanguageRule(name, line):
            "languagemap\(line > 0 ? " at line \(line)" : "") names language rule \"\(name)\", which the file does not define"
        case let .missingDefaultRules(reason):
            "the default segmentation rules could not be loaded: \(reason)"
        case let .icu(message):
            message
        }
    }
}
