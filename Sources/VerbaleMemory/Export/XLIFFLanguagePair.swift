import Foundation
import VerbaleCore

/// The one source and target language an XLIFF file holds, chosen before anything is written.
///
/// Why up front: XLIFF is bilingual, so a memory holding EN, FR and KM cannot go into one file
/// whole; the writer used to take its pair from the first unit and drop every other language
/// without a word (Khmer lost). Now the pair is the user's (`--langs en,km`), or the memory's
/// own when it holds exactly two languages, or the export is refused naming the languages.
public struct XLIFFLanguagePair: Equatable, Sendable {
    public var source: LanguageTag
    public var target: LanguageTag

    public init(source: LanguageTag, target: LanguageTag) {
        self.source = source
        self.target = target
    }

    /// The pair for `requested` (exactly two tags, source first) or, when nil, for the tags
    /// `stored` in the memory (in the order they first appear): refused when they hold more
    /// than two languages. Nil when the memory holds fewer than two (an empty export).
    ///
    /// File-level tags are consistent with the units': a language stored under one tag only
    /// (`fr-FR` everywhere) is named by it; one stored under several (`fr` and `fr-FR`) is
    /// named by the primary subtag they share (`fr`), and the writer keeps each unit's own tag
    /// in its metadata where it differs.
    public static func choose(requested: [LanguageTag]?, stored: [LanguageTag]) throws(ExportError) -> XLIFFLanguagePair? {
        if let requested {
            guard requested.count == 2 else { throw .xliffNeedsTwoLanguages(given: requested) }
            guard requested[0] != requested[1] else { throw .xliffNeedsTwoLanguages(given: requested) }
            return XLIFFLanguagePair(source: requested[0], target: requested[1])
        }
        var primaries: [String] = []
        var tags: [String: [LanguageTag]] = [:]
        for tag in stored {
            if tags[tag.primary] == nil { primaries.append(tag.primary) }
            tags[tag.primary, default: []].append(tag)
        }
        guard primaries.count <= 2 else { throw .xliffNeedsLanguagePair(stored: primaries) }
        guard primaries.count == 2 else { return nil }
        func fileTag(_ primary: String) -> LanguageTag? {
            let forms = tags[primary] ?? []
            return forms.count == 1 ? forms[0] : try? LanguageTag(parsing: primary)
        }
        guard let source = fileTag(primaries[0]), let target = fileTag(primaries[1]) else { return nil }
        return XLIFFLanguagePair(source: source, target: target)
    }
}

/// Why an export was refused before anything was written.
public enum ExportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// XLIFF without `--langs` from a memory holding more than two languages.
    case xliffNeedsLanguagePair(stored: [String])
    /// `--langs` for XLIFF naming other than two different languages.
    case xliffNeedsTwoLanguages(given: [LanguageTag])

    public var description: String {
        switch self {
        case let .xliffNeedsLanguagePair(stored):
            let examples = stored.dropFirst().prefix(2).map { "--langs \(stored[0]),\($0)" }.joined(separator: " or ")
            return "XLIFF holds one language pair, and this memory has \(stored.joined(separator: ", ")): "
                + "give \(examples) (source first), one file per pair, or export --format tmx to keep every language"
        case let .xliffNeedsTwoLanguages(given):
            return "XLIFF holds one language pair: --langs needs two different languages, source first (e.g. --langs en,km); "
                + "got \(given.map(\.description).joined(separator: ","))"
        }
    }
}
