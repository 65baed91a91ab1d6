import Foundation
import VerbaleCore

/// The import's producer side: one thread reads the sources, in order, into chunks of units;
/// analysis workers (one per core) prepare each chunk — language map, empty variants, origin,
/// personal data, every index's rows — and the import's writer takes the chunks back **in
/// order** with `next()`, so the memory ends up exactly as if one thread had done it all.
///
/// Why: tokenizing for the fuzzy-match index and scrubbing cost several times what SQLite
/// does; they need no database, so they run on the other core while the writer (the one
/// thread inside the transaction) inserts. Memory stays bounded: at most `chunksInFlight`
/// chunks are read ahead of the writer, whatever the input size.
///
/// The writer must call `finish()` before returning (also when it throws): it stops the reader
/// and waits for the workers. It waits for the reader thread only when reading has ended (the
/// normal case); when the import stops early (writer error, a bad unit) the reader may be blocked
/// in a read of standard input or a pipe whose producer keeps it open, and waiting would hang
/// the import before its transaction rolls back. So it is left to stop on its own at its next
/// chunk boundary, or with the process (the CLI exits right after a failed import). Cost of
/// that choice: after a failed import, the reader thread may still be inside the current
/// source's `next()` for a while, so a failed import's sources must not be reused.
final class ImportPipeline: @unchecked Sendable {
    /// A unit ready to store: prepared, scrubbed, with the writer's hashes (nil when skipped).
    /// Its index rows are in the chunk's `rows`, under the unit's position in the chunk.
    struct PreparedUnit: Sendable {
        var unit: TranslationUnit
        var position: Int
        var skip: SkipReason?
        var findings: [PersonalDataFinding]
        var keys: UnitWriter.Keys?
    }

    /// Consecutive units of one source; the last chunk of a source says so.
    struct Chunk: Sendable {
        var source: Int
        /// The source's name, copied when the pipeline starts: the writer must not ask the
        /// source object itself, which the reader thread is using (sources are not `Sendable`).
        var name: String
        var units: [PreparedUnit] = []
        /// One batch per index (in the import's index order): the rows of `units[i]` are each
        /// batch's unit `i` (`IndexRowBatch.store(unit:id:with:)`); skipped units have none.
        var rows: [IndexRowBatch] = []
        /// The variant table's rows of `units[i]` as its unit `i` (`UnitWriter.appendVariantRows`),
        /// written by the writer several units at a time (`PendingRows`); skipped units have none.
        var variantRows: IndexRowBatch?
        var bytesRead: Int64 = 0
        var totalBytes: Int64?
        /// Set on a source's last chunk: what its reader left out, by reason.
        var readerSkips: [String: Int]?
        /// Reading or analysing failed here; the import must stop.
        var failure: (any Error)?
    }

    /// Units read, not yet analysed. Handed on by moving (`consuming`), so the analysis takes
    /// each unit out of it instead of copying it (a copy costs a retain and a release per
    /// string and array a unit holds).
    private struct Raw: Sendable {
        var source: Int
        /// Consecutive units of the source: `units[i]` is its unit number `firstPosition + i`
        /// (1-based). Positions are not stored per unit: a list of bare units is what `analyse`
        /// can take each unit out of with `popLast()` (a move), where a list of (unit, position)
        /// pairs made it swap an empty unit in (one `UnitMetadata` built per unit) or copy.
        var units: [TranslationUnit]
        var firstPosition = 1
        /// The unit read just before `units[0]` from the same source (nil at the start of a
        /// source): the context of the chunk's first unit, which a worker cannot see otherwise.
        var before: TranslationUnit? = nil
        /// The unit read before `before` (nil when none in this source): the names it carries
        /// to `before` (`PersonalDataCarriedNames`) shape `before`'s context key and so must be
        /// known to scrub it as a single thread did.
        var beforeBefore: TranslationUnit? = nil
        var bytesRead: Int64
        var totalBytes: Int64?
        var readerSkips: [String: Int]?
        var failure: (any Error)?
    }

    /// What one analysis worker holds: a scrubber and one analyser per index (ICU state that
    /// must not be shared between threads).
    private final class Analysers {
        let scrubber: PersonalDataScrubber?
        /// Scrubs for the context keys alone when the stored units are not scrubbed
        /// (`--keep-personal-data`) or a unit was not (a skipped unit, a chunk's predecessor):
        /// keys are always of scrubbed texts (`ContextKeys`). The same instance as `scrubber`
        /// when there is one.
        let keyScrubber: PersonalDataScrubber
        let indexes: [any IndexAnalyser]
        /// Canonical tag texts, rendered once per language rather than once per variant. A
        /// short list searched in order: a memory has a handful of languages, and comparing
        /// tags (small strings) costs less than hashing one into a dictionary.
        var tagTexts: [(tag: LanguageTag, text: String)] = []
        func tagText(_ tag: LanguageTag) -> String {
            for known in tagTexts where known.tag == tag { return known.text }
            let text = tag.description
            if tagTexts.count < 32 { tagTexts.append((tag, text)) }
            return text
        }
        /// The last unit's languages and their tags: consecutive units nearly always share
        /// their languages, and then share one array of tags (`UnitWriter.Keys(_:tags:)`)
        /// instead of each allocating, handing over and freeing its own.
        private var lastLanguages: [LanguageTag] = []
        private var lastTags: [String] = []
        func tags(_ variants: [Variant]) -> [String] {
            var same = variants.count == lastLanguages.count
            if same {
                for ordinal in variants.indices where variants[ordinal].language != lastLanguages[ordinal] {
                    same = false
                    break
                }
            }
            if !same {
                lastLanguages = variants.map(\.language)
                lastTags = variants.map { tagText($0.language) }
            }
            return lastTags
        }
        init(scrub: Bool, indexes: [any MemoryIndex]) throws {
            // Compiled as used: most imports run a few of the expressions (`Compilation.lazy`);
            // `analyse` fails the import on a `failure`, before anything is stored.
            keyScrubber = try PersonalDataScrubber(compiling: .lazy)
            scrubber = scrub ? keyScrubber : nil
            self.indexes = try indexes.map { try $0.makeAnalyser() }
            // One memo of word spans for the thread's tokenizers: a Khmer variant is segmented
            // once for the concordance and the fuzzy-match index (`TokenSpanMemo`).
            let memo = TokenSpanMemo()
            for case let sharing as SharesTokenSpans in self.indexes { sharing.shareTokenSpans(memo) }
        }
    }

    /// Carries a `Raw` into a worker's closure, which takes it out (a captured value could only be copied).
    private final class RawBox: @unchecked Sendable {
        private var raw: Raw?
        init(_ raw: consuming Raw) { self.raw = raw }
        func take() -> Raw {
            guard let raw = raw.take() else { return Raw(source: 0, units: [], bytesRead: 0) }
            return raw
        }
    }

    /// The sources, touched only by the reader thread until `finish()` has joined it.
    private final class Sources: @unchecked Sendable {
        let list: [any UnitSource]
        init(_ list: [any UnitSource]) { self.list = list }
    }

    private let options: ImportOptions
    private let indexes: [any MemoryIndex]
    private let names: [String]
    private let chunkSize: Int
    private let chunksInFlight: Int
    /// One serial queue per analysis thread; chunk k goes to queue k mod n, with its own analysers.
    private let workers: [DispatchQueue]
    private let analysing = DispatchGroup()
    private let readerDone = DispatchSemaphore(value: 0)
    /// Without analysis threads: the sources, read on the caller's thread by `next()`.
    private let inline: Sources?
    private var inlineState = (source: 0, position: 0, ended: false, last: TranslationUnit?.none, lastButOne: TranslationUnit?.none)

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [Int: Chunk] = [:]
    private var dispatched = 0
    private var taken = 0
    private var readingEnded = false
    private var cancelled = false
    /// Chunks the writer is done with, freed by the next worker (see `recycle`).
    private var spent: [Chunk] = []
    /// Each worker's analysers (created on first use, on that worker's queue).
    private var analysers: [Analysers?]

    /// Starts reading at once. `chunkSize` units per chunk; `analysisThreads` workers (0: no
    /// threads at all, `next()` reads and analyses on the caller's thread); at most
    /// `2 × analysisThreads + 2` chunks are read ahead of the writer.
    init(sources: [any UnitSource], options: ImportOptions, indexes: [any MemoryIndex], chunkSize: Int = 256) {
        self.options = options
        self.indexes = indexes
        self.names = sources.map(\.name)
        self.chunkSize = max(chunkSize, 1)
        let threads = max(options.analysisThreads, 0)
        chunksInFlight = 2 * threads + 2
        workers = (0..<threads).map { DispatchQueue(label: "verbale.import.analysis.\($0)") }
        analysers = Array(repeating: nil, count: max(threads, 1))
        let box = Sources(sources)
        guard threads > 0 else {
            inline = box
            readerDone.signal()
            return
        }
        inline = nil
        let thread = Thread { [self] in
            read(box)
            readerDone.signal()
        }
        thread.name = "verbale.import.reader"
        thread.start()
    }

    /// The next chunk in input order, or nil when every source has been read.
    func next() -> Chunk? {
        if let inline { return nextInline(inline) }
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let chunk = ready.removeValue(forKey: taken) {
                taken += 1
                condition.broadcast()
                return chunk
            }
            if readingEnded && taken == dispatched { return nil }
            condition.wait()
        }
    }

    /// Hands a chunk the writer has stored back, emptying `chunk`: a worker frees it (its units,
    /// texts and index rows: thousands of allocations per chunk, made on the workers' threads)
    /// before analysing its next chunk, so the writer — the pipeline's one serial thread —
    /// spends no time freeing. Without analysis threads, `chunk` is freed here as usual.
    func recycle(_ chunk: inout Chunk) {
        guard inline == nil else { return }
        // The list becomes the one owner of the contents; `chunk` keeps an empty shell.
        var taken = Chunk(source: chunk.source, name: chunk.name)
        swap(&chunk, &taken)
        condition.lock()
        spent.append(taken)
        condition.unlock()
    }

    /// Stops reading (if not done) and waits for every worker, and for the reader thread when
    /// it has finished reading (see the type's comment: a reader blocked in a read is not
    /// waited for, so a failed import rolls back at once). Workers never block: they only
    /// analyse chunks already read, and skip them once cancelled.
    func finish() {
        condition.lock()
        cancelled = true
        let ended = readingEnded
        condition.broadcast()
        condition.unlock()
        if ended { readerDone.wait() }
        analysing.wait()
    }

    /// Reads and analyses the next chunk on this thread (no analysis threads).
    private func nextInline(_ sources: Sources) -> Chunk? {
        guard !inlineState.ended, inlineState.source < sources.list.count else { return nil }
        let index = inlineState.source
        let source = sources.list[index]
        var units: [TranslationUnit] = []
        units.reserveCapacity(chunkSize)
        let first = inlineState.position + 1
        let before = inlineState.position == 0 ? nil : inlineState.last
        let beforeBefore = inlineState.position == 0 ? nil : inlineState.lastButOne
        while units.count < chunkSize {
            let next: TranslationUnit?
            do { next = try source.next() } catch {
                inlineState.ended = true
                let failure = MemoryError.importFailed(source: source.name, underlying: "\(error)")
                return analyse(Raw(source: index, units: units, firstPosition: first, before: before, beforeBefore: beforeBefore, bytesRead: source.bytesRead, totalBytes: source.totalBytes, failure: failure), worker: 0)
            }
            guard let unit = next else {
                inlineState.source += 1
                inlineState.position = 0
                inlineState.last = nil
                inlineState.lastButOne = nil
                return analyse(Raw(source: index, units: units, firstPosition: first, before: before, beforeBefore: beforeBefore, bytesRead: source.bytesRead,
                                   totalBytes: source.totalBytes, readerSkips: source.readerSkips), worker: 0)
            }
            inlineState.position += 1
            units.append(unit)
        }
        inlineState.lastButOne = units.count >= 2 ? units[units.count - 2] : before
        inlineState.last = units.last
        return analyse(Raw(source: index, units: units, firstPosition: first, before: before, beforeBefore: beforeBefore, bytesRead: source.bytesRead,
                           totalBytes: source.totalBytes), worker: 0)
    }

    // MARK: reader thread

    private func read(_ sources: Sources) {
        defer {
            condition.lock()
            readingEnded = true
            condition.broadcast()
            condition.unlock()
        }
        for (index, source) in sources.list.enumerated() {
            var units: [TranslationUnit] = []
            units.reserveCapacity(chunkSize)
            var position = 0
            var before: TranslationUnit?
            var beforeBefore: TranslationUnit?
            while true {
                let next: TranslationUnit?
                do { next = try source.next() } catch {
                    let failure = MemoryError.importFailed(source: source.name, underlying: "\(error)")
                    dispatch(Raw(source: index, units: units, firstPosition: position - units.count + 1, before: before, beforeBefore: beforeBefore,
                                 bytesRead: source.bytesRead, totalBytes: source.totalBytes, failure: failure))
                    return
                }
                guard let unit = next else { break }
                position += 1
                units.append(unit)
                if units.count == chunkSize {
                    var full: [TranslationUnit] = []
                    swap(&full, &units)
                    units.reserveCapacity(chunkSize)
                    let (chunkBefore, chunkBeforeBefore) = (before, beforeBefore)
                    beforeBefore = full.count >= 2 ? full[full.count - 2] : before
                    before = full.last
                    guard dispatch(Raw(source: index, units: full, firstPosition: position - full.count + 1, before: chunkBefore,
                                       beforeBefore: chunkBeforeBefore, bytesRead: source.bytesRead, totalBytes: source.totalBytes)) else { return }
                }
            }
            let last = Raw(source: index, units: units, firstPosition: position - units.count + 1, before: before, beforeBefore: beforeBefore,
                           bytesRead: source.bytesRead, totalBytes: source.totalBytes, readerSkips: source.readerSkips)
            guard dispatch(last) else { return }
        }
    }

    /// Waits for room, then hands `raw` to a worker. False when the import was cancelled.
    @discardableResult
    private func dispatch(_ raw: consuming Raw) -> Bool {
        condition.lock()
        while !cancelled && dispatched - taken >= chunksInFlight { condition.wait() }
        guard !cancelled else {
            condition.unlock()
            return false
        }
        let sequence = dispatched
        dispatched += 1
        condition.unlock()
        let worker = sequence % workers.count
        let box = RawBox(raw)
        workers[worker].async(group: analysing) { [self] in
            let chunk = analyse(box.take(), worker: worker)
            condition.lock()
            ready[sequence] = chunk
            condition.broadcast()
            condition.unlock()
        }
        return true
    }

    // MARK: analysis workers

    /// Prepares `raw`'s units with `worker`'s analysers (only ever used on that worker's queue,
    /// or on the caller's thread when there are no workers).
    private func analyse(_ raw: consuming Raw, worker: Int) -> Chunk {
        var chunk = Chunk(source: raw.source, name: names[raw.source], bytesRead: raw.bytesRead, totalBytes: raw.totalBytes, readerSkips: raw.readerSkips, failure: raw.failure)
        guard !raw.units.isEmpty else { return chunk }
        condition.lock()
        let existing = analysers[worker]
        let stop = cancelled
        var garbage = spent
        spent.removeAll()
        condition.unlock()
        garbage.removeAll()
        guard !stop else { return chunk }
        let analysers: Analysers
        do { analysers = try existing ?? Analysers(scrub: options.scrubPersonalData, indexes: indexes) } catch {
            chunk.failure = error
            return chunk
        }
        if existing == nil {
            condition.lock()
            self.analysers[worker] = analysers
            condition.unlock()
        }
        let name = names[raw.source]
        let originName = SQLiteMemory.originName(name)
        // The units alone own their list now, so each can be moved out of it.
        var units = raw.units
        raw.units = []
        chunk.units.reserveCapacity(units.count)
        // Sized from the chunk's texts (an index row holds at most about twice its text), so a
        // batch seldom grows: `utf8.count` is O(1) for the reader's native strings.
        var textBytes = 0, variantCount = 0
        for index in units.indices {
            variantCount += units[index].variants.count
            for ordinal in units[index].variants.indices { textBytes += units[index].variants[ordinal].text.utf8.count }
        }
        let batches = analysers.indexes.map { _ in IndexRowBatch(capacity: 2 * textBytes + 1024) }
        chunk.rows = batches
        // Texts and language tags (a tag is a few bytes).
        let variantRows = IndexRowBatch(capacity: textBytes + 8 * variantCount + 1024)
        chunk.variantRows = variantRows
        // The context each unit gives the next: the keys of its texts once scrubbed (`ContextKeys`),
        // and the names it carries to it (`PersonalDataCarriedNames`). The chunk's predecessor is
        // scrubbed with the names of its own predecessor, as it was where it was stored.
        var previous: ContextKeys?
        var carried: [PersonalDataScrubber.KnownValue] = []
        // Both as the loop below saw them: prepared first (`prepare` drops a blank text of a
        // skipped unit), so a unit's context does not depend on where a chunk begins.
        if var before = raw.before {
            _ = SQLiteMemory.prepare(&before, options: options)
            let lead = raw.beforeBefore.map { unit -> [PersonalDataScrubber.KnownValue] in
                var unit = unit
                _ = SQLiteMemory.prepare(&unit, options: options)
                return analysers.keyScrubber.scrubTexts(unit, file: "", position: 0).names
            } ?? []
            let scrubbed = analysers.keyScrubber.scrubTexts(before, file: "", position: 0, carrying: lead)
            previous = ContextKeys(scrubbed.unit)
            carried = scrubbed.names
        }
        // Taken from the end of the reversed list, each unit is moved out (`popLast`), in order.
        // Reversed through its buffer, whose `swapAt` moves: `Array.reverse()` copied each unit.
        units.withUnsafeMutableBufferPointer { $0.reverse() }
        var position = raw.firstPosition - 1
        do {
            while var unit = units.popLast() {
                position += 1
                if unit.metadata.previousContext == nil, let previous { unit.metadata.previousContext = previous.value }
                // An empty context is one the file states as none (an empty `x-context-pre`, or a
                // unit of a file that states every context): stored as none, never inferred.
                if unit.metadata.previousContext?.isEmpty == true { unit.metadata.previousContext = nil }
                // Every unit, skipped or not, has its place in the batches (no rows when skipped).
                for batch in batches { batch.beginUnit() }
                variantRows.beginUnit()
                if let reason = SQLiteMemory.prepare(&unit, options: options) {
                    // Not stored, but still the sentence before the next one in the file.
                    let scrubbed = analysers.keyScrubber.scrubTexts(unit, file: "", position: 0, carrying: carried)
                    previous = ContextKeys(scrubbed.unit)
                    carried = scrubbed.names
                    chunk.units.append(PreparedUnit(unit: unit, position: position, skip: reason, findings: []))
                    continue
                }
                if unit.metadata.origin == nil { unit.metadata.origin = "\(originName)#\(position)" }
                var findings: [PersonalDataFinding] = []
                if let scrubber = analysers.scrubber {
                    // Taken apart, so the scrubbed unit is moved into `unit`, not copied.
                    let (scrubbedUnit, scrubbedFindings, names) = scrubber.scrub(unit, file: name, position: position, carrying: carried)
                    carried = names
                    if !scrubbedFindings.isEmpty {
                        unit = consume scrubbedUnit
                        findings = scrubbedFindings
                    }
                    previous = ContextKeys(unit)
                } else {
                    // Kept as typed (`--keep-personal-data`); the key is still of scrubbed texts.
                    let scrubbed = analysers.keyScrubber.scrubTexts(unit, file: "", position: 0, carrying: carried)
                    previous = ContextKeys(scrubbed.unit)
                    carried = scrubbed.names
                }
                // An expression that did not compile found nothing: the import fails whole, as
                // an eager scrubber's `init` made it fail (`Compilation.lazy`).
                if let failure = analysers.keyScrubber.failure { throw failure }
                for (analyser, batch) in zip(analysers.indexes, batches) { try analyser.appendRows(for: unit, to: batch) }
                let keys = UnitWriter.Keys(unit, tags: analysers.tags(unit.variants))
                UnitWriter.appendVariantRows(of: unit, keys: keys, to: variantRows)
                chunk.units.append(PreparedUnit(unit: unit, position: position, skip: nil, findings: findings, keys: keys))
            }
            // The keys of skipped units and of the chunk's predecessor too.
            if let failure = analysers.keyScrubber.failure { throw failure }
        } catch {
            chunk.failure = error
        }
        return chunk
    }
}
