import ArgumentParser
import VerbaleCore
import VerbaleFormats

/// `import`'s, `validate`'s and `glossary import`'s `--lang-map from=to` (one parser, so all
/// three accept and refuse the same spellings), split by its left side: a BCP 47 tag
/// rewrites that tag wherever a file carries it (`en-US=en`, as always), anything else names a
/// TSV/CSV header cell (`English=en`, `Source=en`: memoQ's and Excel's spreadsheet headers), so
/// such a table is read without editing it (review 1130i m7). The right side is always a tag,
/// refused as before when it is not. A header name no file's header has is warned of (a typo
/// would otherwise be ignored in silence). Cost: one parse per entry.
struct LanguageMapping {
    /// Tag → tag, applied by the import to every text (`ImportOptions.languageMap`).
    var tags: [LanguageTag: LanguageTag] = [:]
    /// Header cell (`HeaderLanguageNames.key`) → tag, given to the TSV/CSV readers.
    var headerNames: [String: LanguageTag] = [:]
    /// Each header-name entry as the user wrote it (`English=en`), by key, for the warning.
    private var entries: [String: String] = [:]
    /// Each header-name entry's left side, unescaped, by key.
    private var names: [String: String] = [:]

    /// No mapping (`validate` without `--lang-map`).
    init() {}

    /// Entries split at `,`, sides at the first `=`, either escaped by a backslash inside a
    /// header name (`'Khmer\, Cambodia=km'`: `HeaderLanguageNames.mapEntries`).
    init(parsing langMap: [String]) throws {
        for entry in langMap.flatMap(HeaderLanguageNames.mapEntries) {
            guard let sides = HeaderLanguageNames.mapSides(entry), !sides.from.isEmpty, !sides.to.isEmpty else {
                throw ValidationError("--lang-map expects from=to (e.g. en-US=en; \\, and \\= for a comma or = inside a header name), not \"\(entry)\"")
            }
            let parts = [sides.from, sides.to]
            do {
                let target = try LanguageTag(parsing: parts[1])
                do {
                    tags[try LanguageTag(parsing: parts[0])] = target
                } catch {
                    let key = HeaderLanguageNames.key(parts[0])
                    guard !key.isEmpty else { throw error }
                    headerNames[key] = target
                    entries[key] = entry
                    names[key] = parts[0]
                }
            } catch {
                throw ValidationError("--lang-map \(entry): \(error)")
            }
        }
    }

    /// The warnings for header names that no header row of the files read had (`used`: the
    /// keys the readers matched), in the order given.
    func unusedHeaderNameWarnings(used: Set<String>) -> [String] {
        entries.filter { !used.contains($0.key) }.sorted { $0.value < $1.value }.map { key, entry in
            "--lang-map \(entry): no TSV/CSV header cell of the files read is \"\(names[key] ?? entry)\" "
                + "(a name that is not a language tag names a header cell); nothing was mapped by it"
        }
    }
}
