/// Why documents could not be aligned.
public enum AlignmentError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A document has no text; `name` says which (a file name or a language tag).
    case emptyDocument(name: String)
    /// Fewer than two documents, or the same language twice.
    case badLanguages(String)

    public var description: String {
        switch self {
        case let .emptyDocument(name):
            "\(name): the document is empty (no text to align); give a file with text on each side"
        case let .badLanguages(reason):
            reason
        }
    }
}
