/// A document (plain text, Markdown, Word) that Verbale cannot read.
public enum DocumentError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(name: String, reason: String)
    /// Not valid text: wrong encoding, binary data (the message comes from `TextDecoding`).
    case notText(name: String, reason: String)
    /// A damaged `.docx`: not a ZIP archive, a bad entry, a checksum error, broken XML.
    case corruptDocx(name: String, reason: String)
    /// A password-protected Word file (stored as an encrypted OLE container, not a ZIP).
    case encryptedDocx(name: String)
    /// An entry that would inflate past the reader's limits: a zip bomb, or simply too big.
    case tooLarge(name: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(name, reason): "\(name): cannot read (\(reason))"
        case let .notText(_, reason): reason
        case let .corruptDocx(name, reason): "\(name): not a readable .docx (\(reason))"
        case let .encryptedDocx(name):
            "\(name): the Word document is password-protected (encrypted) or in the old binary .doc format; save an unprotected copy as .docx and align that"
        case let .tooLarge(name, reason): "\(name): refused, \(reason)"
        }
    }
}
