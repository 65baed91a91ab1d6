import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The table-driven byte pre-checks of the privacy pass (`possibleFurtherRules`,
/// `possibleIntroductions`) return exactly what their reference forms return — the per-byte
/// `switch` they replace — on real lines, identifiers, every prefix of real lines (the ends of
/// the buffer) and random strings made of the keys and their near misses; but for the Latin
/// function titles, which the fast form reads whole with what must follow them
/// (`functionTitleCanMatch`), in mixed case and in capitals: it lets through a subset of the reference's texts, and the rules
/// run on that subset find what they find unfiltered (`functionTitlesFilteredAsUnfiltered`).
@Suite("Privacy pre-checks: the table-driven passes equal their reference forms")
struct PrivacyPreCheckFastPathTests {
    /// Texts whose fast and reference answers differ (with both, for the message).
    static func mismatches(_ texts: [String]) -> [String] {
        var differing: [String] = []
        for text in texts {
            var further = PersonalDataScrubber.possibleFurtherRules(text), furtherReference = PersonalDataScrubber.possibleFurtherRulesReference(text)
            // The title flags (mixed case, capitals) only where the reference has them too; then
            // compared without them.
            for title: PersonalDataScrubber.FurtherRules in [.latinFunctionTitle, .capitalFunctionTitle] {
                if further.contains(title), !furtherReference.contains(title) {
                    differing.append("\(text.debugDescription): a function title (\(title.rawValue)) the reference does not see")
                }
                further.remove(title)
                furtherReference.remove(title)
            }
            let introductions = PersonalDataScrubber.possibleIntroductions(text)
            let introductionsReference = PersonalDataScrubber.possibleIntroductionsReference(text)
            if further != furtherReference || introductions != introductionsReference {
                differing.append("\(text.debugDescription): further \(further.rawValue) vs \(furtherReference.rawValue), "
                    + "introductions \(introductions.rawValue) vs \(introductionsReference.rawValue)")
            }
        }
        return differing
    }

    /// Every prefix of `text` ending on a scalar boundary (the last bytes of a buffer are where a
    /// key compare reads past the end).
    static func prefixes(_ text: String) -> [String] {
        var result: [String] = []
        var prefix = ""
        for scalar in text.unicodeScalars {
            prefix.unicodeScalars.append(scalar)
            result.append(prefix)
        }
        return result
    }

    /// The real lines (`PrivacyFilterEquivalenceTests.realLines`), and to check: those lines, their
    /// identifiers and every prefix of 500 of them drawn with `seed`.
    static func realTexts(seed: UInt64) throws -> (lines: [String], texts: [String]) {
        let lines = try PrivacyFilterEquivalenceTests.realLines()
        let identifiers = PrivacyFilterEquivalenceTests.identifiers(from: lines)
        var random = SplitMix(state: seed)
        var prefixed: [String] = []
        for _ in 0..<500 { prefixed += prefixes(lines[random.next(lines.count)]) }
        return (lines, lines + identifiers + prefixed)
    }

    /// `count` random texts of 1 to 14 `pieces`, each followed by nothing, U+200B, a space or
    /// (when given) one of `separators`, and every prefix of the first `prefixed` of them.
    static func randomTexts(_ pieces: [String], seed: UInt64, count: Int, prefixed: Int, separators: [String] = []) -> [String] {
        var random = SplitMix(state: seed)
        var texts: [String] = []
        for index in 0..<count {
            var text = ""
            for _ in 0..<(1 + random.next(14)) {
                text += pieces[random.next(pieces.count)]
                switch random.next(separators.isEmpty ? 5 : 6) {
                case 0, 1: break
                case 2: text += "\u{200B}"
                case 3 where !separators.isEmpty: text += separators[random.next(separators.count)]
                default: text += " "
                }
            }
            texts.append(text)
            if index < prefixed { texts += prefixes(text) }
        }
        return texts
    }

    static let pieces = [
        // Latin function titles and their first letters at and inside words.
        "Ambassador", "ambassador", "AMBASSADOR", "Ambassadeur", "l'Ambassadeur", "Minister", "ministre", "MINISTRE", "Counsellor", "conseiller",
        "Professor", "Prof.", "prof", "Consul", "Attaché", "attach", "Chargé d'affaires", "charg", "Maître", "MAÎTRE", "maitre", "Me", "Me\u{A0}", "ME",
        "H.E", "H. E", "H.", "xH.", "Mr", "M.", "a", "c", "m", "p", "A", "C", "M", "P", "xa", "pa", "1a", "_m", "éa",
        // Phone, birth and number keys.
        "number", "Number", "NUMBER", "numéro", "NUMÉRO", "numero", "nUmÉro", "né(e)", "Né(e)", "NÉ(e)", "né", "NÉ", "(b.", "(B.", ", b.", ",\u{A0}b.",
        ",b.", "b.", "(+", "(+855)", "(", ",", "+", "N", "n",
        // Name introductions and near misses.
        "name", "name is", "name was", "named", "nam", "names", "nom", "nom est", "nommé", "nommée", "no", "appelle", "m'appelle", "s’appelle",
        "j'appelle", "rappelle", "m", "s", "'", "’", "is", "was", "est", "my", "His", "je", "il",
        // Khmer keys, their first letters and digits.
        "ឈ្មោះ", "ឈ្មោ", "ឈ", "ខ្ញុំ", "គាត់", "ឯកអគ្គរាជទូត", "ស្ថានឯកអគ្គរាជទូត", "រដ្ឋមន្ត្រី", "រដ្ឋមន្រ្តី", "សាស្ត្រាចារ្យ", "ទីប្រឹក្សា", "កុងស៊ុល", "កុង",
        "ទូរស័ព្ទ", "ទូរ", "គឺ", "គឺជា", "កំណើត", "កំ", "សុខ", "វណ្ណា", "៖", "០", "១២", "៣៤៥", "៩",
        // Digits, separators, other scripts.
        "14", "1985", "012", "345", "678", "0", "9", "-", ".", " ", "  ", "\u{A0}", "\u{200B}", "\t", "\n", "é", "É", "x", "ſ", "Ｋ", "٣", "😀",
    ]

    @Test("5,000 random strings of keys, near misses, Khmer, digits and separators, and every prefix of 300 of them")
    func randomStrings() {
        let texts = Self.randomTexts(Self.pieces, seed: 0x3005_0001, count: 5000, prefixed: 300)
        let differing = Self.mismatches(texts)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // The comparison is not empty: the keys are found in many of them.
        #expect(texts.filter { !PersonalDataScrubber.possibleFurtherRulesReference($0).isEmpty }.count > 1000)
        #expect(texts.filter { !PersonalDataScrubber.possibleIntroductionsReference($0).isEmpty }.count > 500)
    }

    @Test("Real lines (notes, Europarl EN/FR, khPOS Khmer with spaces and U+200B), their identifiers, and every prefix of 500 lines",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realData() throws {
        let (lines, texts) = try Self.realTexts(seed: 0x3005_0002)
        #expect(lines.count > 8000)
        let differing = Self.mismatches(texts)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // Real lines do hold the keys (function titles, "(b.", ឈ្មោះ…).
        #expect(lines.filter { !PersonalDataScrubber.possibleFurtherRulesReference($0).isEmpty }.count > 100)
        #expect(lines.filter { !PersonalDataScrubber.possibleIntroductionsReference($0).isEmpty }.count > 50)
    }

    @Test("The digit and case-twin table skipping the ideograph, Hangul, surrogate and private-use blocks equals the one read from every scalar")
    func scalarTableSkipsNothingItNeeds() {
        let full = PersonalDataScrubber.scalarBitsTable(skipping: [])
        let table = PersonalDataScrubber.scalarBits
        #expect(table.digits == full.digits)
        #expect(table.caseTwins == full.caseTwins)
        // Not empty: Arabic-Indic, Devanagari and fullwidth digits, ſ and the Kelvin sign are in it.
        for value: UInt32 in [0x0663, 0x0967, 0xFF13] { #expect(table.digits[Int(value >> 6)] & (1 << (value & 63)) != 0) }
        for value: UInt32 in [0x017F, 0x212A] { #expect(table.caseTwins[Int(value >> 6)] & (1 << (value & 63)) != 0) }
    }

    @Test("KindSet inserts and contains as Set<PersonalDataKind> does")
    func kindSetAsSet() {
        var random = SplitMix(state: 0x3005_0003)
        for _ in 0..<200 {
            var bits = PersonalDataScrubber.KindSet(), set: Set<PersonalDataKind> = []
            for _ in 0..<8 {
                let kind = PersonalDataKind.allCases[random.next(PersonalDataKind.allCases.count)]
                #expect(bits.insert(kind).inserted == set.insert(kind).inserted)
                for other in PersonalDataKind.allCases { #expect(bits.contains(other) == set.contains(other)) }
            }
        }
        for kind in PersonalDataKind.allCases { #expect(PersonalDataScrubber.KindSet.all.contains(kind)) }
    }

    @Test("The Latin function titles written out as literals keep no expression syntax, and cover every title")
    func functionTitleKeys() {
        let keys = PersonalDataScrubber.latinFunctionTitleKeys
        for key in keys + PersonalDataScrubber.capitalFunctionTitleKeys {
            let text = String(decoding: key.bytes, as: UTF8.self)
            #expect(!text.contains { "[]()\\?*+|".contains($0) }, "\(text)")
        }
        // One more key for each title written two ways: Consul[- ]General, Chargé d['’]affaires,
        // Director[- ]General and Secrétaire d['’]État (review 1130j M2).
        #expect(keys.count == PersonalDataScrubber.latinFunctionTitles.count + 4)
        #expect(PersonalDataScrubber.capitalFunctionTitleKeys.count == PersonalDataScrubber.capitalFunctionTitles.count + 4)
        #expect(keys.filter(\.open).count == 2)
        // Grouped by first letter, every key once.
        #expect(PersonalDataScrubber.latinFunctionTitleKeysByLetter.reduce(0) { $0 + $1.count } == keys.count)
    }

    @Test("20,000 random strings of function titles (every case, glued, split), separators and words: the further rules find filtered what they find unfiltered")
    func functionTitlesFilteredAsUnfiltered() {
        var titles = PersonalDataScrubber.latinFunctionTitleKeys.map { String(decoding: $0.bytes, as: UTF8.self) }
        titles += titles.map { $0.prefix(1).uppercased() + $0.dropFirst() } + titles.map { $0.uppercased() }
        titles += ["Consul", "Consuls", "consultation", "professional", "Prof", "Prof.", "charge", "Chargé", "Chargé d’affaires a.i.",
                   "Chargé d'affaires a. i.", "ministers", "Ministerial", "Ambassadors", "Attachés", "Maître", "Maitre", "Me", "H.E", "H. E",
                   "l'Ambassadeur", "d’Ambassadeur", "xMinister", "éMinister", "1Minister", "-Minister", "Ministre-Conseiller", "Consul-General",
                   "Consul General", "Consul-general", "Professor-Emeritus"]
        let separators = [" ", "  ", "\u{A0}", " \u{A0} ", "\t", "\n", "\u{200B}", "", "-", ", ", ". ", "\u{202F}"]
        let words = ["Sok", "Vanna", "Prak", "Sokhonn", "Élise", "Émile", "Jean", "Dupont", "sok", "vanna", "of", "Extraordinary",
                     "Plenipotentiary", "a.i.", "Ly", "Dara", "O'Neill", "Jean-Marc", "J.", "İnci", "Ängel", "12", "ឯក", "{PERSON}", "Mr", "and",
                     "SOK", "VANNA", "KEO", "RITHY", "ÉLISE", "OF", "THE", "AND", "EXTRAORDINARY", "A.I.", "H.E."]
        var random = SplitMix(state: 0x3005_0004)
        var differing: [String] = []
        var found = 0, capitals = 0
        for _ in 0..<20_000 {
            var text = random.next(3) == 0 ? words[random.next(words.count)] + separators[random.next(separators.count)] : ""
            text += titles[random.next(titles.count)]
            for _ in 0..<(1 + random.next(4)) {
                text += separators[random.next(separators.count)] + words[random.next(words.count)]
            }
            let filtered = PersonalDataScrubber.furtherRuleSpans(in: text).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            let unfiltered = PersonalDataScrubber.furtherRuleSpans(in: text, filtered: false).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            if !unfiltered.isEmpty { found += 1 }
            // Found by the rule for titles in capitals alone (no mixed-case title in the text).
            if !unfiltered.isEmpty, PersonalDataScrubber.possibleFurtherRules(text) == .capitalFunctionTitle { capitals += 1 }
            if filtered != unfiltered { differing.append("\(text.debugDescription): filtered \(filtered), unfiltered \(unfiltered)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // Names after titles are found in many of them, so the comparison is not empty.
        #expect(found > 300)
        #expect(capitals > 50, "\(capitals)")
    }

    @Test("The eight-byte test says a byte is there exactly when one of the eight is it")
    func wordHoldsByte() {
        var random = SplitMix(state: 0x3005_0005)
        for _ in 0..<20_000 {
            // Bytes near the targets and the borrow edges (0x00, 0x01, 0x80, 0xFF) most of the time.
            let alphabet: [UInt8] = [0x00, 0x01, 0x60, 0x61, 0x62, 0x6D, 0x6E, 0x6F, 0x7F, 0x80, 0xE0, 0xE1, 0xE2, 0xFF]
            var bytes: [UInt8] = []
            for _ in 0..<8 { bytes.append(random.next(4) == 0 ? UInt8(random.next(256)) : alphabet[random.next(alphabet.count)]) }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            for target: UInt8 in [0x6E, 0x61, 0xE1, 0x00, 0xFF] {
                #expect(PersonalDataScrubber.holds(word, target) == bytes.contains(target), "\(bytes) \(target)")
                // The lowest flag is the first byte equal to the target.
                let flags = PersonalDataScrubber.zeroBytes(UInt64(littleEndian: word), target)
                #expect((flags == 0 ? nil : flags.trailingZeroBitCount >> 3) == bytes.firstIndex(of: target), "\(bytes) \(target)")
            }
        }
    }
}
