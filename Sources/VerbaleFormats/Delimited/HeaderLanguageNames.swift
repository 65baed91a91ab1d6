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

    /// The tag a header cell's words suggest (`English (United States)` → `en`), or nil.
    static func suggestedTag(_ name: String) -> String? {
        let words = key(name)
        let base = words.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? words
        return known[words] ?? known[base]
    }

    /// The `--lang-map` value that reads `unknown` header cells as languages: the cells that name
    /// a language get its tag (`English=en,French=fr`); when none does (`Source`, `Target`),
    /// each gets `LANG`, for the user to fill in. Quoted for the shell when a name holds a space.
    static func suggestion(for unknown: [String]) -> (map: String, named: Bool) {
        let named = unknown.compactMap { name in suggestedTag(name).map { "\(name)=\($0)" } }
        let entries = named.isEmpty ? unknown.map { "\($0)=LANG" } : named
        let map = entries.joined(separator: ",")
        let quoted = map.contains { " ()'\"&;|<>$`\\!".contains($0) } ? "'\(map.replacingOccurrences(of: "'", with: "'\\''"))'" : map
        return (quoted, !named.isEmpty)
    }

    /// The end of the refusal of a header whose `unknown` cells are no column Verbale knows.
    static func hint(for unknown: [String]) -> String {
        if let separator = otherSeparator(in: unknown) { return separator }
        guard !unknown.isEmpty, unknown.allSatisfy({ !$0.isEmpty && !$0.contains(",") && !$0.contains("=") }) else { return "" }
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
