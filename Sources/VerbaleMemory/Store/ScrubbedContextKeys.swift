import Foundation
import GRDB
import VerbaleCore

/// `memory.v6-scrubbed-context-keys`: context keys stored by earlier builds were hashes of the
/// previous sentence as typed, personal data included (imports and `align --import` since
/// 28–29 Nov 2026), and an unsalted 64-bit FNV hash can be searched: from the key and the
/// scrubbed text beside it, a passport number is found in well under a second. Keys are now of
/// the scrubbed sentence (`ContextKeys`); this migration takes the old ones out of existing
/// memories.
///
/// Which keys stay: those of a unit whose predecessor in the store (`id − 1`: the import stores
/// a file's new units one after another) gives the same key once scrubbed — a previous sentence
/// without personal data hashes the same either way, so its key reveals nothing and still
/// works. Every other import-written key is dropped (the unit keeps its other keys, or none):
/// either its sentence held personal data, or the predecessor cannot be told (a duplicate merged
/// in between), and a key that cannot be checked may be one of the first kind. Such units lose
/// the 101 band until their file is imported again. A context a file carried as text is left
/// as it is: the import stored it scrubbed.
///
/// Cost, once per memory: one read of each keyed unit's predecessor's variant texts, one scrub
/// and one hash per variant; a memory without import keys pays one scan of `unit`. (A 100,000-
/// unit memory of the memory benchmark, 99,720 keyed units: 94,321 keys kept; the open that ran
/// this and the analysis upgrade took 17.9 s in a debug build, the upgrade 13.2 s of it.) Inside the migration's transaction: a failure or a kill leaves the old keys and the
/// migration pending.
enum ScrubbedContextKeys {
    static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("memory.v6-scrubbed-context-keys") { db in
            try rekey(db)
        }
    }

    static func rekey(_ db: Database) throws {
        let scrubber = try PersonalDataScrubber()
        let variants = try db.makeStatement(sql: "SELECT language, text FROM variant WHERE id >= ? AND id < ? ORDER BY id")
        var changes: [(id: Int64, keys: String?)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, previous_context FROM unit WHERE previous_context IS NOT NULL AND previous_context <> '' ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let stored: String = row[1]
            let keys = stored.split(separator: " ")
            guard keys.allSatisfy(isKey) else { continue }
            let predecessor = id - 1
            var texts: [Variant] = []
            let found = try Row.fetchCursor(variants, arguments: [predecessor << 8, (predecessor + 1) << 8])
            while let variant = try found.next() {
                // As `UnitReader` reads a stored tag (canonical when written; `und` otherwise).
                let tag = (try? LanguageTag(parsing: variant[0] as String)) ?? (try? LanguageTag(parsing: "und")) ?? LanguageTag(.english)
                texts.append(Variant(language: tag, text: variant[1]))
            }
            let safe = texts.isEmpty ? [] : Set(ContextKeys(scrubbing: TranslationUnit(variants: texts), with: scrubber).value.split(separator: " "))
            let kept = keys.filter { safe.contains($0) }
            if kept.count != keys.count { changes.append((id, kept.isEmpty ? nil : kept.joined(separator: " "))) }
        }
        let update = try db.makeStatement(sql: "UPDATE unit SET previous_context = ? WHERE id = ?")
        for change in changes { try update.execute(arguments: [change.keys, change.id]) }
    }

    /// A key as `ContextHash.of` writes it: 16 lower-case hex digits.
    static func isKey(_ part: Substring) -> Bool {
        part.utf8.count == 16 && part.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
