import VerbaleCore

/// A format reader that hands out one unit at a time, so a file of any size is read in
/// bounded memory (the Translate Toolkit's `TranslationStore`, but streaming).
///
/// ```swift
/// var reader = try MemoryFormat.makeReader(url: URL(fileURLWithPath: "old.tmx"))
/// while let unit = try reader.next() { print(unit.variants.map(\.text)) }
/// print(reader.unitsRead, reader.warnings.count)
/// ```
public protocol TranslationUnitReader {
    /// What the file says about itself; complete as soon as the reader is made.
    var header: MemoryHeader { get }
    /// The next unit, or nil at the end of the file. Errors carry file, line and column.
    mutating func next() throws(FormatError) -> TranslationUnit?
    /// Units handed out so far (0 after the end means the file holds no unit: say so).
    var unitsRead: Int { get }
    /// What was skipped or repaired so far (empty segments, units without text…): the first
    /// `WarningLog.limit` in full, so memory stays bounded; count with `warningCounts`.
    var warnings: [FormatWarning] { get }
    /// Every warning so far by kind, exact however many there were (not capped like `warnings`).
    var warningCounts: [FormatWarning.Kind: Int] { get }
    /// The line where the unit last handed out starts (for `origin` and for messages).
    var unitLine: Int { get }
}

/// A format writer; call `finish()` once at the end (it closes the document and flushes).
public protocol TranslationUnitWriter {
    mutating func write(_ unit: TranslationUnit) throws(FormatError)
    mutating func finish() throws(FormatError)
}

extension TranslationUnitReader {
    /// Reads every remaining unit into an array (for small files and tests; O(file) memory).
    public mutating func readAll() throws(FormatError) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        while let unit = try next() { units.append(unit) }
        return units
    }
}
