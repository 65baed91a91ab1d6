import Foundation
import VerbaleCore

/// The bounded hand-off between the parser thread (which produces units) and the reader's
/// caller (which pulls them): at most `capacity` batches of `batchSize` units wait at once, so
/// memory stays bounded whatever the file size; the parser thread sleeps while the queue is full.
final class UnitChannel: @unchecked Sendable {
    struct Item {
        var unit: TranslationUnit
        var line: Int
    }

    private let condition = NSCondition()
    private var queue: [[Item]] = []
    private var producing: [Item] = []
    private var header: MemoryHeader?
    private var finished = false
    private var failure: FormatError?
    private var cancelled = false
    private var warningList: [FormatWarning] = []
    private var warningTotal = 0
    let capacity: Int
    let batchSize: Int
    /// Warnings kept in full; beyond this only the count grows (a broken file can have millions).
    static let warningLimit = 10_000

    init(capacity: Int = 8, batchSize: Int = 256) {
        self.capacity = capacity
        self.batchSize = batchSize
        producing.reserveCapacity(batchSize)
    }

    // MARK: producer side (parser thread)

    func publish(header: MemoryHeader) {
        condition.lock()
        if self.header == nil { self.header = header }
        condition.broadcast()
        condition.unlock()
    }

    /// Queues `unit`; returns false when the consumer has gone away (stop parsing).
    func send(_ unit: TranslationUnit, line: Int) -> Bool {
        producing.append(Item(unit: unit, line: line))
        if producing.count >= batchSize { return pushBatch() }
        return true
    }

    func warn(_ warning: FormatWarning) {
        condition.lock()
        warningTotal += 1
        if warningList.count < Self.warningLimit { warningList.append(warning) }
        condition.unlock()
    }

    private func pushBatch() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity, !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(producing)
        producing = []
        producing.reserveCapacity(batchSize)
        condition.broadcast()
        return true
    }

    func finish(error: FormatError?) {
        if !producing.isEmpty { _ = pushBatch() }
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    // MARK: consumer side

    /// Waits until the header is known or the parse ended; throws the parse error if it ended
    /// with one before any unit.
    func waitForHeader() throws(FormatError) -> MemoryHeader? {
        condition.lock()
        defer { condition.unlock() }
        while header == nil, !finished { condition.wait() }
        if let header { return header }
        if let failure, queue.isEmpty { throw failure }
        return nil
    }

    /// The next batch, nil at the end; throws the parse error once the units before it are out.
    func nextBatch() throws(FormatError) -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty, !finished { condition.wait() }
        if !queue.isEmpty {
            let batch = queue.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    var warnings: [FormatWarning] {
        condition.lock()
        defer { condition.unlock() }
        return warningList
    }

    var warningCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return warningTotal
    }

    /// Tells the parser thread to stop (the reader was dropped before the end).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
