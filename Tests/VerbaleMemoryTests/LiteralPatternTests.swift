import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// `LiteralPattern` replaced a case-insensitive ICU regular expression compiled per value
/// found (the import's main privacy cost). These tests keep that expression as the reference
/// (`reference(_:)`, as the import built it) and check the matcher finds exactly its matches,
/// on the values the scrubber really finds in the notes and on random Latin/Khmer texts.
@Suite("Repeats of a personal-data value are found exactly where the old per-value regular expression found them")
struct LiteralPatternTests {
    /// The regular expression the import used to compile for `value` (nil when too short).
    static func reference(_ value: String) -> NSRegularExpression? {
        var body = ""
        var gap = false
        var significant = 0
        for scalar in value.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" {
                gap = true
                continue
            }
            if gap, !body.isEmpty { body += "[\\s\\u00A0\\u200B]+" }
            gap = false
            if let digit = PersonalDataScrubber.digitValue(scalar) {
                body += "[\(digit)\(Array("០១២៣៤៥៦៧៨៩")[digit])]"
            } else {
                body += NSRegularExpression.escapedPattern(for: String(scalar))
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { significant += 1 }
        }
        guard significant >= 2, let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return nil }
        func edge(_ scalar: Unicode.Scalar) -> String? {
            if (0x1780...0x17FF).contains(scalar.value) { return "[\\u1780-\\u17D3\\u17DD\\u17E0-\\u17E9]" }
            if scalar.properties.numericType == .decimal { return "\\p{Nd}" }
            if scalar.properties.isAlphabetic { return "[[\\p{L}\\p{M}\\p{Nd}]--[\\u1780-\\u17FF]]" }
            return nil
        }
        let pattern = (edge(first).map { "(?<!\($0))" } ?? "") + body + (edge(last).map { "(?!\($0))" } ?? "")
        return try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// Where the reference and the matcher disagree for `value` over `texts` (empty when they
    /// agree). Decomposed (NFD), the two must find exactly the same; as given, the matcher must
    /// find everything the expression finds — and may find more: a composed and a decomposed
    /// spelling of one name, which the expression missed (review G10). The as-given check skips
    /// texts whose marks are not in canonical order (NFD would reorder them): the matcher reads
    /// those as NFD does, where the expression reads them as typed, so there only the NFD check
    /// (exact) applies.
    static func differences(_ value: String, in texts: [String]) -> [String] {
        var differing = exactDifferences(ICU.normalize(value, .nfd), in: texts.map { ICU.normalize($0, .nfd) })
        if let literal = LiteralPattern(value), let regex = reference(value), marksInOrder(value) {
            for text in texts where marksInOrder(text) {
                let expected = regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map(\.range)
                let actual = literal.ranges(in: text)
                if !expected.allSatisfy(actual.contains) {
                    differing.append("\(value.debugDescription) in \(text.debugDescription): regex \(expected.map { "\($0.location)+\($0.length)" }) not all in matcher \(actual.map { "\($0.location)+\($0.length)" })")
                }
            }
        }
        return differing
    }

    /// Whether NFD would leave `text`'s marks in the order typed: its per-scalar decompositions,
    /// joined, are its NFD (NFD is exactly that plus the canonical reordering). Compared scalar
    /// by scalar: Swift's `==` on strings is canonical equivalence, which would always hold.
    static func marksInOrder(_ text: String) -> Bool {
        text.unicodeScalars.map { ICU.normalize(String($0), .nfd) }.joined().unicodeScalars
            .elementsEqual(ICU.normalize(text, .nfd).unicodeScalars)
    }

    static func exactDifferences(_ value: String, in texts: [String]) -> [String] {
        let literal = LiteralPattern(value)
        let regex = reference(value)
        guard let literal, let regex else {
            return (literal == nil) == (regex == nil) ? [] : ["\(value.debugDescription): matcher \(literal == nil ? "nil" : "built"), regex \(regex == nil ? "nil" : "built")"]
        }
        var differing: [String] = []
        for text in texts {
            let expected = regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map(\.range)
            let actual = literal.ranges(in: text)
            if expected != actual {
                differing.append("\(value.debugDescription) in \(text.debugDescription): regex \(expected.map { "\($0.location)+\($0.length)" }), matcher \(actual.map { "\($0.location)+\($0.length)" })")
            }
        }
        return differing
    }

    @Test("Composed and decomposed spellings of a name meet, in both directions, on whole scalars; a name does not end inside a composed letter")
    func normalisationForms() throws {
        let composed = "Renée Dubois", decomposed = "Rene\u{301}e Dubois"
        let text = "L’Ambassade informe que RENE\u{301}E DUBOIS et Renée Dubois assisteront."
        #expect(LiteralPattern(composed)?.ranges(in: text).count == 2)
        #expect(LiteralPattern(decomposed)?.ranges(in: text).count == 2)
        let ns = text as NSString
        #expect(LiteralPattern(composed)?.ranges(in: text).map { ns.substring(with: $0) } == ["RENE\u{301}E DUBOIS", "Renée Dubois"])
        // "Rene" is not a match inside "René" (composed or decomposed): the mark continues the word.
        #expect(LiteralPattern("Rene Dubois")?.ranges(in: "René Dubois, Rene\u{301} Dubois, Rene Dubois").count == 1)
        // End to end: the decomposed repeat in French goes with the English name.
        let scrubbed = try PersonalDataScrubber().scrub(unit([("en", "The Embassy informs that Ms. Renée Dubois will attend the dinner."),
                                                              ("fr", "L’Ambassade informe que RENE\u{301}E DUBOIS assistera au dîner.")]), file: "nfd.tsv", position: 1)
        #expect(scrubbed.unit.variants[1].text == "L’Ambassade informe que {PERSON} assistera au dîner.")
    }

    @Test("Traps: spaces, NBSP and U+200B runs, Khmer and Latin digits, case, word and number edges, accents, signs")
    func traps() {
        let texts = [
            "John Smith, JOHN  SMITH, john\u{A0}smith, John\u{200B}Smith, JohnSmith, Johnsmithe, xJohn Smith",
            "លោក សុខ ដារ៉ា និង សុខដារ៉ា, សុខ\u{200B}ដារ៉ា, ដារ៉ាសុខ ដារ៉ា, លោកសុខ ដារ៉ា",
            "012 345 678, ០១២ ៣៤៥ ៦៧៨, 0012 345 678, 012 345 6789, ០១២\u{200B} ៣៤៥\u{200B} ៦៧៨, 012\t345\n678",
            "+855 23 216 141, ++855 23 216 141, a+855 23 216 141",
            "Émile Zola, ÉMILE ZOLA, émile zola, Emile Zola, Émile Zolá, Émile Zola\u{301}",
            "N0123456, n0123456, N0123456a, ១N0123456, N០១២៣៤៥៦",
            "Kelvin \u{212A}elvin, Dmitri Ḱ, Ωmega ωmega", "chan.thy@example.org, CHAN.THY@EXAMPLE.ORG, xchan.thy@example.org",
            // Full case folding (review G1): ß/ẞ/SS, ligatures, dotted İ, ŉ; VT, NEL and U+2028 are White_Space.
            "Mr. STRAUSS arrived, Herr Strauss, STRAUẞ, Strauß, strausse, WEISS ANNA, Weiß Anna, GRIFFITH, Griﬃth, griﬃths",
            "i̇lhan kaya, İlhan Kaya, ilhan kaya, ʼnaba aa, ŉaba aa, John\u{0B}Smith, John\u{85}Smith, John\u{2028}Smith, ﬁona ﬂint, FIONA FLINT",
            "µaria Ko, μaria ko, ΜARIA KO",
        ]
        let values = ["John Smith", "សុខ ដារ៉ា", "012 345 678", "+855 23 216 141", "Émile Zola", "N0123456", "Kelvin", "Ωmega",
                      "chan.thy@example.org", "ដារ៉ា", "J.", "Smith", "០១២ ៣៤៥ ៦៧៨", "Zola\u{301}",
                      "Strauß", "Strauss", "STRAUẞ", "Weiß Anna", "Griﬃth", "Griffith", "İlhan Kaya", "ŉaba Aa", "ﬁona ﬂint", "Fiona Flint",
                      "µaria Ko", "μaria Ko"]
        var differing: [String] = []
        for value in values { differing += Self.differences(value, in: texts) }
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
        // The comparison is not vacuous: the traps do match.
        #expect(LiteralPattern("John Smith")?.ranges(in: texts[0]).count == 4)
        #expect(LiteralPattern("Strauß")?.ranges(in: texts[8]).count == 4, "ß matches SS, ẞ and ss; not inside strausse")
        #expect(LiteralPattern("John Smith")?.ranges(in: texts[9]).count == 3, "VT, NEL and U+2028 are gaps")
        #expect(LiteralPattern("J.") == nil)
    }

    @Test("A German name in capitals or with ss in the other variant goes too (full case folding); VT between names is a gap")
    func scrubsFoldedRepeats() throws {
        let scrubber = try PersonalDataScrubber()
        let weiss = scrubber.scrub(unit([("en", "The Embassy informs that Ms. Anna Weiß will attend the dinner."),
                                         ("fr", "L’Ambassade informe que ANNA WEISS assistera au dîner.")]), file: "weiss.tsv", position: 1)
        #expect(weiss.unit.variants[1].text == "L’Ambassade informe que {PERSON} assistera au dîner.")
        let sok = scrubber.scrub(unit([("en", "The Embassy thanks Mr. Sok Dara for the invitation."),
                                       ("fr", "L’Ambassade remercie SOK\u{0B}DARA de son invitation.")]), file: "sok.tsv", position: 1)
        #expect(sok.unit.variants[1].text == "L’Ambassade remercie {PERSON} de son invitation.")
    }

    @Test("Marks of different classes typed in either order meet (Vietnamese ệ, ị); marks of one class keep their order")
    func markOrder() throws {
        // ệ is e + dot below (class 220) + circumflex (230) in NFD; typed e + circumflex + dot below
        // it is the same letter. ễ (e + circumflex + tilde, both 230) is not e + tilde + circumflex.
        let value = "Nguyễn Thị Lệ"
        let text = "NGUYỄN THI\u{323} LE\u{302}\u{323}, Nguyễn Thị Le\u{323}\u{302}, Nguye\u{303}\u{302}n Thị Lệ"
        let ns = text as NSString
        let pattern = try #require(LiteralPattern(value))
        #expect(pattern.ranges(in: text).map { ns.substring(with: $0) } == ["NGUYỄN THI\u{323} LE\u{302}\u{323}", "Nguyễn Thị Le\u{323}\u{302}"])
        // The other direction: the value typed out of order finds the composed text.
        #expect(LiteralPattern("Nguyễn Thị Le\u{302}\u{323}")?.ranges(in: "Mme Nguyễn Thị Lệ.").count == 1)
        // A name does not end inside the reordered marks: Lê is not Lệ.
        #expect(LiteralPattern("Nguyễn Thị Lê")?.ranges(in: text).isEmpty == true)
        // End to end: the repeat typed in another order goes with the English name.
        let scrubbed = try PersonalDataScrubber().scrub(unit([("en", "The Embassy informs that Ms. Nguyễn Thị Lệ will attend the dinner."),
                                                              ("fr", "L’Ambassade informe que NGUYỄN THI\u{323} LE\u{302}\u{323} assistera au dîner.")]),
                                                         file: "order.tsv", position: 1)
        #expect(scrubbed.unit.variants[1].text == "L’Ambassade informe que {PERSON} assistera au dîner.")
    }

    @Test("Random words whose marks are typed in any order, the value typed in another: found as in the texts' NFD, and the value always found")
    func randomMarkOrder() {
        var generator = SeededGenerator(seed: 20212)
        let letters = ["a", "E", "o", "N", "l", "y", "U", "i"]
        // Classes 202 (cedilla), 216 (horn), 220 (dot below), 230 (grave, acute, circumflex,
        // tilde), 232 (caron above right… here U+031A), 1 (tilde overlay).
        let marks = ["\u{327}", "\u{31B}", "\u{323}", "\u{300}", "\u{301}", "\u{302}", "\u{303}", "\u{31A}", "\u{334}"]
        func item(_ generator: inout SeededGenerator) -> [String] {
            let letter = letters.randomElement(using: &generator) ?? "a"
            let count = Int.random(in: 0...3, using: &generator)
            return [letter] + (0..<count).map { _ in marks.randomElement(using: &generator) ?? "" }
        }
        // An item typed with its marks in a random order that is canonically the same: marks of
        // different classes in any order, marks of one class in theirs (their order is meaningful).
        func typed(_ word: [[String]], _ generator: inout SeededGenerator) -> String {
            word.map { item in
                var queues: [UInt8: [String]] = [:]
                for mark in item.dropFirst() {
                    queues[mark.unicodeScalars.first?.properties.canonicalCombiningClass.rawValue ?? 0, default: []].append(mark)
                }
                var out = item[0]
                while let key = queues.keys.sorted().randomElement(using: &generator), var queue = queues[key], !queue.isEmpty {
                    out += queue.removeFirst()
                    queues[key] = queue.isEmpty ? nil : queue
                }
                return out
            }.joined()
        }
        var differing: [String] = []
        var reordered = 0
        for _ in 0..<300 {
            let words = (0..<Int.random(in: 2...6, using: &generator)).map { _ in (0..<Int.random(in: 2...4, using: &generator)).map { _ in item(&generator) } }
            let text = words.map { typed($0, &generator) }.joined(separator: " ")
            let start = Int.random(in: 0..<words.count, using: &generator)
            let end = min(words.count, start + Int.random(in: 1...2, using: &generator))
            // The value: the same words, their marks typed in another (random) order.
            let value = words[start..<end].map { typed($0, &generator) }.joined(separator: " ")
            if !Self.marksInOrder(text) || !Self.marksInOrder(value) { reordered += 1 }
            guard let pattern = LiteralPattern(value) else { continue }
            let nfd = ICU.normalize(text, .nfd)
            func found(_ text: String) -> [String] {
                let ns = text as NSString
                return pattern.ranges(in: text).map { ICU.normalize(ns.substring(with: $0), .nfd) }
            }
            let asTyped = found(text), decomposed = found(nfd)
            if asTyped.isEmpty || asTyped.map({ Array($0.unicodeScalars) }) != decomposed.map({ Array($0.unicodeScalars) }) {
                differing.append("\(value.debugDescription) in \(text.debugDescription): as typed \(asTyped), in NFD \(decomposed)")
            }
            differing += Self.exactDifferences(ICU.normalize(value, .nfd), in: [nfd])
        }
        #expect(reordered > 100, "the texts do put marks out of canonical order (\(reordered) of 300)")
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
    }

    @Test("Random Latin, accented and Khmer texts with digits of both scripts and every kind of gap")
    func random() {
        var generator = SeededGenerator(seed: 20211)
        let pieces: [String] = ["a", "B", "é", "É", "e\u{301}", "ñ", "Ø", "z", "Z", "k", "\u{212A}", "σ", "Σ", "ς",
                                "ស", "ុ", "ខ", "ដ", "ា", "រ", "៉", "្", "៖", "០", "៣", "0", "3", "١",
                                " ", " ", "\u{A0}", "\u{200B}", "\t", "\n", ".", "-", "+", "@", "'", "’", "(", "/",
                                "ß", "ẞ", "s", "S", "ﬁ", "ﬃ", "f", "i", "İ", "ŉ", "\u{307}", "\u{0B}", "\u{85}", "\u{2028}",
                                "\u{323}", "\u{302}", "ệ", "ễ", "\u{303}"]
        var differing: [String] = []
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 5...40, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let scalars = Array(text.unicodeScalars)
            // A value cut from the text itself (so it matches), and one random.
            let start = Int.random(in: 0..<scalars.count, using: &generator)
            let end = min(scalars.count, start + Int.random(in: 1...8, using: &generator))
            var cut = String.UnicodeScalarView()
            cut.append(contentsOf: scalars[start..<end])
            let random = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let other = (0..<20).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            differing += Self.differences(String(cut), in: [text, other, text.uppercased(), text.lowercased()])
            differing += Self.differences(random, in: [text, other])
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
    }

    @Test("The values the scrubber finds in the real notes and Europarl, searched across them", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realData() throws {
        let scrubber = try PersonalDataScrubber()
        let folder = try #require(SharedData.file("notes"))
        var lines: [String] = []
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) where file.pathExtension == "txt" {
            lines += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        for name in ["parallel/europarl-20k.en", "parallel/europarl-20k.fr"] {
            let url = try #require(SharedData.file(name))
            lines += try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(4000).map(String.init)
        }
        var values: Set<String> = []
        for line in lines {
            let ns = line as NSString
            for span in scrubber.spans(in: line) { values.insert(ns.substring(with: span.range)) }
        }
        #expect(values.count > 100, "the notes and debates hold names after titles, and numbers")
        // Each value against the lines that share its first word (where a match can be), and
        // against the same 200 other lines.
        let lowered = lines.map { $0.lowercased() }
        let sample = Array(lines.prefix(200))
        var differing: [String] = []
        var compared = 0
        for value in values.sorted() {
            let first = value.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" }).first.map(String.init) ?? value
            let candidates = lines.indices.filter { lowered[$0].contains(first) }.map { lines[$0] }
            compared += candidates.count
            differing += Self.differences(value, in: candidates + sample)
        }
        #expect(compared > 1000)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
    }

    @Test("The Latin table gives ICU's decomposition and folding for every scalar it covers (À…ɏ), and ICU's path still serves the rest")
    func latinTableIsICU() {
        var wrong: [String] = []
        for value in UInt32(0x80)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var fast: [Unicode.Scalar] = [], icu: [Unicode.Scalar] = []
            LiteralPattern.appendFolding(of: scalar, to: &fast)
            LiteralPattern.appendICUFolding(of: scalar, to: &icu)
            if fast != icu { wrong.append(String(format: "U+%04X", value)) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        var sharpS: [Unicode.Scalar] = []
        LiteralPattern.appendFolding(of: "ß", to: &sharpS)
        #expect(sharpS == ["s", "s"])
        var eAcute: [Unicode.Scalar] = []
        LiteralPattern.appendFolding(of: "É", to: &eAcute)
        #expect(eAcute == ["e", "\u{301}"])
    }

    @Test("An ASCII text is folded by its bytes (`init(ascii:)`) exactly as scalar by scalar: scalars, offsets, folding, owners")
    func asciiFoldingAsScalarByScalar() throws {
        var texts = ["", "a", "A", "Mr John SMITH , 012 345 678 .", "\t\n\u{0B}\u{0C}\r ~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", "Z@[`az{"]
        var random = SplitMix(state: 0x3006_0003)
        for _ in 0..<2000 {
            texts.append(String(decoding: (0..<random.next(60)).map { _ in UInt8(random.next(128)) }, as: UTF8.self))
        }
        if SharedData.isAvailable { texts += try PrivacyFilterEquivalenceTests.notesAndEuroparl().filter { $0.utf8.allSatisfy { $0 < 0x80 } } }
        #expect(texts.count > 3000)
        for text in texts {
            let fast = LiteralPattern.Folded(text), general = LiteralPattern.Folded(scalarByScalar: text)
            #expect(fast.scalars == general.scalars && fast.offsets == general.offsets && fast.folded == general.folded && fast.owner == general.owner,
                    "\(text.debugDescription)")
        }
        // A non-ASCII text takes the general path: a capital folded, the accent decomposed.
        #expect(LiteralPattern.Folded("Élise").folded == ["e", "\u{301}", "l", "i", "s", "e"])
    }
}
