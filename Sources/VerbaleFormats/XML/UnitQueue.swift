import VerbaleCore

/// Where a format builder puts what it finds: the header, units (with the line each starts on)
/// and warnings. The reader pulls from it; it holds at most the units of one XML element
/// (one `<tu>`, or the segments of one XLIFF `<unit>`), since the reader only parses on when
/// it is empty.
final class UnitQueue {
    private(set) var header: MemoryHeader?
    private var items: [(unit: TranslationUnit, line: Int)] = []
    private var head = 0
    private(set) var warnings: [FormatWarning] = []
    /// Warnings kept in full; beyond this only `warningCount` grows (a broken file can have millions).
    static let warningLimit = 10_000
    private(set) var warningCount = 0

    var isEmpty: Bool { head >= items.count }

    func publish(header: MemoryHeader) {
        if self.header == nil { self.header = header }
    }

    /// Queues `unit`. Returns true (the signature leaves room for a consumer that stops early).
    @discardableResult
    func send(_ unit: TranslationUnit, line: Int) -> Bool {
        items.append((unit, line))
        return true
    }

    func warn(_ warning: FormatWarning) {
        warningCount += 1
        if warnings.count < Self.warningLimit { warnings.append(warning) }
    }

    func pop() -> (unit: TranslationUnit, line: Int)? {
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        return item
    }
}
