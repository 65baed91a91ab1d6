import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130d, personal data: M1 (a value written differently in the unit's other
/// languages), M2 (Khmer titles glued to the verb before them; U+200B beside the spaces of a
/// name), M3 (phone and birth-date writings), M4 (names after function titles). The sentences
/// are the reviewer's (`/tmp/review-d/pd.tsv`, `pd-one.tsv`, `pd-km2.tsv`, `km-glue2.tsv`,
/// `km-only.tsv`, `titles.tsv`, `xv.tsv`) and the negatives the wordings of real notes.
@Suite("Personal data: acceptance review 1130d (identifier writings, glued Khmer titles, function titles, cross-language values)")
struct PersonalDataReview1130dTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func scrubbed(_ text: String, _ language: String = "en") -> String {
        scrubber.scrubbed(text, language: language).text
    }

    @Test("M3: a phone number with (+855) before it, in ASCII and Khmer digits, goes; so does `check`'s finding")
    func parenthesisedCountryCode() {
        #expect(scrubbed("Tel: (+855) 23 216 141") == "Tel: {PHONE}")
        #expect(scrubbed("Contact : ly.dara@mfaic.gov.kh, tél. (+855) 23 216 141", "fr") == "Contact : {EMAIL}, tél. {PHONE}")
        #expect(scrubbed("សូមទាក់ទងតាមលេខ (+៨៥៥) ២៣ ២១៦ ១៤១", "km") == "សូមទាក់ទងតាមលេខ {PHONE}")
        #expect(scrubbed("The Ministry (+855) 23-216-141 is closed.") == "The Ministry {PHONE} is closed.")
        #expect(scrubber.detect(in: "Ambassador Sok Vanna, tel. (+855) 23 216 141, mobile number 012345678, will attend.").map(\.kind) == [.person, .phone, .phone])
        // A code in parentheses that is no phone number stays.
        #expect(scrubbed("Article 3 (+5) of the Convention") == "Article 3 (+5) of the Convention")
        #expect(scrubbed("the rate rose (+2) 15 points") == "the rate rose (+2) 15 points")
        #expect(scrubbed("ref. A/(+855)23216141") == "ref. A/(+855)23216141")
    }

    @Test("M3: a number after \"mobile number is\", « numéro de téléphone est », លេខទូរស័ព្ទ…គឺ goes")
    func numberAfterIs() {
        #expect(scrubbed("His mobile number is 012345678.") == "His mobile number is {PHONE}.")
        #expect(scrubbed("Her phone number was 023 216 141.") == "Her phone number was {PHONE}.")
        #expect(scrubbed("Son numéro de téléphone est le 012 345 678.", "fr") == "Son numéro de téléphone est le {PHONE}.")
        #expect(scrubbed("លេខទូរស័ព្ទរបស់គាត់គឺ ០១២៣៤៥៦៧៨។", "km") == "លេខទូរស័ព្ទរបស់គាត់គឺ {PHONE}។")
        #expect(scrubbed("លេខ​ទូរស័ព្ទ​របស់​លោក​គឺ​ ០១២ ៣៤៥ ៦៧៨", "km") == "លេខ​ទូរស័ព្ទ​របស់​លោក​គឺ​ {PHONE}")
        // Counts and years after the same words stay.
        #expect(scrubbed("The number is 2021 this year.") == "The number is 2021 this year.")
        #expect(scrubbed("The phone number is listed in annex 3.") == "The phone number is listed in annex 3.")
        #expect(scrubbed("Le numéro de téléphone est indiqué à l'annexe 12.", "fr") == "Le numéro de téléphone est indiqué à l'annexe 12.")
        #expect(scrubbed("ចំនួនទូរស័ព្ទដែលបានចែកគឺ ១២០ គ្រឿង។", "km") == "ចំនួនទូរស័ព្ទដែលបានចែកគឺ ១២០ គ្រឿង។")
    }

    @Test("M3: a date of birth after \"(b.\", \", b.\", « né(e) », ថ្ងៃកំណើត (with the short Khmer month) goes")
    func birthWordings() {
        #expect(scrubbed("Ms. Sopheap (b. 14 February 1985) will travel.") == "Ms. {PERSON} (b. {DATE_OF_BIRTH}) will travel.")
        #expect(scrubbed("Keo Rithy, b. 2 May 1983, will travel.") == "Keo Rithy, b. {DATE_OF_BIRTH}, will travel.")
        #expect(scrubbed("Keo Rithy, né(e) le 02/05/1983", "fr") == "Keo Rithy, né(e) le {DATE_OF_BIRTH}")
        #expect(scrubbed("ថ្ងៃកំណើត៖ ១៤ កុម្ភៈ ១៩៨៥", "km") == "ថ្ងៃកំណើត៖ {DATE_OF_BIRTH}")
        #expect(scrubbed("ថ្ងៃកំណើត ១៤ ខែកុម្ភៈ ឆ្នាំ១៩៨៥", "km") == "ថ្ងៃកំណើត {DATE_OF_BIRTH}")
        #expect(scrubbed("ថ្ងៃ​កំណើត​៖ ១៤/០២/១៩៨៥", "km") == "ថ្ងៃ​កំណើត​៖ {DATE_OF_BIRTH}")
        // A list item "b." and a royal birthday (ខួបថ្ងៃកំណើត, a public celebration) keep their dates.
        #expect(scrubbed("a. the note of 3 March 2021; b. 14 February 2021 meeting") == "a. the note of 3 March 2021; b. 14 February 2021 meeting")
        #expect(scrubbed("(a) the report; (b) 14 February 2021") == "(a) the report; (b) 14 February 2021")
        #expect(scrubbed("ពិធីអបអរសាទរខួបថ្ងៃកំណើត ១៤ ឧសភា ២០២៤", "km") == "ពិធីអបអរសាទរខួបថ្ងៃកំណើត ១៤ ឧសភា ២០២៤")
    }

    @Test("M2: a Khmer title glued to the verb before it (contact, meet, invite, thank, receive) introduces the name")
    func gluedKhmerTitles() {
        #expect(scrubbed("សូមទាក់ទងលោក លី ដារា។", "km") == "សូមទាក់ទងលោក {PERSON}។")
        #expect(scrubbed("ក្រសួងបានជួបលោក លី ដារា។", "km") == "ក្រសួងបានជួបលោក {PERSON}។")
        #expect(scrubbed("សូមអរគុណលោក លី ដារា។", "km") == "សូមអរគុណលោក {PERSON}។")
        #expect(scrubbed("ស្ថានទូតបានទទួលលោក លី ដារា។", "km") == "ស្ថានទូតបានទទួលលោក {PERSON}។")
        #expect(scrubbed("សូមទាក់ទងលោក​ លី​ ដារា តាមទូរស័ព្ទ។", "km") == "សូមទាក់ទងលោក​ {PERSON} តាមទូរស័ព្ទ។")
        // The word's end or the pronoun stays: ពិភពលោក ("world"), ឃ្លោក ("gourd"), របស់លោក ("his"),
        // and លោក before a verb ("…ហើយលោក បាន ថ្លែង…", "and he stated").
        #expect(scrubbed("ពិភពលោក ទាំងមូល", "km") == "ពិភពលោក ទាំងមូល")
        #expect(scrubbed("មនុស្សលោក ទាំងអស់", "km") == "មនុស្សលោក ទាំងអស់")
        #expect(scrubbed("ផ្លែឃ្លោក ធំ ពីរ", "km") == "ផ្លែឃ្លោក ធំ ពីរ")
        #expect(scrubbed("ការងាររបស់លោក ល្អ ណាស់", "km") == "ការងាររបស់លោក ល្អ ណាស់")
        #expect(scrubbed("ហើយលោក បាន ថ្លែង ថា", "km") == "ហើយលោក បាន ថ្លែង ថា")
    }

    @Test("M2: U+200B beside the spaces of a Khmer name is one separator: the whole name goes")
    func zeroWidthBesideSpaces() {
        #expect(scrubbed("លោកស្រី\u{200B} ចាន់\u{200B} សុភាព នឹងចូលរួម។", "km") == "លោកស្រី\u{200B} {PERSON} នឹងចូលរួម។")
        #expect(scrubbed("លោកស្រី \u{200B}ចាន់ \u{200B}សុភាព នឹងចូលរួម។", "km") == "លោកស្រី \u{200B}{PERSON} នឹងចូលរួម។")
        #expect(scrubbed("សូមទាក់ទង លោក\u{200B} លី\u{200B} ដារា តាមទូរស័ព្ទ។", "km") == "សូមទាក់ទង លោក\u{200B} {PERSON} តាមទូរស័ព្ទ។")
        #expect(scrubbed("អ្នកបកប្រែ៖ សុខ\u{200B} ចាន់", "km") == "អ្នកបកប្រែ៖ {PERSON}")
        // The verb after the name still stays.
        #expect(scrubbed("លោក\u{200B} សុខ\u{200B} បាន​ថ្លែង", "km") == "លោក\u{200B} {PERSON}\u{200B} បាន​ថ្លែង")
    }

    @Test("M4: names after Ambassador, Minister, Counsellor, Professor, H.E, l'Ambassadeur, le ministre, Me go; the title stays")
    func latinFunctionTitles() {
        #expect(scrubbed("Ambassador Sok Vanna will attend the ceremony.") == "Ambassador {PERSON} will attend the ceremony.")
        #expect(scrubbed("The delegation will be headed by Minister Prak Sokhonn.") == "The delegation will be headed by Minister {PERSON}.")
        #expect(scrubbed("please contact Counsellor Ly Dara on") == "please contact Counsellor {PERSON} on")
        #expect(scrubbed("Professor Jean Dupont will lead the seminar.") == "Professor {PERSON} will lead the seminar.")
        #expect(scrubbed("Minister Counsellor Ly Dara") == "Minister Counsellor {PERSON}")
        #expect(scrubbed("H.E Prak Sokhonn will attend.") == "H.E {PERSON} will attend.")
        #expect(scrubbed("L'Ambassadeur Sok Vanna assistera à la cérémonie.", "fr") == "L'Ambassadeur {PERSON} assistera à la cérémonie.")
        #expect(scrubbed("La délégation sera conduite par le ministre Prak Sokhonn.", "fr") == "La délégation sera conduite par le ministre {PERSON}.")
        #expect(scrubbed("Le professeur Jean Dupont animera le séminaire.", "fr") == "Le professeur {PERSON} animera le séminaire.")
        #expect(scrubbed("Me Jean Dupont, avocat, assistera.", "fr") == "Me {PERSON}, avocat, assistera.")
        // A function said alone, before what is no name, stays.
        let kept = [
            "the Minister of Foreign Affairs and International Cooperation", "Ambassador Extraordinary and Plenipotentiary of the Kingdom",
            "Ambassador Extraordinary And Plenipotentiary", "le ministre des Affaires étrangères", "l'Ambassadeur extraordinaire et plénipotentiaire",
            "the Minister Plenipotentiary", "Minister Counsellor", "Minister Fischer said", "the Consul General of Cambodia",
            "Counsellor Embassy Section", "the Ministry of Foreign Affairs", "Me and My Friends",
        ]
        for text in kept {
            #expect(scrubbed(text) == text, "\(text)")
        }
        // A title after the function: the title pattern takes the name.
        #expect(scrubbed("the Minister Mr Smith") == "the Minister Mr {PERSON}")
    }

    @Test("M4: names after ឯកអគ្គរាជទូត, រដ្ឋមន្ត្រី, សាស្ត្រាចារ្យ go; an embassy, a ministry, the Council of Ministers stay")
    func khmerFunctionTitles() {
        #expect(scrubbed("ឯកអគ្គរាជទូត សុខ វណ្ណា នឹងអញ្ជើញចូលរួមពិធី។", "km") == "ឯកអគ្គរាជទូត {PERSON} នឹងអញ្ជើញចូលរួមពិធី។")
        #expect(scrubbed("គណៈប្រតិភូនឹងដឹកនាំដោយរដ្ឋមន្ត្រី ប្រាក់ សុខុន។", "km") == "គណៈប្រតិភូនឹងដឹកនាំដោយរដ្ឋមន្ត្រី {PERSON}។")
        #expect(scrubbed("សាស្ត្រាចារ្យ ហ្សង់ ឌុយប៉ុង នឹងដឹកនាំសិក្ខាសាលា។", "km") == "សាស្ត្រាចារ្យ {PERSON} នឹងដឹកនាំសិក្ខាសាលា។")
        #expect(scrubbed("រដ្ឋមន្ត្រី\u{200B}ប្រាក់\u{200B}សុខុន", "km") == "រដ្ឋមន្ត្រី\u{200B}{PERSON}")
        let kept = [
            "រដ្ឋមន្ត្រីក្រសួងការបរទេស នឹងអញ្ជើញ", "រដ្ឋមន្រ្តី ក្រសួង មហាផ្ទៃ និង", "ស្ថានឯកអគ្គរាជទូត កម្ពុជា សូមគោរព",
            "ឯកអគ្គរាជទូត ប្រចាំ ប្រទេសបារាំង", "ទីស្តីការគណៈរដ្ឋមន្ត្រី ភ្នំពេញ ក្រុង", "រដ្ឋមន្ត្រី បាន ថ្លែង ថា", "ស្ថានកុងស៊ុល ខេត្ត សៀមរាប",
        ]
        for text in kept { #expect(scrubbed(text, "km") == text, "\(text)") }
    }

    func unit3(_ en: String, _ fr: String, _ km: String) -> TranslationUnit {
        unit([("en", en), ("fr", fr), ("km", km)])
    }

    @Test("M1: a date of birth found in one language goes from the others written with French or Khmer month names and digits")
    func crossLanguageDates() {
        let input = unit3("Keo Rithy (DOB: 2 May 1983) will travel.", "Keo Rithy (2 mai 1983) voyagera.", "កែវ រិទ្ធី (ថ្ងៃទី២ ខែឧសភា ឆ្នាំ១៩៨៣) នឹងធ្វើដំណើរ។")
        let texts = scrubber.scrub(input, file: "xv.tsv", position: 1).unit.variants.map(\.text)
        #expect(texts == ["Keo Rithy (DOB: {DATE_OF_BIRTH}) will travel.", "Keo Rithy ({DATE_OF_BIRTH}) voyagera.", "កែវ រិទ្ធី ({DATE_OF_BIRTH}) នឹងធ្វើដំណើរ។"])
        // Numeric and named writings of one date; another date of the unit stays.
        let mixed = unit3("Born on 14 February 1985; the meeting is on 3 March 2021.", "Née le 14 février 1985 ; réunion le 3 mars 2021.",
                          "១៤/០២/១៩៨៥ ប្រជុំថ្ងៃទី៣ ខែមីនា ឆ្នាំ២០២១។")
        #expect(scrubber.scrub(mixed, file: "t", position: 1).unit.variants.map(\.text)
                == ["Born on {DATE_OF_BIRTH}; the meeting is on 3 March 2021.", "Née le {DATE_OF_BIRTH} ; réunion le 3 mars 2021.",
                    "{DATE_OF_BIRTH} ប្រជុំថ្ងៃទី៣ ខែមីនា ឆ្នាំ២០២១។"])
    }

    @Test("M1: a phone or ID number goes from the other languages written with Khmer digits, other spacing or +855 for 0")
    func crossLanguageNumbers() {
        let phone = unit([("en", "His phone is 012 345 678."), ("km", "គាត់ប្រើ ០១២៣៤៥៦៧៨ ជារៀងរាល់ថ្ងៃ។")])
        #expect(scrubber.scrub(phone, file: "t", position: 1).unit.variants.map(\.text) == ["His phone is {PHONE}.", "គាត់ប្រើ {PHONE} ជារៀងរាល់ថ្ងៃ។"])
        let international = unit3("Call Ms Chan on +855 12 345 678.", "Appelez Mme Chan au 012 345 678.", "ហៅ ០១២៣៤៥៦៧៨ ។")
        #expect(scrubber.scrub(international, file: "t", position: 1).unit.variants.map(\.text)
                == ["Call Ms {PERSON} on {PHONE}.", "Appelez Mme {PERSON} au {PHONE}.", "ហៅ {PHONE} ។"])
        let id = unit([("en", "ID card No. 010203040"), ("km", "បណ្ណ ០១០២០៣០៤០")])
        #expect(scrubber.scrub(id, file: "t", position: 1).unit.variants.map(\.text) == ["ID card No. {ID_NUMBER}", "បណ្ណ {ID_NUMBER}"])
        // Other numbers of the unit stay.
        let other = unit([("en", "His phone is 012 345 678, note 2021/03/118."), ("km", "លេខ ២០២១/០៣/១១៨ និង ០១២៣៤៥៦៧៩")])
        #expect(scrubber.scrub(other, file: "t", position: 1).unit.variants.map(\.text)
                == ["His phone is {PHONE}, note 2021/03/118.", "លេខ ២០២១/០៣/១១៨ និង ០១២៣៤៥៦៧៩"])
    }

    @Test("M1: dateValue reads the three languages' writings of one date to one value")
    func dateValues() {
        for text in ["2 May 1983", "May 2, 1983", "2 mai 1983", "ថ្ងៃទី២ ខែឧសភា ឆ្នាំ១៩៨៣", "២ ឧសភា ១៩៨៣", "02/05/1983", "1983-05-02", "2nd May 1983"] {
            #expect(PersonalDataScrubber.dateValue(text) == "1983-05-02", "\(text)")
        }
        #expect(PersonalDataScrubber.dateValue("31/02/19") == nil)
        #expect(PersonalDataScrubber.dateValue("2 Mayday 1983") == nil)
    }
}
