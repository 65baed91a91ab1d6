import Foundation
import Testing
@testable import VerbaleCore

@Suite("Segmentation rule filters")
struct SequenceFilterTests {
    /// Every position where `regex` matches in `text` (each start, overlapping ones included).
    static func matchPositions(_ regex: ICURegex, _ units: UnsafeBufferPointer<UInt16>) -> [Int] {
        regex.setSharedText(units)
        var positions: [Int] = []
        var from = 0
        while from <= units.count, let match = regex.firstMatch(from: from) {
            positions.append(match.lowerBound)
            from = match.lowerBound + 1
        }
        return positions
    }

    static func corpus() throws -> [(Language, String)] {
        var texts: [(Language, String)] = [
            (.english, "H.E. Mr. Sok met Messrs. Dupont and Dr. Smith, cf. No. 12, pp. 4-6, Jan. 5, a.i. e.g. x. U.N. Office 1. The 2.1. Item iv) The"),
            (.french, "S.E. M. Sok et MM. les délégués, cf. art. 5, al. 2, n° 37, janv. 2021, c.-à-d. LL.AA.II.RR. le 1. Le"),
            (.khmer, try SegmentationFixture.text("khmer-messages.txt")),
        ]
        if TextLayerData.isAvailable {
            for (language, prefix) in [(Language.english, "en-"), (.french, "fr-")] {
                texts += try SegmentPinningTests.notes(prefix).map { (language, $0) }
            }
            for language in ["en", "fr"] {
                if let url = SharedData.file("segmentation/golden_rules_\(language).tsv") {
                    texts.append((Language(rawValue: language) ?? .english, try String(contentsOf: url, encoding: .utf8)))
                }
            }
        }
        return texts
    }

    @Test("A filter never rejects a position where its rule matches (every check, real notes and Golden Rules)")
    func sound() throws {
        var checked = 0, filtered = 0
        for (language, text) in try Self.corpus() {
            let rules = try SegmentationRules(document: try DefaultSegmentationRules.document(), languageCode: language.rawValue)
            let units = Array(text.utf16)
            try units.withUnsafeBufferPointer { buffer in
                for check in rules.checks where check.mode != .scannedByICU {
                    let filters = [check.beforeFilter, check.afterFilter].compactMap { $0 }
                    guard !filters.isEmpty else { continue }
                    filtered += filters.count
                    let regex = try ICURegex(check.pattern)
                    for p in Self.matchPositions(regex, buffer) {
                        checked += 1
                        for filter in filters {
                            #expect(filter.admits(buffer, at: p), "\(check.sources) matches at \(p) but a filter rejects it")
                        }
                    }
                }
            }
        }
        #expect(filtered > 10)
        // The built-in lines alone give a few dozen positions; the notes and Golden Rules hundreds.
        #expect(checked > (TextLayerData.isAvailable ? 100 : 20))
    }

    @Test("The list-item rule's after filter admits list numbers and rejects dates and years")
    func sharpAfter() throws {
        let rules = try SegmentationRules(document: try DefaultSegmentationRules.document(), languageCode: "en")
        let listItems = try #require(rules.checks.last?.afterFilter)
        func admits(_ text: String) -> Bool { Array(text.utf16).withUnsafeBufferPointer { listItems.admits($0, at: 0) } }
        #expect(admits("• item"))
        #expect(admits("2) The"))
        #expect(admits("12. The"))
        #expect(!admits("12 March"))
        #expect(!admits("2021"))
        #expect(!admits("1,000"))
    }

    @Test("The title list's filter admits the listed words and rejects ordinary sentence ends")
    func sharp() throws {
        let rules = try SegmentationRules(document: try DefaultSegmentationRules.document(), languageCode: "en")
        let titles = try #require(rules.checks.first?.beforeFilter)
        func admits(_ text: String) -> Bool { Array(text.utf16).withUnsafeBufferPointer { titles.admits($0, at: $0.count) } }
        #expect(admits("Mr."))
        #expect(admits("met Messrs."))
        #expect(admits("(No."))
        #expect(!admits("the Embassy."))
        #expect(!admits("Mister."))
        #expect(!admits("AMr."))
        #expect(!admits("his compliments."))
    }
}
