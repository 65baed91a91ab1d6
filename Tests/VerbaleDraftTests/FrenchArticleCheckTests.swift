import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Acceptance review 1130f, M3: the contracted article before an institution's head noun. An
/// officer reusing the model opening « présente ses compliments au Ministère » for an embassy
/// writes « au Ambassade »; `check` said nothing, and for « à la Ministère » it offered « Le
/// Ministère » (« à Le Ministère »). The fix keeps the case of what it replaces.
@Suite("Protocol checks: French articles and contractions before a head noun (review 1130f M3)")
struct FrenchArticleCheckTests {
    let french = try! ProtocolChecker(book: Fixtures.book, language: .french)

    /// The `french-agreement` findings of `sentence` inside a note: (text found, fix).
    func agreement(_ sentence: String) -> [(String, String)] {
        let text = "L'Ambassade du Royaume du Cambodge \(sentence) et a l'honneur d'informer.\n"
        let prepared = PreparedText(text)
        return french.check(text).findings.filter { $0.code == "french-agreement" }
            .map { (prepared.substring($0.start..<$0.end), $0.suggestion) }
    }

    @Test("A contraction before a feminine or elided head, or « à la/de la » before a masculine one, is flagged with the right form", arguments: [
        ("présente ses compliments au Ambassade de France", "au Ambassade", "write \"à l'Ambassade\""),
        ("présente ses compliments au Mission permanente de la France", "au Mission", "write \"à la Mission\""),
        ("présente ses compliments à la Mission permanente du Japon, au Délégation de l'Union européenne", "au Délégation", "write \"à la Délégation\""),
        ("renouvelle les assurances du Ambassade", "du Ambassade", "write \"de l'Ambassade\""),
        ("présente ses compliments à la Ministère des Affaires étrangères", "à la Ministère", "write \"au Ministère\""),
        ("présente ses compliments au Secrétariat de la Organisation", "de la Organisation", "write \"de l'Organisation\""),
        ("présente ses compliments à le Ambassade d'Italie", "à le Ambassade", "write \"à l'Ambassade\""),
        ("présente ses compliments au Office des Nations Unies", "au Office", "write \"à l'Office\""),
        ("présente ses compliments de la Consulat général", "de la Consulat", "write \"du Consulat\""),
    ])
    func contractions(_ sentence: String, _ found: String, _ fix: String) {
        let findings = agreement(sentence)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.0 == found)
        #expect(findings.first?.1 == fix)
    }

    @Test("The fix of a wrong article keeps the case it replaces")
    func keepsCase() {
        #expect(agreement("présente ses compliments au Ministère, que le délégation").map(\.1) == ["write \"la délégation\""])
        #expect(agreement("présente ses compliments au Ministère ; Le Ambassade").map(\.1) == ["write \"L'Ambassade\""])
        #expect(agreement("présente ses compliments à le Ministère").map(\.1) == ["write \"au Ministère\""])
    }

    @Test("Right articles and contractions raise nothing", arguments: [
        "présente ses compliments au Ministère des Affaires étrangères",
        "présente ses compliments à l'Ambassade de France",
        "présente ses compliments à la Mission permanente de la France",
        "présente ses compliments au Consulat général de France, à la Délégation de l'Union européenne",
        "présente ses compliments au Haut-Commissariat des Nations Unies aux droits de l'homme",
        "présente ses compliments à l'Office des Nations Unies à Genève et de l'Organisation",
        "présente ses compliments aux Ambassades et aux Missions permanentes",
        "présente ses compliments du Département fédéral des affaires étrangères",
        "présente ses compliments au Gouvernement royal du Cambodge",
    ])
    func rightForms(_ sentence: String) {
        #expect(agreement(sentence).isEmpty, "\(agreement(sentence))")
    }
}
