import Foundation
import Testing
@testable import VerbaleCore

/// Where the project's shared data lives (`../shared/data` from the repository root).
enum TextLayerData {
    /// `../shared/data` beside the checkout (also from a worktree one level deeper).
    static let root: URL = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [repository.deletingLastPathComponent(), repository.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("shared/data") }
        // Else where `SharedData` finds it (`VERBALE_SHARED_DATA`, the machine's copy), so a
        // checkout elsewhere reads the same data instead of silently testing less.
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? SharedData.root ?? candidates[0]
    }()
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.path) }
    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}

@Suite("Tokenizer")
struct TokenizerTests {
    func texts(_ language: Language, _ text: String, placeables: Bool = false) throws -> [String] {
        try Tokenizer(language: language).tokenize(text, mergingPlaceables: placeables).map(\.text)
    }

    @Test("English words and punctuation, with possessives kept whole")
    func english() throws {
        #expect(try texts(.english, "The Embassy's note, dated today.") == ["The", "Embassy's", "note", ",", "dated", "today", "."])
    }

    @Test("French elision splits l', d', qu', jusqu', lorsqu' with ' or ’, not aujourd'hui")
    func elision() throws {
        #expect(try texts(.french, "l'honneur d’informer qu'il jusqu'à lorsqu’elle puisqu'on n'a s'il j'ai c'est") ==
            ["l'", "honneur", "d’", "informer", "qu'", "il", "jusqu'", "à", "lorsqu’", "elle", "puisqu'", "on", "n'", "a", "s'", "il", "j'", "ai", "c'", "est"])
        #expect(try texts(.french, "L’Ambassade aujourd'hui quelqu'un") == ["L’", "Ambassade", "aujourd'hui", "quelqu'un"])
        #expect(try texts(.english, "don't l'honneur") == ["don't", "l'honneur"])
    }

    @Test("Guillemets and curly quotes are punctuation; NBSP and narrow NBSP are white space")
    func frenchPunctuation() throws {
        let tokens = try Tokenizer(language: .french).tokenize("«\u{202F}Note\u{00A0}» : “oui” ?")
        #expect(tokens.map(\.text) == ["«", "Note", "»", ":", "“", "oui", "”", "?"])
        #expect(tokens.filter { ["«", "»", "“", "”", ":", "?"].contains($0.text) }.allSatisfy { $0.kind == .punctuation })
    }

    @Test("Ranges are in Unicode scalars of the original text, even after astral characters")
    func scalarRanges() throws {
        let text = "𝐀 café\u{200B}ព្រះរាជាណាចក្រ"
        let tokens = try Tokenizer(language: .khmer).tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            #expect(String(String.UnicodeScalarView(scalars[token.range])) == token.text)
        }
        #expect(tokens.map(\.text).contains("café"))
        #expect(tokens.first { $0.text == "café" }?.range == 2..<6)
    }

    @Test("Keys fold case and typographic apostrophes; loose keys drop Latin diacritics")
    func keys() throws {
        let tokens = try Tokenizer(language: .french).tokenize("L’ÉTAT Thaïlande Straße ﬁn")
        #expect(tokens.map(\.key) == ["l'", "état", "thaïlande", "strasse", "fin"])
        #expect(tokens.map(\.looseKey) == ["l'", "etat", "thailande", "strasse", "fin"])
    }

    @Test("U+200B separates Khmer words and never appears in a token or a key")
    func zeroWidthSpace() throws {
        let tokens = try Tokenizer(language: .khmer).tokenize("ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា\u{200B}\u{200B}។")
        #expect(tokens.map(\.text) == ["ព្រះរាជាណាចក្រ", "កម្ពុជា", "។"])
        #expect(tokens.allSatisfy { !$0.text.contains("\u{200B}") && !$0.key.contains("\u{200B}") })
    }

    @Test("Khmer digits are numbers whose key is in ASCII, split from the words they touch")
    func khmerDigits() throws {
        let tokens = try Tokenizer(language: .khmer).tokenize("ឆ្នាំ២០១៤ ជាង២៥លាន")
        #expect(tokens.map(\.text) == ["ឆ្នាំ", "២០១៤", "ជាង", "២៥", "លាន"])
        #expect(tokens[1].kind == .number && tokens[1].key == "2014")
        #expect(tokens[3].kind == .number && tokens[3].key == "25")
    }

    @Test("Khmer punctuation and the repetition sign ៗ are tokens of their own")
    func khmerPunctuation() throws {
        #expect(try texts(.khmer, "ផ្សេងៗ។ ដូចតទៅ៖") == ["ផ្សេង", "ៗ", "។", "ដូចតទៅ", "៖"])
    }

    @Test("Khmer names keep their final consonants (ICU alone cuts លោ|ក, ម៉េ|ង, គា|ត់)")
    func khmerFinals() throws {
        let words = try texts(.khmer, "លោកម៉េងគាត់")
        #expect(!words.contains("លោ") && !words.contains("ក"))
        #expect(words.joined() == "លោកម៉េងគាត់")
    }

    @Test("Empty and blank texts have no tokens")
    func empty() throws {
        #expect(try texts(.english, "").isEmpty)
        #expect(try texts(.khmer, " \u{200B}\u{00A0}\n").isEmpty)
    }

    @Test("Every real note tokenizes into tokens that are exactly the text at their range", .enabled(if: TextLayerData.isAvailable, "needs ../shared/data"))
    func realNotes() throws {
        let folder = TextLayerData.root.appendingPathComponent("notes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count > 100)
        let english = try Tokenizer(language: .english), french = try Tokenizer(language: .french)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let tokenizer = file.hasPrefix("fr-") ? french : english
            let scalars = Array(text.unicodeScalars)
            var previousEnd = 0
            for token in tokenizer.tokenize(text, mergingPlaceables: true) {
                #expect(token.range.lowerBound >= previousEnd, "\(file): overlapping tokens at \(token.range)")
                #expect(String(String.UnicodeScalarView(scalars[token.range])) == token.text, "\(file): \(token.text)")
                #expect(!token.text.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "\u{200B}" } || token.kind == .placeable, "\(file): \(token.text)")
                previousEnd = token.range.upperBound
            }
        }
    }

    @Test("The seed note's references and dates are single placeable tokens", .enabled(if: TextLayerData.isAvailable, "needs ../shared/data"))
    func seedNote() throws {
        let text = try TextLayerData.text("notes/seed-cambodia-ohchr-2021.txt")
        let tokens = try Tokenizer(language: .english).tokenize(text, mergingPlaceables: true)
        let placeables = tokens.compactMap(\.placeable)
        #expect(placeables.contains { $0.kind == .reference && $0.text == "N. 2021/01/045" && $0.value == "2021/01/045" })
        #expect(placeables.contains { $0.kind == .reference && $0.text == "No. AL KHM 10/2020" && $0.value == "AL KHM 10/2020" })
        #expect(placeables.contains { $0.kind == .reference && $0.text == "No.AL KHM 10/2020" })
        #expect(placeables.contains { $0.kind == .date && $0.text == "12 January 2021" && $0.value == "2021-01-12" })
        #expect(placeables.contains { $0.kind == .date && $0.text == "10 December 2020" && $0.value == "2020-12-10" })
    }
}

@Suite("Normalizer")
struct NormalizerTests {
    @Test("composed() gives ICU's NFC bytes; its no-ICU shortcut never skips a text ICU would change")
    func composedEqualsICU() throws {
        func nfcBytes(_ text: String) -> [UInt8] { Array(ICU.normalize(text, .nfc).utf8) }
        // Every BMP scalar alone, and every pair of Khmer or zero-width scalars (mark order).
        var singles: [String] = []
        for value in UInt32(1)..<0x10000 {
            if let scalar = Unicode.Scalar(value) { singles.append(String(Character(scalar))) }
        }
        let khmer = (0x1780...0x17FF).compactMap(Unicode.Scalar.init) + (0x19E0...0x19FF).compactMap(Unicode.Scalar.init)
            + (0x2000...0x20CF).compactMap(Unicode.Scalar.init) + ["a", "\u{301}"]
        var pairs: [String] = []
        for a in khmer { for b in khmer { var text = String.UnicodeScalarView(); text.append(a); text.append(b); pairs.append(String(text)) } }
        var wrong: [String] = []
        for text in singles + pairs + ["e\u{301}te\u{301}", "Thai\u{308}lande", "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា", "\u{17DD}\u{17D2}ក"]
        where Array(Normalizer.composed(text).utf8) != nfcBytes(text) {
            wrong.append(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        // The shortcut really covers Latin and Khmer text (no ICU call for them).
        #expect(Normalizer.isComposedWithoutICU("L’Ambassade de Thaïlande présente"))
        #expect(Normalizer.isComposedWithoutICU("ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា ២០២១"))
        #expect(!Normalizer.isComposedWithoutICU("e\u{301}"))
    }

    @Test("Normalizer keys equal the tokenizer's keys for the same text", arguments: [
        "L’Honneur", "Thaïlande", "២០២១", "ﬁn", "ព្រះរាជាណាចក្រ", "ÉTAT", "Straße",
    ])
    func sameAsTokenizer(text: String) throws {
        let token = try #require(try Tokenizer(language: .english).tokenize(text).first)
        #expect(Normalizer.key(text) == token.key)
        #expect(Normalizer.looseKey(text) == token.looseKey)
    }

    @Test("Keys of phrases keep their spaces, fold NBSP and drop U+200B")
    func phrases() {
        #expect(Normalizer.key("Royaume\u{00A0}du Cambodge") == "royaume du cambodge")
        #expect(Normalizer.key("ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា") == "ព្រះរាជាណាចក្រកម្ពុជា")
        #expect(Normalizer.key("") == "")
        #expect(Normalizer.key("don`t") == "don't")
    }
}
