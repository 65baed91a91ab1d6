import Foundation
import GRDB
import VerbaleCore

extension SQLiteMemory {
    /// The distinct `variant.language` tags, ordered by their first variant. Cost: one scan of
    /// `variant` (no index on `language`: a memory holds a handful of tags, and this runs once
    /// per export, beside the export's own full read); a tag the store cannot parse is left out.
    public func languageTags() throws -> [LanguageTag] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT language FROM variant GROUP BY language ORDER BY min(id)")
                .compactMap { try? LanguageTag(parsing: $0) }
        }
    }
}
