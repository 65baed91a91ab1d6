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
    public init() {}

    public var name: String { "concordance" }

    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("concordance.v1") { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE concordance USING fts5(words, content='', columnsize=0, detail=none, tokenize='ascii');
                """)
        }
    }

    public var insertSQL: String { "INSERT INTO concordance (rowid, words) VALUES (?, ?)" }

    public func makeAnalyser() throws -> any IndexAnalyser { Analyser() }

    /// One row per variant: its words, keyed and joined by spaces (`ConcordanceWords`).
    final class Analyser: IndexAnalyser {
        let words = ConcordanceWords()
        func rows(for unit: TranslationUnit) throws -> [IndexRow] {
            unit.variants.enumerated().map { ordinal, variant in
                IndexRow(ordinal: ordinal, values: [.text(words.indexText(variant.text))])
            }
        }
    }
}
