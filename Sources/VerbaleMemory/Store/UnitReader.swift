import Foundation
import GRDB
import VerbaleCore

/// Reads units back: a streaming merge of two ordered scans (units by id, variants by id, and
/// variant ids sort by unit), so exporting a million units is two sequential reads with no
/// per-unit query. Cost: O(units + variants), constant memory.
enum UnitReader {
    static let unitColumns = """
        id, tuid, source_language, creation_date, creation_user, change_date, change_user, origin, review,
        previous_context, next_context, notes, properties, attributes
        """

    /// Streams every unit in id order (between `from` and `to` ids inclusive when given).
    static func forEach(in db: Database, languages: [LanguageTag]?, after unitID: Int64 = 0, _ body: (StoredUnit) throws -> Void) throws -> Int {
        let units = try RawStatement(db, sql: "SELECT \(unitColumns) FROM unit WHERE id > ? ORDER BY id")
        units.bind(1, unitID)
        let variants = try RawStatement(db, sql: "SELECT id, language, text, tags, properties, notes, attributes FROM variant WHERE id > ? ORDER BY id")
        variants.bind(1, VariantID.make(unit: unitID, ordinal: VariantID.maximumVariants - 1))
        var count = 0
        let tags = TagCache()
        var pending: (unit: Int64, variant: Variant)?
        var variantsDone = false
        func nextVariant() throws -> (unit: Int64, variant: Variant)? {
            guard !variantsDone else { return nil }
            guard try variants.step() else {
                variantsDone = true
                return nil
            }
            return (VariantID.unit(of: variants.int64(0)), variant(variants, tags: tags))
        }
        pending = try nextVariant()
        while try units.step() {
            var stored = unit(units)
            while let current = pending, current.unit <= stored.id {
                if current.unit == stored.id { stored.unit.variants.append(current.variant) }
                pending = try nextVariant()
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
            while try variantQuery.step() { stored.unit.variants.append(variant(variantQuery)) }
            variantQuery.reset()
            result.append(stored)
        }
        return result
    }

    private static func unit(_ row: RawStatement) -> StoredUnit {
        let metadata = UnitMetadata(
            creationDate: MetadataCoding.date(row.double(3)), creationUser: row.string(4),
            changeDate: MetadataCoding.date(row.double(5)), changeUser: row.string(6),
            origin: OriginNames.forReading(row.string(7)), notes: MetadataCoding.decode(row.string(11), as: [String].self),
            properties: MetadataCoding.decode(row.string(12), as: [Property].self),
            review: ReviewStatus(rawValue: row.string(8) ?? "") ?? .translated,
            previousContext: row.string(9), nextContext: row.string(10),
            attributes: MetadataCoding.decode(row.string(13), as: [Property].self))
        return StoredUnit(id: row.int64(0), unit: TranslationUnit(id: row.string(1), variants: [], metadata: metadata))
    }

    /// Parsed tags by their stored text: a memory has a handful of languages, so parsing each
    /// once saves a parse per variant when streaming millions.
    final class TagCache {
        private var tags: [String: LanguageTag] = [:]
        func tag(_ text: String) -> LanguageTag {
            if let known = tags[text] { return known }
            // Stored tags were canonical tags when written; an unparsable one is kept as `und`.
            let parsed = (try? LanguageTag(parsing: text)) ?? (try? LanguageTag(parsing: "und")) ?? LanguageTag(.english)
            tags[text] = parsed
            return parsed
        }
    }

    private static func variant(_ row: RawStatement, tags: TagCache = TagCache()) -> Variant {
        let tag = row.string(1) ?? "und"
        return Variant(
            language: tags.tag(tag),
            text: row.string(2) ?? "",
            tags: MetadataCoding.decode(row.string(3), as: [InlineTag].self),
            properties: MetadataCoding.decode(row.string(4), as: [Property].self),
            notes: MetadataCoding.decode(row.string(5), as: [String].self),
            attributes: MetadataCoding.decode(row.string(6), as: [Property].self))
    }
}
