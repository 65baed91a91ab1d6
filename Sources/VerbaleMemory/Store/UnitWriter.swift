import Foundation
import GRDB
import VerbaleCore

/// Stores units inside an open write transaction, one prepared statement per table, merging
/// duplicates and flagging alternatives.
///
/// Cost per new unit: one INSERT into `unit` (probing the UNIQUE (source hash, fingerprint)
/// index, which also detects duplicates), one probe of the same index by source hash alone
/// (skipped when the memory was empty and no unit of this import had the same source), and one INSERT per variant at an
/// append-only rowid. Duplicates and alternatives take a slower path with ordinary queries;
/// they are the minority in real memories. The hashes (`Keys`) are computed by the caller,
/// on the import's analysis threads, so the one thread in the transaction only writes.
struct UnitWriter {
    enum Outcome: Equatable {
        case added(id: Int64, alternative: Bool)
        case merged(id: Int64)
    }

    /// What the writer needs beyond the unit, derived from the unit alone (no database):
    /// canonical tags, the unit fingerprint and the source hash, and the JSON of its list-valued
    /// metadata (`MetadataCoding`, nil for an empty list).
    struct Keys: Sendable {
        var tags: [String]
        var fingerprint: Int64
        var sourceHash: Int64
        /// The unit's notes, properties and attributes as stored.
        var metadataJSON: (notes: String?, properties: String?, attributes: String?)
        /// Per variant: its inline tags, properties, notes and attributes as stored; empty when
        /// every variant has none of them (the plain unit: no array to allocate, hand over and
        /// free). Read it through `variantJSON(_:)`.
        var variantJSON: [(tags: String?, properties: String?, notes: String?, attributes: String?)]

        /// The stored JSON of the variant at `ordinal` (all nil for a plain variant).
        func variantJSON(_ ordinal: Int) -> (tags: String?, properties: String?, notes: String?, attributes: String?) {
            variantJSON.isEmpty ? (nil, nil, nil, nil) : variantJSON[ordinal]
        }

        /// Cost: one FNV pass over the unit's UTF-8 bytes, and one `JSONEncoder` run per
        /// non-empty list (none for a plain unit). `tagText` renders a language's canonical tag
        /// (callers cache it: one rendering per language, not per variant).
        ///
        /// The JSON is made here because the import makes `Keys` on its analysis threads: a
        /// `JSONEncoder` run costs tens of thousands of instructions, and a memory exported by a
        /// CAT tool carries properties and attributes (`usagecount`, `x-client`…) on every unit,
        /// which the writer — the import's one serial thread — used to encode itself.
        init(_ unit: TranslationUnit, tagText: (LanguageTag) -> String = { $0.description }) {
            self.init(unit, tags: unit.variants.map { tagText($0.language) })
        }

        /// `init(_:tagText:)` with the variants' canonical tags already rendered: the import
        /// hands the same array to every unit with the same languages (`ImportPipeline`), so a
        /// unit costs no array of tags of its own.
        init(_ unit: borrowing TranslationUnit, tags: [String]) {
            self.tags = tags
            let hashes = UnitFingerprint.unitsAndSource(unit.variants, tags: tags)
            fingerprint = hashes.units
            sourceHash = Int64(bitPattern: hashes.source)
            metadataJSON = (MetadataCoding.encode(unit.metadata.notes), MetadataCoding.encode(unit.metadata.properties),
                            MetadataCoding.encode(unit.metadata.attributes))
            let plain = unit.variants.indices.allSatisfy { ordinal in
                unit.variants[ordinal].tags.isEmpty && unit.variants[ordinal].properties.isEmpty
                    && unit.variants[ordinal].notes.isEmpty && unit.variants[ordinal].attributes.isEmpty
            }
            variantJSON = plain ? [] : unit.variants.map {
                (MetadataCoding.encode($0.tags), MetadataCoding.encode($0.properties), MetadataCoding.encode($0.notes),
                 MetadataCoding.encode($0.attributes))
            }
        }
    }

    private let db: Database
    private let insertUnit: RawStatement
    private let insertVariant: RawStatement
    private let findSource: RawStatement
    private let findDuplicate: RawStatement
    /// `findDuplicate`'s columns by id: the unit a shorter one is merged into (`relation`).
    private let findUnit: RawStatement
    private let updateDuplicate: RawStatement
    /// True when the memory held no unit when this writer started: an alternative can then
    /// only share its source with a unit of this import, so `addedSources` answers without a
    /// probe when the hash is new. (Nil set when the memory had units: always probe.)
    private var addedSources: Set<Int64>?
    /// The set's limit (about 16 bytes a unit: at most ≈ 20 MB by default), so memory stays
    /// bounded whatever the input size; units after it are probed.
    private let sourceSetCap: Int

    init(_ db: Database, sourceSetCap: Int = 1 << 20) throws {
        self.db = db
        self.sourceSetCap = sourceSetCap
        insertUnit = try RawStatement(db, sql: """
            INSERT INTO unit (tuid, fingerprint, source_hash, source_language, creation_date, creation_user,
                change_date, change_user, origin, review, previous_context, next_context, notes, properties, attributes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_hash, fingerprint) DO NOTHING
            """)
        insertVariant = try RawStatement(db, sql: "INSERT INTO variant (id, language, text, tags, properties, notes, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)")
        findSource = try RawStatement(db, sql: "SELECT id FROM unit WHERE source_hash = ? AND id <> ? LIMIT 16")
        let storedColumns = """
            id, tuid, creation_date, creation_user, change_date, change_user, origin, review,
            previous_context, next_context, notes, properties
            """
        findDuplicate = try RawStatement(db, sql: "SELECT \(storedColumns) FROM unit WHERE source_hash = ? AND fingerprint = ?")
        findUnit = try RawStatement(db, sql: "SELECT \(storedColumns) FROM unit WHERE id = ?")
        updateDuplicate = try RawStatement(db, sql: """
            UPDATE unit SET tuid = ?, creation_date = ?, creation_user = ?, change_date = ?, change_user = ?, origin = ?,
                review = ?, previous_context = ?, next_context = ?, notes = ?, properties = ? WHERE id = ?
            """)
        let empty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM unit)") ?? false
        addedSources = empty ? [] : nil
    }

    /// Stores `unit` (at least one variant; at most `VariantID.maximumVariants`).
    mutating func store(_ unit: TranslationUnit) throws -> Outcome {
        try store(unit, keys: Keys(unit))
    }

    /// Stores `unit` with its `keys` (`Keys(unit)`, computed beforehand).
    mutating func store(_ unit: TranslationUnit, keys: Keys) throws -> Outcome {
        try store(unit, keys: keys, writingVariants: true, flush: {})
    }

    /// The import's form of `store`: the unit's own row only — merged, or flagged as an
    /// alternative, exactly as `store` does — while its variants, like its index rows, are
    /// left to the caller, who writes many units' rows together (`PendingRows`, from the rows
    /// `appendVariantRows` made). `flush` must write every row the caller still holds: it is
    /// called before other units' variants are read (the probe for alternatives and contained
    /// units, only when another unit has the same source), so a unit earlier in the same chunk
    /// is found as if it had been written whole.
    mutating func storeUnitRow(_ unit: TranslationUnit, keys: Keys, flush: () throws -> Void) throws -> Outcome {
        try store(unit, keys: keys, writingVariants: false, flush: flush)
    }

    private mutating func store(_ unit: TranslationUnit, keys: Keys, writingVariants: Bool, flush: () throws -> Void) throws -> Outcome {
        guard !unit.variants.isEmpty, keys.tags.count == unit.variants.count,
              keys.variantJSON.isEmpty || keys.variantJSON.count == unit.variants.count else {
            throw MemoryError.invalidUnit(id: unit.id, reason: "it has no variants (the import skips such units before storing)")
        }
        let fingerprint = keys.fingerprint
        let sourceHash = keys.sourceHash
        // Fields are read in place (`unit.metadata.x`, `unit.variants[i].x`), never through a
        // copied `UnitMetadata` or `Variant`: a copy retains and releases every string and array
        // it holds, about a dozen atomic operations per unit on the writer, for nothing.
        insertUnit.bindCopy(1, unit.id)
        insertUnit.bind(2, fingerprint)
        insertUnit.bind(3, sourceHash)
        insertUnit.bindCopy(4, keys.tags[0])
        insertUnit.bind(5, MetadataCoding.seconds(unit.metadata.creationDate))
        insertUnit.bindCopy(6, unit.metadata.creationUser)
        insertUnit.bind(7, MetadataCoding.seconds(unit.metadata.changeDate))
        insertUnit.bindCopy(8, unit.metadata.changeUser)
        insertUnit.bindCopy(9, unit.metadata.origin)
        insertUnit.bindCopy(10, unit.metadata.review.rawValue)
        insertUnit.bindCopy(11, unit.metadata.previousContext)
        insertUnit.bindCopy(12, unit.metadata.nextContext)
        insertUnit.bindCopy(13, keys.metadataJSON.notes)
        insertUnit.bindCopy(14, keys.metadataJSON.properties)
        insertUnit.bindCopy(15, keys.metadataJSON.attributes)
        try insertUnit.run()
        guard insertUnit.changes > 0 else {
            return .merged(id: try merge(unit, sourceHash: sourceHash, fingerprint: fingerprint))
        }
        let id = insertUnit.lastInsertedRowID
        for ordinal in unit.variants.indices where writingVariants {
            insertVariant.bind(1, VariantID.make(unit: id, ordinal: ordinal))
            insertVariant.bindCopy(2, keys.tags[ordinal])
            let json = keys.variantJSON(ordinal)
            insertVariant.bindCopy(4, json.tags)
            insertVariant.bindCopy(5, json.properties)
            insertVariant.bindCopy(6, json.notes)
            insertVariant.bindCopy(7, json.attributes)
            try insertVariant.withText(3, unit.variants[ordinal].text) { try insertVariant.run() }
        }
        if addedSources != nil {
            if (addedSources?.count ?? 0) >= sourceSetCap {
                // Past the cap the set stops: probing is always right, only slower.
                addedSources = nil
            } else if addedSources?.insert(sourceHash).inserted == true {
                // The memory was empty and no earlier unit of this import has this source.
                return .added(id: id, alternative: false)
            }
        }
        switch try relation(of: unit, id: id, tags: keys.tags, sourceHash: sourceHash, flush: flush) {
        case .unrelated:
            return .added(id: id, alternative: false)
        case .alternative:
            return .added(id: id, alternative: true)
        case let .containedIn(other):
            try discard(id)
            return .merged(id: try mergeMetadata(unit, intoUnit: other))
        }
    }

    /// How a unit just stored stands to the other units with its source text.
    private enum Relation {
        /// No other unit shares its source, or none holds another text in one of its languages.
        case unrelated
        /// Another unit has the same source and a different text in one of this unit's target
        /// languages: both are kept and counted.
        case alternative
        /// Another unit already holds every one of this unit's texts (it has more languages):
        /// this one repeats it and is merged into it.
        case containedIn(Int64)
    }

    /// Compares the unit stored at `id` with the other units that share its source text, by
    /// the texts' canonical hashes (`UnitFingerprint.pair`: NFC, Khmer subscripts ordered,
    /// U+200B ignored — what makes two units exact duplicates).
    ///
    /// Why the contained case (review 1130h, M1): XLIFF carries one language pair, so a trilingual
    /// memory goes through a CAT tool pair by pair — `export --format xliff --langs en,km`,
    /// review, `import` brings back units whose every text is already stored, in fewer
    /// languages. Their fingerprints differ from the trilingual unit's, so they used to be stored
    /// again and flagged as alternatives of it, and every match was then offered twice alike.
    /// A unit with more languages than a stored one (the other order) is kept beside it: it
    /// brings a translation the memory lacks, and it is no alternative when the texts the two
    /// share are the same.
    ///
    /// Cost: nothing on the import's common path (the caller skips it when no earlier unit had
    /// this source); otherwise one probe of the source index and one read of each such unit's
    /// variants (rare: a memory's repeated sources).
    /// `flush`: writes the variants not stored yet (see `storeUnitRow`), before they are read.
    private func relation(of unit: TranslationUnit, id: Int64, tags: [String], sourceHash: Int64,
                          flush: () throws -> Void) throws -> Relation {
        findSource.bind(1, sourceHash)
        findSource.bind(2, id)
        var others: [Int64] = []
        while try findSource.step() { others.append(findSource.int64(0)) }
        findSource.reset()
        guard !others.isEmpty else { return .unrelated }
        try flush()
        var texts: [String: UInt64] = [:]
        for (variant, tag) in zip(unit.variants, tags) { texts[tag] = UnitFingerprint.pair(variant, tag: tag) }
        var alternative = false
        for other in others {
            let rows = try Row.fetchAll(db, sql: "SELECT language, text FROM variant WHERE id BETWEEN ? AND ?",
                                        arguments: [VariantID.make(unit: other, ordinal: 0), VariantID.make(unit: other, ordinal: VariantID.maximumVariants - 1)])
            var stored: [String: UInt64] = [:]
            for row in rows {
                let tag: String = row[0], text: String = row[1]
                stored[tag] = UnitFingerprint.pair(text: text, tag: tag)
            }
            if texts.allSatisfy({ stored[$0.key] == $0.value }) { return .containedIn(other) }
            for (tag, hash) in texts where stored[tag] != nil && stored[tag] != hash { alternative = true }
        }
        return alternative ? .alternative : .unrelated
    }

    /// Takes back the unit just inserted at `id` (the last row of `unit`, inside this
    /// transaction), when it proved to repeat another. (From `storeUnitRow`, its variants were
    /// not written: nothing to delete there.)
    private func discard(_ id: Int64) throws {
        try db.execute(sql: "DELETE FROM variant WHERE id BETWEEN ? AND ?",
                       arguments: [VariantID.make(unit: id, ordinal: 0), VariantID.make(unit: id, ordinal: VariantID.maximumVariants - 1)])
        try db.execute(sql: "DELETE FROM unit WHERE id = ?", arguments: [id])
    }

    /// Merges `unit`'s metadata into the stored unit with the same texts: earliest creation,
    /// latest change, the better review status, notes and properties united, missing fields
    /// filled. Texts are equal by definition, so indexes need no update.
    ///
    /// Cost: one probe of the unit key index with a statement prepared once, and an UPDATE
    /// only when a value changes (a plain repeat — most duplicates in a big memory — writes
    /// nothing). Notes and properties are decoded only when the new unit brings some: with
    /// none, the stored JSON is what `MetadataCoding` wrote, which decoding and encoding again
    /// would reproduce byte for byte, so it is kept as it is.
    private func merge(_ unit: TranslationUnit, sourceHash: Int64, fingerprint: Int64) throws -> Int64 {
        findDuplicate.bind(1, sourceHash)
        findDuplicate.bind(2, fingerprint)
        defer { findDuplicate.reset() }
        guard try findDuplicate.step() else {
            throw DatabaseError(message: "a duplicate unit vanished during the import")
        }
        return try mergeMetadata(unit, row: findDuplicate, takesReview: true)
    }

    /// `merge` into the unit stored at `id`, which holds every text of `unit` and more languages.
    private func mergeMetadata(_ unit: TranslationUnit, intoUnit id: Int64) throws -> Int64 {
        findUnit.bind(1, id)
        defer { findUnit.reset() }
        guard try findUnit.step() else {
            throw DatabaseError(message: "a stored unit vanished during the import")
        }
        return try mergeMetadata(unit, row: findUnit, takesReview: false)
    }

    /// Unites `unit`'s metadata with the stored unit `row` is on (the columns of `findDuplicate`).
    /// `takesReview`: whether a better review status of `unit` raises the stored unit's. Not for
    /// a shorter unit merged into a longer one: its status speaks for its own languages only (an
    /// EN/KM pair reviewed in a CAT tool says nothing of the unit's French), so it must not make
    /// the other texts look reviewed.
    private func mergeMetadata(_ unit: TranslationUnit, row: RawStatement, takesReview: Bool) throws -> Int64 {
        let id = row.int64(0)
        let old = (tuid: row.string(1), creation: row.double(2), creationUser: row.string(3), change: row.double(4),
                   changeUser: row.string(5), origin: row.string(6), review: row.string(7), previous: row.string(8),
                   next: row.string(9), notes: row.string(10), properties: row.string(11))
        let new = unit.metadata
        let newCreation = MetadataCoding.seconds(new.creationDate), newChange = MetadataCoding.seconds(new.changeDate)
        let creation = [old.creation, newCreation].compactMap { $0 }.min()
        let change = [old.change, newChange].compactMap { $0 }.max()
        let oldReview = ReviewStatus(rawValue: old.review ?? "") ?? .translated
        let review = (takesReview && new.review.trust > oldReview.trust ? new.review : oldReview).rawValue
        var notes = old.notes
        if !new.notes.isEmpty {
            var merged = MetadataCoding.decode(old.notes, as: [String].self)
            for note in new.notes where !merged.contains(note) { merged.append(note) }
            notes = MetadataCoding.encode(merged)
        }
        var properties = old.properties
        if !new.properties.isEmpty {
            var merged = MetadataCoding.decode(old.properties, as: [Property].self)
            for property in new.properties where !merged.contains(property) { merged.append(property) }
            properties = MetadataCoding.encode(merged)
        }
        let changeUser = (newChange ?? -Double.infinity) > (old.change ?? -Double.infinity)
            ? new.changeUser ?? old.changeUser : old.changeUser ?? new.changeUser
        let merged = (tuid: old.tuid ?? unit.id, creationUser: old.creationUser ?? new.creationUser, origin: old.origin ?? new.origin,
                      previous: old.previous ?? new.previousContext, next: old.next ?? new.nextContext)
        let sameDates: Bool = creation == old.creation && change == old.change
        let sameTexts: [Bool] = [merged.tuid == old.tuid, merged.creationUser == old.creationUser, changeUser == old.changeUser,
                                 merged.origin == old.origin, review == old.review, merged.previous == old.previous,
                                 merged.next == old.next, notes == old.notes, properties == old.properties]
        let unchanged = sameDates && !sameTexts.contains(false)
        guard !unchanged else { return id }
        updateDuplicate.bind(1, merged.tuid)
        updateDuplicate.bind(2, creation)
        updateDuplicate.bind(3, merged.creationUser)
        updateDuplicate.bind(4, change)
        updateDuplicate.bind(5, changeUser)
        updateDuplicate.bind(6, merged.origin)
        updateDuplicate.bind(7, review)
        updateDuplicate.bind(8, merged.previous)
        updateDuplicate.bind(9, merged.next)
        updateDuplicate.bind(10, notes)
        updateDuplicate.bind(11, properties)
        updateDuplicate.bind(12, id)
        try updateDuplicate.run()
        return id
    }

    /// The variant table's rows of `unit`, for the import's multi-row writes (`PendingRows`):
    /// per variant its language tag and its text, then — only when a variant of the unit has
    /// inline tags, properties, notes or attributes — those four as stored (NULL where none).
    /// So the values `store` binds, in its column order (`variantInsertHead(width:)`). Made on
    /// the import's analysis threads: the writer binds the bytes where they lie.
    static func appendVariantRows(of unit: TranslationUnit, keys: Keys, to batch: IndexRowBatch) {
        for ordinal in unit.variants.indices {
            batch.beginRow(ordinal: ordinal)
            batch.appendText(keys.tags[ordinal])
            batch.appendText(unit.variants[ordinal].text)
            guard !keys.variantJSON.isEmpty else { continue }
            let json = keys.variantJSON[ordinal]
            batch.appendText(json.tags)
            batch.appendText(json.properties)
            batch.appendText(json.notes)
            batch.appendText(json.attributes)
        }
    }

    /// The head of the multi-row insert of variant rows of `width` values (2: language and
    /// text, the other columns left NULL as `store` leaves them for a plain variant; 6: all).
    static func variantInsertHead(width: Int) -> String {
        width == 2 ? "INSERT OR FAIL INTO variant (id, language, text) VALUES "
            : "INSERT OR FAIL INTO variant (id, language, text, tags, properties, notes, attributes) VALUES "
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
