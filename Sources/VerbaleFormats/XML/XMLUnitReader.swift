import Foundation
import VerbaleCore

/// Turns XML events into units for one format (TMX, XLIFF).
protocol XMLUnitBuilder: AnyObject {
    /// Where to put units, warnings and the header.
    var output: UnitQueue { get }
    var fileName: String { get }
    func didStart(_ element: String, attributes: XMLAttributes, at position: XMLPosition) throws(FormatError)
    func didEnd(_ element: String, at position: XMLPosition) throws(FormatError)
    func characters(_ text: String) throws(FormatError)
    /// Called once after the document ended well (publish the header if it never came).
    func didFinish() throws(FormatError)
}

/// A streaming reader for XML formats: the caller pulls, and the `XMLScanner` reads on only
/// as far as the next unit, so memory holds one unit and one 64 KB chunk whatever the file
/// size. Errors carry file, line and column; units complete before an error are handed out
/// first. See `XMLScanner` for the security rules (entity declarations refused).
public final class XMLUnitReader: TranslationUnitReader {
    public let header: MemoryHeader
    public private(set) var unitsRead = 0
    public private(set) var unitLine = 0
    private var scanner: XMLScanner
    private let builder: XMLUnitBuilder
    private let queue: UnitQueue

    init(source: ByteSource, builder: XMLUnitBuilder) throws(FormatError) {
        scanner = XMLScanner(source: source)
        self.builder = builder
        queue = builder.output
        while queue.header == nil, try scanner.step(builder) {}
        header = queue.header ?? MemoryHeader()
    }

    public var warnings: [FormatWarning] { queue.warnings }
    public var warningCounts: [FormatWarning.Kind: Int] { queue.log.counts }

    public func next() throws(FormatError) -> TranslationUnit? {
        while queue.isEmpty {
            guard try scanner.step(builder) else { break }
        }
        guard let item = queue.pop() else { return nil }
        unitsRead += 1
        unitLine = item.line
        return item.unit
    }
}
