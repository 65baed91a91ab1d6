import VerbaleCore

/// Where a format builder puts what it finds: the header, units (with the line each starts on)
/// and warnings. The reader pulls from it; it holds at most the units of one XML element
/// (one `<tu>`, or the segments of one XLIFF `<unit>`), since the reader only parses on when
/// it is empty. A value inside its builder: no reference counting or exclusivity check per unit.
struct UnitQueue {
    private(set) var header: MemoryHeader?
    private var items: [(unit: TranslationUnit, line: Int)] = []
    private var head = 0
    /// The first `WarningLog.limit` warnings, and exact counts by kind (a broken file can have millions).
    private(set) var log = WarningLog()
    var warnings: [FormatWarning] { log.kept }

    var isEmpty: Bool { head >= items.count }

    mutating func publish(header: MemoryHeader) {
        if self.header == nil { self.header = header }
    }

    /// Queues `unit`. Returns true (the signature leaves room for a consumer that stops early).
    @discardableResult
    mutating func send(_ unit: consuming TranslationUnit, line: Int) -> Bool {
        items.append((unit, line))
        return true
    }

    mutating func warn(_ warning: FormatWarning) {
        log.append(warning)
    }

    /// The oldest unit; the last one is moved out of the list, not copied (a TMX `<tu>` gives one).
    mutating func pop() -> (unit: TranslationUnit, line: Int)? {
        guard head < items.count else { return nil }
        if head == items.count - 1 {
            let item = items.removeLast()
            items.removeAll(keepingCapacity: true)
            head = 0
            return item
        }
        let item = items[head]
        head += 1
        return item
    }
}
