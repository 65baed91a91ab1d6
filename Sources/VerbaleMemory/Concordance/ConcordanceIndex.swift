import GRDB
import VerbaleCore

/// The concordance index: an FTS5 table over each variant's words (`ConcordanceWords`),
/// stored pre-split and separated by spaces, read with FTS5's `ascii` tokenizer — which only
/// splits at ASCII spaces and punctuation, so Khmer words (split by ICU beforehand) stay whole.
///
/// Contentless (`content=''`): the texts live once, in `variant`; the index holds postings only,
/// keyed by variant row id. Cost: one word split per variant (on an analysis thread) and one
/// FTS5 insert per variant inside the import transaction
/// (FTS5 buffers postings in memory and writes them as segments); lookups are O(log n) per
/// word plus the postings read.
public struct ConcordanceIndex: MemoryIndex {
    /// FTS5's postings buffer while an import writes (`beginBulkWrite`): bytes.
    public let bulkHashSize: Int

    /// `bulkHashSize`: only benchmarks comparing buffers give another (`verbale-bench fts-buffer`).
    public init(bulkHashSize: Int = ConcordanceIndex.defaultBulkHashSize) {
        self.bulkHashSize = bulkHashSize
    }

    public var name: String { "concordance" }

    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("concordance.v1") { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE concordance USING fts5(words, content='', columnsize=0, detail=none, tokenize='ascii');
                """)
        }
        migrator.registerMigration("concordance.v2-khmer-runs") { db in
            // Texts holding Khmer used to go to ICU whole, which joined `1,000`, `U.N.` or
            // `info@mfa.gov.kh` into one word a query never gives (`ConcordanceWords`). Other
            // texts are keyed as before, so a memory without Khmer is left alone.
            //
            // Nearly always there is nothing to do here: `memory.v2-analysis` is registered after
            // this migration, so in the open that runs this one, `analysis_stamp` does not exist
            // yet — a new memory (empty), or a memory from before this migration. The latter is
            // then stamped with the unknown analysis, and `AnalysisUpgrade`, run by every writable
            // open right after the migrations, rebuilds this index (with progress); if that
            // upgrade cannot run (another writer holds the lock, a failure), the memory is
            // searched as it is with `Note.analysisOutdated` until a later open rebuilds it.
            // The stamp exists here only when the memory was stamped by an open without this
            // index (`SQLiteMemory(indexes:)` without `ConcordanceIndex`) and is now opened with
            // it: its stamp may be current, so no upgrade follows, and its Khmer is indexed here.
            guard try db.tableExists("analysis_stamp") else { return }
            try Self.reindexIfKhmer(db)
        }
    }

    /// Rebuilds the whole index from the stored variants when any holds Khmer. Runs inside the
    /// migration's transaction, so a failure or a kill leaves the old index (and the migration
    /// pending). The table is contentless, so a row can only be removed by repeating its old
    /// words — which an older tokenizer may have produced differently — hence `delete-all` and
    /// a full rebuild rather than a patch of the Khmer rows. Cost: one SQL scan of the
    /// variants' text for a Khmer scalar (it stops at the first); with Khmer, one word split
    /// and FTS5 insert per variant, about what importing the memory's concordance cost.
    static func reindexIfKhmer(_ db: Database) throws {
        try reindexIfKhmer(db, report: { _, _ in })
    }

    public var insertSQL: String { "INSERT INTO concordance (rowid, words) VALUES (?, ?)" }

    public func makeAnalyser() throws -> any IndexAnalyser { Analyser() }

    /// One row per variant: its words, keyed and joined by spaces (`ConcordanceWords`).
    final class Analyser: IndexAnalyser, SharesTokenSpans {
        let words = ConcordanceWords()

        func shareTokenSpans(_ memo: TokenSpanMemo) { words.spanMemo = memo }
        func rows(for unit: TranslationUnit) throws -> [IndexRow] {
            // By index, reading only each variant's text (no copy of the whole variant).
            unit.variants.indices.map { ordinal in
                IndexRow(ordinal: ordinal, values: [.text(words.indexText(unit.variants[ordinal].text))])
            }
        }

        /// The same rows, each text keyed straight into the batch's buffer.
        func appendRows(for unit: TranslationUnit, to batch: IndexRowBatch) throws {
            for ordinal in unit.variants.indices {
                batch.beginRow(ordinal: ordinal)
                words.appendIndexText(unit.variants[ordinal].text, to: batch)
            }
        }
    }
}
