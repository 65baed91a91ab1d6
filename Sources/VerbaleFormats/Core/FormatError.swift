import Foundation

/// Why a memory file could not be read or written, with where it happened.
///
/// `line` and `column` are 1-based and 0 when unknown (errors about the whole file).
/// ```swift
/// // old.tmx:12:7: <tuv> has no language (xml:lang, or lang in TMX 1.1)
/// ```
public struct FormatError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: Reason

    public init(file: String, line: Int = 0, column: Int = 0, reason: Reason) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// What went wrong, each with the message a translator reads.
    public enum Reason: Equatable, Sendable {
        /// The XML parser refused the file (not well-formed, truncated, bad bytes…).
        case malformedXML(String)
        /// A document type declaration declares entities: refused so that nothing is expanded
        /// ("billion laughs") or read from disk or the network (external entities).
        case entityDeclaration(name: String, external: Bool)
        /// The file declares an encoding the parser does not know.
        case unsupportedEncoding(String)
        /// Bytes that are not valid UTF-8 (or UTF-16) in the declared encoding.
        case invalidEncoding(String)
        /// The file declares an 8-bit encoding (`ISO-8859-1`, `windows-1252`) but holds valid
        /// multi-byte UTF-8 (`bytes`, hex): read as declared, `utf8` would be stored as the
        /// mojibake `asDeclared` (`é` as `Ã©`), so the file is refused instead.
        case mislabelledEncoding(declared: String, bytes: String, utf8: String, asDeclared: String)
        /// The root element is not one the format reader understands.
        case unexpectedRoot(found: String, expected: String)
        /// A required attribute is missing (`<tuv>` without `xml:lang`).
        case missingAttribute(element: String, attribute: String)
        /// A language tag that is not BCP 47.
        case badLanguageTag(String)
        /// An XLIFF `<target>` whose language nothing states: a 2.0 file without `trgLang`
        /// (`xliff2`; the spec requires it whenever the file holds targets), or a 1.2 target
        /// holding text with neither `target-language` on its `<file>` nor `xml:lang`. Refused
        /// rather than read: the translations would be dropped and each unit skipped as "only
        /// one language", which does not say a translation was lost (review 1130g m5).
        case missingTargetLanguage(xliff2: Bool)
        /// An attribute value the format does not allow (XLIFF `state="bogus"`): `allowed`
        /// lists what it does. Refused rather than guessed: a status read from it would be made up.
        case badAttributeValue(element: String, attribute: String, value: String, allowed: String)
        /// An element where the format does not allow it.
        case unexpectedElement(String, inside: String)
        /// A second element where the format allows one (a second `<seg>` in a `<tuv>`).
        case repeatedElement(String, inside: String)
        /// A delimited (TSV/CSV) file that breaks its own rules.
        case malformedTable(String)
        /// The file is empty.
        case empty
        /// Reading or writing failed at the system level.
        case io(String)
        /// The input stops in the middle of a character or structure it cannot end in: the file
        /// was cut short (an interrupted copy or download), so converting it would not help.
        case truncated(String)
        /// The content does not say which format it is and the name does not either.
        case unknownFormat
        /// Something a writer cannot express in its format.
        case cannotWrite(String)
        /// One token or one unit over the reader's size limit (`XMLScanner.tokenLimit`,
        /// `UnitBudget.limit`): refused so that memory stays bounded whatever the input.
        case tooLarge(String)
    }

    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if line > 0, column > 0 { location += ":\(column)" }
        return "\(location): \(message)"
    }

    /// The message without the location.
    public var message: String {
        switch reason {
        case let .malformedXML(detail): "malformed XML: \(detail)"
        case let .entityDeclaration(name, external):
            external
                ? "the document declares the external entity \"\(name)\"; external entities are refused (nothing is read from disk or the network)"
                : "the document declares the entity \"\(name)\"; entity declarations are refused so that nothing is expanded (\"billion laughs\")"
        case let .unsupportedEncoding(name): "unsupported encoding \"\(name)\" (convert the file to UTF-8 or UTF-16)"
        case let .invalidEncoding(detail): "invalid bytes for the file's encoding: \(detail) (convert the file to UTF-8)"
        case let .mislabelledEncoding(declared, bytes, utf8, asDeclared):
            "the file declares encoding=\"\(declared)\" but the bytes here (\(bytes)) are UTF-8 for \"\(utf8)\"; "
                + "read as \(declared) they would be stored as \"\(asDeclared)\" (mojibake), so the file is refused. "
                + "If the file is UTF-8 (the usual case: a tool wrote UTF-8 under an old declaration), change its first line "
                + "to encoding=\"UTF-8\"; if it really is \(declared), convert it with iconv -f \(declared) -t UTF-8 and declare UTF-8"
        case let .unexpectedRoot(found, expected): "the root element is <\(found)>, not <\(expected)>: this is not a \(expected.uppercased()) file"
        case let .missingAttribute(element, attribute): "<\(element)> has no \(attribute)"
        case let .badLanguageTag(tag): "\"\(tag)\" is not a BCP 47 language tag"
        case .missingTargetLanguage(xliff2: true):
            "a <target> in a file whose <xliff> has no trgLang: XLIFF 2.0 requires trgLang when the file holds targets, "
                + "and without it the translations' language is unknown, so they would be lost (add trgLang, e.g. trgLang=\"fr\", to <xliff>)"
        case .missingTargetLanguage(xliff2: false):
            "a <target> with text, but neither its <file> (target-language) nor the <target> (xml:lang) names its language, "
                + "so the translation would be lost (add target-language, e.g. target-language=\"fr\", to <file>)"
        case let .badAttributeValue(element, attribute, value, allowed):
            "\(attribute)=\"\(value)\" on <\(element)> is not a value the format allows (\(allowed)); what it says cannot be told"
        case let .unexpectedElement(element, inside): "<\(element)> is not allowed inside <\(inside)>"
        case let .repeatedElement(element, inside): "a second <\(element)> in one <\(inside)>: it holds one, so which is the text cannot be told"
        case let .malformedTable(detail): detail
        case .empty: "the file is empty"
        case let .io(detail): detail
        case let .truncated(detail): "\(detail): \(TableEnding.truncatedAdvice)"
        case .unknownFormat: "cannot tell the format from the content or the name; pass --format tmx|xliff|tsv|csv"
        case let .cannotWrite(detail): detail
        case let .tooLarge(detail): "too large: \(detail)"
        }
    }
}

/// Something a reader skipped or repaired, with where; the importer counts them by `kind`.
public struct FormatWarning: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// A `<seg>` (or cell) with no text: the variant was left out.
        case emptySegment = "empty segment"
        /// A unit with no variant left: the unit was left out.
        case emptyUnit = "unit without text"
        /// An element or value the reader does not know and ignored.
        case ignored = "ignored"
        /// A target identical to its source (`CopiedTarget`): the segment was left out.
        case copiedTarget = "target copied from source"
        /// A target whose state says it is not a translation (XLIFF 1.2 `new`,
        /// `needs-translation`; 2.0 an explicit `initial` that Verbale's own `subState` does not
        /// call an unreviewed translation): the segment was left out (review 1130f m5).
        case notTranslated = "target not translated"
        /// A TMX `<tu>` with two or more texts of one language (memoQ/Trados alternatives):
        /// stored as one unit per combination (`LanguageAlternatives`); counted, nothing lost.
        case splitAlternatives = "split: alternatives of one language"
        /// A TSV/CSV whose last line has no line end (review 1130j m1): the row is read as it
        /// stands — many tables end so — but a file cut short (`head -c`, an interrupted copy)
        /// ends the same way, inside a cell, so the place is said for the user to look at.
        /// Nothing is left out.
        case noFinalLineEnd = "no line end at the end of the file"
        /// A TMX `<tuv>` whose `lang` and `xml:lang` name two languages (review 1130j m3): the
        /// text is stored under the one the file's TMX version reads (`TMXBuilder`), and the
        /// other is said. Nothing is left out.
        case conflictingLanguage = "lang and xml:lang disagree"

        /// Kinds that leave nothing out but ask the user to look at a place in the file (a
        /// possible truncation, a text whose language is in doubt): `import` prints each in
        /// its summary and `--json` `warnings`, `validate` beside its verdict, where the other
        /// kinds are only counted as skips.
        public var asksForAttention: Bool {
            switch self {
            case .noFinalLineEnd, .conflictingLanguage: true
            default: false
            }
        }
    }
    public var kind: Kind
    public var file: String
    public var line: Int
    public var column: Int
    public var detail: String

    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if line > 0, column > 0 { location += ":\(column)" }
        return "\(location): \(kind.rawValue): \(detail)"
    }
}
