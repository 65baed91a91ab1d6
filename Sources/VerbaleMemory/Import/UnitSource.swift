import VerbaleCore

/// A stream of units to import: one file (or standard input) read by a format reader.
///
/// `VerbaleFormats` readers are adapted to it (`FormatUnitSource`); tests can feed arrays
/// (`ArrayUnitSource`). Sources are read once, in order, inside the import transaction.
public protocol UnitSource: AnyObject {
    /// The file name shown in messages, the summary, the privacy report and unit origins.
    var name: String { get }
    /// The size of the input in bytes, when known (progress bar).
    var totalBytes: Int64? { get }
    /// Bytes consumed so far, when known.
    var bytesRead: Int64 { get }
    /// The next unit, or nil at the end. Throws a format error naming file, line and column.
    func next() throws -> TranslationUnit?
    /// Units the reader itself left out (a `<tu>` with no text…), by reason; read at the end.
    /// The key `FormatWarning.Kind.splitAlternatives` counts `<tu>`s split, not units left out.
    var readerSkips: [String: Int] { get }
}

extension UnitSource {
    public var readerSkips: [String: Int] { [:] }
}

/// Units from memory, for tests and for seeding.
public final class ArrayUnitSource: UnitSource {
    public let name: String
    private var units: IndexingIterator<[TranslationUnit]>
    public init(name: String, units: [TranslationUnit]) {
        self.name = name
        self.units = units.makeIterator()
    }
    public var totalBytes: Int64? { nil }
    public var bytesRead: Int64 { 0 }
    public func next() throws -> TranslationUnit? { units.next() }
}
