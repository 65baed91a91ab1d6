import Foundation
import VerbaleCore

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
                if let data = try? Data(contentsOf: catalogues.appendingPathComponent(name)) {
                    documents.append(GettextCatalogue.translations(in: data).joined(separator: "\n"))
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

/// Reads the translations out of a GNU gettext `.mo` file (the format is a small table of
/// offsets). Used only to gather real Khmer text; bad files give nothing.
enum GettextCatalogue {
    static func translations(in data: Data) -> [String] {
        let bytes = [UInt8](data)
        guard bytes.count >= 28 else { return [] }
        let littleEndian = bytes[0] == 0xDE && bytes[1] == 0x12 && bytes[2] == 0x04 && bytes[3] == 0x95
        let bigEndian = bytes[0] == 0x95 && bytes[1] == 0x04 && bytes[2] == 0x12 && bytes[3] == 0xDE
        guard littleEndian || bigEndian else { return [] }
        func word(_ offset: Int) -> Int? {
            guard offset >= 0, offset + 4 <= bytes.count else { return nil }
            let b = bytes[offset..<offset + 4].map(UInt32.init)
            return Int(littleEndian ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[3] | b[2] << 8 | b[1] << 16 | b[0] << 24)
        }
        guard let count = word(8), let table = word(16) else { return [] }
        var result: [String] = []
        for i in 0..<count {
            guard let length = word(table + 8 * i), let offset = word(table + 8 * i + 4), offset + length <= bytes.count else { continue }
            let text = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
            if i == 0, text.contains("Content-Type:") { continue }
            result += text.split(separator: "\0").map(String.init)
        }
        return result
    }
}
