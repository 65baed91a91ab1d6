import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130j, what its part 2 left: m2, the date of birth of a form line ("Date of
/// birth (dd/mm/yyyy): 14/02/1985", « Né(e) le : 14/02/1985 ») and the passport number with a
/// Khmer letter (`លេខលិខិតឆ្លងដែន៖ ដ០០១២៣៤៥`); M2's remnant, a name after a title and its complement
/// ("the Minister of Foreign Affairs Prak Sokhonn", រដ្ឋមន្ត្រីការបរទេស ប្រាក់ សុខុន). Each unit holds
/// one language, so nothing is found through another variant.
@Suite("Personal data: form lines and a title's complement (review 1130j m2, M2 remnant)")
struct PersonalDataFormLinesAndComplementsTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    @Test("m2: a date of birth after a form label, its format hint, colon or place, is replaced", arguments: [
        ("Date of birth (dd/mm/yyyy): 14/02/1985", "en", "Date of birth (dd/mm/yyyy): {DATE_OF_BIRTH}"),
        ("Date of Birth (DD/MM/YYYY): 14/02/1985", "en", "Date of Birth (DD/MM/YYYY): {DATE_OF_BIRTH}"),
        ("Date of birth (day/month/year) : 14 February 1985", "en", "Date of birth (day/month/year) : {DATE_OF_BIRTH}"),
        ("Born: 14/02/1985", "en", "Born: {DATE_OF_BIRTH}"),
        ("Date and place of birth: 14/02/1985, Phnom Penh", "en", "Date and place of birth: {DATE_OF_BIRTH}, Phnom Penh"),
        ("Place and date of birth: Phnom Penh, 14/02/1985", "en", "Place and date of birth: Phnom Penh, {DATE_OF_BIRTH}"),
        ("Né(e) le : 14/02/1985", "fr", "Né(e) le : {DATE_OF_BIRTH}"),
        ("Né le : 14/02/1985", "fr", "Né le : {DATE_OF_BIRTH}"),
        ("Née le : 14/02/1985", "fr", "Née le : {DATE_OF_BIRTH}"),
        ("Date de naissance (jj/mm/aaaa) : 14/02/1985", "fr", "Date de naissance (jj/mm/aaaa) : {DATE_OF_BIRTH}"),
        ("Date et lieu de naissance : 14/02/1985, Phnom Penh", "fr", "Date et lieu de naissance : {DATE_OF_BIRTH}, Phnom Penh"),
        ("Lieu et date de naissance : Phnom Penh, 14/02/1985", "fr", "Lieu et date de naissance : Phnom Penh, {DATE_OF_BIRTH}"),
        ("ថ្ងៃខែឆ្នាំកំណើត (ថ្ងៃ/ខែ/ឆ្នាំ)៖ ១៤/០២/១៩៨៥", "km", "ថ្ងៃខែឆ្នាំកំណើត (ថ្ងៃ/ខែ/ឆ្នាំ)៖ {DATE_OF_BIRTH}"),
        ("ថ្ងៃ\u{200B}ខែ\u{200B}ឆ្នាំ\u{200B}កំណើត (ថ្ងៃ/ខែ/ឆ្នាំ)៖ ១៤/០២/១៩៨៥", "km", "ថ្ងៃ\u{200B}ខែ\u{200B}ឆ្នាំ\u{200B}កំណើត (ថ្ងៃ/ខែ/ឆ្នាំ)៖ {DATE_OF_BIRTH}"),
    ])
    func formDates(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("m2: dates that are no birth date, and a format hint with no date, stay", arguments: [
        ("Date of entry (dd/mm/yyyy): 14/02/2021", "en"),
        ("Date of birth (dd/mm/yyyy): ____________", "en"),
        ("The Embassy was born of the Treaty signed on 14/02/1985.", "en"),
        ("Date de délivrance (jj/mm/aaaa) : 14/02/2021", "fr"),
        ("Le pays où il est né : 14 États membres", "fr"),
        ("place of birth: Phnom Penh", "en"),
        ("ថ្ងៃខែឆ្នាំចេញ (ថ្ងៃ/ខែ/ឆ្នាំ)៖ ១៤/០២/២០២១", "km"),
    ])
    func notFormDates(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("m2: a passport number with a Khmer letter after the Khmer keyword is replaced", arguments: [
        ("លេខលិខិតឆ្លងដែន៖ ដ០០១២៣៤៥", "លេខលិខិតឆ្លងដែន៖ {PASSPORT}"),
        ("លិខិតឆ្លងដែនលេខ ដ០០១២៣៤៥", "លិខិតឆ្លងដែនលេខ {PASSPORT}"),
        ("លិខិតឆ្លងដែនការទូតលេខ ដ0012345", "លិខិតឆ្លងដែនការទូតលេខ {PASSPORT}"),
        ("លិខិតឆ្លងដែនលេខ ដ០០១២៣៤៥ របស់លោក", "លិខិតឆ្លងដែនលេខ {PASSPORT} របស់លោក"),
    ])
    func khmerLetterPassports(_ text: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: "km").text == expected)
    }

    @Test("m2: Khmer words and short numbers after the passport keyword stay", arguments: [
        "លិខិតឆ្លងដែនលេខ ២០២១ ត្រូវបានផុតកំណត់",
        "លិខិតឆ្លងដែន ចំនួន ១២៣៤៥៦ ច្បាប់",
        "លិខិតឆ្លងដែនលេខ ក១២៣",
    ])
    func notKhmerLetterPassports(_ text: String) {
        #expect(scrubber.scrubbed(text, language: "km").text == text)
    }

    @Test("m2: the trilingual form line loses the passport number in every language")
    func trilingualPassport() {
        let unit = TranslationUnit(variants: [
            Variant(language: tag("en"), text: "Passport No.: D0012345"),
            Variant(language: tag("km"), text: "លេខលិខិតឆ្លងដែន៖ ដ០០១២៣៤៥"),
        ])
        let scrubbed = scrubber.scrub(unit, file: "pd5.tsv", position: 1).unit
        #expect(scrubbed.variants.map(\.text) == ["Passport No.: {PASSPORT}", "លេខលិខិតឆ្លងដែន៖ {PASSPORT}"])
    }

    @Test("M2 remnant: a name after a title and its complement is replaced", arguments: [
        ("The Minister of Foreign Affairs Prak Sokhonn will attend.", "en", "The Minister of Foreign Affairs {PERSON} will attend."),
        ("the Ambassador of Cambodia Sok Vanna presented his credentials", "en", "the Ambassador of Cambodia {PERSON} presented his credentials"),
        ("the Minister of Foreign Affairs and International Cooperation Prak Sokhonn", "en",
         "the Minister of Foreign Affairs and International Cooperation {PERSON}"),
        ("the Ambassador of the Kingdom of Cambodia to France Sok Vanna", "en", "the Ambassador of the Kingdom of Cambodia to France {PERSON}"),
        ("Secretary of State for Foreign Affairs Chea Malis", "en", "Secretary of State for Foreign Affairs {PERSON}"),
        ("Le Ministre des Affaires étrangères Prak Sokhonn assistera.", "fr", "Le Ministre des Affaires étrangères {PERSON} assistera."),
        ("le ministre des Affaires étrangères Prak Sokhonn", "fr", "le ministre des Affaires étrangères {PERSON}"),
        ("l'Ambassadeur du Cambodge Sok Vanna a présenté", "fr", "l'Ambassadeur du Cambodge {PERSON} a présenté"),
        ("រដ្ឋមន្ត្រីការបរទេស ប្រាក់ សុខុន នឹងចូលរួម។", "km", "រដ្ឋមន្ត្រីការបរទេស {PERSON} នឹងចូលរួម។"),
        ("រដ្ឋមន្ត្រីក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ ប្រាក់ សុខុន", "km", "រដ្ឋមន្ត្រីក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ {PERSON}"),
        ("ឯកអគ្គរាជទូតកម្ពុជា សុខ វណ្ណា បានបង្ហាញ", "km", "ឯកអគ្គរាជទូតកម្ពុជា {PERSON} បានបង្ហាញ"),
        ("រដ្ឋមន្ត្រី ការបរទេស ប្រាក់ សុខុន", "km", "រដ្ឋមន្ត្រី ការបរទេស {PERSON}"),
    ])
    func complements(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("M2 remnant: a complement followed by no name keeps every word", arguments: [
        ("the Minister of Foreign Affairs In Geneva the talks went on", "en"),
        ("The Minister of Foreign Affairs will attend.", "en"),
        ("the Ambassador of Cambodia to France", "en"),
        ("the Minister of Foreign Affairs On Monday", "en"),
        ("the Minister for Regional Policy Reform", "en"),
        ("the Director of Human Resources Management", "en"),
        ("the Ambassador of the Kingdom of Cambodia Phnom Penh", "en"),
        ("the Minister of Foreign Affairs H.E. Mr. {PERSON}", "en"),
        ("Le Ministre des Affaires étrangères Lundi Matin", "fr"),
        ("le ministre des Affaires étrangères du Royaume du Cambodge", "fr"),
        ("his wife of Cambodia Sok Vanna", "en"),
        ("រដ្ឋមន្ត្រីការបរទេស បានថ្លែងថា", "km"),
        ("ឯកអគ្គរាជទូតកម្ពុជា ប្រចាំ ប្រទេស បារាំង", "km"),
        ("រដ្ឋមន្ត្រីការបរទេស ថៃ និង កម្ពុជា", "km"),
        ("គណៈរដ្ឋមន្ត្រីកម្ពុជា នឹង ប្រជុំ", "km"),
        ("រដ្ឋមន្ត្រី ក្រសួង មហាផ្ទៃ និង ការពារ ជាតិ", "km"),
    ])
    func notComplements(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("M2 remnant: the byte pass lets a title and a connector through, and no title alone", arguments: [
        ("the Minister of Foreign Affairs Prak Sokhonn", true),
        ("l'Ambassadeur d'Espagne Juan Pérez", true),
        ("the Minister\u{A0}for Foreign Affairs Prak Sokhonn", true),
        ("the ministers often attend", false),
        ("the Minister offered", false),
    ])
    func preCheck(_ text: String, _ passes: Bool) {
        #expect(PersonalDataScrubber.preChecks(text).further.contains(.latinFunctionTitle) == passes)
    }

    @Test("M2 remnant: after a spaced complement, two words the complement may go on with are no name")
    func khmerComplementGoesOn() {
        let scrubbed = scrubber.scrubbed("រដ្ឋមន្ត្រី ក្រសួង មហាផ្ទៃ ស ខេង", language: "km").text
        #expect(scrubbed.contains("មហាផ្ទៃ"), "\(scrubbed)")
    }

    @Test("M3 remnant: a Khmer name before its function at a list item's start is replaced", arguments: [
        ("១. សុខ ដារា អគ្គនាយក ប្រធានគណៈប្រតិភូ", "១. {PERSON} អគ្គនាយក ប្រធានគណៈប្រតិភូ"),
        ("- ចាន់ សុផល លេខាទីពីរ", "- {PERSON} លេខាទីពីរ"),
        ("២. កែវ រិទ្ធី អនុរដ្ឋលេខាធិការ", "២. {PERSON} អនុរដ្ឋលេខាធិការ"),
        ("1.\u{200B}សុខ\u{200B}ដារា\u{200B}អគ្គនាយក", "1.\u{200B}{PERSON}\u{200B}អគ្គនាយក"),
        ("គណៈប្រតិភូមាន៖\n១. សុខ ដារា អគ្គនាយក\n២. ចាន់ សុផល ទីប្រឹក្សា", "គណៈប្រតិភូមាន៖\n១. {PERSON1} អគ្គនាយក\n២. {PERSON2} ទីប្រឹក្សា"),
    ])
    func khmerListNames(_ text: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: "km").text == expected)
    }

    @Test("M3 remnant: two words before a function without a list marker, or words that are no name, stay", arguments: [
        "កាលពី ម្សិលមិញ រដ្ឋមន្ត្រី បាន ថ្លែង",
        "១. ក្រសួង ការបរទេស រដ្ឋមន្ត្រី",
        "១. ប្រទេស កម្ពុជា ឯកអគ្គរាជទូត",
        "២. បាន ជួប រដ្ឋមន្ត្រី",
        "សុខ ដារា អគ្គនាយក",
        "១. ការ ប្រជុំ រដ្ឋមន្ត្រី",
    ])
    func notKhmerListNames(_ text: String) {
        #expect(scrubber.scrubbed(text, language: "km").text == text)
    }
}
