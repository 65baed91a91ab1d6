import GRDB
import VerbaleCore

extension ConcordanceIndex: ReanalysedIndex {
    /// Only the Khmer runs of a text go through the tokenizer (`ConcordanceWords`); every other
    /// word is split by a scalar loop that does not depend on it. So a memory without Khmer is
    /// left alone (one SQL scan that stops at the first Khmer scalar), and one with Khmer has
    /// its whole index rebuilt — the table is contentless, so an old row can only be removed by
    /// repeating the words an older tokenizer gave it, hence `delete-all` and a rebuild (as in
    /// `reindexIfKhmer`). Cost then: one word split and one FTS5 insert per variant.
    public func reanalyse(_ db: Database, report: (_ done: Int, _ total: Int) throws -> Void) throws {
        try Self.reindexIfKhmer(db, report: report)
    }

    /// `reindexIfKhmer`, reporting progress in variants (`report(done, total)`; nothing is
    /// reported when the memory holds no Khmer and nothing is done).
    static func reindexIfKhmer(_ db: Database, report: (_ done: Int, _ total: Int) throws -> Void) throws {
        // Any scalar of the Khmer block (U+1780–U+17FF, as `ConcordanceWords.containsKhmer`);
        // GLOB compares code points, in C, without decoding a String per row.
        let khmer = "SELECT EXISTS (SELECT 1 FROM variant WHERE text GLOB '*[' || char(6016) || '-' || char(6143) || ']*')"
        guard try Bool.fetchOne(db, sql: khmer) == true else { return }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") ?? 0
        try report(0, total)
        try db.execute(sql: "INSERT INTO concordance (concordance) VALUES ('delete-all')")
        let texts = try RawStatement(db, sql: "SELECT id, text FROM variant ORDER BY id")
        let words = ConcordanceWords()
        let insert = try RawStatement(db, sql: ConcordanceIndex().insertSQL)
        var done = 0
        while try texts.step() {
            done += 1
            if done & 0x3FF == 0 { try report(done, total) }
            guard let text = texts.string(1) else { continue }
            insert.bind(1, texts.int64(0))
            insert.bind(2, words.indexText(text))
            try insert.run()
        }
        try report(total, total)
    }
}
