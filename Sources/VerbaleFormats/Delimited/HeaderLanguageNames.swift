import Foundation
import VerbaleCore

/// Spreadsheet header cells that name a column's language in words (`English`, `French`,
/// `Khmer`, as memoQ's and Excel's exports write them) or by role (`Source`, `Target`): a table
/// reader takes them only through `--lang-map NAME=tag` (`DelimitedReader`'s `headerNames`),
/// never by guessing, and refuses them with the `--lang-map` that reads the table as it is.
///
/// Why not map `English` to `en` silently: a header is the user's words, and a wrong guess
/// (`Source` as English, `Cambodian` for a Thai column mislabelled) stores every text under the
/// wrong language; the message costs one rerun (review 1130i m7).
public enum HeaderLanguageNames {
    /// Language names in English, French and Khmer, lowercased, with the tag the suggestion
    /// offers. Only used to word the refusal.
    static let known: [String: String] = [
        "english": "en", "anglais": "en", "ភាសាអង់គ្លេស": "en", "អង់គ្លេស": "en",
        "french": "fr", "français": "fr", "francais": "fr", "ភាសាបារាំង": "fr", "បារាំង": "fr",
        "khmer": "km", "cambodian": "km", "ខ្មែរ": "km", "ភាសាខ្មែរ": "km",
    ]

    /// The key a header cell and a `--lang-map` left side are compared by: trimmed, any case.
    public static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The tag a header cell's words suggest (`English (United States)`, `Khmer, Cambodia` → `en`, `km`), or nil.
    static func suggestedTag(_ name: String) -> String? {
        let words = key(name)
        let base = words.split(whereSeparator: { $0 == "(" || $0 == "," }).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? words
        return known[words] ?? known[base]
    }

    /// The `--lang-map` value that reads `unknown` header cells as languages: the cells that name
    /// a language get its tag (`English=en,French=fr`); when none does (`Source`, `Target`),
    /// each gets `LANG`, for the user to fill in. Quoted for the shell when a name holds a space.
    static func suggestion(for unknown: [String]) -> (map: String, named: Bool) {
        let named = unknown.compactMap { name in suggestedTag(name).map { "\(escapedForMap(name))=\($0)" } }
        let entries = named.isEmpty ? unknown.map { "\(escapedForMap($0))=LANG" } : named
        let map = entries.joined(separator: ",")
        let quoted = map.contains { " ()'\"&;|<>$`\\!".contains($0) } ? "'\(map.replacingOccurrences(of: "'", with: "'\\''"))'" : map
        return (quoted, !named.isEmpty)
    }

    /// A `--lang-map` value's entries: split at each `,` that no backslash escapes, the escapes
    /// kept for `mapSides`. Why an escape: a header cell holding a comma or `=` (`Khmer, Cambodia`,
    /// `km=Khmer`, as some exports write a column) could not be named at all, `,` separating
    /// entries and `=` the two sides (`--lang-map 'Khmer\, Cambodia=km'` names it).
    public static func mapEntries(_ value: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var escaping = false
        for character in value {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                current.append(character)
                escaping = true
            } else if character == "," {
                entries.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        entries.append(current)
        return entries.filter { !$0.isEmpty }
    }

    /// An entry's two sides, split at the first `=` no backslash escapes, each unescaped (`\,`
    /// `\=` and `\\` stand for `,`, `=` and `\`; a backslash before anything else is kept); nil
    /// without such an `=`.
    public static func mapSides(_ entry: String) -> (from: String, to: String)? {
        var from = "", to = ""
        var escaping = false, split = false
        for character in entry {
            if escaping {
                if !",=\\".contains(character) { split ? to.append("\\") : from.append("\\") }
                split ? to.append(character) : from.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "=", !split {
                split = true
            } else {
                split ? to.append(character) : from.append(character)
            }
        }
        if escaping { split ? to.append("\\") : from.append("\\") }
        return split ? (from, to) : nil
    }

    /// `name` as a `--lang-map` left side: `\`, `,` and `=` escaped with a backslash.
    public static func escapedForMap(_ name: String) -> String {
        guard name.contains(where: { $0 == "\\" || $0 == "," || $0 == "=" }) else { return name }
        var out = ""
        for character in name {
            if character == "\\" || character == "," || character == "=" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The end of the refusal of a header whose `unknown` cells are no column Verbale knows.
    static func hint(for unknown: [String]) -> String {
        if let separator = otherSeparator(in: unknown) { return separator }
        guard !unknown.isEmpty, unknown.allSatisfy({ !$0.isEmpty }) else { return "" }
        let (map, named) = suggestion(for: unknown)
        return named
            ? "; if these columns hold those languages, give import or validate --lang-map \(map) (header name=language tag), or rename the header cells"
            : "; if these columns hold texts, name each one's language with --lang-map \(map) (LANG a tag such as en, fr, km) to import or validate, or rename the header cells"
    }

    /// The advice for a table read with the other separator (review 1130j m4): a TSV under
    /// `--format csv` has one header cell holding the tab-joined line (`en⇥fr⇥km`), a CSV under
    /// `--format tsv` one holding `en,fr` or `en;fr`. Only when the cell's first piece is a
    /// language tag, so a header in words with a comma ("Source, English") keeps its advice.
    static func otherSeparator(in unknown: [String]) -> String? {
        for cell in unknown {
            for (separator, format, name) in [("\t", "tsv", "tab"), (",", "csv", "comma"), (";", "csv", "semicolon")] where cell.contains(separator) {
                let first = cell.components(separatedBy: separator)[0].trimmingCharacters(in: .whitespaces)
                guard (try? LanguageTag(parsing: first)) != nil else { continue }
                return "; the header line is \(name)-separated: read the table with --format \(format), or without --format (the format is recognised)"
            }
        }
        return nil
    }
}
