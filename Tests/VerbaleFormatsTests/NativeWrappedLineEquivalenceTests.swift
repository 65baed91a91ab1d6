import Foundation
import Testing
@testable import VerbaleCore
import VerbaleFormats

/// The shipped Khmer wrapped-line rule is answered in Swift (`KhmerWrappedLineCheck`) instead of
/// ICU; these tests run both paths over real text wrapped the ways `fold` and mail clients wrap
/// it, and over random strings of the characters the rule tests, and require the same answer at
/// every position and the same segments. (Here rather than in VerbaleCoreTests because the Khmer
/// gettext catalogue is read with `MOCatalog`, the project's `.mo` reader.)
@Suite("Segmenter: the Khmer wrapped-line rule in Swift answers as its ICU pattern does")
struct NativeWrappedLineEquivalenceTests {
    /// The shipped rules with the Khmer wrapped-line rule written `(?:…)`: the same rule to ICU,
    /// but not the shipped text, so the segmenter hands it to ICU as it would a custom file's.
    static func icuOnlyDocument() throws -> SRXDocument {
        var document = try DefaultSegmentationRules.document()
        var edited = 0
        for r in document.languageRules.indices {
            for k in document.languageRules[r].rules.indices where KhmerWrappedLineCheck.recognises(document.languageRules[r].rules[k]) {
                document.languageRules[r].rules[k].afterBreak = "(?:" + document.languageRules[r].rules[k].afterBreak + ")"
                edited += 1
            }
        }
        #expect(edited == 1)
        return document
    }

    @Test("The shipped rule takes the Swift path under every language; an edited copy goes through ICU")
    func paths() throws {
        // Where the wrapped-line rule stands among the Khmer rules (after the abbreviation rules).
        let khmerRules = try #require(DefaultSegmentationRules.document().languageRules.first { $0.name == "Khmer" })
        let position = try #require(khmerRules.rules.firstIndex(where: KhmerWrappedLineCheck.recognises)) + 1
        #expect(position > 1, "the Khmer abbreviation rules stand before it")
        for language in [Language.khmer, .english, .french] {
            let shipped = try SegmentationRules(document: DefaultSegmentationRules.document(), languageCode: language.rawValue)
            #expect(shipped.checks.filter { $0.native != nil }.map(\.sources) == [["Khmer #\(position)"]])
            #expect(shipped.plan.filter { $0.contains("native") } == ["anchored no-break: Khmer #\(position) (native Swift check)"])
            let custom = try SegmentationRules(document: Self.icuOnlyDocument(), languageCode: language.rawValue)
            #expect(custom.checks.allSatisfy { $0.native == nil })
            #expect(custom.checks.count == shipped.checks.count)
        }
    }

    @Test("ICU's \\s and the line terminators `.` stops at are the Swift ones, for every BMP unit")
    func characterClasses() throws {
        let space = try ICURegex(#"\s"#), dot = try ICURegex(".")
        for unit in UInt16.min...UInt16.max {
            space.setText(utf16: [unit]); dot.setText(utf16: [unit])
            #expect((space.match(at: 0) != nil) == KhmerWrappedLineCheck.isWhiteSpace(unit), "U+\(String(unit, radix: 16))")
            #expect((dot.match(at: 0) == nil) == KhmerWrappedLineCheck.isLineTerminator(unit), "U+\(String(unit, radix: 16))")
        }
    }

    /// The number of positions where the rule matched; records a failure at every position where
    /// Swift and ICU disagree.
    @discardableResult
    static func comparePositions(_ units: [UInt16], regex: ICURegex, label: String) -> Int {
        var matched = 0
        units.withUnsafeBufferPointer { text in
            regex.setSharedText(text)
            var disagreements = 0
            for p in 0...text.count {
                let icu = regex.match(at: p) != nil
                let native = KhmerWrappedLineCheck.matches(text, at: p)
                if native { matched += 1 }
                if icu != native {
                    disagreements += 1
                    if disagreements <= 3 {
                        let context = String(decoding: text[max(0, p - 40)..<min(text.count, p + 120)], as: UTF16.self)
                        Issue.record("\(label) at \(p): ICU \(icu), Swift \(native): \(context.debugDescription)")
                    }
                }
            }
            #expect(disagreements == 0, "\(label)")
        }
        return matched
    }

    static func shippedPattern() throws -> String {
        let rules = try SegmentationRules(document: DefaultSegmentationRules.document(), languageCode: "km")
        return try #require(rules.checks.first { $0.native != nil }).pattern
    }

    @Test("Real text wrapped at 24, 45, 60 and 80 columns: same answer at every position, same segments",
          .enabled(if: SharedData.file("notes/seed-cambodia-ohchr-2021.txt") != nil, "../shared/data is absent"))
    func realText() throws {
        let regex = try ICURegex(Self.shippedPattern())
        let icuOnly = try Self.icuOnlyDocument()
        var segmenters: [Language: (native: Segmenter, icu: Segmenter)] = [:]
        for language in [Language.khmer, .english, .french] {
            segmenters[language] = (try Segmenter(language: language), try Segmenter(language: language, rules: icuOnly))
        }
        var khmerMatches = 0, joinedKhmerLines = 0
        for corpus in try Corpus.all() {
            for width in [24, 45, 60, 80] {
                for style in Wrap.allCases {
                    let wrapped = style.apply(corpus.text, width: width)
                    let label = "\(corpus.name) \(style) \(width)"
                    let matched = Self.comparePositions(Array(wrapped.utf16), regex: regex, label: label)
                    if corpus.languages.contains(.khmer) { khmerMatches += matched }
                    for language in corpus.languages {
                        let pair = try #require(segmenters[language])
                        let native = pair.native.segments(of: wrapped), icu = pair.icu.segments(of: wrapped)
                        if native != icu {
                            let first = zip(native, icu).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(native.count, icu.count)
                            Issue.record("\(label) \(language): segment \(first) differs: Swift \(native.dropFirst(first).first.map(\.text).debugDescription), ICU \(icu.dropFirst(first).first.map(\.text).debugDescription)")
                        }
                        if language == .khmer { joinedKhmerLines += native.reduce(0) { $0 + $1.text.count { $0 == "\n" } } }
                    }
                }
            }
        }
        // The comparison has something to compare: the rule matched and joined lines.
        #expect(khmerMatches > 1_000, "\(khmerMatches)")
        #expect(joinedKhmerLines > 1_000, "\(joinedKhmerLines)")
    }

    @Test("Random strings of the units the rule tests (lone surrogates included): same answer at every position")
    func randomUnits() throws {
        let regex = try ICURegex(Self.shippedPattern())
        // Pieces weighted towards Khmer letters, the rule's marks, separators and line ends.
        let pieces: [[UInt16]] = (["ក", "ខ", "ស", "ា", "ំ", "្", "ៗ", "៌", "ឥ", "។", "៕", "៖", "?", "!", ".", ")", "-", " ", "\t",
                                    "\u{200B}", "\n", "\n", "\n", "\r", "\u{2028}", "\u{85}", "\u{0B}", "\u{A0}", "០", "៩", "7", "a",
                                    "ជាតិ", "សាសនា", "ឆ្នាំ", "លេខ", "😀", "ក. ", "ក) ", "ក- ", "លេខ៖ ", "ជាតិ \n សាសនា"]
            .map { Array($0.utf16) }) + [[0xD800], [0xDC00], [0x17DC], [0x17D7]]
        let khmer: [[UInt16]] = ["ក", "ស", "ា", "ង", "ន", "ត"].map { Array($0.utf16) }
        let separators: [[UInt16]] = [[0x20], [0x09], [0x200B]]
        let digits: [[UInt16]] = ["០", "៩", "2"].map { Array($0.utf16) }
        let ends: [[UInt16]] = ["។", "៕", "?", "!"].map { Array($0.utf16) }
        var random = SplitMix64(seed: 30_11_2026)
        func run(_ choices: [[UInt16]], _ count: Int) -> [UInt16] {
            (0..<count).flatMap { _ in choices[random.next(below: choices.count)] }
        }
        var matched = 0
        for round in 0..<6_000 {
            var units: [UInt16] = []
            if round % 2 == 0 {
                for _ in 0..<random.next(below: 160) {
                    // Half the pieces are plain Khmer letters, so lines reach 12, 30 and 64 code points.
                    units += random.next(below: 2) == 0 ? khmer[random.next(below: khmer.count)] : pieces[random.next(below: pieces.count)]
                }
            } else {
                // Lines shaped like the rule's cases: separators before and after (around the
                // limits 3, 4 and 8), Khmer words, and date lines (ឆ្នាំ about 64 code points
                // before a final digit).
                for _ in 0..<(2 + random.next(below: 5)) {
                    units += run(separators, random.next(below: 11))
                    switch random.next(below: 3) {
                    case 0: // a short line, perhaps ending a sentence
                        units += run(khmer, 1 + random.next(below: 28))
                        if random.next(below: 3) == 0 { units += run(ends, 1) }
                        if random.next(below: 6) == 0 { units += run(pieces, 1) }
                    case 1: // a date line
                        units += run(khmer, random.next(below: 40))
                        units += Array("ឆ្នាំ".utf16) + run(khmer + digits + separators, 55 + random.next(below: 16)) + run(digits, 1)
                    default: // a long line
                        units += run(khmer, 25 + random.next(below: 20)) + run(pieces + khmer, random.next(below: 6))
                    }
                    units += run(separators, random.next(below: 7))
                    units += [0x0A]
                }
            }
            matched += Self.comparePositions(units, regex: regex, label: "random #\(round)")
        }
        #expect(matched > 1_000, "\(matched)")
    }
}

extension NativeWrappedLineEquivalenceTests {
    /// The real texts compared, each with the languages it is segmented under.
    struct Corpus {
        var name: String
        var text: String
        var languages: [Language]

        static func all() throws -> [Corpus] {
            let root = try #require(SharedData.root)
            var corpora: [Corpus] = []
            let notes = root.appendingPathComponent("notes")
            for name in try FileManager.default.contentsOfDirectory(atPath: notes.path).sorted() where name.hasSuffix(".txt") {
                let text = try String(contentsOf: notes.appendingPathComponent(name), encoding: .utf8)
                corpora.append(Corpus(name: name, text: text, languages: [name.hasPrefix("fr-") ? .french : .english]))
            }
            // khPOS: one line as written per line (the benchmark's shape), and paragraphs of five
            // lines with U+200B between words, as gettext catalogues write Khmer.
            let khpos = try String(contentsOf: root.appendingPathComponent("khmer/khpos-train-sample.word"), encoding: .utf8)
                .split(separator: "\n").filter { !$0.isEmpty }
            #expect(khpos.count >= 1_000)
            corpora.append(Corpus(name: "khPOS lines", text: khpos.map { WordSegmentationScore.text(ofReference: $0) }.joined(separator: "\n"),
                                  languages: [.khmer, .english]))
            let spaced = khpos.map { $0.split(separator: " ").map { WordSegmentationScore.text(ofReference: $0) }.joined(separator: "\u{200B}") }
            corpora.append(Corpus(name: "khPOS paragraphs", text: stride(from: 0, to: spaced.count, by: 5)
                .map { spaced[$0..<min($0 + 5, spaced.count)].joined(separator: " ") }.joined(separator: "\n\n"), languages: [.khmer]))
            // The Khmer dpkg catalogue, one message per line (messages keep their own line breaks).
            let mo = URL(fileURLWithPath: "/usr/share/locale/km/LC_MESSAGES/dpkg.mo")
            if FileManager.default.fileExists(atPath: mo.path) {
                let messages = try MOCatalog(contentsOf: mo).messages.map(\.translation).filter { !$0.isEmpty }
                #expect(messages.count >= 300)
                corpora.append(Corpus(name: "dpkg.mo (km)", text: messages.joined(separator: "\n"), languages: [.khmer, .english]))
            }
            // Europarl: the first 2,000 lines, paragraphs of eight sentences.
            for (file, language) in [("parallel/europarl-20k.en", Language.english), ("parallel/europarl-20k.fr", .french)] {
                let lines = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").prefix(2_000)
                let text = stride(from: 0, to: lines.count, by: 8).map { lines[$0..<min($0 + 8, lines.count)].joined(separator: " ") }
                    .joined(separator: "\n\n")
                corpora.append(Corpus(name: file, text: text, languages: [language]))
            }
            return corpora
        }
    }

    /// How a line is wrapped, counting Unicode scalars as columns.
    enum Wrap: CaseIterable, CustomStringConvertible {
        /// `fold -s`: after the last space or U+200B within the width (it stays at the line's
        /// end), else at the width.
        case atSeparators
        /// As `fold -s`, the separator dropped (mail clients that trim the line).
        case separatorDropped
        /// `fold`: at the width, inside words and Khmer clusters alike.
        case hard
        /// `fold -s` with CRLF line ends (the rule tests LF).
        case crlf

        var description: String {
            switch self {
            case .atSeparators: "fold -s"
            case .separatorDropped: "fold -s, separator dropped"
            case .hard: "fold"
            case .crlf: "fold -s, CRLF"
            }
        }

        func apply(_ text: String, width: Int) -> String {
            var out: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var rest = Array(line.unicodeScalars)
                while rest.count > width {
                    var cut = width, drop = 0
                    if self != .hard, let last = rest[..<width].lastIndex(where: { $0 == " " || $0 == "\u{200B}" }), last > 0 {
                        cut = last + 1
                        if self == .separatorDropped { cut = last; drop = 1 }
                    }
                    out.append(String(String.UnicodeScalarView(rest[..<cut])))
                    rest.removeFirst(cut + drop)
                }
                out.append(String(String.UnicodeScalarView(rest)))
            }
            return out.joined(separator: self == .crlf ? "\r\n" : "\n")
        }
    }

    /// A small seeded generator (SplitMix64), so a failure can be replayed.
    struct SplitMix64 {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }
}
