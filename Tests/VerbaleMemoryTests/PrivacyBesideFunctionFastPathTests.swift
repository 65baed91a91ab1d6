import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The names-beside-functions rule reads its expression's matches at the commas, by bytes
/// (`besideFunctionMatches`), instead of scanning each text with it: the matches must be exactly
/// those of the scan (`besideFunctionMatchesByScan`), ranges and group 1, in order, on real lines.
@Suite("Names beside functions: the comma reading finds exactly the expression's matches")
struct PrivacyBesideFunctionFastPathTests {
    let regex: NSRegularExpression

    init() throws {
        regex = try NSRegularExpression(pattern: PersonalDataScrubber.nameBesideFunctionPattern)
    }

    /// The texts whose comma reading differs from the scan (with both, for the message).
    func mismatches(_ texts: [String]) -> [String] {
        texts.compactMap { text in
            let length = (text as NSString).length
            let fast = PersonalDataScrubber.besideFunctionMatches(in: text, length: length, regex: regex)
            let scan = PersonalDataScrubber.besideFunctionMatchesByScan(in: text, regex: regex)
            return fast == scan ? nil : "\(text.debugDescription): commas \(fast.map(\.range)) \(fast.map(\.apposition)), scan \(scan.map(\.range)) \(scan.map(\.apposition))"
        }
    }

    /// How many of the scan's matches in `texts` the bytes decided without the expression.
    func decidedByBytes(_ texts: [String]) -> (decided: Int, matches: Int) {
        var decided = 0, matches = 0
        for text in texts {
            for match in PersonalDataScrubber.besideFunctionMatchesByScan(in: text, regex: regex) {
                matches += 1
                let byte = (text as NSString).substring(to: match.range.location).utf8.count
                var utf8 = text
                let decision = utf8.withUTF8 { PersonalDataScrubber.besideFunctionDecision($0, comma: byte) }
                if case .match = decision { decided += 1 }
            }
        }
        return (decided, matches)
    }

    @Test("Europarl EN and FR (all 20,000 lines each), the notes verbales, khPOS Khmer, their capitals: the same matches", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realLines() throws {
        var lines: [String] = []
        for name in ["parallel/europarl-20k.en", "parallel/europarl-20k.fr"] {
            let url = try #require(SharedData.file(name))
            lines += try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let notes = try PrivacyFilterEquivalenceTests.realLines()
        let texts = (lines + notes + notes.map { $0.uppercased() }).filter { $0.contains(",") }
        let differing = mismatches(texts)
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.prefix(5).joined(separator: "\n"))")
        // Not empty, and mostly the bytes' work: the expression runs only where they cannot decide.
        let counts = decidedByBytes(texts)
        #expect(counts.matches > 1_000, "\(counts.matches) matches")
        #expect(counts.decided * 4 > counts.matches * 3, "\(counts.decided) of \(counts.matches) decided by bytes")
    }

    @Test("Edges: NBSP, curly apostrophes, accents in either case, Kelvin sign and long s, five words, a title glued to a letter, covered commas")
    func edges() {
        let texts = [
            "1. Sok Dara, Director-General, Head of Delegation", "- Chan Sophal, Second Secretary", "headed by Sok Dara,\u{A0}Secretary of State",
            "The Ambassador, Sok Vanna, will present his credentials.", "L’Ambassadeur, Sok Vanna, présentera", "conduite par Sok Dara, secrétaire d’État",
            "conduite par Sok Dara, SECRÉTAIRE D'ÉTAT, et", "conduite par Sok Dara, Secrétaire d'état", "His daughter,  O'Neil Smith-Jones, will",
            "Sok Dara, l’Ambassadeur", "Sok Dara, DIRECTOR", "The Ambassador, Élodie Martin, will", "X, Sok\u{A0}Dara, y", "X, Sok \u{A0} Dara ,y",
            "A, \u{212A}eo Rithy, B", "A, Director\u{212A}, B", "A, Directors, B", "A, Director2, B", "A, Director", "A, Directeur général",
            "A, Directeur généralement", "A, Directeur GÉNÉRAL", "A, Directeur gÉnÉral, B", "A, One Two Three Four, B", "A, One Two Three Four Five, B",
            "A, One Two, Three Four, Five Six, B", "A, One, Two Three, Four", "A, One Two,Three Four, x", "Mr President, Commissioner, ladies and gentlemen",
            "Mr President, Commissioner Barnier, Mr Santer, Ladies and Gentlemen,", "A, Sok Dara’s Son, B", "A, Sok Dara\u{301}, B", "A,Sok Dara, B",
            "A, Ministre, B", "A, ministre-conseiller, B", "A, Sok Dara , Director", "A, Sok 𝐃ara, B 😀, Sok Dara, Director", "A, ſecretary, B",
            "A, Première secrétaire, B", "A, PREMIÈRE SECRÉTAIRE, B", "A, Sok Dara,", "A, Sok", "A, ", ",", ", Sok Dara,",
            // Latin-1 letters: capitals start a name word, small ones and ß do not; × and ÷ end a word; ß folds to "ss".
            "A, Élodie Ñúñez, B", "A, Éric Dupont Ôté Ùn, B", "A, Éric Dupont Ôté Ùn Ève, B", "A, éric Dupont, B", "A, ßok Dara, B",
            "A, Sok Daraß, B", "A, Sok Dara×, B", "A, Sok × Dara, B", "A, Sok÷Dara Keo, B", "A, Directorß, B", "A, Director×, B", "A, Directoré, B",
            "A, Director\u{A0}Sok, B", "A, Chef, B", "A, Chefé, B", "A, Sécrétaire, B", "A, Secretaire, B", "A, Présidente\u{301}, B",
            "A, Ministre ÉTAT, B", "A, Sok Dara Ôté, Ève", "A, Président du Conseil, B", "A, Monsieur le Président, Mesdames",
        ]
        let differing = mismatches(texts)
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
        #expect(decidedByBytes(texts).decided > 20)
    }
}
