import GRDB

/// Reads single variant texts by id for the concordance, through one prepared statement.
///
/// Lives in the store layer so the `variant` table's shape is known here only. Cost: one
/// rowid lookup per call (a B-tree probe); the statement is prepared once per reader.
struct VariantTextReader {
    private let statement: RawStatement

    init(_ db: Database) throws {
        statement = try RawStatement(db, sql: "SELECT language, text FROM variant WHERE id = ?")
    }

    /// The language tag and text of the variant `id`, or nil if there is none.
    func variant(id: Int64) throws -> (language: String, text: String)? {
        statement.bind(1, id)
        defer { statement.reset() }
        guard try statement.step(), let language = statement.string(0), let text = statement.string(1) else { return nil }
        return (language, text)
    }

    /// How many texts contain `text`, by a full scan with SQL `LIKE` — what a memory without a
    /// word index must do (the concordance benchmark's baseline). O(all text).
    static func countContaining(_ text: String, in db: Database) throws -> Int {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM variant WHERE text LIKE ? ESCAPE '\\'", arguments: ["%" + escaped + "%"]) ?? 0
    }
}
