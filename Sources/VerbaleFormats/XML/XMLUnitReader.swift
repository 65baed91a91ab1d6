import Foundation
import VerbaleCore

/// What the `XMLScanner` tells as it reads: elements opened and closed, text. A struct handler
/// (TMX, TBX) is mutated in place by the scanner, which is generic over it: no dynamic
/// dispatch and no dynamic exclusivity check per event; a class (XLIFF) works too.
protocol XMLEventHandler {
    mutating func didStart(_ element: String, attributes: XMLAttributes, at position: XMLPosition) throws(FormatError)
    mutating func didEnd(_ element: String, at position: XMLPosition) throws(FormatError)
    mutating func characters(_ text: String) throws(FormatError)
    /// Whether `characters` would use text that came now. When false, the scanner may skip
    /// making the `String` of plain ASCII text (it still checks everything else as before).
    var wantsCharacters: Bool { get }
    /// Called once after the document ended well (publish the header if it never came).
    mutating func didFinish() throws(FormatError)
}

extension XMLEventHandler {
    var wantsCharacters: Bool { true }
}

/// Turns XML events into units for one memory format (TMX, XLIFF).
protocol XMLUnitBuilder: XMLEventHandler {
    /// Where to put units, warnings and the header.
    var output: UnitQueue { get set }
    var fileName: String { get }
}

/// A scanner and its builder, pulled one unit at a time.
struct XMLUnitParser<Builder: XMLUnitBuilder> {
    var scanner: XMLScanner
    var builder: Builder

    var header: MemoryHeader? { builder.output.header }
    var log: WarningLog { builder.output.log }

    /// Reads on until the header is known (or the document ends).
    mutating func readHeader() throws(FormatError) {
        while builder.output.header == nil, try scanner.step(&builder) {}
    }

    mutating func next() throws(FormatError) -> (unit: TranslationUnit, line: Int)? {
        while builder.output.isEmpty {
            guard try scanner.step(&builder) else { break }
        }
        return builder.output.pop()
    }
}

/// A streaming reader for XML formats: the caller pulls, and the `XMLScanner` reads on only
/// as far as the next unit, so memory holds one unit and one 64 KB chunk whatever the file
/// size. Errors carry file, line and column; units complete before an error are handed out
/// first. See `XMLScanner` for the security rules (entity declarations refused).
public final class XMLUnitReader: TranslationUnitReader {
    public let header: MemoryHeader
    public private(set) var unitsRead = 0
    public private(set) var unitLine = 0
    /// The scanner and the format's builder, behind closures made in the generic `init`: they
    /// are specialised for the builder's type (an `any` of the generic parser runs unspecialised
    /// generic code: measured 20% slower than the class-based reader it replaced), and reach
    /// the parser with one exclusivity check per unit.
    private let pull: () throws(FormatError) -> (unit: TranslationUnit, line: Int)?
    private let log: () -> WarningLog

    private final class Box<Builder: XMLUnitBuilder> {
        var parser: XMLUnitParser<Builder>
        init(_ parser: XMLUnitParser<Builder>) { self.parser = parser }
    }

    init<Builder: XMLUnitBuilder>(source: ByteSource, builder: Builder) throws(FormatError) {
        // Built in its box at once and never copied: a copy of the scanner would share its byte
        // block, which the original's next refill moves or frees (review H7).
        let box = Box(XMLUnitParser(scanner: XMLScanner(source: source), builder: builder))
        try box.parser.readHeader()
        header = box.parser.header ?? MemoryHeader()
        pull = { () throws(FormatError) in try box.parser.next() }
        log = { box.parser.log }
    }

    public var warnings: [FormatWarning] { log().kept }
    public var warningCounts: [FormatWarning.Kind: Int] { log().counts }

    public func next() throws(FormatError) -> TranslationUnit? {
        guard let item = try pull() else { return nil }
        unitsRead += 1
        unitLine = item.line
        return item.unit
    }
}
