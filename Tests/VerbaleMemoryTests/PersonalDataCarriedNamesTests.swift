import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130h, m5: a name a title introduces in one segment of a note is not
/// looked for in the next one ("Mr. P. Buwalda …", then "P. BUWALDA *Voor de Arabische
/// Republiek Egypte:* …", `en-BWBV0005151-II`). The import now carries the names of two words
/// or more that the patterns found in a unit's texts to the next unit of the same file, where
/// they are replaced wherever they stand (as inside a unit), and no further: a note imported
/// segment by segment keeps no name in its signature line, while one file never names a person
/// in another, and the result is the same whatever the analysis threads and chunk boundaries.
@Suite("Personal data: names carried to the next unit of the same file (review 1130h m5)")
struct PersonalDataCarriedNamesTests {
    /// Imports `sources` into a fresh memory; the stored texts, by language, in unit order
    /// (with `contexts`, each unit's previous-context key after its texts: a name carried into a
    /// unit shapes the key its successor stores, also across a chunk boundary).
    func imported(_ sources: [any UnitSource], threads: Int = 0, chunk: Int = 256, contexts: Bool = false) throws -> [[String]] {
        let memory = try temporaryMemory()
        var options = ImportOptions(indexBatchSize: chunk)
        options.analysisThreads = threads
        _ = try memory.importUnits(from: sources, options: options)
        return try memory.read { db in
            let texts = try String.fetchAll(db, sql: "SELECT text FROM variant ORDER BY id").chunked(2)
            guard contexts else { return texts }
            let keys = try String?.fetchAll(db, sql: "SELECT previous_context FROM unit ORDER BY id")
            return zip(texts, keys).map { $0 + [$1 ?? "-"] }
        }
    }

    @Test("m5: the brief's segments — Mr. Sok Dara …, then Sok Dara will arrive … — and no further")
    func nextSegment() throws {
        let texts = try imported([ArrayUnitSource(name: "note.tsv", units: [
            unit([("en", "Mr. Sok Dara will lead the delegation."), ("fr", "M. Sok Dara conduira la délégation.")]),
            unit([("en", "Sok Dara will arrive on 3 May."), ("fr", "Sok Dara arrivera le 3 mai.")]),
            unit([("en", "The Embassy thanks the Ministry."), ("fr", "L'Ambassade remercie le Ministère.")]),
        ])])
        #expect(texts == [
            ["Mr. {PERSON} will lead the delegation.", "M. {PERSON} conduira la délégation."],
            ["{PERSON} will arrive on 3 May.", "{PERSON} arrivera le 3 mai."],
            ["The Embassy thanks the Ministry.", "L'Ambassade remercie le Ministère."],
        ])
    }

    @Test("m5: the reviewer's signature block (en-BWBV0005151-II, segmented): P. BUWALDA goes with Mr. P. Buwalda, in the same segment or the next",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func signatureBlock() throws {
        let url = try #require(SharedData.file("notes/en-BWBV0005151-II.txt"))
        let line = try #require(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").first { $0.contains("BUWALDA") })
        let segments = try Segmenter(language: .english).segments(of: String(line)).map(\.text)
        let signed = try #require(segments.firstIndex { $0.contains("Mr. P. Buwalda") })
        let named = try #require(segments.firstIndex { $0.contains("P. BUWALDA") })
        #expect(named == signed || named == signed + 1)
        // The segmenter keeps "(w.g.) P. BUWALDA" ("(signed) P. BUWALDA") in the title's segment;
        // the same text cut after "(w.g.)", as an older segmentation or another tool cuts it.
        let cut = segments[signed].components(separatedBy: "(w.g.) P. BUWALDA")
        let asTwo = cut.count == 2 ? [cut[0] + "(w.g.)", "P. BUWALDA" + cut[1]] : [segments[signed]]
        for (layout, pieces) in [("as segmented", segments), ("cut after (w.g.)", Array(segments[..<signed]) + asTwo + Array(segments[(signed + 1)...]))] {
            let units = pieces.enumerated().map { unit([("en", $0.element), ("fr", "s\($0.offset)")]) }
            let texts = try imported([ArrayUnitSource(name: "note.tsv", units: units)])
            let joined = texts.joined().joined()
            #expect(!joined.contains("BUWALDA") && !joined.contains("Buwalda"), "\(layout)")
            #expect(texts.contains { $0[0].hasPrefix("{PERSON}   *Voor de Arabische Republiek Egypte:*") }
                    || texts.contains { $0[0].contains("Mr. {PERSON} Buitengewoon") && $0[0].contains("(w.g.) {PERSON}   *Voor de") }, "\(layout)")
        }
    }

    @Test("m5: one-word names are not carried, nor a name into another file")
    func noCrossTalk() throws {
        let texts = try imported([
            ArrayUnitSource(name: "a.tsv", units: [
                unit([("en", "Mr. Sok Dara and Mrs. May thanked the Ministry."), ("fr", "x1")]),
            ]),
            ArrayUnitSource(name: "b.tsv", units: [
                unit([("en", "Sok Dara will arrive in May."), ("fr", "x2")]),
            ]),
        ])
        #expect(texts == [["Mr. {PERSON1} and Mrs. {PERSON2} thanked the Ministry.", "x1"], ["Sok Dara will arrive in May.", "x2"]])
    }

    @Test("m5: the same memory with 0, 1 and 2 analysis threads and a name on every chunk boundary")
    func sameWithThreads() throws {
        var units: [TranslationUnit] = []
        for index in 0..<60 {
            switch index % 3 {
            case 0: units.append(unit([("en", "Mr. Sok Dara\(index % 2 == 0 ? "" : " Vy") met H.E. Keo Rithy (\(index))."), ("fr", "x\(index)")]))
            case 1: units.append(unit([("en", "Sok Dara and Keo Rithy signed (\(index))."), ("fr", "Keo Rithy y\(index)")]))
            default: units.append(unit([("en", "The Embassy thanks H.E. Keo Rithy (\(index))."), ("km", "លោក សុខ ដារា \(index)")]))
            }
        }
        var results: [[[String]]] = []
        for threads in [0, 1, 2] {
            for chunk in [1, 2, 7] {
                results.append(try imported([ArrayUnitSource(name: "n.tsv", units: units)], threads: threads, chunk: chunk, contexts: true))
            }
        }
        #expect(results[0][1].prefix(2) == ["{PERSON1} and {PERSON2} signed (1).", "{PERSON2} y1"])
        #expect(results[0][2].prefix(2) == ["The Embassy thanks H.E. {PERSON} (2).", "លោក {PERSON} 2"])
        // Unit 2's key is of unit 1 as stored, its carried names replaced.
        let key = ContextKeys(TranslationUnit(variants: [Variant(language: tag("en"), text: "{PERSON1} and {PERSON2} signed (1)."),
                                                         Variant(language: tag("fr"), text: "{PERSON2} y1")])).value
        #expect(results[0][2].last == key)
        for result in results.dropFirst() { #expect(result == results[0]) }
    }
}

extension Array {
    /// The elements in runs of `size` (the last one shorter).
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
