import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Review 1130j M3's remnant (session 12): a delegation list typed in capitals — "SOK DARA,
/// DIRECTOR", "1. KEO RITHY, DEPUTY DIRECTOR-GENERAL", « - CHAN SOPHAL, DEUXIÈME SECRÉTAIRE » —
/// kept every name, as the comma rule refuses names all in capitals (acronyms and headings).
/// Each unit holds one language.
@Suite("Privacy: names in capitals before their function in a list (review 1130j M3 remnant, session 12)")
struct PrivacyCapitalListNamesTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    @Test("a name in capitals before a comma and its function at a list item's start is replaced", arguments: [
        ("SOK DARA, DIRECTOR", "en", "{PERSON}, DIRECTOR"),
        ("1. KEO RITHY, DEPUTY DIRECTOR-GENERAL, HEAD OF DELEGATION", "en", "1. {PERSON}, DEPUTY DIRECTOR-GENERAL, HEAD OF DELEGATION"),
        ("- CHAN SOPHAL, SECOND SECRETARY", "en", "- {PERSON}, SECOND SECRETARY"),
        ("2. CHEA MALIS, Counsellor", "en", "2. {PERSON}, Counsellor"),
        ("1. SOK DARA, DIRECTEUR GÉNÉRAL", "fr", "1. {PERSON}, DIRECTEUR GÉNÉRAL"),
        ("- CHAN SOPHAL, DEUXIÈME SECRÉTAIRE", "fr", "- {PERSON}, DEUXIÈME SECRÉTAIRE"),
        ("THE DELEGATION:\n1. SOK DARA, DIRECTOR-GENERAL\n2. CHAN SOPHAL, COUNSELLOR", "en",
         "THE DELEGATION:\n1. {PERSON1}, DIRECTOR-GENERAL\n2. {PERSON2}, COUNSELLOR"),
    ])
    func capitalListNames(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("headings, bodies, acronyms and places in capitals before a function stay", arguments: [
        ("MINISTRY OF FOREIGN AFFAIRS, DIRECTOR", "en"),
        ("UNDP OHCHR, DIRECTOR", "en"),
        ("PHNOM PENH, DIRECTOR", "en"),
        ("UNITED NATIONS, SECRETARY-GENERAL", "en"),
        ("HUMAN RESOURCES, DIRECTOR", "en"),
        ("ROYAL EMBASSY, COUNSELLOR", "en"),
        ("MR PRESIDENT, COMMISSIONER, LADIES AND GENTLEMEN", "en"),
        ("SOK DARA, PHNOM PENH", "en"),
        ("The delegation met SOK DARA, DIRECTOR of the department.", "en"),
        ("DIRECTION DES AFFAIRES JURIDIQUES, DIRECTEUR", "fr"),
    ])
    func notCapitalListNames(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("filtering finds what the unfiltered run finds", arguments: [
        "SOK DARA, DIRECTOR", "1. KEO RITHY, DEPUTY DIRECTOR-GENERAL", "- CHAN SOPHAL, DEUXIÈME SECRÉTAIRE", "UNDP OHCHR, DIRECTOR",
    ])
    func filteredFindsUnfiltered(_ text: String) {
        #expect(scrubber.spans(in: text, filtered: true).map(\.range) == scrubber.spans(in: text, filtered: false).map(\.range))
    }
}
