import Foundation
import GRDB
import VerbaleCore

/// Stores units inside an open write transaction, one prepared statement per table, merging
/// duplicates and flagging alternatives.
///
/// Cost per new unit: one INSERT into `unit` (probing the UNIQUE fingerprint index, which also
/// detects duplicates), one probe of the source-hash index, and one INSERT per variant at an
/// append-only rowid. Duplicates and alternatives take a slower path with ordinary queries;
/// they are the minority in real memories.
struct UnitWriter {
    enum Outcome: Equatable {
        case added(id: Int64, alternative: Bool)
        case merged(id: Int64)
    }

    private let db: Database
    private let insertUnit: RawStatement
    private let insertVariant: RawStatement
    private let findSource: RawStatement
    /// Canonical tag texts, rendered once per language rather than once per variant.
    private var tagTexts: [LanguageTag: String] = [:]

    private mutating func text(of tag: LanguageTag) -> String {
        if let known = tagTexts[tag] { return known }
        let text = tag.description
        tagTexts[tag] = text
        return text
    }

    init(_ db: Database) throws {
        self.db = db
        insertUnit = try RawStatement(db, sql: """
            INSERT INTO unit (tuid, fingerprint, source_hash, source_language, creation_date, creation_user,
                change_date, change_user, origin, review, previous_context, next_context, notes, properties, attributes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (fingerprint) DO NOTHING
            """)
        insertVariant = try RawStatement(db, sql: "INSERT INTO variant (id, language, text, tags, properties, notes, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)")
        findSource = try RawStatement(db, sql: "SELECT id FROM unit WHERE source_hash = ? AND id <> ? LIMIT 16")
    }

    /// Stores `unit` (at least one variant; at most `VariantID.maximumVariants`).
    mutating func store(_ unit: TranslationUnit) throws -> Outcome {
        guard !unit.variants.isEmpty else {
            throw MemoryError.invalidUnit(id: unit.id, reason: "it has no variants (the import skips such units before storing)")
        }
        var tags: [String] = []
        tags.reserveCapacity(unit.variants.count)
        for variant in unit.variants { tags.append(text(of: variant.language)) }
        let hashes = UnitFingerprint.unitsAndSource(unit.variants, tags: tags)
        let fingerprint = hashes.units
        let sourceHash = Int64(bitPattern: hashes.source)
        let meta = unit.metadata
        insertUnit.bind(1, unit.id)
        insertUnit.bind(2, fingerprint)
        insertUnit.bind(3, sourceHash)
        insertUnit.bind(4, tags[0])
        insertUnit.bind(5, MetadataCoding.seconds(meta.creationDate))
        insertUnit.bind(6, meta.creationUser)
        insertUnit.bind(7, MetadataCoding.seconds(meta.changeDate))
        insertUnit.bind(8, meta.changeUser)
        insertUnit.bind(9, meta.origin)
        insertUnit.bind(10, meta.review.rawValue)
        insertUnit.bind(11, meta.previousContext)
        insertUnit.bind(12, meta.nextContext)
        insertUnit.bind(13, MetadataCoding.encode(meta.notes))
        insertUnit.bind(14, MetadataCoding.encode(meta.properties))
        insertUnit.bind(15, MetadataCoding.encode(meta.attributes))
        try insertUnit.run()
        guard db.changesCount > 0 else {
            return .merged(id: try merge(unit, fingerprint: fingerprint))
        }
        let id = db.lastInsertedRowID
        for (ordinal, variant) in unit.variants.enumerated() {
            insertVariant.bind(1, VariantID.make(unit: id, ordinal: ordinal))
            insertVariant.bind(2, tags[ordinal])
            insertVariant.bind(3, variant.text)
            insertVariant.bind(4, MetadataCoding.encode(variant.tags))
            insertVariant.bind(5, MetadataCoding.encode(variant.properties))
            insertVariant.bind(6, MetadataCoding.encode(variant.notes))
            insertVariant.bind(7, MetadataCoding.encode(variant.attributes))
            try insertVariant.run()
        }
        return .added(id: id, alternative: try isAlternative(unit, id: id, sourceHash: sourceHash))
    }

    /// Whether another unit has the same source text and a translation into one of this
    /// unit's other languages (that differs, since the fingerprints differ).
    private func isAlternative(_ unit: TranslationUnit, id: Int64, sourceHash: Int64) throws -> Bool {
        findSource.bind(1, sourceHash)
        findSource.bind(2, id)
        var others: [Int64] = []
        while try findSource.step() { others.append(findSource.int64(0)) }
        findSource.reset()
        guard !others.isEmpty else { return false }
        let targets = Set(unit.variants.dropFirst().map { $0.language.description })
        // (rare path: only when another unit shares the source text)
        for other in others {
            let languages = try String.fetchAll(db, sql: "SELECT language FROM variant WHERE id BETWEEN ? AND ?",
                                                arguments: [VariantID.make(unit: other, ordinal: 1), VariantID.make(unit: other, ordinal: VariantID.maximumVariants - 1)])
            if languages.contains(where: targets.contains) { return true }
        }
        return false
    }

    /// Merges `unit`'s metadata into the stored unit with the same texts: earliest creation,
    /// latest change, the better review status, notes and properties united, missing fields
    /// filled. Texts are equal by definition, so indexes need no update.
    private func merge(_ unit: TranslationUnit, fingerprint: Int64) throws -> Int64 {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, tuid, creation_date, creation_user, change_date, change_user, origin, review,
                   previous_context, next_context, notes, properties FROM unit WHERE fingerprint = ?
            """, arguments: [fingerprint]) else {
            throw DatabaseError(message: "a duplicate unit vanished during the import")
        }
        let id: Int64 = row["id"]
        let new = unit.metadata
        let creation = [row["creation_date"] as Double?, MetadataCoding.seconds(new.creationDate)].compactMap { $0 }.min()
        let change = [row["change_date"] as Double?, MetadataCoding.seconds(new.changeDate)].compactMap { $0 }.max()
        let oldReview = ReviewStatus(rawValue: row["review"] as String? ?? "") ?? .translated
        let review = new.review.trust > oldReview.trust ? new.review : oldReview
        var notes = MetadataCoding.decode(row["notes"] as String?, as: [String].self)
        for note in new.notes where !notes.contains(note) { notes.append(note) }
        var properties = MetadataCoding.decode(row["properties"] as String?, as: [Property].self)
        for property in new.properties where !properties.contains(property) { properties.append(property) }
        let changeUser: String? = (MetadataCoding.seconds(new.changeDate) ?? -Double.infinity) > (row["change_date"] as Double? ?? -Double.infinity)
            ? new.changeUser ?? row["change_user"] : row["change_user"] ?? new.changeUser
        try db.execute(sql: """
            UPDATE unit SET tuid = ?, creation_date = ?, creation_user = ?, change_date = ?, change_user = ?, origin = ?,
                review = ?, previous_context = ?, next_context = ?, notes = ?, properties = ? WHERE id = ?
            """, arguments: [
                row["tuid"] as String? ?? unit.id, creation, row["creation_user"] as String? ?? new.creationUser, change, changeUser,
                row["origin"] as String? ?? new.origin, review.rawValue, row["previous_context"] as String? ?? new.previousContext,
                row["next_context"] as String? ?? new.nextContext, MetadataCoding.encode(notes), MetadataCoding.encode(properties), id,
            ])
        return id
    }

    /// Raises SQLite's page cache to 64 MB for the length of an import (bulk inserts into the
    /// indexes touch many pages); `restoreCache` puts it back.
    /// Cost: nothing until pages are used; memory is released when the cache shrinks.
    static func enlargeCache(_ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = -65536")
    }

    /// Puts the page cache back to SQLite's default (2 MB) after an import.
    static func restoreCache(_ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = -2000")
    }
}
