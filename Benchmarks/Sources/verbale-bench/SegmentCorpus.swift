import Foundation
import VerbaleCore
import VerbaleFormats

/// Real text for the segmentation benchmark, read in place from `../shared/data` (and, for
/// Khmer, the Khmer gettext catalogues installed on the machine). Never copied into the repo.
enum SegmentCorpus {
    /// The documents of one language: the notes for en and fr; for km the khPOS sample with its
    /// word-segmentation marks removed (as Khmer is written) and every Khmer gettext message
    /// found under /usr/share/locale/km.
    static func documents(_ language: Language, root: URL) throws -> [String] {
        switch language {
        case .english, .french:
            let folder = root.appendingPathComponent("notes")
            let prefix = language == .english ? "en-" : "fr-"
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }.sorted()
            return try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        case .khmer:
            var documents: [String] = []
            let khpos = root.appendingPathComponent("khmer/khpos-train-sample.word")
            if let text = try? String(contentsOf: khpos, encoding: .utf8) {
                let sentences = text.split(separator: "\n").map { line in
                    String(line.filter { !"~^_ ".contains($0) })
                }
                documents.append(sentences.joined(separator: " "))
            }
            let catalogues = URL(fileURLWithPath: "/usr/share/locale/km/LC_MESSAGES")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: catalogues.path))?.sorted() ?? [] where name.hasSuffix(".mo") {
                do {
                    let catalogue = try MOCatalog(contentsOf: catalogues.appendingPathComponent(name))
                    documents.append(catalogue.messages.filter { !$0.original.isEmpty }.map(\.translation).joined(separator: "\n"))
                } catch {
                    FileHandle.standardError.write(Data("note: \(error); catalogue left out of the Khmer corpus\n".utf8))
                }
            }
            return documents.filter { !$0.isEmpty }
        }
    }

    /// The documents joined by blank lines and repeated until the text reaches `megabytes` of
    /// UTF-8.
    static func repeated(_ documents: [String], toMegabytes megabytes: Double) -> String {
        let one = documents.joined(separator: "\n\n") + "\n\n"
        let unit = max(one.utf8.count, 1)
        let copies = Int((megabytes * 1e6 / Double(unit)).rounded(.up))
        return String(repeating: one, count: max(copies, 1))
    }

    /// The longest prefix of `text` of at most `megabytes` of UTF-8 that ends on a scalar.
    static func prefix(_ text: String, megabytes: Double) -> String {
        let utf8 = Array(text.utf8)
        var end = min(Int(megabytes * 1e6), utf8.count)
        while end > 0, end < utf8.count, UTF8.isContinuation(utf8[end]) { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }
}
