import Foundation
import GRDB
import VerbaleCore
import VerbaleFormats

extension SQLiteMemory {
    /// Imports `sources` in one IMMEDIATE transaction (see `TranslationMemory.importUnits`).
    ///
    /// Pipeline per unit: language map → empty variants dropped → personal data replaced →
    /// every index's rows derived — on analysis threads, ahead of the writer (`ImportPipeline`)
    /// — then, on this thread, inside the transaction: stored (`UnitWriter`: added, merged or
    /// alternative) and, when added, its index rows inserted. Chunks come back in input order,
    /// so the result is the same as a sequential import. Memory stays bounded by the chunks
    /// read ahead plus SQLite's page cache (raised to 64 MB for the import) and FTS5's 8 MB
    /// buffer (`ConcordanceIndex.beginBulkWrite`) and, in a memory that was empty, the source
    /// hashes of its first million units (`UnitWriter`, ≈ 20 MB at most), whatever the input size.
    ///
    /// A reader error (malformed XML, bad encoding…) aborts the whole import: the transaction
    /// rolls back and the error names the file. So does a kill: SQLite's WAL never exposes an
    /// uncommitted transaction.
    public func importUnits(from sources: [any UnitSource], options: ImportOptions, progress: ImportProgress?) throws -> ImportSummary {
        try importUnits(from: sources, options: options, progress: progress) { _, _ in }
    }

    /// The import, with `finally` run last inside the same transaction (seeding records what
    /// it imported there, so the record and the units commit together).
    func importUnits(from sources: [any UnitSource], options: ImportOptions, progress: ImportProgress?,
                     finally: (Database, ImportSummary) throws -> Void) throws -> ImportSummary {
        let started = Date()
        var report: [PersonalDataFinding] = []
        var summary = try writeTransaction(commit: !options.dryRun) { db -> ImportSummary in
            try UnitWriter.enlargeCache(db)
            defer { try? UnitWriter.restoreCache(db) }
            // O(1) when current (the open upgraded it): new rows never join rows of another analysis.
            if case let .newer(stored) = try AnalysisUpgrade.reanalyseIfStale(db, indexes: indexes) {
                // Rows of this older analysis must not join a newer one's: nothing is imported.
                throw MemoryError.madeByNewerVerbale(path: path.path, stored: stored, current: Tokenizer.analysisIdentity)
            }
            var summary = ImportSummary()
            var writer = try UnitWriter(db)
            // Variants and index rows of the units added, written several to a statement.
            var rows = try PendingRows(db, indexes: indexes, together: options.writesRowsTogether)
            for index in indexes { try index.beginBulkWrite(db) }
            // A language map that makes two texts of a unit one language splits it, as the
            // reader splits two texts of one tag (review 1130i m2).
            let sources = options.languageMap.isEmpty ? sources : sources.map { LanguageMapSplitSource($0, map: options.languageMap) as any UnitSource }
            let pipeline = ImportPipeline(sources: sources, options: options, indexes: indexes,
                                          chunkSize: min(max(options.indexBatchSize, 1), 256))
            defer { pipeline.finish() }
            var file: ImportSummary.File?
            var chunks = 0
            /// Personal data replaced, by kind: counted with the enum as key (its hash is one
            /// integer; the summary's string keys were hashed once per finding), folded in below.
            var personalData: [PersonalDataKind: Int] = [:]
            /// Tags of the current file that are none of Verbale's languages.
            var unknownLanguages: Set<String> = []
            var allUnknownLanguages: Set<String> = []
            while var chunk = pipeline.next() {
                if file == nil { file = ImportSummary.File(name: chunk.name) }
                rows.start(variants: chunk.variantRows, indexes: chunk.rows)
                // By index, reading each unit in place: `for prepared in chunk.units` copied every
                // unit (a retain and a release per string and array it holds).
                for index in chunk.units.indices {
                    file?.read += 1
                    if let reason = chunk.units[index].skip {
                        summary.skipped[reason.key, default: 0] += 1
                        file?.skipped += 1
                        continue
                    }
                    // A few string compares per variant: `Language(rawValue:)` on the primary subtag.
                    // By index: `for variant in …` copied each `Variant` (a retain and a release
                    // per string and array it holds) to read one tag.
                    for ordinal in chunk.units[index].unit.variants.indices
                    where Language(rawValue: chunk.units[index].unit.variants[ordinal].language.primary) == nil {
                        unknownLanguages.insert(chunk.units[index].unit.variants[ordinal].language.description)
                    }
                    for finding in chunk.units[index].findings { personalData[finding.kind, default: 0] += 1 }
                    if options.collectPersonalDataReport { report.append(contentsOf: chunk.units[index].findings) }
                    // The pipeline makes keys and variant rows for every unit it does not skip; the
                    // general path (variants written by `store`) stays for any other.
                    let deferred = chunk.units[index].keys != nil && rows.holdsVariants
                    let outcome: UnitWriter.Outcome
                    if deferred, let keys = chunk.units[index].keys {
                        outcome = try writer.storeUnitRow(chunk.units[index].unit, keys: keys) { try rows.flush() }
                    } else {
                        // `store` may read stored variants: the ones held are written first.
                        try rows.flush()
                        outcome = try writer.store(chunk.units[index].unit, keys: chunk.units[index].keys ?? UnitWriter.Keys(chunk.units[index].unit))
                    }
                    switch outcome {
                    case let .added(id, alternative):
                        file?.added += 1
                        if alternative { file?.alternatives += 1 }
                        try rows.add(unit: index, id: id, variantsStored: !deferred)
                    case .merged:
                        file?.merged += 1
                    }
                }
                try rows.finishChunk()
                if let failure = chunk.failure { throw failure }
                let (bytesRead, totalBytes, readerSkips) = (chunk.bytesRead, chunk.totalBytes, chunk.readerSkips)
                pipeline.recycle(&chunk)
                chunks += 1
                if chunks & 0x3F == 0 { progress?(bytesRead, totalBytes) }
                guard let skips = readerSkips, var done = file else { continue }
                progress?(bytesRead, totalBytes)
                if !unknownLanguages.isEmpty {
                    done.unknownLanguages = unknownLanguages.sorted()
                    allUnknownLanguages.formUnion(unknownLanguages)
                    unknownLanguages = []
                }
                for (reason, count) in skips {
                    if reason == FormatWarning.Kind.splitAlternatives.rawValue {
                        summary.split += count
                        done.split += count
                        continue
                    }
                    summary.skipped[reason, default: 0] += count
                    done.skipped += count
                    // A unit the reader left out was read from the file all the same: `read`
                    // is every unit of the input, so read = added + merged + skipped (review
                    // 1130h m1: `read 2, added 1, skipped 2` for a three-unit XLIFF).
                    done.read += count
                }
                summary.read += done.read
                summary.added += done.added
                summary.merged += done.merged
                summary.alternatives += done.alternatives
                summary.files.append(done)
                file = nil
            }
            for index in indexes { try index.endBulkWrite(db) }
            for (kind, count) in personalData { summary.personalData[kind.rawValue, default: 0] += count }
            summary.unknownLanguages = allUnknownLanguages.sorted()
            try finally(db, summary)
            return summary
        }
        summary.dryRun = options.dryRun
        summary.seconds = Date().timeIntervalSince(started)
        summary.findings = report
        return summary
    }

    /// The file name an import records as a unit's origin (`notes.tmx#12`): `FileOrigin.name`,
    /// so a shared memory never carries the importer's folders.
    static func originName(_ name: String) -> String { FileOrigin.name(name) }

    /// Applies the language map and drops empty variants; returns why the unit cannot be
    /// stored, or nil (a text marked ⟦untranslated⟧ by `draft translate`, or `[untranslated: …]` by
    /// `draft new`, is one such reason).
    static func prepare(_ unit: inout TranslationUnit, options: ImportOptions) -> SkipReason? {
        if !options.languageMap.isEmpty {
            for index in unit.variants.indices {
                if let mapped = options.languageMap[unit.variants[index].language] {
                    unit.variants[index].language = mapped
                }
            }
        }
        let before = unit.variants.count
        // The variants are read in place by index: `contains(where:)` on the unit's list copied
        // each variant into its closure (a retain and release per string and array it holds,
        // three passes: ≈ 2,900 instructions a unit, 70 % of this function, callgrind 20k slice).
        // Checked before removing: most units have nothing to remove, and then stay untouched.
        var blank = false
        for ordinal in unit.variants.indices where unit.variants[ordinal].tags.isEmpty && isBlank(unit.variants[ordinal].text) {
            blank = true
            break
        }
        if blank { unit.variants.removeAll { $0.tags.isEmpty && isBlank($0.text) } }
        // One memchr per text (`UntranslatedMark.marksGap`): a gap is never stored as a translation.
        for ordinal in unit.variants.indices where UntranslatedMark.marksGap(unit.variants[ordinal].text) { return .untranslatedMark }
        // `draft new`'s `[untranslated: …]`: one memchr per text for `[`.
        for ordinal in unit.variants.indices where UntranslatedMark.marksBracketGap(unit.variants[ordinal].text) { return .untranslatedBracket }
        if unit.variants.count < 2 {
            return unit.variants.count < before ? .emptySegment : .singleLanguage
        }
        if unit.variants.count > VariantID.maximumVariants { return .tooManyVariants }
        return nil
    }

    @discardableResult
    public func forEachUnit(languages: [LanguageTag]?, _ body: (StoredUnit) throws -> Void) throws -> Int {
        try read { db in try UnitReader.forEach(in: db, languages: languages, body) }
    }
}

/// Whether `text` has nothing but white space, U+200B or U+FEFF. Stops at the first other
/// scalar, so a normal segment costs a byte or two. A first byte that is ASCII and not white
/// space answers at once (what the loop's first turn answers), without the scalar view.
func isBlank(_ text: String) -> Bool {
    if let first = text.utf8.first, first < 0x80, first != 0x20, first != 0x09, first != 0x0A, first != 0x0D { return false }
    for scalar in text.unicodeScalars {
        if scalar.value < 0x80 {
            if scalar != " " && scalar != "\t" && scalar != "\n" && scalar != "\r" { return false }
        } else if !(scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}") {
            return false
        }
    }
    return true
}
