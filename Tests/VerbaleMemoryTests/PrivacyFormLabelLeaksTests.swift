import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Form-line leaks the eleventh stop left (issue 3, item 5; session 12): an abbreviated birth
/// label ("D.O.B.", "DOB (dd/mm/yyyy):", « date de naiss. ») before a date, and a passport number
/// written with a Khmer letter after the English or French keyword ("Passport No. ដ០០១២៣៤៥",
/// « passeport n° ដ០០១២៣៤៥ »). Each unit holds one language, so nothing is found through another
/// variant; the fixtures are written as consular forms write them.
@Suite("Privacy: abbreviated birth labels and Khmer-letter passports after a Latin keyword (session 12)")
struct PrivacyFormLabelLeaksTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    @Test("a date after an abbreviated birth label is replaced", arguments: [
        ("D.O.B.: 14/02/1985", "en", "D.O.B.: {DATE_OF_BIRTH}"),
        ("D.O.B. 14 February 1985", "en", "D.O.B. {DATE_OF_BIRTH}"),
        ("Name: Sok Dara; d.o.b.: 3 March 1990", "en", "Name: {PERSON}; d.o.b.: {DATE_OF_BIRTH}"),
        ("DOB (dd/mm/yyyy): 14/02/1985", "en", "DOB (dd/mm/yyyy): {DATE_OF_BIRTH}"),
        ("Date de naiss. : 14/02/1985", "fr", "Date de naiss. : {DATE_OF_BIRTH}"),
        ("date de naiss. 14 février 1985", "fr", "date de naiss. {DATE_OF_BIRTH}"),
        ("Date naiss. (jj/mm/aaaa) : 14/02/1985", "fr", "Date naiss. (jj/mm/aaaa) : {DATE_OF_BIRTH}"),
        ("ថ្ងៃខែឆ្នាំកំណើត / D.O.B.៖ ១៤/០២/១៩៨៥", "km", "ថ្ងៃខែឆ្នាំកំណើត / D.O.B.៖ {DATE_OF_BIRTH}"),
    ])
    func abbreviatedBirthLabels(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("an abbreviated birth label without a date, and words that only begin like one, keep the text", arguments: [
        ("D.O.B.: ____________", "en"),
        ("DOB field left blank; form dated 14/02/2021", "en"),
        ("The Dobrich office opened on 14/02/1985.", "en"),
        ("Date de naiss. : à compléter ; visa délivré le 14/02/2021", "fr"),
        ("Date of issue: 14/02/2021", "en"),
    ])
    func notAbbreviatedBirthLabels(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("a Khmer-letter passport number after the English or French keyword is replaced", arguments: [
        ("Passport No. ដ០០១២៣៤៥", "en", "Passport No. {PASSPORT}"),
        ("Diplomatic passport No.: ដ0012345", "en", "Diplomatic passport No.: {PASSPORT}"),
        ("passeport n° ដ០០១២៣៤៥", "fr", "passeport n° {PASSPORT}"),
        ("titulaire du passeport diplomatique n° ដ០០១២៣៤៥, délivré le 2 mai 2020", "fr",
         "titulaire du passeport diplomatique n° {PASSPORT}, délivré le 2 mai 2020"),
        ("Passport No.៖ ដ០០១២៣៤៥", "km", "Passport No.៖ {PASSPORT}"),
    ])
    func khmerLetterPassportsAfterLatinKeywords(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("short or overlong numbers and Khmer words after the Latin passport keyword stay", arguments: [
        ("Passport No. ក១២៣", "en"),
        ("passport No. ក០១២៣៤៥៦៧៨៩០១", "en"),
        ("passeport ឯកសារ ១២៣៤៥៦", "fr"),
    ])
    func notKhmerLetterPassportsAfterLatinKeywords(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("the abbreviated birth labels and the Latin passport keywords pass the byte pre-checks, so filtering finds what the unfiltered run finds", arguments: [
        "D.O.B.: 14/02/1985", "DOB (dd/mm/yyyy): 14/02/1985", "Date de naiss. : 14/02/1985", "Passport No. ដ០០១២៣៤៥",
        "passeport n° ដ០០១២៣៤៥", "Passport No.៖ ដ០០១២៣៤៥",
    ])
    func filteredFindsUnfiltered(_ text: String) {
        #expect(scrubber.spans(in: text, filtered: true).map(\.range) == scrubber.spans(in: text, filtered: false).map(\.range))
    }
}
