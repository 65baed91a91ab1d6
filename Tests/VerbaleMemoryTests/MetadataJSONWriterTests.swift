import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The import writes notes, properties and attributes with `MetadataJSONWriter` instead of a
/// `JSONEncoder` per list (issue 3, import throughput on CAT-tool memories). What it writes must
/// be `JSONEncoder`'s bytes (`MetadataCoding.encodeWithJSONEncoder`, the stored form by
/// definition), and what it declines (nil) is encoded by `JSONEncoder` — compared here on the
/// lists of real memories (the CAT tools' TMX fixtures), on Europarl and Khmer texts as note and
/// property values, and on seeded strings with every escape.
@Suite("MetadataJSONWriter writes list columns as JSONEncoder does")
struct MetadataJSONWriterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/formats")

    /// Compares one list both ways — `encode` (the import's `MetadataCoding.encode`) and the
    /// writer alone (`fast`) with `JSONEncoder` — and returns whether the writer took it.
    static func check<T: Encodable>(_ values: [T], encode: ([T]) -> String?, fast: ([T]) -> String?) -> Bool {
        let reference = MetadataCoding.encodeWithJSONEncoder(values)
        #expect(encode(values) == reference, "\(values)")
        guard let written = fast(values) else { return false }
        #expect(written == reference, "\(values)")
        return true
    }

    @discardableResult
    static func check(strings values: [String]) -> Bool {
        check(values, encode: { MetadataCoding.encode($0) }, fast: MetadataJSONWriter.strings)
    }

    @discardableResult
    static func check(properties values: [Property]) -> Bool {
        check(values, encode: { MetadataCoding.encode($0) }, fast: MetadataJSONWriter.properties)
    }

    @Test("The lists of the CAT tools' memories (memoQ, Trados, OmegaT, TMX 1.4 notes): JSONEncoder's bytes")
    func realMemories() throws {
        var written = 0
        for name in ["memoq.tmx", "trados-confirmation.tmx", "trados-tw4win-ut.tmx", "omegat.tmx", "tmx14-notes.tmx", "export-pinning.tmx",
                     "tmx11-lang.tmx", "latin1.tmx"] {
            let source = try FormatUnitSource(path: Self.fixtures.appendingPathComponent(name).path)
            while let unit = try source.next() {
                if !unit.metadata.notes.isEmpty, Self.check(strings: unit.metadata.notes) { written += 1 }
                if !unit.metadata.properties.isEmpty, Self.check(properties: unit.metadata.properties) { written += 1 }
                if !unit.metadata.attributes.isEmpty, Self.check(properties: unit.metadata.attributes) { written += 1 }
                for variant in unit.variants {
                    if !variant.notes.isEmpty, Self.check(strings: variant.notes) { written += 1 }
                    if !variant.properties.isEmpty, Self.check(properties: variant.properties) { written += 1 }
                    if !variant.attributes.isEmpty, Self.check(properties: variant.attributes) { written += 1 }
                }
            }
        }
        // The fixtures carry dozens of lists: the comparison above must have been made.
        #expect(written >= 20, "only \(written) lists written by MetadataJSONWriter")
    }

    @Test("Europarl and khPOS sentences as notes and as property values (quotes, slashes, Khmer, accents)",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data (Europarl, khPOS)"))
    func realTexts() throws {
        func lines(_ name: String) throws -> [String] {
            let url = try #require(SharedData.file(name), "\(name) is missing from ../shared/data")
            return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let texts = try Array(lines("parallel/europarl-20k.en").prefix(3_000)) + Array(lines("parallel/europarl-20k.fr").prefix(3_000))
            + Array(lines("khmer/khpos-train-sample.word").prefix(1_000))
        var written = 0
        for start in stride(from: 0, to: texts.count - 3, by: 3) {
            let three = Array(texts[start..<(start + 3)])
            if Self.check(strings: three) { written += 1 }
            // The shape a CAT tool's export gives every unit (`callgrind-slices.py`'s 5k slice).
            if Self.check(properties: [Property(type: "x-client", value: three[0]), Property(type: three[1], value: "notes-\(start)")]) { written += 1 }
        }
        #expect(written > 4_000)
        #expect(texts.contains { $0.contains("\"") || $0.contains("/") }, "the texts hold quotes or slashes")
    }

    static let pieces = ["MFA", " Protocol", "\"", "\\", "/", "\\/", "\n", "\t", "\r", "\u{1}", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}", "ស្ថានទូត",
                         "\u{200B}", "១២", "é", "e\u{301}", "😀", "\u{FEFF}", "\u{2028}", "\u{2029}", "&amp;", "<b>", "", "x-client", "{PERSON}"]

    @Test("Seeded strings with every escape: the writer's bytes or, declined, JSONEncoder's")
    func seeded() {
        var rng = SeededGenerator(seed: 1201)
        func text() -> String { (0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined() }
        var written = 0, declined = 0
        for _ in 0..<3_000 {
            let notes = (0..<Int.random(in: 1...3, using: &rng)).map { _ in text() }
            let properties = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Property(type: text(), value: text()) }
            if Self.check(strings: notes) { written += 1 } else { declined += 1 }
            if Self.check(properties: properties) { written += 1 } else { declined += 1 }
        }
        // Both sides of the decision were taken many times.
        #expect(written > 1_000 && declined > 1_000, "written \(written), declined \(declined)")
        #expect(MetadataCoding.encode([String]()) == nil && MetadataCoding.encode([Property]()) == nil)
    }
}
