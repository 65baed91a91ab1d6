import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Name leaks after a complement the eleventh stop left (issue 3, item 5; session 12): a rank
/// (Professor, Colonel, « Professeur », « Professeure ») before its complement and a name, and a
/// name whose last word is a month ("Theresa May") after a title's complement — without making a
/// person of "in May" or "… Visit May 2019". Each unit holds one language.
@Suite("Privacy: ranks before a complement and names ending with a month (session 12)")
struct PrivacyComplementLeaksTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    @Test("a name after a rank and its complement is replaced", arguments: [
        ("Professor of Law Sok Dara will speak.", "en", "Professor of Law {PERSON} will speak."),
        ("Colonel of the Royal Army Chea Malis, Defence Attaché", "en", "Colonel of the Royal Army {PERSON}, Defence Attaché"),
        ("le Professeur de droit international Sok Dara", "fr", "le Professeur de droit international {PERSON}"),
        ("Professeure de médecine Chan Sophea", "fr", "Professeure de médecine {PERSON}"),
        ("le Colonel de l'Armée royale Chea Malis", "fr", "le Colonel de l'Armée royale {PERSON}"),
        ("សាស្ត្រាចារ្យច្បាប់ សុខ ដារា នឹងថ្លែង។", "km", "សាស្ត្រាចារ្យច្បាប់ {PERSON} នឹងថ្លែង។"),
    ])
    func ranksBeforeComplements(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("a rank's complement with no name after it keeps every word", arguments: [
        ("Colonel of the Royal Army Engineering Corps", "en"),
        ("the Professor of Law at the University of Phnom Penh", "en"),
        ("the Colonel of the Regiment In Siem Reap", "en"),
        ("le Colonel de l'Armée royale du Cambodge", "fr"),
        ("le Professeur de droit public", "fr"),
    ])
    func notRanksBeforeComplements(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("a name ending with a month word after a title (and its complement) is replaced", arguments: [
        ("the Secretary of State for Home Affairs Theresa May", "en", "the Secretary of State for Home Affairs {PERSON}"),
        ("the Minister of Foreign Affairs Theresa May will attend.", "en", "the Minister of Foreign Affairs {PERSON} will attend."),
        ("the Prime Minister Theresa May", "en", "the Prime Minister {PERSON}"),
        ("la Première ministre Theresa May", "fr", "la Première ministre {PERSON}"),
        ("la ministre de l'Intérieur Theresa May", "fr", "la ministre de l'Intérieur {PERSON}"),
    ])
    func monthNamesAfterComplements(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("a month after a complement stays a month", arguments: [
        ("The meeting took place in May 2019.", "en"),
        ("the Minister of Foreign Affairs In May", "en"),
        ("the Minister of Foreign Affairs Visit May 2019", "en"),
        ("the Minister of Foreign Affairs Monday 5 May", "en"),
        ("la ministre des Affaires étrangères en mai 2019", "fr"),
        ("the Minister of Foreign Affairs Friday May", "en"),
    ])
    func monthsStayMonths(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("filtering finds what the unfiltered run finds after a rank's complement and before a month", arguments: [
        "Professor of Law Sok Dara", "Professeure de médecine Chan Sophea", "the Minister of Foreign Affairs Theresa May",
        "the Minister of Foreign Affairs Visit May 2019",
    ])
    func filteredFindsUnfiltered(_ text: String) {
        #expect(scrubber.spans(in: text, filtered: true).map(\.range) == scrubber.spans(in: text, filtered: false).map(\.range))
    }
}
