import GRDB

/// Writes rows of one table several to a statement: `INSERT OR FAIL INTO t (…) VALUES (…), (…), …`.
///
/// Why: every statement SQLite runs costs about 1,400 instructions whatever it writes (the step,
/// opening and closing the table's cursor, halting, resetting), and the import ran one per
/// variant and one per index row — six of a two-language unit's seven statements. Here up to
/// `maximumRows` rows share a statement; the table's cursor stays open across them, so each
/// append-only row also finds its place without a descent from the root.
///
/// Only for new rows (keys above every stored one), and only with `OR FAIL`: SQLite runs a
/// multi-row insert that may *abort* (the default for a NOT NULL or key conflict, and what
/// `OR REPLACE` turns into for a NOT NULL column) inside a statement journal, and opening one
/// makes FTS5 write its buffered postings out (its `xSavepoint`) — one segment per statement,
/// other stored bytes and many more merges. `OR FAIL` stops at a failing row instead, which
/// needs no journal; the import's error then rolls its whole transaction back all the same.
/// For the same reason an FTS5 table (a virtual table: always "may abort") is never written
/// this way.
///
/// Statements are prepared on first use, one per row width and per power-of-two row count, and
/// kept for the import: a run of n rows of one width takes at most ⌊n / 64⌋ + 6 statements.
final class MultiRowInsert {
    /// Rows per statement at most (7 parameters a variant row: 448 at most, far under SQLite's limit).
    static let maximumRows = 64

    private let db: Database
    /// The statement's head for rows of `width` values after the row id, up to `VALUES `.
    private let head: (Int) -> String
    /// Prepared statements, by `width × 8 + log2(rows)`.
    private var statements: [Int: RawStatement] = [:]

    init(_ db: Database, head: @escaping (Int) -> String) {
        self.db = db
        self.head = head
    }

    /// Writes `rows` of `batch` in this order: each an index into the batch's rows and the row
    /// id of its variant (bound first, the row's values after it).
    func write(_ rows: [(row: Int, variant: Int64)], from batch: IndexRowBatch) throws {
        var start = 0
        while start < rows.count {
            let width = batch.width(ofRow: rows[start].row)
            var end = start + 1
            while end < rows.count, end - start < Self.maximumRows, batch.width(ofRow: rows[end].row) == width { end += 1 }
            while start < end {
                // The largest power of two not above what is left of the run.
                let shift = Int.bitWidth - 1 - (end - start).leadingZeroBitCount
                let insert = try statement(width: width, shift: shift)
                let stride = Int32(width + 1)
                var first: Int32 = 1
                for index in start..<(start + 1 << shift) {
                    batch.bind(row: rows[index].row, variant: rows[index].variant, to: insert, from: first)
                    first += stride
                }
                try insert.run()
                start += 1 << shift
            }
        }
    }

    private func statement(width: Int, shift: Int) throws -> RawStatement {
        let key = width << 3 | shift
        if let prepared = statements[key] { return prepared }
        let row = "(" + Array(repeating: "?", count: width + 1).joined(separator: ", ") + ")"
        let sql = head(width) + Array(repeating: row, count: 1 << shift).joined(separator: ", ")
        let prepared = try RawStatement(db, sql: sql)
        statements[key] = prepared
        return prepared
    }
}
