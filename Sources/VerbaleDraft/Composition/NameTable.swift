import Foundation
import VerbaleCore

/// The names Verbale writes into new notes — institution heads, formal state names, seats and
/// places in English, French and Khmer, and the French number and gender of country names —
/// read from `Resources/institution-names.tsv`.
///
/// Why data, not code: the rows are what a reviewer corrects (a Khmer wording, a French gender),
/// and each Khmer wording names the source that attests it in the `khmer-source` column or is
/// shown `[unreviewed]`. Cost: one parse of ≈ 50 rows per process.
struct NameTable: Sendable {
    struct Row: Sendable, Equatable {
        var kind: String
        var english: String
        var french: String
        var gender: InstitutionName.Gender
        var elides: Bool
        var khmer: String
        /// The source attesting the Khmer wording; nil when none does.
        var khmerSource: String?
        /// The IANA time zone whose CLDR exemplar city is this place (places only).
        var zone: String?

        /// The ninth, optional column (`country-article`): a head whose country loses its
        /// article (`drop`), or a country that keeps it after such a head (`keep`); nil for the
        /// rest. See `CountryArticle`.
        var countryArticle: CountryArticle?
        /// What attests `countryArticle` (the text after "drop:" or "keep:"); nil when no
        /// source does, and the reading is Verbale's, shown `[unreviewed]`.
        var countryArticleSource: String?

        var khmerAttested: Bool { khmerSource != nil }
        /// False for a country row whose gender cell is `none`: the name takes no article in
        /// French (review 1130d M6); its `khmerSource` cell then names the source of that reading.
        var takesArticle: Bool { gender != .noArticle }
    }

    /// How a country's French article behaves after a head, beyond its gender and elision.
    ///
    /// French drops the article of a feminine or vowel-initial country after the noun naming
    /// a state's own post abroad — « l'Ambassade de France », « le Consulat général d'Italie »,
    /// « l'Ambassade d'Iran » — and keeps it after other heads (« la Mission permanente de la
    /// France », « le Ministère des Affaires étrangères de la France ») and for masculine and
    /// plural names (« l'Ambassade du Japon », « des États-Unis »). Which head does which is
    /// usage, not grammar one could derive, so it is a cell of the head's row with its source.
    enum CountryArticle: String, Sendable, Equatable {
        /// A head row: a feminine or vowel-initial country right after it takes no article.
        case drop
        /// A country row: the name keeps its article even after a `drop` head.
        case keep
    }

    var rows: [Row]

    func rows(_ kind: String) -> [Row] { rows.filter { $0.kind == kind } }

    /// The shipped table; empty (every name then stays untranslated, marked) if the resource
    /// is missing or malformed, which the tests rule out for the shipped file.
    static let shipped: NameTable = (try? load()) ?? NameTable(rows: [])

    /// Where the shipped TSV is, or nil. Found with `ShippedResource` (beside the executable
    /// and the test runner, then the source tree), not `Bundle.module`, whose generated accessor
    /// calls `fatalError` when the resource bundle is missing, so the empty-table fallback above
    /// would never be reached.
    static var url: URL? { resource.url(relativePath) }

    /// VerbaleDraft's resources: Sources/VerbaleDraft/Composition/NameTable.swift → Sources/VerbaleDraft.
    static let resource = ShippedResource(
        target: "VerbaleDraft",
        sourceFolder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent())

    /// The table's path inside VerbaleDraft's resources.
    static let relativePath = "Resources/institution-names.tsv"

    /// The first `root/Resources/institution-names.tsv` that exists; nil when none does.
    static func locate(in roots: [URL]) -> URL? { ShippedResource.locate(relativePath, in: roots) }

    static func load(from url: URL? = url) throws(DraftError) -> NameTable {
        guard let url else { throw .unreadable(relativePath, resource.notFound(relativePath)) }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .unreadable(url.path, "\(error)") }
        return try parse(text, file: url.lastPathComponent)
    }

    /// Parses the TSV; a malformed row is an error naming file, line and column.
    static func parse(_ text: String, file: String) throws(DraftError) -> NameTable {
        let kinds: Set<String> = ["head", "state", "seat", "place", "country"]
        var rows: [Row] = []
        var sawHeader = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                if cells.first == "kind" { continue }
            }
            func fail(_ column: Int, _ reason: String) -> DraftError {
                .malformedMemory(file, "\(file):\(number):\(column): \(reason)")
            }
            guard cells.count == 8 || cells.count == 9 else {
                throw fail(1, "expected 8 tab-separated columns (or 9 with country-article), found \(cells.count)")
            }
            guard kinds.contains(cells[0]) else { throw fail(1, "unknown kind \"\(cells[0])\" (head, state, seat, place or country)") }
            // Country rows carry French grammar only: Khmer country names come from the glossary or CLDR.
            guard !cells[1].isEmpty, !cells[2].isEmpty, !cells[5].isEmpty || cells[0] == "country" else {
                throw fail(2, "english, french and khmer must not be empty")
            }
            let gender: InstitutionName.Gender
            switch cells[3] {
            case "m", "": gender = .masculine
            case "f": gender = .feminine
            case "pl": gender = .plural
            case "none" where cells[0] == "country": gender = .noArticle
            default: throw fail(4, "gender must be m, f or pl\(cells[0] == "country" ? " (or none: no article)" : ""), not \"\(cells[3])\"")
            }
            guard ["yes", "no", ""].contains(cells[4]) else { throw fail(5, "elides must be yes or no, not \"\(cells[4])\"") }
            let (countryArticle, countryArticleSource) = try Self.countryArticle(cells.count == 9 ? cells[8] : "", kind: cells[0]) { fail(9, $0) }
            rows.append(Row(kind: cells[0], english: cells[1], french: cells[2], gender: gender, elides: cells[4] == "yes",
                            khmer: cells[5], khmerSource: cells[6].isEmpty ? nil : cells[6], zone: cells[7].isEmpty ? nil : cells[7],
                            countryArticle: countryArticle, countryArticleSource: countryArticleSource))
        }
        return NameTable(rows: rows)
    }

    /// The `country-article` cell: empty, `drop` (heads only) or `keep` (countries only), each
    /// alone or followed by ": " and its source.
    private static func countryArticle(_ cell: String, kind: String,
                                       fail: (String) -> DraftError) throws(DraftError) -> (CountryArticle?, String?) {
        guard !cell.isEmpty else { return (nil, nil) }
        let parts = cell.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let value = CountryArticle(rawValue: parts[0]) else {
            throw fail("country-article must be drop or keep, optionally followed by \": source\", not \"\(cell)\"")
        }
        let allowed: CountryArticle = kind == "country" ? .keep : .drop
        guard value == allowed, kind == "head" || kind == "country" else {
            throw fail("country-article \(value.rawValue) is for \(value == .drop ? "head" : "country") rows, not \(kind) rows")
        }
        let source = parts.count == 2 && !parts[1].isEmpty ? parts[1] : nil
        return (value, source)
    }
}

extension MissingResource {
    /// VerbaleDraft's resources that have a fallback and are missing: the institution-name
    /// table, without which names stay untranslated (marked) in drafts.
    public static func draft() -> [MissingResource] {
        check(NameTable.resource, NameTable.relativePath,
              consequence: "names of ministries, missions and places stay untranslated in drafts, marked [untranslated: …]")
    }
}
