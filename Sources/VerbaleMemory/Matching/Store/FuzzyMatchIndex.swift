import Foundation
import GRDB
import GRDBSQLite
import VerbaleCore

/// The fuzzy-match index's part of the memory: every EN/FR/KM variant's analysed tokens
/// (`StoredToken`), written by the import inside its own transaction, so the index can never
/// disagree with the units. The searchable postings live in a file beside the database
/// (`MatchIndexCache`), derived from this table and checked against it on open.
///
/// Cost per imported variant: one tokenization (ICU word breaks + placeable patterns) and one
/// row insert; the rows hold about 1.5× the text's size.
public struct FuzzyMatchIndex: MemoryIndex {
    public init() {}

    public var name: String { "fuzzy-match" }

    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("fuzzy-match.v1") { db in
            try db.execute(sql: """
                CREATE TABLE match_entry (
                    variant INTEGER PRIMARY KEY,
                    language INTEGER NOT NULL,
                    tokens BLOB NOT NULL
                );
                """)
            // A memory made before this index existed: index the variants it already holds.
            try backfill(db)
        }
        migrator.registerMigration("fuzzy-match.v2-stamp") { db in
            // What the index file is checked against on open, in O(log n) instead of count(*)
            // over every row: the import only adds rows above the highest variant id (new
            // units), so the highest id and a count of deleted rows (kept by a trigger, which
            // costs nothing while importing) say which rows the file reflects.
            try db.execute(sql: """
                CREATE TABLE match_stamp (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    changes INTEGER NOT NULL
                );
                INSERT INTO match_stamp (id, changes) VALUES (1, 0);
                CREATE TRIGGER match_entry_deleted AFTER DELETE ON match_entry
                BEGIN
                    UPDATE match_stamp SET changes = changes + 1 WHERE id = 1;
                END;
                """)
        }
    }

    /// The memory's index stamp: (rows deleted so far, highest variant id). O(log n).
    static func stamp(_ db: Database) throws -> [Int64] {
        let changes = try Int64.fetchOne(db, sql: "SELECT changes FROM match_stamp WHERE id = 1") ?? 0
        let highest = try Int64.fetchOne(db, sql: "SELECT coalesce(max(variant), 0) FROM match_entry") ?? 0
        return [changes, highest]
    }

    /// Indexes every stored variant (run once, by the migration). O(stored text).
    func backfill(_ db: Database) throws {
        let insert = try RawStatement(db, sql: "INSERT OR REPLACE INTO match_entry (variant, language, tokens) VALUES (?, ?, ?)")
        var tokenizers: [Language: Tokenizer] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, language, text FROM variant ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let tag: String = row[1]
            let text: String = row[2]
            guard let language = (try? LanguageTag(tag))?.language else { continue }
            let tokenizer: Tokenizer
            if let existing = tokenizers[language] { tokenizer = existing } else {
                tokenizer = try Tokenizer(language: language)
                tokenizers[language] = tokenizer
            }
            let tokens = MatchText(text: text, language: language, tokenizer: tokenizer).tokens.map(StoredToken.init)
            insert.bind(1, id)
            insert.bind(2, Int64(MatchVocabulary.languageIndex(language)))
            insert.bind(3, blob: StoredToken.encode(tokens))
            try insert.run()
        }
    }

    public var insertSQL: String { "INSERT OR REPLACE INTO match_entry (variant, language, tokens) VALUES (?, ?, ?)" }

    /// The import's rows several to a statement (`MultiRowInsert`), `OR FAIL` where `insertSQL`
    /// says `OR REPLACE`: the same rows as long as none is stored at a new variant's id — which
    /// only a unit deleted outside Verbale could leave (the import's own discarded units have
    /// no index rows yet). One probe of the key checks it; if one is there, nil (one row a
    /// statement, replacing it, as before).
    public func multiRowInsertHead(_ db: Database, firstNewVariant: Int64) throws -> String? {
        let stale = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM match_entry WHERE variant >= ?)", arguments: [firstNewVariant]) ?? true
        return stale ? nil : "INSERT OR FAIL INTO match_entry (variant, language, tokens) VALUES "
    }

    public func makeAnalyser() throws -> any IndexAnalyser { Analyser() }

    /// One row per variant in a language the matcher knows: its language and encoded tokens
    /// (`MatchEntryEncoder`: the bytes of `StoredToken.encode` without the intermediate tokens).
    /// Keeps one tokenizer per language and the encoder's buffers for the whole import.
    final class Analyser: IndexAnalyser, SharesTokenSpans {
        /// One tokenizer per language met, found by a short linear search (no hashing per variant).
        private var tokenizers: [(Language, Tokenizer)] = []
        private var scratch = MatchEntryEncoder.Scratch()
        /// Shared with the concordance's Khmer tokenizer on the import's threads (`TokenSpanMemo`).
        private var spanMemo: TokenSpanMemo?

        func shareTokenSpans(_ memo: TokenSpanMemo) {
            spanMemo = memo
            for (_, tokenizer) in tokenizers { tokenizer.spanMemo = memo }
        }

        func rows(for unit: TranslationUnit) throws -> [IndexRow] {
            var rows: [IndexRow] = []
            rows.reserveCapacity(unit.variants.count)
            // By index: iterating the variants copied each `Variant` (retaining its strings).
            for ordinal in unit.variants.indices where ordinal < VariantID.maximumVariants {
                guard let language = unit.variants[ordinal].language.language else { continue }
                let tokenizer = try tokenizer(for: language)
                let text = unit.variants[ordinal].text
                let bytes = MatchEntryEncoder.encoded(text, tokenizer: tokenizer, scratch: &scratch)
                rows.append(IndexRow(ordinal: ordinal, values: [.integer(Int64(MatchVocabulary.languageIndex(language))), .bytes(bytes)]))
            }
            return rows
        }

        /// The same rows, each blob copied from the encoder's arena into the batch (no array per row).
        func appendRows(for unit: TranslationUnit, to batch: IndexRowBatch) throws {
            for ordinal in unit.variants.indices where ordinal < VariantID.maximumVariants {
                guard let language = unit.variants[ordinal].language.language else { continue }
                let tokenizer = try tokenizer(for: language)
                batch.beginRow(ordinal: ordinal)
                batch.appendInteger(Int64(MatchVocabulary.languageIndex(language)))
                MatchEntryEncoder.encode(unit.variants[ordinal].text, tokenizer: tokenizer, scratch: &scratch, into: batch)
            }
        }

        private func tokenizer(for language: Language) throws -> Tokenizer {
            for (known, tokenizer) in tokenizers where known == language { return tokenizer }
            let made = try Tokenizer(language: language)
            made.spanMemo = spanMemo
            tokenizers.append((language, made))
            return made
        }
    }
}

extension RawStatement {
    private static let transientBlob = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, blob: Data) {
        blob.withUnsafeBytes { raw in
            if let base = raw.baseAddress {
                _ = sqlite3_bind_blob(statement.sqliteStatement, index, base, Int32(raw.count), Self.transientBlob)
            } else {
                _ = sqlite3_bind_zeroblob(statement.sqliteStatement, index, 0)
            }
        }
    }
}
