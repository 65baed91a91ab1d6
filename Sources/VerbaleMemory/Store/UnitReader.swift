import Foundation
import GRDB
import VerbaleCore

/// Reads units back: a streaming merge of two ordered scans (units by id, variants by id, and
/// variant ids sort by unit), so exporting a million units is two sequential reads with no
/// per-unit query. Cost: O(units + variants), constant memory.
enum UnitReader {
    /// What `unit(_:)` reads, by index. (`source_language` is not read: a unit's languages are
    /// its variants'; each column selected costs SQLite a decode per row.)
    static let unitColumns = """
        id, tuid, creation_date, creation_user, change_date, change_user, origin, review,
        previous_context, next_context, notes, properties, attributes
        """

    /// Streams every unit in id order (between `from` and `to` ids inclusive when given).
    static func forEach(in db: Database, languages: [LanguageTag]?, after unitID: Int64 = 0, _ body: (StoredUnit) throws -> Void) throws -> Int {
        let units = try RawStatement(db, sql: "SELECT \(unitColumns) FROM unit WHERE id > ? ORDER BY id")
        units.bind(1, unitID)
        let variants = try RawStatement(db, sql: "SELECT id, language, text, tags, properties, notes, attributes FROM variant WHERE id > ? ORDER BY id")
        variants.bind(1, VariantID.make(unit: unitID, ordinal: VariantID.maximumVariants - 1))
        var count = 0
        var tags = TagCache()
        // The unit of the variant row the statement stands on, nil once the scan is done (a
        // finished statement must not be stepped again: SQLite would start it over). The row
        // becomes a `Variant` only when appended to its unit: no copy of it is made, held and
        // destroyed per variant.
        func nextVariantUnit() throws -> Int64? {
            try variants.step() ? VariantID.unit(of: variants.int64(0)) : nil
        }
        var pending = try nextVariantUnit()
        while try units.step() {
            var stored = unit(units)
            while let current = pending, current <= stored.id {
                if current == stored.id { stored.unit.variants.append(variant(variants, tags: &tags)) }
                pending = try nextVariantUnit()
            }
            if let languages {
                stored.unit.variants.removeAll { variant in !languages.contains { $0.matches(variant.language) } }
                if stored.unit.variants.isEmpty { continue }
            }
            try body(stored)
            count += 1
        }
        return count
    }

    /// The units with `ids`, in that order.
    static func units(ids: [Int64], in db: Database) throws -> [StoredUnit] {
        guard !ids.isEmpty else { return [] }
        let unitQuery = try RawStatement(db, sql: "SELECT \(unitColumns) FROM unit WHERE id = ?")
        let variantQuery = try RawStatement(db, sql: "SELECT id, language, text, tags, properties, notes, attributes FROM variant WHERE id BETWEEN ? AND ? ORDER BY id")
        var result: [StoredUnit] = []
        for id in ids {
            unitQuery.bind(1, id)
            defer { unitQuery.reset() }
            guard try unitQuery.step() else { continue }
            var stored = unit(unitQuery)
            variantQuery.bind(1, VariantID.make(unit: id, ordinal: 0))
            variantQuery.bind(2, VariantID.make(unit: id, ordinal: VariantID.maximumVariants - 1))
            var tags = TagCache()
            while try variantQuery.step() { stored.unit.variants.append(variant(variantQuery, tags: &tags)) }
            variantQuery.reset()
            result.append(stored)
        }
        return result
    }

    private static func unit(_ row: RawStatement) -> StoredUnit {
        let metadata = UnitMetadata(
            creationDate: MetadataCoding.date(row.double(2)), creationUser: row.string(3),
            changeDate: MetadataCoding.date(row.double(4)), changeUser: row.string(5),
            origin: OriginNames.forReading(row.string(6)), notes: MetadataCoding.strings(row.bytes(10)),
            properties: MetadataCoding.properties(row.bytes(11)),
            review: ReviewStatus(rawValue: row.string(7) ?? "") ?? .translated,
            previousContext: row.string(8), nextContext: row.string(9),
            attributes: MetadataCoding.properties(row.bytes(12)))
        var unit = TranslationUnit(id: row.string(1), variants: [], metadata: metadata)
        // Most units have two variants: room for them at once, not a second allocation.
        unit.variants.reserveCapacity(2)
        return StoredUnit(id: row.int64(0), unit: unit)
    }

    /// Parsed tags by their stored text: a memory has a handful of languages, so parsing each
    /// once saves a parse per variant when streaming millions. Looked up by the column's bytes
    /// (no string made, no hashing) among the last few seen; more tags than that are parsed.
    struct TagCache {
        private var known: [(bytes: [UInt8], tag: LanguageTag)] = []

        mutating func tag(_ bytes: UnsafeBufferPointer<UInt8>?) -> LanguageTag {
            guard let bytes else { return Self.parse("und") }
            for entry in known where entry.bytes.elementsEqual(bytes) { return entry.tag }
            let parsed = Self.parse(String(decoding: bytes, as: UTF8.self))
            if known.count < 16 { known.append((Array(bytes), parsed)) }
            return parsed
        }

        /// Stored tags were canonical tags when written; an unparsable one is kept as `und`.
        private static func parse(_ text: String) -> LanguageTag {
            (try? LanguageTag(parsing: text)) ?? (try? LanguageTag(parsing: "und")) ?? LanguageTag(.english)
        }
    }

    private static func variant(_ row: RawStatement, tags: inout TagCache) -> Variant {
        Variant(
            language: tags.tag(row.bytes(1)),
            text: row.string(2) ?? "",
            tags: MetadataCoding.decode(row.string(3), as: [InlineTag].self),
            properties: MetadataCoding.properties(row.bytes(4)),
            notes: MetadataCoding.strings(row.bytes(5)),
            attributes: MetadataCoding.properties(row.bytes(6)))
    }
}
