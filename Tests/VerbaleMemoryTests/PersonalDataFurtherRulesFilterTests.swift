import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The further rules of review 1130d (`furtherRuleSpans`) run only on texts their byte pre-check
/// lets through (`possibleFurtherRules`): it must let through every text they can match.
@Suite("Personal data: the further rules' pre-check finds exactly what the unfiltered rules find")
struct PersonalDataFurtherRulesFilterTests {
    func spans(_ text: String, filtered: Bool) -> [String] {
        PersonalDataScrubber.furtherRuleSpans(in: text, filtered: filtered).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
    }

    @Test("5,000 random strings of function titles, names, phone and birth wordings, digits of two scripts and separators")
    func randomStrings() {
        let pieces = [
            "Ambassador", "ambassador", "AMBASSADOR", "Ambassadeur", "l'Ambassadeur", "Minister", "ministre", "MINISTRE", "Counsellor", "Counselor",
            "Professor", "Prof.", "professeure", "Consul", "Consul-General", "Attaché", "Chargé d'affaires", "Maître", "MAÎTRE", "Me", "ME", "H.E",
            "H. E", "H.", "Extraordinary", "and", "of", "Plenipotentiary", "Sok", "Vanna", "Prak", "Sokhonn", "Jean", "Dupont", "Embassy", "Mr",
            "ឯកអគ្គរាជទូត", "ស្ថានឯកអគ្គរាជទូត", "រដ្ឋមន្ត្រី", "រដ្ឋមន្រ្តី", "គណៈរដ្ឋមន្ត្រី", "សាស្ត្រាចារ្យ", "ទីប្រឹក្សា", "កុងស៊ុល", "សុខ", "វណ្ណា", "ក្រសួង", "បាន",
            "number", "Number", "NUMBER", "numéro", "NUMÉRO", "numero", "de", "téléphone", "portable", "est", "le", "is", "was", "phone", "mobile",
            "ទូរស័ព្ទ", "លេខ", "របស់គាត់", "គឺ", "គឺជា", "(b.", "(B.", ", b.", ",\u{A0}b.", "b.", "né(e)", "Né(e)", "NÉ(e)", "ថ្ងៃ", "កំណើត", "ខួប", "៖", ":",
            "14", "February", "février", "កុម្ភៈ", "ខែ", "ឆ្នាំ", "1985", "១៩៨៥", "១៤", "/", "(", "(+", "(+855)", "(+៨៥៥)", ")", "+", "23", "216", "141",
            "012", "345", "678", "012345678", "០១២៣៤៥៦៧៨", "២៣", "២១៦", "១៤១", "-", ".", ",", " ", " ", "\u{A0}", "\u{200B}", "\t", "é", "x",
        ]
        var random = SplitMix(state: 0x1130_D000)
        var differing: [String] = []
        var matched = 0
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(3 + random.next(12)) {
                text += pieces[random.next(pieces.count)]
                switch random.next(4) {
                case 0: break
                case 1: text += "\u{200B}"
                default: text += " "
                }
            }
            let filtered = spans(text, filtered: true), unfiltered = spans(text, filtered: false)
            if !unfiltered.isEmpty { matched += 1 }
            if filtered != unfiltered { differing.append("\(text.debugDescription): filtered \(filtered), unfiltered \(unfiltered)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        #expect(matched > 50)
    }

    @Test("Every further rule compiles, and the usual texts of the corpora run none")
    func rulesCompileAndSkip() {
        #expect(PersonalDataScrubber.furtherRules.count == 7)
        for text in ["The Embassy presents its compliments to the Department.", "La Mission présente ses compliments.", "ស្ថានទូតសូមគោរពជូន។",
                     "No. 2021/03/118", "Tel. 012 345 678", "born in 1985", "MINISTRY OF FOREIGN AFFAIRS", "AMBASSADE ROYALE DU CAMBODGE",
                     "MINISTÈRE DES AFFAIRES ÉTRANGÈRES"] {
            #expect(PersonalDataScrubber.possibleFurtherRules(text).isEmpty, "\(text)")
        }
    }
}
