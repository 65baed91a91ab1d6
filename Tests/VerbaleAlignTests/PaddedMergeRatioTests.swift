import Foundation
import Testing
import VerbaleCore
@testable import VerbaleAlign

/// Review 1130e M2: a short note whose English lacks two of five sentences, or one sentence that
/// shares a cognate ("visit"/« visite ») with its neighbour. The French sentences without
/// counterpart were hidden in `1-2` beads at 0.999 and 0.876 (nothing flagged, imported as
/// translated): the document's length ratio, from its totals, counted the missing sentences.
@Suite("A sentence missing from a short translation, hidden in a merge by the document's own length ratio")
struct PaddedMergeRatioTests {
    /// The review's al-en.txt and its full French translation (al-fr5.txt).
    static let english = [
        "The Embassy of France presents its compliments to the Ministry of Foreign Affairs and International Cooperation and has the honour to inform it that a delegation will visit Phnom Penh from 3 to 5 March 2021.",
        "The delegation will be composed of five officials of the Ministry of Health.",
        "The programme of the visit is attached.",
        "The Embassy would be grateful if the Ministry could arrange meetings with the relevant authorities.",
        "The Embassy of France avails itself of this opportunity to renew to the Ministry the assurances of its highest consideration.",
    ]
    static let french = [
        "L'Ambassade de France présente ses compliments au Ministère des Affaires étrangères et de la Coopération internationale et a l'honneur de l'informer qu'une délégation se rendra à Phnom Penh du 3 au 5 mars 2021.",
        "La délégation sera composée de cinq fonctionnaires du Ministère de la Santé.",
        "Le programme de la visite est joint.",
        "L'Ambassade saurait gré au Ministère de bien vouloir organiser des rencontres avec les autorités compétentes.",
        "L'Ambassade de France saisit cette occasion pour renouveler au Ministère les assurances de sa très haute considération.",
    ]

    static func align(_ english: [String], _ french: [String]) throws -> PairAlignment {
        try Aligner().align(AlignmentDocument(language: .english, paragraphs: [english]),
                            AlignmentDocument(language: .french, paragraphs: [french]))
    }

    /// Beads as "EN/FR" sentence indices ("-" for none), with `?` after a bead below 0.5.
    static func shapes(_ result: PairAlignment) -> [String] {
        result.beads.map { bead in
            func side(_ range: Range<Int>) -> String { range.isEmpty ? "-" : range.map(String.init).joined(separator: "+") }
            return side(bead.source) + "/" + side(bead.target) + (bead.confidence < 0.5 ? "?" : "")
        }
    }

    @Test("Two French sentences without English (2 and 3): each its own flagged 0-1 bead; every pair kept is right")
    func twoMissing() throws {
        let result = try Self.align([Self.english[0], Self.english[3], Self.english[4]], Self.french)
        #expect(Self.shapes(result) == ["0/0", "-/1?", "-/2?", "1/3", "2/4"], "\(Self.shapes(result))")
    }

    @Test("One French sentence without English that shares only the cognate visit/visite with its neighbour: a flagged 0-1 bead")
    func oneMissingWithACognate() throws {
        let french = [Self.french[0], Self.french[2], Self.french[3], Self.french[4]]
        let result = try Self.align([Self.english[0], Self.english[3], Self.english[4]], french)
        #expect(Self.shapes(result) == ["0/0", "-/1?", "1/2", "2/3"], "\(Self.shapes(result))")
    }

    @Test("The intact note stays 1-1 throughout, each bead believed")
    func intact() throws {
        let result = try Self.align(Self.english, Self.french)
        #expect(Self.shapes(result) == ["0/0", "1/1", "2/2", "3/3", "4/4"], "\(Self.shapes(result))")
    }

    @Test("A true merge stays whole: the French joins the programme sentence to the request, and the merge is as long as both")
    func trueMergeStays() throws {
        let french = [Self.french[0], Self.french[1],
                      "Le programme de la visite est joint et l'Ambassade saurait gré au Ministère de bien vouloir organiser des rencontres avec les autorités compétentes.",
                      Self.french[4]]
        let result = try Self.align(Self.english, french)
        #expect(Self.shapes(result) == ["0/0", "1/1", "2+3/2", "4/3"], "\(Self.shapes(result))")
    }
}
