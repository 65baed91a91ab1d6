import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The Khmer title pattern runs anchored where a title word begins (`khmerTitleStarts(in:)`,
/// `PersonalDataKhmerTitleStarts`) instead of searching the whole text: it must find exactly
/// what the whole-text search (`filtered: false`) finds.
@Suite("The Khmer title pattern anchored at title words finds what the whole-text search finds")
struct PrivacyKhmerTitleStartsTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    /// The texts whose spans differ between the two paths (with both, for the message).
    func mismatches(_ texts: [String]) -> [String] {
        texts.compactMap { text in
            let fast = scrubber.spans(in: text).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            let reference = scrubber.spans(in: text, filtered: false).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            return fast == reference ? nil : "\(text.debugDescription): anchored \(fast), whole text \(reference)"
        }
    }

    /// `khmerTitleStarts(in:)`'s reference: every UTF-16 offset where a literal begins, found by
    /// Foundation's search for each literal.
    static func startsByNSString(_ text: String) -> [Int] {
        let ns = text as NSString
        var starts = Set<Int>()
        for literal in PersonalDataScrubber.khmerTitleStartLiterals {
            var from = 0
            while from < ns.length {
                let found = ns.range(of: literal, options: .literal, range: NSRange(location: from, length: ns.length - from))
                guard found.location != NSNotFound else { break }
                starts.insert(found.location)
                from = found.location + 1
            }
        }
        return starts.sorted()
    }

    static let pieces = [
        // Every title word, glued compounds that end in one, and what may stand before a glued one.
        "លោក", "លោកស្រី", "លោកជំទាវ", "អ្នកស្រី", "អ្នកឧកញ៉ា", "ឧកញ៉ា", "ឯកឧត្តម", "ឯកឧត្ដម", "សម្តេច", "សម្ដេច", "កញ្ញា",
        "ពិភពលោក", "មនុស្សលោក", "របស់លោក", "ឃ្លោក", "ខែកញ្ញា", "ខែ", "ជូន", "ចំពោះ", "សម្រាប់", "ទៅ", "ពី", "ដល់", "ឈ្មោះ", "សូមទាក់ទង",
        // Stacked honorifics, names, words that are no names, Latin names after a Khmer title.
        "តេជោ", "បណ្ឌិត", "វេជ្ជបណ្ឌិត", "ឧកញ៉ា", "សុខ", "ដារា", "ចាន់", "ណោន", "សារម្យ", "នឹង", "បាន", "ជា", "មិន", "ប្រធាន",
        "រដ្ឋមន្ត្រី", "John", "Smith", "de", "la", "Cruz", "van", "der", "Berg",
        // Separators, the COENG sign, digits, scalars outside the BMP (two UTF-16 units each).
        " ", " ", "\u{200B}", "\u{200B}", "\u{A0}", "\u{17D2}", "។", ",", ".", "៖", "១២", "2021", "😀", "𝐀",
    ]

    @Test("Every title word begins with a Khmer letter of U+1780–U+17BF (three bytes, E1 9E xx), as the byte scan assumes")
    func literalsBeginAsScanned() {
        for literal in PersonalDataScrubber.khmerTitleStartLiterals {
            #expect(Array(literal.utf8.prefix(2)) == [0xE1, 0x9E], "\(literal)")
            #expect(literal.utf8.count >= 3)
        }
    }

    @Test("The byte scan finds every title word's UTF-16 offset, as Foundation's search does, with scalars outside the BMP before them")
    func startsAsFoundationFindsThem() {
        var random = SplitMix(state: 0x17_1780)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + random.next(12)) { text += Self.pieces[random.next(Self.pieces.count)] }
            #expect(PersonalDataScrubber.khmerTitleStarts(in: text) == Self.startsByNSString(text), "\(text.debugDescription)")
        }
        #expect(PersonalDataScrubber.khmerTitleStarts(in: "😀លោក សុខ") == [2])
        #expect(PersonalDataScrubber.khmerTitleStarts(in: "ខ្ញុំ") == [])
    }

    @Test("5,000 random strings of Khmer titles, compounds, names and separators: anchored and whole-text spans agree")
    func randomKhmerStrings() {
        var random = SplitMix(state: 0x1780_2026)
        var texts: [String] = []
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(2 + random.next(14)) {
                text += Self.pieces[random.next(Self.pieces.count)]
                // Khmer is written glued, with U+200B, or with spaces between words.
                switch random.next(4) {
                case 0, 1: break
                case 2: text += "\u{200B}"
                default: text += " "
                }
            }
            texts.append(text)
        }
        let differing = mismatches(texts)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // The strings do reach the pattern: many hold a name after a title, several two.
        let found = texts.map { scrubber.spans(in: $0).filter { $0.kind == .person }.count }
        #expect(found.filter { $0 > 0 }.count > 1000)
        #expect(found.filter { $0 > 1 }.count > 100)
    }

    @Test("khPOS written glued, with U+200B and with spaces, after a verb of address: anchored and whole-text spans agree",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khposThreeWays() throws {
        let lines = try String(contentsOf: try #require(SharedData.file("khmer/khpos-train-sample.word")), encoding: .utf8)
            .split(separator: "\n").map { line in
                line.split(separator: " ").map { $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "^", with: "")
                    .replacingOccurrences(of: "_", with: "") }
            }
        var texts: [String] = []
        for words in lines {
            for joiner in ["", "\u{200B}", " "] {
                texts.append(words.joined(separator: joiner))
                texts.append("សូមទាក់ទង" + words.joined(separator: joiner) + " និងលោក John Smith")
            }
        }
        let differing = mismatches(texts)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        #expect(texts.filter { scrubber.spans(in: $0).contains { $0.kind == .person } }.count > 1000)
    }
}
