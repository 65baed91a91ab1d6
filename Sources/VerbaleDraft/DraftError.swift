/// What can go wrong while drafting, checking or pre-translating a note.
public enum DraftError: Error, CustomStringConvertible, Sendable, Equatable {
    case shippedMemoryMissing
    case unreadable(String, String)
    case malformedMemory(String, String)
    case missingFormula(String)
    case unknownPurpose(String, known: [String])
    case invalidDate(String)
    case emptyName(String)
    case unsupportedFormat(String)

    public var description: String {
        switch self {
        case .shippedMemoryMissing:
            "the shipped memory folder Memories/ was not found (set VERBALE_DATA_DIR to the folder that contains it)"
        case let .unreadable(file, reason): "\(file): cannot read (\(reason))"
        case let .malformedMemory(file, reason): reason.hasPrefix(file) ? reason : "\(file): \(reason)"
        case let .missingFormula(what): "the memory has no formula for \(what)"
        case let .unknownPurpose(purpose, known): "unknown purpose \"\(purpose)\"; known purposes: \(known.joined(separator: ", "))"
        case let .invalidDate(text): "invalid date \"\(text)\": give it as YYYY-MM-DD, e.g. 2021-01-12"
        case let .emptyName(option): "\(option) must not be empty"
        case let .unsupportedFormat(format): "unsupported format \"\(format)\""
        }
    }
}
