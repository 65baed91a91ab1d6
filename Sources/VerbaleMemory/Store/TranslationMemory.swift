import Foundation
import VerbaleCore

/// A translation memory: units with variants in any number of languages, imported in bulk,
/// searched by words, exported whole.
///
/// The protocol is what front ends (the CLI, an editor plug-in, a server) program against, so a
/// ministry-wide PostgreSQL store can later stand beside the embedded SQLite one
/// (`SQLiteMemory`). Every method is synchronous and may block on the store's lock.
///
/// ```swift
/// let memory = try SQLiteMemory(path: MemoryLocation.resolve(explicit: nil))
/// let summary = try memory.importUnits(from: [source], options: ImportOptions())
/// let hits = try memory.concordance(ConcordanceQuery(text: "presents its compliments"))
/// ```
public protocol TranslationMemory: Sendable {
    /// Imports every unit of `sources` in ONE transaction: either all of them are stored (and
    /// indexed) or, on any error or kill, none is. Duplicates are merged, alternatives kept.
    func importUnits(from sources: [any UnitSource], options: ImportOptions, progress: ImportProgress?) throws -> ImportSummary

    /// Calls `body` with every unit in storage order, streaming (memory stays bounded), keeping
    /// only the variants whose language matches one of `languages` (all when nil). Returns the
    /// number of units passed to `body`.
    @discardableResult
    func forEachUnit(languages: [LanguageTag]?, _ body: (StoredUnit) throws -> Void) throws -> Int

    /// The language tags the memory holds, each once, in the order they first appear (what a
    /// bilingual export must choose from). Cost: one scan of the variants.
    func languageTags() throws -> [LanguageTag]

    /// The units whose text contains the words of `query`, best first.
    func concordance(_ query: ConcordanceQuery) throws -> ConcordanceResult

    /// Counts of units, languages, pairs and origins, and the store's size on disk.
    func statistics() throws -> MemoryStatistics

    /// The units sharing `unit`'s source text but not its translations.
    func alternatives(of unitID: Int64) throws -> [StoredUnit]
}

extension TranslationMemory {
    public func importUnits(from sources: [any UnitSource], options: ImportOptions = ImportOptions()) throws -> ImportSummary {
        try importUnits(from: sources, options: options, progress: nil)
    }

    /// Every unit, in storage order (tests and small memories; use `forEachUnit` for large ones).
    public func allUnits(languages: [LanguageTag]? = nil) throws -> [StoredUnit] {
        var units: [StoredUnit] = []
        try forEachUnit(languages: languages) { units.append($0) }
        return units
    }
}

/// A unit as stored: the unit and its row id in the memory.
public struct StoredUnit: Hashable, Sendable {
    public var id: Int64
    public var unit: TranslationUnit
    public init(id: Int64, unit: TranslationUnit) {
        self.id = id
        self.unit = unit
    }
}

/// Called during an import with the bytes read so far and the total, when known.
public typealias ImportProgress = @Sendable (_ bytesRead: Int64, _ totalBytes: Int64?) -> Void
