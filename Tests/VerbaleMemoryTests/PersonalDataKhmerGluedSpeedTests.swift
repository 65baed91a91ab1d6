import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The glued-name rule's scalar table (`KhmerWordTable`, `PersonalDataKhmerGluedWords`) gives
/// what its String tests gave (`khmerGluedNameByStrings`, `endsKhmerGluedName(String)`): every
/// word and word pair of the khPOS sample, and every glued run after a title in real Khmer —
/// khPOS spaced, joined and with U+200B, the shipped memory and glossaries, the sourced terms.
@Suite("Privacy speed paths: glued Khmer names read by scalars")
struct PersonalDataKhmerGluedSpeedTests {
    typealias Scrubber = PersonalDataScrubber

    /// The khPOS sample's lines as words.
    static func khposWords() throws -> [[String]] {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            line.split(separator: " ").map { $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "_", with: "") }
        }
    }

    /// Real texts holding Khmer: khPOS three ways, the repository's memory and glossaries, the
    /// shared sourced terms.
    static func khmerTexts() throws -> [String] {
        let lines = try khposWords()
        var texts = lines.map { $0.joined() } + lines.map { $0.joined(separator: " ") } + lines.map { $0.joined(separator: "\u{200B}") }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files = ["Memories/note-verbale-formulas.tmx", "Glossaries/countries.tbx", "Glossaries/diplomatic.tbx"].map { repository.appendingPathComponent($0) }
        files += [try #require(SharedData.file("glossary/sourced-terms.tsv"))]
        for file in files {
            texts += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
                .filter { $0.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) } }
        }
        return texts
    }

    @Test("Word tests: every khPOS word and adjacent pair, and each with U+200B or ATTHACAN inside",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func wordTests() throws {
        var words = Set<String>()
        for line in try Self.khposWords() {
            for (index, word) in line.enumerated() {
                words.insert(word)
                if index + 1 < line.count { words.insert(word + line[index + 1]) }
            }
        }
        for word in Array(words) where word.unicodeScalars.count > 2 {
            let scalars = Array(word.unicodeScalars)
            words.insert(String(String.UnicodeScalarView(scalars.prefix(2) + ["\u{200B}"] + scalars.dropFirst(2))))
            words.insert(String(String.UnicodeScalarView(scalars + ["\u{17DD}"])))
        }
        var differing: [String] = []
        var plain = 0, ending = 0
        for text in words {
            let word = Scrubber.GluedWord(Array(text.unicodeScalars))
            if word.plain { plain += 1 }
            let ends = Scrubber.endsKhmerGluedName(word)
            if ends { ending += 1 }
            let fast = [ends, Scrubber.endsWithKhmerFunctionTitle(word), Scrubber.beginsWithKhmerFunctionTitleFollower(word),
                        Scrubber.khmerGluedWord(word, in: .notName, strings: []), Scrubber.khmerGluedWord(word, in: .rank, strings: []),
                        Scrubber.khmerGluedWord(word, in: .kin, strings: []), Scrubber.khmerGluedWord(word, in: .gluedNotName, strings: []),
                        Scrubber.khmerGluedWord(word, in: .plural, strings: [])]
            let strings = [Scrubber.endsKhmerGluedName(text), Scrubber.khmerFunctionTitles.contains { text.hasSuffix($0) },
                           Scrubber.khmerFunctionTitleFollowers.contains { text.hasPrefix($0) }, Scrubber.khmerNotNames.contains(text),
                           Scrubber.khmerGluedRanks.contains(text), Scrubber.khmerKinAfterLok.contains(text),
                           Scrubber.khmerGluedNotNames.contains(text), Scrubber.khmerPluralWords.contains(text)]
            // A word that is not plain goes to the String test: only plain words are compared
            // for the lists (the empty fallback sets would answer for the others).
            if word.plain ? fast != strings : fast.prefix(3) != strings.prefix(3) {
                differing.append("\(text): \(fast) vs \(strings)")
            }
        }
        #expect(differing.isEmpty, "\(differing.count) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
        // Not an empty comparison (measured 30 Nov: 9,469 plain words, 1,586 ending a name).
        #expect(plain > 9000 && ending > 1000, "plain \(plain), ending \(ending)")
    }

    @Test("Glued runs: every run after a title in real Khmer reads the same name, after លោក alone, ឈ្មោះ or neither",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func gluedRuns() throws {
        let regex = try #require(Scrubber.khmerGluedNameRegex)
        let tokenizer = try Tokenizer(language: .khmer)
        var runs = 0, names = 0, cut = 0
        var differing: [String] = []
        for text in try Self.khmerTexts() {
            let ns = text as NSString
            let starts = Scrubber.khmerTitleStarts(in: text)
            for start in starts {
                guard let match = regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds],
                                                   range: NSRange(location: start, length: ns.length - start)) else { continue }
                let range = match.range(at: 1)
                guard range.location != NSNotFound else { continue }
                let run = ns.substring(with: range)
                // The run whole, and the run from each of its word starts on (more names, more
                // offices inside them).
                var pieces = [(run, range.location)]
                for token in tokenizer.tokenize(run).prefix(8).dropFirst() {
                    let scalars = Array(run.unicodeScalars)
                    pieces.append((String(String.UnicodeScalarView(scalars[token.range.lowerBound...])), range.location + token.range.lowerBound))
                }
                for (piece, location) in pieces {
                    for (afterLok, afterName) in [(false, false), (true, false), (false, true)] {
                        runs += 1
                        let fast = Scrubber.khmerGluedName(piece, at: location, afterLok: afterLok, afterName: afterName) { tokenizer.tokenize($0) }
                        let strings = Scrubber.khmerGluedNameByStrings(piece, at: location, afterLok: afterLok, afterName: afterName) { tokenizer.tokenize($0) }
                        if fast != strings { differing.append("\(piece) \(afterLok) \(afterName): \(String(describing: fast)) vs \(String(describing: strings))") }
                        if let strings {
                            names += 1
                            let read = (piece as NSString).substring(with: NSRange(location: strings.location - location, length: strings.length))
                            if Scrubber.khmerGluedNameOffices.contains(where: { piece.contains($0) && !read.contains($0) }) { cut += 1 }
                        }
                    }
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) of \(runs) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
        // Not an empty comparison (measured 30 Nov: 3,220 runs, 2,452 names, 210 with an office after the name).
        #expect(runs > 3000 && names > 2000 && cut > 150, "runs \(runs), names \(names), office after the name \(cut)")
    }
}
