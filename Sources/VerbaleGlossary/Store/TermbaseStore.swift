import Foundation
import GRDB
import VerbaleCore
import VerbaleFormats

/// The termbases kept in the user's SQLite file (the same file as the translation memory, in
/// tables of their own: `glossary_termbase`, `glossary_concept`, `glossary_term`).
///
/// Concepts belong to a named termbase (a file name, or `shipped:countries.tbx`); a concept id
/// is unique within its termbase. Every import runs in one transaction: an error, or a crash
/// or kill half-way, leaves the file as it was (SQLite's journal rolls it back).
///
/// Cost: imports are O(terms) inserts in one transaction; `load()` reads every row once
/// (O(terms)), then `Termbase` indexes them.
public final class TermbaseStore {
    public let url: URL
    let database: DatabaseQueue

    /// Opens (creating if needed) the SQLite file at `url` and applies the glossary migrations.
    public init(url: URL) throws(GlossaryStoreError) {
        self.url = url
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            database = try DatabaseQueue(path: url.path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw .cannotOpen(path: url.path, reason: "\(error)")
        }
    }

    private init(url: URL, database: DatabaseQueue) {
        self.url = url
        self.database = database
    }

    /// The concepts of the termbases the user imported into the memory at `url` (not the
    /// shipped ones Verbale seeds there), read without writing: empty when the file does not
    /// exist or holds no glossary. Why: drafting loads the shipped termbases from their files
    /// and must add the user's own, which win where both name a term (review 1130h M4), without
    /// creating a memory or migrating one a reader only drafts from. Cost: one read, O(terms).
    public static func importedConcepts(at url: URL) throws(GlossaryStoreError) -> [Concept] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let store = TermbaseStore(url: url, database: try DatabaseQueue(path: url.path, configuration: configuration))
            guard try store.database.read({ try $0.tableExists("glossary_termbase") }) else { return [] }
            return try store.concepts().filter { $0.origin?.isShipped == false }
        } catch let error as GlossaryStoreError {
            throw error
        } catch {
            throw .cannotOpen(path: url.path, reason: "\(error)")
        }
    }

    /// The glossary's schema, as named migrations (distinct from the memory's).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("glossary-v1") { db in
            try db.create(table: "glossary_termbase") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("origin", .text)
                t.column("digest", .text)
                t.column("importedAt", .text).notNull()
            }
            try db.create(table: "glossary_concept") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("termbase", .integer).notNull().references("glossary_termbase", onDelete: .cascade)
                t.column("conceptId", .text).notNull()
                t.column("domain", .text)
                t.column("definition", .text)
                t.column("note", .text)
                t.column("fields", .text)
                t.column("languageFields", .text)
                t.uniqueKey(["termbase", "conceptId"])
            }
            try db.create(table: "glossary_term") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("concept", .integer).notNull().indexed().references("glossary_concept", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("language", .text).notNull()
                t.column("text", .text).notNull()
                t.column("partOfSpeech", .text)
                t.column("status", .text).notNull()
                t.column("termType", .text)
                t.column("usageNote", .text)
                t.column("source", .text)
                t.column("review", .text).notNull()
                t.column("fields", .text)
            }
        }
        migrator.registerMigration("glossary-v2-origin-names") { db in
            // Termbases imported before origins were shortened recorded the importer's path
            // (`/home/sokha/Glossaries/un-terms.tbx`) in the memory file users share: the file
            // name is kept (`FileOrigin`), one UPDATE per termbase (a handful).
            let rows = try Row.fetchAll(db, sql: "SELECT id, origin FROM glossary_termbase WHERE origin IS NOT NULL")
            for row in rows {
                let origin: String = row["origin"]
                let short = FileOrigin.name(origin)
                if short != origin {
                    try db.execute(sql: "UPDATE glossary_termbase SET origin = ? WHERE id = ?", arguments: [short, row["id"] as Int64])
                }
            }
        }
        return migrator
    }

    /// What an import did.
    public struct ImportReport: Sendable, Encodable {
        public var termbase: String
        public var added = 0
        /// Concepts whose id already existed in this termbase and whose content changed: the
        /// new version replaced the old.
        public var replaced: [String] = []
        public var unchanged = 0
        public var terms = 0
        /// True when the file was already imported with the same content (nothing read).
        public var skipped = false
        /// How many values of each kind of personal data were replaced in the file's free
        /// texts (`"PERSON": 2`), as `verbale import` counts them; absent when none were or
        /// when the importer kept them (`--keep-personal-data`). The store itself never
        /// scrubs: the CLI does, with the memory's scrubber.
        public var personalData: [String: Int]?

        enum CodingKeys: String, CodingKey {
            case termbase, added, replaced, unchanged, terms, skipped
            case personalData = "personal_data"
            /// The same counts under `verbale import --json`'s name, beside the documented
            /// `personal_data` (review 1130c, m2: one name across commands for tools).
            case personalDataAsImport = "personalData"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(termbase, forKey: .termbase)
            try container.encode(added, forKey: .added)
            try container.encode(replaced, forKey: .replaced)
            try container.encode(unchanged, forKey: .unchanged)
            try container.encode(terms, forKey: .terms)
            try container.encode(skipped, forKey: .skipped)
            try container.encodeIfPresent(personalData, forKey: .personalData)
            try container.encodeIfPresent(personalData, forKey: .personalDataAsImport)
        }
    }

    /// One file (or stream) of concepts to import into the termbase `termbase`.
    public struct ImportJob {
        public var termbase: String
        public var origin: String?
        /// A content fingerprint: when the termbase was last imported with the same one, the
        /// job is skipped (shipped termbases load once per version).
        public var digest: String?
        /// Drop the termbase's existing concepts first (a new version of a shipped file).
        public var replaceAll: Bool
        /// Streams the concepts; if it throws, nothing of the whole batch is stored.
        public var read: (_ each: (Concept) throws -> Void) throws -> Void

        public init(termbase: String, origin: String?, digest: String? = nil, replaceAll: Bool = false,
                    read: @escaping (_ each: (Concept) throws -> Void) throws -> Void) {
            self.termbase = termbase
            self.origin = origin
            self.digest = digest
            self.replaceAll = replaceAll
            self.read = read
        }
    }

    /// Imports concepts into the termbase `name`, in one transaction (see `importBatch`).
    @discardableResult
    public func importConcepts(termbase name: String, origin: String?, digest: String? = nil, replaceAll: Bool = false,
                               _ read: @escaping (_ each: (Concept) throws -> Void) throws -> Void) throws -> ImportReport {
        try importBatch([ImportJob(termbase: name, origin: origin, digest: digest, replaceAll: replaceAll, read: read)])[0]
    }

    /// Imports several files in ONE transaction: all of them, or (on any error, crash or kill)
    /// none. A concept whose id already exists in its termbase replaces it when its content
    /// changed (listed in `replaced`), and is counted `unchanged` otherwise.
    public func importBatch(_ jobs: [ImportJob]) throws -> [ImportReport] {
        try database.write { db in
            try jobs.map { job in try Self.run(job, db) }
        }
    }

    private static func run(_ job: ImportJob, _ db: Database) throws -> ImportReport {
        var report = ImportReport(termbase: job.termbase)
        let termbaseID: Int64
        if let row = try Row.fetchOne(db, sql: "SELECT id, digest FROM glossary_termbase WHERE name = ?", arguments: [job.termbase]) {
            termbaseID = row["id"]
            if let digest = job.digest, row["digest"] == digest {
                report.skipped = true
                return report
            }
            if job.replaceAll { try db.execute(sql: "DELETE FROM glossary_concept WHERE termbase = ?", arguments: [termbaseID]) }
            try db.execute(sql: "UPDATE glossary_termbase SET origin = ?, digest = ?, importedAt = ? WHERE id = ?",
                           arguments: [job.origin, job.digest, now(), termbaseID])
        } else {
            try db.execute(sql: "INSERT INTO glossary_termbase (name, origin, digest, importedAt) VALUES (?, ?, ?, ?)",
                           arguments: [job.termbase, job.origin, job.digest, now()])
            termbaseID = db.lastInsertedRowID
        }
        let insertConcept = try db.cachedStatement(sql: """
            INSERT INTO glossary_concept (termbase, conceptId, domain, definition, note, fields, languageFields) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertTerm = try db.cachedStatement(sql: """
            INSERT INTO glossary_term (concept, position, language, text, partOfSpeech, status, termType, usageNote, source, review, fields)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try job.read { concept in
            if let existing = try fetchConcept(db, termbase: termbaseID, conceptId: concept.id) {
                if existing.concept == concept { report.unchanged += 1; return }
                try db.execute(sql: "DELETE FROM glossary_concept WHERE id = ?", arguments: [existing.rowID])
                report.replaced.append(concept.id)
            } else {
                report.added += 1
            }
            try insertConcept.execute(arguments: [termbaseID, concept.id, concept.domain, concept.definition, concept.note,
                                                  json(concept.fields), json(concept.languageFields)])
            let conceptRow = db.lastInsertedRowID
            for (position, term) in concept.terms.enumerated() {
                try insertTerm.execute(arguments: [conceptRow, position, term.language.description, term.text, term.partOfSpeech,
                                                   term.declaredStatus?.rawValue ?? "", term.termType, term.usageNote, term.source,
                                                   term.review.rawValue, json(term.fields)])
                report.terms += 1
            }
        }
        return report
    }

    /// The content fingerprint a termbase was last imported with (nil: never imported, or
    /// imported without one). A read, so checking shipped files takes no write lock.
    public func digest(of termbase: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT digest FROM glossary_termbase WHERE name = ?", arguments: [termbase])
        }
    }

    /// Names of the stored termbases with their concept counts.
    public func termbases() throws -> [(name: String, origin: String?, concepts: Int)] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.name, t.origin, (SELECT COUNT(*) FROM glossary_concept c WHERE c.termbase = t.id) AS n
                FROM glossary_termbase t ORDER BY t.name
                """).map { ($0["name"], $0["origin"], $0["n"]) }
        }
    }

    /// Every stored concept (optionally of one termbase), in import order.
    public func concepts(termbase: String? = nil) throws -> [Concept] {
        try database.read { db in
            // Each concept with its termbase's name and file: where it came from (`ConceptOrigin`).
            var sql = "SELECT c.*, t.name AS termbaseName, t.origin AS termbaseOrigin FROM glossary_concept c JOIN glossary_termbase t ON t.id = c.termbase"
            var arguments: StatementArguments = []
            if let termbase {
                sql += " WHERE t.name = ?"
                arguments = [termbase]
            }
            sql += " ORDER BY c.id"
            var concepts: [Int64: Concept] = [:]
            var order: [Int64] = []
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let id: Int64 = row["id"]
                var concept = try Self.concept(from: row)
                concept.origin = ConceptOrigin(termbase: row["termbaseName"], file: row["termbaseOrigin"], entry: concept.id)
                concepts[id] = concept
                order.append(id)
            }
            let termSQL = termbase == nil
                ? "SELECT * FROM glossary_term ORDER BY concept, position"
                : "SELECT g.* FROM glossary_term g JOIN glossary_concept c ON c.id = g.concept JOIN glossary_termbase t ON t.id = c.termbase WHERE t.name = ? ORDER BY g.concept, g.position"
            for row in try Row.fetchAll(db, sql: termSQL, arguments: arguments) {
                let concept: Int64 = row["concept"]
                concepts[concept]?.terms.append(try Self.term(from: row))
            }
            return order.compactMap { concepts[$0] }
        }
    }

    /// Loads everything into an indexed `Termbase`.
    public func load() throws -> Termbase { Termbase(concepts: try concepts()) }

    static func fetchConcept(_ db: Database, termbase: Int64, conceptId: String) throws -> (rowID: Int64, concept: Concept)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM glossary_concept WHERE termbase = ? AND conceptId = ?", arguments: [termbase, conceptId]) else { return nil }
        let rowID: Int64 = row["id"]
        var concept = try concept(from: row)
        concept.terms = try Row.fetchAll(db, sql: "SELECT * FROM glossary_term WHERE concept = ? ORDER BY position", arguments: [rowID]).map(term(from:))
        return (rowID, concept)
    }

    static func concept(from row: Row) throws -> Concept {
        Concept(id: row["conceptId"], domain: row["domain"], definition: row["definition"], note: row["note"],
                fields: try decode(row["fields"]) ?? [], languageFields: try decode(row["languageFields"]) ?? [])
    }

    static func term(from row: Row) throws -> Term {
        let language: String = row["language"]
        let status: String = row["status"]
        let review: String = row["review"]
        return Term(language: (try? LanguageTag(parsing: language)) ?? LanguageTag(.english), text: row["text"],
                    partOfSpeech: row["partOfSpeech"], status: TermStatus(rawValue: status), termType: row["termType"],
                    usageNote: row["usageNote"], source: row["source"], review: ReviewStatus(rawValue: review) ?? .unreviewed,
                    fields: try decode(row["fields"]) ?? [])
    }

    static func json<T: Encodable>(_ value: [T]) -> String? {
        guard !value.isEmpty, let data = try? JSONEncoder().encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String?) throws -> [T]? {
        guard let text else { return nil }
        return try JSONDecoder().decode([T].self, from: Data(text.utf8))
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}

/// Why the glossary store failed.
public enum GlossaryStoreError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): cannot open the glossary database (\(reason))"
        }
    }
}
