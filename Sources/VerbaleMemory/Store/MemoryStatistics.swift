import Foundation
import GRDB
import VerbaleCore

/// What a memory holds (`verbale stats`).
public struct MemoryStatistics: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable {
        public var name: String
        public var units: Int
        /// In `pairs` only: the pair's two tags, as `name` joins them with `-` (sorted; a pair
        /// is counted whichever text was the unit's source). Why beside `name`: with region
        /// tags `en-GB-fr-FR` cannot be split back (review 1130g m12), and `name` stays as it
        /// was for the scripts that read it. Absent from the other counts.
        public var source: String?
        public var target: String?
    }

    public var path: String
    public var units: Int
    public var variants: Int
    /// Units per language (a unit counts once per language it has).
    public var languages: [Count]
    /// Units per language pair (`en-fr`, with `source` `en` and `target` `fr`), each unordered
    /// pair once, tags sorted.
    public var pairs: [Count]
    /// Units per origin file (the part of `origin` before `#`), largest first, at most 50.
    public var origins: [Count]
    /// Units by review status (the unit-level status only; see `reviewByLanguage`).
    public var review: [Count]
    /// Texts by review status, per language: a variant's own `x-review` property when it has
    /// one (how shipped Khmer renderings are marked unreviewed), else its unit's status — the
    /// rule the matcher and concordance apply, so `stats` shows what `search` will show.
    public var reviewByLanguage: [LanguageReview] = []
    /// Bytes on disk: the database file and its WAL.
    public var bytes: Int64

    public struct LanguageReview: Codable, Sendable, Equatable {
        public var language: String
        /// Texts per review status, largest first.
        public var review: [Count]
    }
}

extension MemoryStatistics {
    /// Counts each variant under its own review status (variant `x-review`, else the unit's).
    /// Cost: one scan of `variant` joined to `unit` by rowid; the property JSON is decoded
    /// only for variants whose properties mention `x-review`.
    static func reviewByLanguage(_ db: Database) throws -> [LanguageReview] {
        var counts: [String: [String: Int]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT v.language AS language, CASE WHEN instr(v.properties, 'x-review') > 0 THEN v.properties END AS properties,
                   u.review AS review
            FROM variant v JOIN unit u ON u.id = v.id >> 8
            """)
        while let row = try rows.next() {
            let unitReview = ReviewStatus(rawValue: row["review"] as String? ?? "") ?? .translated
            let properties = MetadataCoding.decode(row["properties"] as String?, as: [Property].self)
            let status = properties.last { $0.type == "x-review" }.flatMap { ReviewStatus(rawValue: $0.value.lowercased()) } ?? unitReview
            counts[row["language"] as String? ?? "", default: [:]][status.rawValue, default: 0] += 1
        }
        return counts.keys.sorted().map { language in
            let review = (counts[language] ?? [:]).map { Count(name: $0.key, units: $0.value) }
                .sorted { ($0.units, $1.name) > ($1.units, $0.name) }
            return LanguageReview(language: language, review: review)
        }
    }
}

extension SQLiteMemory {
    /// Units per origin file, largest first, at most 50. A file named with the importer's
    /// folders (a read-only memory the origin migrations could not rewrite) is shown and
    /// counted by its last component, as the migrations would store it: the part before a `#`
    /// through `SQLiteMemory.originName` (as for `PATH#FRAGMENT`), an origin without one through
    /// `OriginNames.shortened` (bare paths, align's provenance). One GROUP BY scan.
    static func originCounts(_ db: Database) throws -> [MemoryStatistics.Count] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT CASE WHEN instr(origin, '#') > 0 THEN substr(origin, 1, instr(origin, '#') - 1) ELSE coalesce(origin, '(unknown)') END AS file,
                   instr(origin, '#') > 0 AS fragment, count(*) AS n FROM unit GROUP BY file, fragment
            """) {
            let file: String = row["file"]
            let name = (row["fragment"] as Bool? ?? false) ? SQLiteMemory.originName(file) : OriginNames.shortened(file) ?? file
            counts[name, default: 0] += row["n"] as Int
        }
        return counts.map { MemoryStatistics.Count(name: $0.key, units: $0.value) }
            .sorted { ($0.units, $1.name) > ($1.units, $0.name) }
            .prefix(50).map { $0 }
    }

    /// Counts by scanning `unit` and `variant` once (O(units + variants); about a second per
    /// million units here), on a reader snapshot.
    public func statistics() throws -> MemoryStatistics {
        try read { db in
            let units = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
            let variants = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") ?? 0
            let languages = try Row.fetchAll(db, sql: """
                SELECT language, count(DISTINCT id >> 8) AS n FROM variant GROUP BY language ORDER BY n DESC, language
                """).map { MemoryStatistics.Count(name: $0["language"], units: $0["n"]) }
            // Pairs: the distinct language sets per unit, counted, then expanded into pairs.
            // Keyed by the two tags apart (a tag holds no space): joined with `-`, `en-GB-fr-FR`
            // could not be told from other splits.
            var pairCounts: [String: Int] = [:]
            let sets = try Row.fetchAll(db, sql: """
                SELECT langs, count(*) AS n FROM (
                    SELECT group_concat(language, ' ') AS langs FROM (SELECT id >> 8 AS unit, language FROM variant ORDER BY id)
                    GROUP BY unit)
                GROUP BY langs
                """)
            for row in sets {
                let langs = Array(Set((row["langs"] as String? ?? "").split(separator: " ").map(String.init))).sorted()
                let n: Int = row["n"]
                for i in langs.indices { for j in langs.indices where j > i { pairCounts["\(langs[i]) \(langs[j])", default: 0] += n } }
            }
            let pairs = pairCounts.map { key, units in
                let tags = key.split(separator: " ", maxSplits: 1).map(String.init)
                return MemoryStatistics.Count(name: tags.joined(separator: "-"), units: units, source: tags.first, target: tags.last)
            }
                .sorted { ($0.units, $1.name) > ($1.units, $0.name) }
            let origins = try Self.originCounts(db)
            let review = try Row.fetchAll(db, sql: "SELECT review, count(*) AS n FROM unit GROUP BY review ORDER BY n DESC")
                .map { MemoryStatistics.Count(name: $0["review"], units: $0["n"]) }
            let size = [path.path, path.path + "-wal"].reduce(Int64(0)) { total, file in
                total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0)
            }
            return MemoryStatistics(path: path.path, units: units, variants: variants, languages: languages, pairs: pairs,
                                    origins: origins, review: review, reviewByLanguage: try MemoryStatistics.reviewByLanguage(db),
                                    bytes: size)
        }
    }
}
