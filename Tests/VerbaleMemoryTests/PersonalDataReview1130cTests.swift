import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130c, personal data: M3 (passport numbers after the usual French, Khmer and
/// English wordings), M4 (names after ឯ.ឧ., បណ្ឌិត, "Lok Chumteav"), m6 ("Compiled by:",
/// "Source:" and French « compilé par », « établi par »). The Khmer is the reviewer's own
/// (`/tmp/review-c/km-titles.tsv`, `pd-km.txt`) and forms of the khPOS sample's names.
@Suite("Personal data: acceptance review 1130c (passport wordings, Khmer abbreviated titles, termbase labels)")
struct PersonalDataReview1130cTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func scrubbed(_ text: String, _ language: String = "en") -> String {
        scrubber.scrubbed(text, language: language).text
    }

    @Test("M3: French passport and ID numbers after « diplomatique », « de service », « officiel », « porte le numéro », « (n° …) » go")
    func frenchPassportWordings() {
        #expect(scrubbed("Le titulaire du passeport diplomatique n° D0456789 arrivera le 3 mars 2021.", "fr")
                == "Le titulaire du passeport diplomatique n° {PASSPORT} arrivera le 3 mars 2021.")
        #expect(scrubbed("Son passeport de service porte le numéro S1234567.", "fr") == "Son passeport de service porte le numéro {PASSPORT}.")
        #expect(scrubbed("titulaire du passeport de service n° S1234567", "fr") == "titulaire du passeport de service n° {PASSPORT}")
        #expect(scrubbed("passeport diplomatique numéro D0456789", "fr") == "passeport diplomatique numéro {PASSPORT}")
        #expect(scrubbed("muni du passeport officiel n°\u{A0}O1234567", "fr") == "muni du passeport officiel n°\u{A0}{PASSPORT}")
        #expect(scrubbed("un passeport ordinaire portant le numéro N0123456", "fr") == "un passeport ordinaire portant le numéro {PASSPORT}")
        #expect(scrubbed("Le passeport (n° N0123456) expire le 3 mai 2025.", "fr") == "Le passeport (n° {PASSPORT}) expire le 3 mai 2025.")
        #expect(scrubbed("carte d'identité diplomatique n° 0123456", "fr") == "carte d'identité diplomatique n° {ID_NUMBER}")
        // Unchanged: a passport with no number, or a number too short to be one.
        #expect(scrubbed("Le passeport diplomatique n'est pas exigé depuis 2019.", "fr") == "Le passeport diplomatique n'est pas exigé depuis 2019.")
        #expect(scrubbed("passeport de service n° 12", "fr") == "passeport de service n° 12")
    }

    @Test("M3: Khmer passport numbers after ការទូត / ផ្លូវការ / សេវា (with or without U+200B) and a holder, then លេខ, go")
    func khmerPassportWordings() {
        #expect(scrubbed("អ្នកកាន់លិខិតឆ្លងដែនការទូតលេខ D0456789 នឹងមកដល់នៅថ្ងៃទី៣ ខែមីនា ឆ្នាំ២០២១។", "km")
                == "អ្នកកាន់លិខិតឆ្លងដែនការទូតលេខ {PASSPORT} នឹងមកដល់នៅថ្ងៃទី៣ ខែមីនា ឆ្នាំ២០២១។")
        #expect(scrubbed("លិខិតឆ្លងដែន\u{200B}ការទូត\u{200B}លេខ D0456789", "km") == "លិខិតឆ្លងដែន\u{200B}ការទូត\u{200B}លេខ {PASSPORT}")
        #expect(scrubbed("លិខិតឆ្លងដែនផ្លូវការលេខ S1234567", "km") == "លិខិតឆ្លងដែនផ្លូវការលេខ {PASSPORT}")
        #expect(scrubbed("លិខិតឆ្លងដែនផ្លូវការរបស់គាត់លេខ S1234567។", "km") == "លិខិតឆ្លងដែនផ្លូវការរបស់គាត់លេខ {PASSPORT}។")
        #expect(scrubbed("លិខិតឆ្លងដែន​សេវា​លេខ​៖ S១២៣៤៥៦៧", "km") == "លិខិតឆ្លងដែន​សេវា​លេខ​៖ {PASSPORT}")
        #expect(scrubbed("អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរលេខ ០១០២០៣០៤០", "km") == "អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរលេខ {ID_NUMBER}")
        // A passport kind with no number stays.
        #expect(scrubbed("សូមភ្ជាប់លិខិតឆ្លងដែនការទូតមកជាមួយ។", "km") == "សូមភ្ជាប់លិខិតឆ្លងដែនការទូតមកជាមួយ។")
    }

    @Test("M3: English \"passport number is …\" and \"passport (No. …)\" go")
    func englishPassportWordings() {
        #expect(scrubbed("His service passport number is S1234567.") == "His service passport number is {PASSPORT}.")
        #expect(scrubbed("The passport (No. N0123456) expires on 3 May 2025.") == "The passport (No. {PASSPORT}) expires on 3 May 2025.")
        #expect(scrubbed("a passport bearing the number N0123456") == "a passport bearing the number {PASSPORT}")
        #expect(scrubbed("His ID number is 0123456.") == "His ID number is {ID_NUMBER}.")
        #expect(scrubbed("The passport number is required.") == "The passport number is required.")
    }

    @Test("M3: check (the same detector) flags every line of the reviewer's pd-fr.txt and pd-km.txt as a passport number")
    func checkSharesTheDetector() {
        let lines = [
            "titulaire du passeport diplomatique n° D0456789", "titulaire du passeport de service n° S1234567",
            "titulaire du passeport n° N0123456", "passeport diplomatique numéro D0456789",
            "លិខិតឆ្លងដែនការទូតលេខ D0456789", "លិខិតឆ្លងដែន\u{200B}ការទូត\u{200B}លេខ D0456789", "លិខិតឆ្លងដែនលេខ D0456789",
            "លិខិតឆ្លងដែនផ្លូវការលេខ S1234567",
        ]
        for line in lines {
            #expect(scrubber.detect(in: line).map(\.kind) == [.passport], "\(line)")
        }
    }

    @Test("M4: the name after ឯ.ឧ. (ឯ. ឧ., ឯ.ឧ, glued), ល.ជ., ឧ.ក. and បណ្ឌិត goes, the title stays")
    func khmerAbbreviatedTitles() {
        #expect(scrubbed("ឯ.ឧ. សុខ ចិន្តា នឹង​អញ្ជើញ​ចូលរួម​កិច្ចប្រជុំ។", "km") == "ឯ.ឧ. {PERSON} នឹង​អញ្ជើញ​ចូលរួម​កិច្ចប្រជុំ។")
        #expect(scrubbed("ឯ. ឧ. សុខ ចិន្តា រដ្ឋមន្ត្រី​ប្រតិភូ​អមនាយករដ្ឋមន្ត្រី។", "km") == "ឯ. ឧ. {PERSON} រដ្ឋមន្ត្រី​ប្រតិភូ​អមនាយករដ្ឋមន្ត្រី។")
        #expect(scrubbed("ឯ.ឧ សុខ ចិន្តា", "km") == "ឯ.ឧ {PERSON}")
        #expect(scrubbed("ឯ.ឧ.\u{200B}ប្រាក់\u{200B}សុខុន\u{200B}បាន​ថ្លែង", "km") == "ឯ.ឧ.\u{200B}{PERSON}\u{200B}បាន​ថ្លែង")
        #expect(scrubbed("ដឹកនាំដោយឯ.ឧ.ហោ ណាំហុង", "km") == "ដឹកនាំដោយឯ.ឧ.{PERSON}")
        #expect(scrubbed("ល.ជ. ម៉ែន សំអន", "km") == "ល.ជ. {PERSON}")
        #expect(scrubbed("ឧ.ក. គិត ម៉េង", "km") == "ឧ.ក. {PERSON}")
        #expect(scrubbed("គណៈប្រតិភូ​នឹង​ដឹកនាំ​ដោយ​បណ្ឌិត ជា វណ្ណាត។", "km") == "គណៈប្រតិភូ​នឹង​ដឹកនាំ​ដោយ​បណ្ឌិត {PERSON}។")
        #expect(scrubbed("ដោយបណ្ឌិត ជា វណ្ណាត", "km") == "ដោយបណ្ឌិត {PERSON}")
        #expect(scrubbed("វេជ្ជបណ្ឌិត ហេង សុភា", "km") == "វេជ្ជបណ្ឌិត {PERSON}")
        // An office after the abbreviation stays, and a name after it goes.
        #expect(scrubbed("ឯ.ឧ. រដ្ឋមន្ត្រី​ការបរទេស", "km") == "ឯ.ឧ. រដ្ឋមន្ត្រី​ការបរទេស")
        #expect(scrubbed("ឯ.ឧ. បណ្ឌិត សុខ ចិន្តា", "km") == "ឯ.ឧ. បណ្ឌិត {PERSON}")
        // Not titles: a degree glued to its noun, the Academy (បណ្ឌិត្យ), a pronoun-like verb after បណ្ឌិត.
        for kept in ["គាត់​ទទួល​បាន​សញ្ញាបត្របណ្ឌិត ផ្នែក​ច្បាប់។", "រាជបណ្ឌិត្យសភាកម្ពុជា", "បណ្ឌិត បាន​ថ្លែង​ថា…", "ល.រ ១២"] {
            #expect(scrubbed(kept, "km") == kept)
        }
        // A scrubbed text scrubbed again is unchanged.
        #expect(scrubbed("ឯ.ឧ. {PERSON} នឹង​អញ្ជើញ។", "km") == "ឯ.ឧ. {PERSON} នឹង​អញ្ជើញ។")
    }

    @Test("M4: romanised Lok Chumteav and Lok are titles; Lok Sabha is not")
    func romanisedKhmerTitles() {
        #expect(scrubbed("The letter was signed by Lok Chumteav Men Sam An.") == "The letter was signed by Lok Chumteav {PERSON}.")
        #expect(scrubbed("Lok Sok Dara will attend.") == "Lok {PERSON} will attend.")
        #expect(scrubbed("H.E. Lok Chumteav Men Sam An") == "H.E. Lok Chumteav {PERSON}")
        #expect(scrubbed("Samdech Techo Hun Sen") == "Samdech Techo {PERSON}")
        #expect(scrubbed("the Lok Sabha adopted it") == "the Lok Sabha adopted it")
        #expect(scrubbed("Lok Chumteav {PERSON} thanked the Embassy.") == "Lok Chumteav {PERSON} thanked the Embassy.")
    }

    @Test("M4: the reviewer's km-titles unit: the Khmer side loses the name its English side loses")
    func bothSidesOfAUnit() {
        let rows: [(String, String, String)] = [
            ("H.E. Mr. Sok Chenda will attend the meeting.", "ឯ.ឧ. សុខ ចិន្តា នឹង​អញ្ជើញ​ចូលរួម​កិច្ចប្រជុំ។", "ឯ.ឧ. {PERSON"),
            ("The delegation will be led by Dr. Chea Vannath.", "គណៈប្រតិភូ​នឹង​ដឹកនាំ​ដោយ​បណ្ឌិត ជា វណ្ណាត។", "បណ្ឌិត {PERSON"),
            ("The letter was signed by Lok Chumteav Men Sam An.", "លិខិត​ត្រូវ​បាន​ចុះហត្ថលេខា​ដោយ​លោកជំទាវ ម៉ែន សំអន។", "លោកជំទាវ {PERSON"),
        ]
        for (english, khmer, expected) in rows {
            let result = scrubber.scrub(unit([("en", english), ("km", khmer)]), file: "km-titles.tsv", position: 1)
            let texts = result.unit.variants.map(\.text)
            #expect(texts[1].contains(expected), "\(texts)")
            #expect(!texts.joined().contains("Sok Chenda") && !texts.joined().contains("សុខ ចិន្តា") && !texts.joined().contains("ជា វណ្ណាត")
                    && !texts.joined().contains("Men Sam An"), "\(texts)")
        }
    }

    @Test("m6: names after \"Compiled by:\", \"compiled by\", \"source:\", « Compilé par », « Établi par » go like \"Prepared by\"")
    func termbaseLabels() {
        #expect(scrubbed("Compiled by: Keo Sreymom") == "Compiled by: {PERSON}")
        #expect(scrubbed("compiled by Keo Sreymom") == "compiled by {PERSON}")
        #expect(scrubbed("source: Keo Sreymom, 2020") == "source: {PERSON}, 2020")
        #expect(scrubbed("Source: Keo Sreymom") == "Source: {PERSON}")
        #expect(scrubbed("Compilé par : Keo Sreymom", "fr") == "Compilé par : {PERSON}")
        #expect(scrubbed("Établi par : Keo Sreymom et Chan Thida", "fr") == "Établi par : {PERSON1} et {PERSON2}")
        #expect(scrubbed("Établie par Keo Sreymom", "fr") == "Établie par {PERSON}")
        #expect(scrubbed("Source : Mme Keo Sreymom", "fr") == "Source : Mme {PERSON}")
        // Sources that are documents, media, bodies or corpora stay.
        for kept in ["Source: Europarl", "Source: Official Journal", "Source: Phnom Penh Post", "Source: TERMIUM Plus record (Diplomacy)",
                     "Source: United Nations Treaty Collection", "source : Journal officiel", "Source: Ministry of Foreign Affairs",
                     "établi par la Conférence des présidents", "Source: internal list 2020", "Source: Keo Sreymom Chan Thida Dara Vy and more"] {
            #expect(scrubbed(kept) == kept)
        }
    }

    @Test("m6: glossary-style notes in a unit (the reviewer's g2.tsv rows) keep no name")
    func glossaryNotes() {
        for note in ["Compiled by: Keo Sreymom", "compiled by Keo Sreymom", "source: Keo Sreymom, 2020", "Prepared by Keo Sreymom"] {
            let input = unit([("en", "consul"), ("fr", "consul")], metadata: UnitMetadata(notes: [note]))
            let notes = scrubber.scrub(input, file: "g2.tsv", position: 1).unit.metadata.notes
            #expect(!notes.joined().contains("Keo Sreymom"), "\(notes)")
        }
    }
}
