import ArgumentParser
import Foundation
import VerbaleCore

/// The document sets of `verbale align --archive`: one set per line, `LANG=FILE` fields
/// separated by tabs (`en=a.txt<TAB>fr=b.docx<TAB>km=c.txt`), every line in the same languages
/// (in any order). Blank lines and lines starting with `#` are skipped; relative paths are
/// relative to the manifest's folder (to the current folder when it is read from standard input),
/// so an archive folder can be moved with its manifest. Everything is checked before any
/// document is read, so a typo on line 200 costs no alignment work. Cost: O(manifest size) plus
/// one `stat` per file.
struct AlignmentManifest {
    struct DocumentSet {
        /// 1-based line in the manifest.
        var line: Int
        /// The documents in the order of the first set's languages.
        var documents: [(tag: LanguageTag, path: String)]
    }

    /// The manifest as named in messages (`archive.tsv`, `<stdin>`).
    var name: String
    var sets: [DocumentSet]
    /// The first set's languages, in its order: every set is given in this order.
    var languages: [Language] { sets.first?.documents.compactMap(\.tag.language) ?? [] }

    /// Reads `path` (`-`: standard input) and checks every line.
    static func read(_ path: String) throws(AlignmentManifestError) -> AlignmentManifest {
        let data: Data
        let name: String
        let folder: URL
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            name = "<stdin>"
            folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        } else {
            let url = URL(fileURLWithPath: path)
            do { data = try WholeFile.read(url) } catch {
                throw .unreadable(name: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
            }
            name = path
            folder = url.deletingLastPathComponent()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(name: name, reason: "is not UTF-8 text")
        }
        return try parse(text, name: name, folder: folder)
    }

    /// Parses and checks a manifest's text; `exists` answers whether a resolved path is a file.
    static func parse(_ text: String, name: String, folder: URL,
                      exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) throws(AlignmentManifestError) -> AlignmentManifest {
        var sets: [DocumentSet] = []
        var first: [Language] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if content.allSatisfy(\.isWhitespace) || content.hasPrefix("#") { continue }
            func fail(_ message: String) -> AlignmentManifestError { .badLine(name: name, line: line, message: message) }
            let fields = content.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard (2...3).contains(fields.count) else {
                throw fail("give two or three documents as LANG=FILE separated by tabs (en=a.txt<TAB>fr=b.docx), found \(fields.count) field(s)")
            }
            var documents: [(tag: LanguageTag, path: String, language: Language)] = []
            for field in fields {
                let tag: LanguageTag, path: String
                do { (tag, path) = try AlignCommand.parse(field) } catch { throw fail("\(error)") }
                guard let language = tag.language else { throw fail("unsupported language \(tag) (en, fr and km are supported)") }
                guard !documents.contains(where: { $0.language == language }) else { throw fail("\(language.englishName) is given twice") }
                guard path != "-" else { throw fail("standard input (-) cannot be a document of an archive; give a file") }
                let resolved = path.hasPrefix("/") ? path : folder.appendingPathComponent(path).path
                guard exists(resolved) else { throw fail("\(tag)=\(path): no such file (\(resolved))") }
                documents.append((tag, resolved, language))
            }
            if first.isEmpty {
                first = documents.map(\.language)
            } else if Set(documents.map(\.language)) != Set(first) {
                let found = documents.map(\.language.rawValue).joined(separator: ", ")
                let expected = first.map(\.rawValue).joined(separator: ", ")
                throw fail("this line's languages (\(found)) differ from the archive's (\(expected), from its first line); an archive is aligned in one set of languages — give other languages in another manifest")
            }
            let ordered = first.compactMap { language in documents.first { $0.language == language } }
            sets.append(DocumentSet(line: line, documents: ordered.map { ($0.tag, $0.path) }))
        }
        guard !sets.isEmpty else { throw .empty(name: name) }
        return AlignmentManifest(name: name, sets: sets)
    }
}

enum AlignmentManifestError: Error, CustomStringConvertible {
    case unreadable(name: String, reason: String)
    case badLine(name: String, line: Int, message: String)
    case empty(name: String)

    var description: String {
        switch self {
        case let .unreadable(name, reason): "\(name): the archive manifest \(reason)"
        case let .badLine(name, line, message): "\(name):\(line): \(message)"
        case let .empty(name): "\(name): the archive manifest lists no documents (one set per line: en=a.txt<TAB>fr=b.docx)"
        }
    }
}
