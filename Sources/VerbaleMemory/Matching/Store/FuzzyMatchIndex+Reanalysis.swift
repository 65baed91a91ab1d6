import GRDB
import VerbaleCore

extension FuzzyMatchIndex: ReanalysedIndex {
    /// Rewrites every `match_entry` row from its variant's text, exactly as the import makes it
    /// (`MatchEntryEncoder` over the tokenizer's tokens with placeables merged), so a memory
    /// upgraded here scores like one imported afresh. Rows are replaced in place (same rowid,
    /// no delete trigger); rows whose variant is gone or whose language the matcher no longer
    /// knows are deleted; then `match_stamp.changes` is bumped once so the `.match` file beside
    /// the memory, stamped with the old value, is rebuilt on the next search.
    ///
    /// Cost: one tokenization and one row replace per stored variant, one tokenizer per
    /// language; streaming (one variant in memory at a time).
    public func reanalyse(_ db: Database, report: (_ done: Int, _ total: Int) throws -> Void) throws {
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") ?? 0
        let texts = try RawStatement(db, sql: "SELECT id, language, text FROM variant ORDER BY id")
        let replace = try RawStatement(db, sql: insertSQL)
        let remove = try RawStatement(db, sql: "DELETE FROM match_entry WHERE variant = ?")
        var tokenizers: [Language: Tokenizer] = [:]
        var bytes: [UInt8] = []
        var done = 0
        try report(0, total)
        while try texts.step() {
            let id = texts.int64(0)
            let text = texts.string(2) ?? ""
            guard let tag = texts.string(1), let language = (try? LanguageTag(parsing: tag))?.language,
                  VariantID.ordinal(of: id) < VariantID.maximumVariants else {
                remove.bind(1, id)
                try remove.run()
                continue
            }
            let tokenizer: Tokenizer
            if let existing = tokenizers[language] { tokenizer = existing } else {
                tokenizer = try Tokenizer(language: language)
                tokenizers[language] = tokenizer
            }
            bytes.removeAll(keepingCapacity: true)
            MatchEntryEncoder.encode(tokenizer.tokenize(text, mergingPlaceables: true), of: text, into: &bytes)
            replace.bind(1, id)
            replace.bind(2, Int64(MatchVocabulary.languageIndex(language)))
            replace.bind(3, bytes: bytes)
            try replace.run()
            done += 1
            if done & 0x3FF == 0 { try report(done, total) }
        }
        try db.execute(sql: "DELETE FROM match_entry WHERE variant NOT IN (SELECT id FROM variant)")
        try db.execute(sql: "UPDATE match_stamp SET changes = changes + 1 WHERE id = 1")
        try report(total, total)
    }
}
