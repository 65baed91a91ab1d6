import Foundation
import VerbaleCore
import VerbaleFormats

/// Match indexes built in memory from memory files (TMX, XLIFF, TSV/CSV), for small memories,
/// the shipped stock phrases and tests; any front end (CLI, editor plug-in) uses the same.
///
/// Why: a unit read from a file has no recorded provenance, and every match must say where it
/// came from, so units without an origin get `<file name>#<line>` — the line its unit starts
/// on, exactly as `verbale import` names it (`FormatUnitSource.originPrefix`), so the same
/// unit is the same `from:` searched in the file or in the memory (review 1130c m12(d): it was
/// `#<tuid>` or `#<position>` here), and the line is what a user finds in the file. The
/// unit's own id (`tuid`) is not lost: matches give it as `unitID`.
/// Personal data: a user's file is read as `verbale import` would store it — names, e-mail
/// addresses, phone, passport and ID numbers, dates of birth replaced by `{PERSON}`, `{EMAIL}`…
/// (`PersonalDataScrubber`) — so they are placeables in matching and the query's own values are
/// carried into the translations. Read as typed, last year's "visa for Mr. Keo Rithy, passport
/// No. N01234567" was a 75 % fuzzy for Mr. Sok Dara's request and `draft translate` wrote the
/// previous applicant's name and passport number into the new note (review 1130h M5); the same
/// file imported gave 94 % with Sok Dara's values. The shipped phrases hold no personal data and
/// are not scrubbed.
/// Cost: one read, one scrub (the import's byte pre-checks: most texts run no expression) and
/// one tokenization per variant, O(file), and with a glossary one entity recognition per variant
/// (`MatchIndexBuilder`); nothing is persisted.
public enum MatchFile {
    /// Indexes one file, recording the glossary entities of `entities` when given. Throws the
    /// reader's `FormatError` (file, line, column) or `ICUError`.
    public static func index(_ url: URL, entities: (any EntityNaming)? = nil) throws -> (index: MatchIndex, archive: UnitArchive) {
        let builder = MatchIndexBuilder(entities: entities)
        try add(url, to: builder, personalData: try PersonalDataScrubber())
        return builder.finish()
    }

    /// Adds every unit of `url` to `builder`, giving units without provenance an origin and,
    /// with `personalData`, replacing personal data as import does.
    public static func add(_ url: URL, to builder: MatchIndexBuilder, personalData: PersonalDataScrubber?) throws {
        var reader = try MemoryFormat.makeReader(url: url)
        let prefix = FormatUnitSource.originPrefix(file: url.lastPathComponent)
        while var unit = try reader.next() {
            let line = reader.unitLine
            if (unit.metadata.origin ?? "").isEmpty {
                unit.metadata.origin = prefix + String(line)
            }
            if let personalData { unit = personalData.scrub(unit, file: url.lastPathComponent, position: line).unit }
            try builder.add(unit)
        }
    }

    /// The shipped stock phrases (`Memories/*.tmx`, in name order) in one index; nil when the
    /// folder is not found or holds no TMX.
    public static func shippedPhrases(entities: (any EntityNaming)? = nil) throws -> (index: MatchIndex, archive: UnitArchive)? {
        guard let folder = ShippedData.memories,
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter({ $0.pathExtension.lowercased() == "tmx" }).sorted(by: { $0.path < $1.path }), !files.isEmpty else { return nil }
        let builder = MatchIndexBuilder(entities: entities)
        for file in files { try add(file, to: builder, personalData: nil) }
        return builder.finish()
    }
}

/// Query text as pasted (from PDFs, mail) made fit for matching.
public enum MatchQuery {
    /// Control characters other than tab and newline become spaces, so pasted text with stray
    /// controls still matches. O(n).
    public static func cleaned(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t" ? " " : scalar
        }))
    }
}
