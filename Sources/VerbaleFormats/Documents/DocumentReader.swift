import Foundation
import VerbaleCore

/// Reads a document to align as paragraphs: plain text, Markdown or Word `.docx`.
///
/// The kind comes from the content (a ZIP or OLE signature means Word) and then the extension
/// (`.md`, `.markdown` → Markdown). Plain text paragraphs are separated by blank lines; lines
/// inside a paragraph are kept (the segmenter breaks at them). Text must be UTF-8 or UTF-16 with
/// a BOM (`TextDecoding`), unless `lossy`. O(n).
public enum DocumentReader {
    public enum Kind: String, Sendable { case text, markdown, docx }

    public static func kind(of data: Data, name: String) -> Kind {
        let magic = [UInt8](data.prefix(4))
        if magic == [0x50, 0x4B, 0x03, 0x04] || magic == [0xD0, 0xCF, 0x11, 0xE0] { return .docx }
        let lowered = name.lowercased()
        if lowered.hasSuffix(".docx") { return .docx }
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { return .markdown }
        return .text
    }

    /// The paragraphs of a file; a missing or unreadable file is `.unreadable` naming it.
    /// Reads the whole file (documents are small next to memory); O(n).
    public static func paragraphs(contentsOf url: URL, lossy: Bool = false) throws(DocumentError) -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .unreadable(name: url.path, reason: "no such file") }
        let data: Data
        do { data = try WholeFile.read(url) } catch { throw .unreadable(name: url.path, reason: error.localizedDescription) }
        return try paragraphs(data: data, name: url.path, lossy: lossy)
    }

    public static func paragraphs(data: Data, name: String, lossy: Bool = false) throws(DocumentError) -> [String] {
        switch kind(of: data, name: name) {
        case .docx:
            return try DocxReader().paragraphs(data: data, name: name)
        case .markdown:
            return MarkdownText.paragraphs(try decode(data, name: name, lossy: lossy))
        case .text:
            return PlainText.paragraphs(try decode(data, name: name, lossy: lossy))
        }
    }

    private static func decode(_ data: Data, name: String, lossy: Bool) throws(DocumentError) -> String {
        do { return try TextDecoding.decode(data, name: name, lossy: lossy) } catch {
            throw .notText(name: name, reason: error.description)
        }
    }
}

/// Plain text: paragraphs separated by one or more blank lines.
public enum PlainText {
    public static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingWhitespace().isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line.hasSuffix("\r") ? line.dropLast() : line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
