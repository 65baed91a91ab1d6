import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Acceptance review 1130f, m9: "presents it's compliments" and "the assurances of it's highest
/// consideration" (the commonest slip in an English formula) were reported as a missing opening
/// and a closing without assurances — the formulas were there, the words were not recognised.
/// French « présente ces compliments » (ces for ses) likewise. Now the formula is found and the
/// slip is named (`formula-spelling`).
@Suite("Protocol checks: spelling slips inside the formulas (review 1130f m9)")
struct FormulaSpellingCheckTests {
    let english = try! ProtocolChecker(book: Fixtures.book, language: .english)
    let french = try! ProtocolChecker(book: Fixtures.book, language: .french)

    static let englishNote = """
        No. 045/2021

        The Embassy of the Kingdom of Cambodia presents it's compliments to the Ministry of Foreign Affairs and has the honour to inform the Ministry that the delegation will arrive on 3 March 2021.

        The Embassy of the Kingdom of Cambodia avails itself of this opportunity to renew to the Ministry the assurances of it’s highest consideration.

        Geneva, 12 January 2021

        """

    @Test("English it's/it’s in the opening and the closing: the formulas are found, each slip named with its fix")
    func englishItIs() {
        let findings = english.check(Self.englishNote).findings
        let codes = findings.map(\.code)
        #expect(!codes.contains("missing-opening"), "\(codes)")
        #expect(!codes.contains("missing-courtesy"), "\(codes)")
        let slips = findings.filter { $0.code == "formula-spelling" }
        #expect(slips.count == 2, "\(findings.map(\.message))")
        #expect(slips.allSatisfy { $0.suggestion == "write \"its\"" && $0.severity == .error })
        #expect(slips.first?.line == 3)
    }

    @Test("French « ces compliments » in the opening: the formula is found, the slip named")
    func frenchCes() {
        let text = """
            N° 045/2021

            L'Ambassade du Royaume du Cambodge présente ces compliments au Ministère des Affaires étrangères et a l'honneur de l'informer que la délégation arrivera le 3 mars 2021.

            L'Ambassade du Royaume du Cambodge saisit cette occasion pour renouveler au Ministère les assurances de sa très haute considération.

            Genève, le 12 janvier 2021

            """
        let findings = french.check(text).findings
        #expect(!findings.map(\.code).contains("missing-opening"), "\(findings.map(\.code))")
        #expect(findings.filter { $0.code == "formula-spelling" }.map(\.suggestion) == ["write \"ses\""], "\(findings.map(\.message))")
    }

    @Test("Right formulas and \"it's\" outside a formula raise no formula-spelling")
    func noFalseAlarm() {
        let right = Self.englishNote.replacingOccurrences(of: "it's", with: "its").replacingOccurrences(of: "it’s", with: "its")
        #expect(english.check(right).findings.filter { $0.code == "formula-spelling" }.isEmpty)
        let outside = right.replacingOccurrences(of: "the delegation will arrive", with: "it's expected that the delegation will arrive")
        #expect(english.check(outside).findings.filter { $0.code == "formula-spelling" }.isEmpty)
    }
}
