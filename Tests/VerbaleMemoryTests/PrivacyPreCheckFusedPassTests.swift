import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The fused pre-check pass (`preChecks`: `triggers`, `keywordTriggers`, `possibleFurtherRules`
/// and `possibleIntroductions` in one pass over the bytes, most bytes passed by one table read)
/// answers exactly what the separate passes answer (`preChecksReference`), on real lines, their
/// identifiers, every prefix of real lines and random strings of every pass's keys.
@Suite("Privacy pre-checks: the fused pass equals the separate passes")
struct PrivacyPreCheckFusedPassTests {
    /// Texts whose fused and separate answers differ (with both, for the message).
    static func mismatches(_ texts: [String]) -> [String] {
        texts.compactMap { text in
            let fused = PersonalDataScrubber.preChecks(text), separate = PersonalDataScrubber.preChecksReference(text)
            guard fused != separate else { return nil }
            return "\(text.debugDescription): triggers \(fused.triggers.rawValue) vs \(separate.triggers.rawValue), further \(fused.further.rawValue) vs "
                + "\(separate.further.rawValue), introductions \(fused.introductions.rawValue) vs \(separate.introductions.rawValue)"
        }
    }

    /// The further rules' and introductions' keys (`PrivacyPreCheckFastPathTests.pieces`) and the
    /// patterns' own: titles (and offices after them), keywords before numbers, role labels,
    /// e-mail and phone starts, case twins, Khmer titles, digits of other scripts.
    static let pieces = PrivacyPreCheckFastPathTests.pieces + [
        "Mr", "Mr.", "Mrs", "Ms.", "Dr", "DR.", "MR.", "Mme", "Mlle", "Monsieur", "Madame", "Madam", "Miss", "Messrs", "H.E.", "S.E.", "His", "Her",
        "Son", "Samdech", "Oknha", "Lok", "President", "Minister", "Santer", "Sok", "de", "van", "xMr", ".Mr", "M.Dupont",
        "ID", "id", "Id card", "identity", "identité", "carte", "national id", "tel", "Tel.", "TÉL", "tél", "tell", "telephone", "phone", "fax", "mobile",
        "portable", "cell", "born", "Born", "borne", "birth", "dob", "DOB", "né", "née", "NÉE", "nécessaire", "naissance", "passport", "Passeport",
        "passeport", "_tel", "1tel", "Translator:", "Translator", ":", " :", "Traducteur", "Reviewer", "Prepared by", "by", "par", "Rédigé par",
        "Contact", "Source:", "@", "a@b.kh", "+855", "+", "(855)", "(0", "0", "012", "00", "/0", ".0", "-0", "១", "០១២", "លោក", "លោកស្រី", "ឯកឧត្តម",
        "ឯ.ឧ.", "ល.ជ", "ឧ.ក.", "បណ្ឌិត", "ប", "អ្នកបកប្រែ", "អ្នកបកប្រែ៖", "ៈ", "លិខិតឆ្លងដែន", "អត្តសញ្ញាណប័ណ្ណ", "ទូរស័ព្ទ", "កើត", "ថ្ងៃទី",
        "ſ", "K", "\u{212A}", "ß", "ﬁ", "İ", "١٢", "\u{1D7CE}", "𝟘", "\u{FF10}", "\u{202F}", "«\u{A0}", "é", "É", "Ç", "\u{0301}", "12345678",
        "(at)", "[at]", "[AT]", "(At]", "(a", "[a", "[", "[dot]", "(dot)", "wa.me/", "<a@b.kh>", "\"",
        // Spelled addresses and chat links (session 7): `( at )`, ` dot ` (the `d` and `D` steps),
        // `t.me/` (the `/` step), the `number=` and `t.me/` keywords.
        "( at )", "[ at]", "(\tat )", " dot ", " DOT ", "dot", "Dot", "\tdot\t", "do", "d", "D", "t.me/", "xt.me/", ".t.me/", "t.me", "me/", "/",
        "number=", "?number=", "%2B", "t.me/+855",
    ]

    @Test("20,000 random strings of every pass's keys, near misses, Khmer, digits and separators, and every prefix of 500 of them")
    func randomStrings() {
        let texts = PrivacyPreCheckFastPathTests.randomTexts(Self.pieces, seed: 0x3006_0001, count: 20_000, prefixed: 500,
                                                             separators: ["\u{A0}", "\t", "_", ".", "1"])
        let differing = Self.mismatches(texts)
        #expect(differing.isEmpty, "\(differing.count) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
        // Not an empty comparison: every pass finds something in many of them, the keywords too.
        let answers = texts.map { PersonalDataScrubber.preChecksReference($0) }
        #expect(answers.filter { $0.triggers.contains(.title) }.count > 1000)
        #expect(answers.filter { !$0.triggers.isDisjoint(with: [.phoneWord, .birthWord, .idWord, .passportWord]) }.count > 1000)
        #expect(answers.filter { $0.triggers.contains(.roleLabel) }.count > 300)
        #expect(answers.filter { !$0.further.isEmpty }.count > 1000)
        #expect(answers.filter { !$0.introductions.isEmpty }.count > 500)
    }

    @Test("Real lines (notes, Europarl EN/FR, khPOS Khmer with spaces and U+200B), their identifiers, and every prefix of 500 lines",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realData() throws {
        let (lines, texts) = try PrivacyPreCheckFastPathTests.realTexts(seed: 0x3006_0002)
        #expect(lines.count > 8000)
        let differing = Self.mismatches(texts)
        #expect(differing.isEmpty, "\(differing.count) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
        let answers = lines.map { PersonalDataScrubber.preChecksReference($0) }
        #expect(answers.filter { $0.triggers.contains(.title) }.count > 100)
        #expect(answers.filter { !$0.triggers.isDisjoint(with: [.phoneWord, .birthWord, .idWord, .passportWord]) }.count > 20)
    }
}

/// The string fast paths of the privacy pass equal their references: `substring` (read from the
/// string's storage) gives what `NSString`'s `substring(with:)` gives, for every range of real
/// and random texts, on scalars or not; `roleProperty` (read from the type's bytes) gives what
/// `rolePropertyReference` gives.
@Suite("Privacy: string fast paths (span substrings, property role labels) equal their references")
struct PrivacyStringFastPathTests {
    /// Scalar for scalar (`==` on strings is canonical equivalence: `é` would equal `e` + U+0301).
    static func same(_ a: String, _ b: String) -> Bool { Array(a.unicodeScalars) == Array(b.unicodeScalars) }

    @Test("Every range of 300 texts (English, French, Khmer with U+200B, emoji, combining marks, CRLF) and random ranges of real lines")
    func substringAsNSString() throws {
        var texts = ["", "a", "Mr John Smith", "M. Élise Dupont-Ça\u{301}va", "លោក\u{200B}សុខ ដារា ០១២ ៣៤៥", "😀 x 👍🏽 y\r\nz", "e\u{301}\u{323}"]
        var random = SplitMix(state: 0x3006_0004)
        let alphabet: [Unicode.Scalar] = ["a", "B", " ", "é", "\u{301}", "ស", "\u{17D2}", "\u{200B}", "😀", "\r", "\n", "០", "1"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<random.next(12) { text.unicodeScalars.append(alphabet[random.next(alphabet.count)]) }
            texts.append(text)
        }
        var checked = 0
        for text in texts {
            let ns = text as NSString
            for location in 0...ns.length {
                for length in 0...(ns.length - location) {
                    let range = NSRange(location: location, length: length)
                    #expect(Self.same(PersonalDataScrubber.substring(text, range), ns.substring(with: range)), "\(text.debugDescription) \(range)")
                    checked += 1
                }
            }
        }
        if SharedData.isAvailable {
            for line in try PrivacyFilterEquivalenceTests.realLines().prefix(3000) {
                let ns = line as NSString
                guard ns.length > 0 else { continue }
                let location = random.next(ns.length), range = NSRange(location: location, length: random.next(ns.length - location + 1))
                #expect(Self.same(PersonalDataScrubber.substring(line, range), ns.substring(with: range)), "\(line.debugDescription) \(range)")
            }
        }
        #expect(checked > 10_000)
    }

    @Test("A property type's role label read from its bytes (`roleProperty`) is the reference's, for every label in any case and spelling and random types")
    func rolePropertyAsReference() {
        var types = ["", "x", "x-", "X-", "x-translator", "X-Translator", "x-TRANSLATOR", "translator", "x-contact-person", "x_contact_person",
                     "x-Contact-Person", "x-client", "x-project", "x-LastUsedBy", "x-réviseur", "x-Réviseur", "x-traducteur", "x-\u{212A}", "x-\r\n",
                     "x-prepared-by", "x-prepared_by", "x-preparedby", "xx-translator", "-x-translator", "x-translator ", "x-trans\u{0}lator"]
        for label in PersonalDataScrubber.latinRoleLabels {
            for written in [label, label.lowercased(), label.uppercased()] {
                types += ["x-\(written)", "X-\(written)", written, written.replacingOccurrences(of: " ", with: "-"),
                          "x-" + written.replacingOccurrences(of: " ", with: "_"), written.replacingOccurrences(of: " ", with: "")]
            }
        }
        var random = SplitMix(state: 0x3006_0005)
        let alphabet = Array("xX-_ aAtTrRsSlLoOéÉ\r\n")
        for _ in 0..<5000 { types.append(String((0..<random.next(16)).map { _ in alphabet[random.next(alphabet.count)] })) }
        var labelled = 0
        for type in types {
            let reference = PersonalDataScrubber.rolePropertyReference(type)
            #expect(PersonalDataScrubber.roleProperty(type) == reference, "\(type.debugDescription)")
            if reference != nil { labelled += 1 }
        }
        // Not empty: every label's spellings are found.
        #expect(labelled > PersonalDataScrubber.latinRoleLabels.count * 6)
    }
}
