import Testing
@testable import VerbaleCore

/// `PlaceableRecognizer.mayHoldPlaceable(utf8:)` lets the import skip `recognize`; it
/// must be false only for texts in which no rule can give a placeable. The reference here is
/// not the recognizer's own candidate loop but every rule's regex run over the whole text (any
/// start, not only where the triggers stop), each match valued as the rule values it, plus the
/// e-mail and placeholder regexes: a text the pre-check rules out must yield nothing from any.
@Suite("Placeable pre-check: a text it rules out holds no placeable")
struct PlaceablePrefilterTests {
    /// What a text the pre-check rules out must still be searched for, in every language's rules.
    static func makeRecognizers() -> [PlaceableRecognizer] {
        [Language.english, .french, .khmer].map { PlaceableRecognizer(language: $0, usesPrefilters: false) }
    }

    /// A description of each valued match any rule's regex finds anywhere in `units` (empty: none).
    static func anyPlaceable(_ units: [UInt16], _ recognizers: [PlaceableRecognizer]) -> [String] {
        var found: [String] = []
        for recognizer in recognizers {
            for rule in recognizer.rules {
                rule.regex.setText(utf16: units)
                var from = 0
                while from < units.count, let match = rule.regex.firstMatch(from: from) {
                    from = max(match.upperBound, match.lowerBound + 1)
                    let groups = (0...4).map { rule.regex.group($0) }
                    if let (kind, value) = rule.value({ String(decoding: units[$0], as: UTF16.self) }, groups) {
                        found.append("\(kind) \(value)")
                    }
                }
            }
            found += units.withUnsafeBufferPointer { recognizer.recognize($0) }.map { "\($0.kind) \($0.value)" }
        }
        for pattern in [PlaceablePatterns.email, PlaceablePatterns.personalDataPlaceholder] {
            guard let regex = try? ICURegex(pattern) else { continue }
            regex.setText(utf16: units)
            if let match = regex.firstMatch(from: 0) { found.append(String(decoding: units[match], as: UTF16.self)) }
        }
        return found
    }

    static func mayHold(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { PlaceableRecognizer.mayHoldPlaceable(utf8: $0) }
    }

    /// Texts the pre-check lets through that hold a placeable, and how many it ruled out.
    static func check(_ lines: [String]) -> (wrong: [String], ruledOut: Int) {
        var wrong: [String] = []
        var ruledOut = 0
        let recognizers = makeRecognizers()
        for line in lines where !mayHold(line) {
            ruledOut += 1
            let found = anyPlaceable(Array(line.utf16), recognizers)
            if !found.isEmpty, wrong.count < 5 { wrong.append("«\(line.prefix(100))»: \(found)") }
        }
        return (wrong, ruledOut)
    }

    /// Placeables without a digit, and texts that hold one only just: the pre-check must let
    /// each through (each breaks one of its conditions if that condition is dropped).
    static let placeablesWithoutDigits = [
        "see www.un.org", "WWW.UN.ORG today", "Www.mfa.gov.kh", "visit wWw.un.org.", "http://un.org", "HTTPS://UN.ORG/fr",
        "ftp://x.y/z", "write to info@mfa.gov.kh", "a@b.kh", "{PERSON} met {EMAIL}", "ថ្ងៃទី១២ ខែកក្កដា", "លេខ ១២៣/២០២១",
        "៥", "No. 5", "FCO/WED/1/95", "May 2021", "1er mars", "(ref. 3/123)",
        // Long enough for the eight-byte windows, the trigger deep inside or across two windows.
        "The Ministry of Foreign Affairs, see www.mfa.gov.kh", "The Ministry of Foreign Affair www.mfa.gov.kh",
        "Contact the protocol office by e-mail: protocol@mfa.gov.kh", "The names were replaced by {PERSON} in this note",
        "The reference of the note is លេខ ១២៣", "The Embassy of the Kingdom of Cambodia presents 5", "Embassy:http://un.org",
    ]

    /// Texts without a digit, `@`, `{`, `:` or `www.`: ruled out, and rightly so.
    static let ruledOut = [
        "", " ", "The Embassy presents its compliments.", "wwwx", "ww.un.org", "www", "Www", "the www page", "FCO/WED", "No. N",
        "Réf. DFAT/AB", "Nancy", "juillet", "ខែកក្កដា ឆ្នាំ", "លេខយោង", "info at mfa.gov.kh", "PERSON}", "№ AB", "x²", "١٢٣", "１２３",
        "http//un.org", "ftp.example", "Mayday", "ἀ ω ww. w.w.w.",
    ]

    @Test("Digit-free placeables pass the pre-check; the texts it rules out hold none")
    func seeded() {
        let recognizers = Self.makeRecognizers()
        for text in Self.placeablesWithoutDigits {
            let found = Self.anyPlaceable(Array(text.utf16), recognizers)
            #expect(Self.mayHold(text), "ruled out «\(text)», which holds \(found)")
            #expect(!found.isEmpty, "«\(text)» was meant to hold a placeable")
        }
        for text in Self.ruledOut {
            #expect(!Self.mayHold(text), "«\(text)» let through")
        }
        let (wrong, _) = Self.check(Self.ruledOut + TokenizerEquivalenceTests.tricky)
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test("Random strings of the rules' vocabulary: nothing ruled out holds a placeable")
    func random() {
        var generator = SeededGenerator(seed: 20_261_130)
        let vocabulary = TokenizerEquivalenceTests.placeableVocabulary + ["w", "W", "ww", ".", "h", "ttp", "f", "tp", "/", "{", "}", "PERSON", "o", "រ", "៥"]
        var lines: [String] = []
        for _ in 0..<4_000 {
            let count = Int(generator.next() % 8) + 1
            lines.append((0..<count).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }.joined())
        }
        let (wrong, ruledOut) = Self.check(lines)
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(ruledOut > 200, "only \(ruledOut) of \(lines.count) ruled out")
    }

    @Test("Europarl, the notes and khPOS Khmer: nothing ruled out holds a placeable, and many are ruled out",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/parallel, notes and khmer"))
    func corpora() throws {
        var lines: [String] = []
        for language in ["en", "fr"] {
            lines += try TextLayerData.text("parallel/europarl-20k.\(language)").split(separator: "\n").map(String.init)
        }
        lines += try TokenPinningTests.noteLines("") + TokenPinningTests.khposLines()
        let (wrong, ruledOut) = Self.check(lines)
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(ruledOut > lines.count / 10, "only \(ruledOut) of \(lines.count) ruled out")
    }

}
