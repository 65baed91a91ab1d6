import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130j. M1: the labelled lines of a consular form — "Name: Keo Rithy",
/// « Nom : Sok Dara », ឈ្មោះ៖ សុខ ដារា, "Surname: … given name: …", "Applicant: …" — kept the
/// name while the date of birth and passport number beside them were replaced. M2: a name
/// after a diplomatic rank or function the title list lacked — "First Secretary Chan Sophal",
/// « le Premier secrétaire », លេខាទីមួយ, "Director-General", អគ្គនាយក, "Secretary of State",
/// រដ្ឋលេខាធិការ, "Colonel", វរសេនីយ៍ឯក — was stored in all three languages. Values are the
/// reviewer's (`/tmp/review-s10/f/pd1.tsv`, `pd2.tsv`, `pd3.tsv`, `pd4.tsv`, `pd7.tsv`). M3: a name before
/// its function in a delegation list, or between commas after a function or kin word. M4: kin words
/// before a name ("his wife", « sa fille », "her husband", « son épouse »).
@Suite("Personal data: acceptance review 1130j (form labels, diplomatic ranks)")
struct PersonalDataReview1130jTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    @Test("M1: a name after a form label and its colon is replaced, in English, French and Khmer", arguments: [
        ("Name: Sok Dara", "en", "Name: {PERSON}"),
        ("Full name: Chan Sophea", "en", "Full name: {PERSON}"),
        ("Applicant: Keo Rithy (passport {PASSPORT})", "en", "Applicant: {PERSON} (passport {PASSPORT})"),
        ("Spouse: Chea Malis", "en", "Spouse: {PERSON}"),
        ("Nom : Sok Dara", "fr", "Nom : {PERSON}"),
        ("Nom complet : Chan Sophea", "fr", "Nom complet : {PERSON}"),
        ("Demandeur : Keo Rithy", "fr", "Demandeur : {PERSON}"),
        ("ឈ្មោះ៖ សុខ ដារា", "km", "ឈ្មោះ៖ {PERSON}"),
        ("ឈ្មោះ៖ សុខ\u{200B} ដារា", "km", "ឈ្មោះ៖ {PERSON}"),
    ])
    func formLabels(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("M1's over-reach: `Name:` after a word naming a thing labels no person; a person's Name: still does", arguments: [
        ("File name: Visa Request.docx", "en", "File name: Visa Request.docx"),
        ("User name: Protocol Desk", "en", "User name: Protocol Desk"),
        ("Company name: Angkor Travel", "en", "Company name: Angkor Travel"),
        ("file_name: Visa Request", "en", "file_name: Visa Request"),
        ("Applicant's file. Name: Sok Dara", "en", "Applicant's file. Name: {PERSON}"),
        ("Family name: Sok Dara", "en", "Family name: {PERSON}"),
    ])
    func thingNames(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("M1: a surname and a given name on one line both go", arguments: [
        ("Surname: SOK, given name: Dara", "en", ["SOK", "Dara"]),
        ("Nom : SOK, Prénom : Dara", "fr", ["SOK", "Dara"]),
        ("នាមត្រកូល៖ សុខ នាមខ្លួន៖ ដារា", "km", ["សុខ", "ដារា"]),
    ])
    func surnameAndGivenName(_ text: String, _ language: String, _ parts: [String]) {
        let scrubbed = scrubber.scrubbed(text, language: language).text
        for part in parts { #expect(!scrubbed.contains(part), "\(scrubbed)") }
        #expect(scrubbed.contains("{PERSON"), "\(scrubbed)")
    }

    @Test("M1: the next label on the line is no part of the name before it", arguments: [
        ("Surname: SOK, given name: Dara", "en", "given name: "),
        ("Nom : SOK, Prénom : Dara", "fr", "Prénom : "),
        ("នាមត្រកូល៖ សុខ នាមខ្លួន៖ ដារា", "km", " នាមខ្លួន៖ "),
        ("ឈ្មោះ៖ សុខ ឈ្មោះពេញ៖ សុខ ដារា", "km", " ឈ្មោះពេញ៖ "),
    ])
    func nextLabelKept(_ text: String, _ language: String, _ label: String) {
        let scrubbed = scrubber.scrubbed(text, language: language).text
        #expect(scrubbed.contains(label), "\(scrubbed)")
    }

    @Test("M1: an institution after the label stays", arguments: [
        ("Name: Ministry of Foreign Affairs and International Cooperation", "en"),
        ("Nom : Ministère des Affaires étrangères", "fr"),
        ("The name of the applicant is given below.", "en"),
    ])
    func formLabelsKeepInstitutions(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("M1: an applicant property is read as after its label")
    func applicantProperty() {
        var unit = TranslationUnit(variants: [Variant(language: tag("en"), text: "The Embassy requests a visa."),
                                              Variant(language: tag("fr"), text: "L'Ambassade demande un visa.")])
        unit.metadata.properties = [Property(type: "x-applicant", value: "Keo Rithy")]
        let properties = scrubber.scrub(unit, file: "t", position: 1).unit.metadata.properties
        #expect(properties == [Property(type: "x-applicant", value: "{PERSON}")])
    }

    @Test("M2: a name after a diplomatic rank or function is replaced, in English, French and Khmer", arguments: [
        ("First Secretary Chan Sophal will attend.", "en", "First Secretary {PERSON} will attend."),
        ("Third Secretary Keo Rithy has been appointed.", "en", "Third Secretary {PERSON} has been appointed."),
        ("The Secretary of State Chea Malis will attend.", "en", "The Secretary of State {PERSON} will attend."),
        ("Director-General Keo Rithy will attend.", "en", "Director-General {PERSON} will attend."),
        ("Colonel Keo Rithy, Defence Attaché, will attend.", "en", "Colonel {PERSON}, Defence Attaché, will attend."),
        ("Le Premier secrétaire Chan Sophal participera.", "fr", "Le Premier secrétaire {PERSON} participera."),
        ("La secrétaire d'État Chea Malis est arrivée.", "fr", "La secrétaire d'État {PERSON} est arrivée."),
        ("Le Directeur général Keo Rithy participera.", "fr", "Le Directeur général {PERSON} participera."),
        ("លេខាទីមួយ ចាន់ សុផល នឹងចូលរួម។", "km", "លេខាទីមួយ {PERSON} នឹងចូលរួម។"),
        ("លេខាទីពីរ ចាន់ សុផល", "km", "លេខាទីពីរ {PERSON}"),
        ("អគ្គនាយក កែវ រិទ្ធី នឹងចូលរួម។", "km", "អគ្គនាយក {PERSON} នឹងចូលរួម។"),
        ("រដ្ឋលេខាធិការ ជា ម៉ាលីស នឹងចូលរួម។", "km", "រដ្ឋលេខាធិការ {PERSON} នឹងចូលរួម។"),
        ("វរសេនីយ៍ឯក កែវ រិទ្ធី", "km", "វរសេនីយ៍ឯក {PERSON}"),
    ])
    func ranks(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("M2: a rank before what is no name stays (Europarl's and the notes' own wordings)", arguments: [
        ("Mr Secretary of State for Scotland .", "en"),
        ("the Secretary General of the United Nations", "en"),
        ("The Secretary General has just decided to send observers .", "en"),
        ("Director of Common Services", "en"),
        ("Directorate General VII", "en"),
        ("le Directeur des Accords Commerciaux", "fr"),
        ("អគ្គនាយកដ្ឋានអន្តោប្រវេសន៍ នឹងចេញទិដ្ឋាការ។", "km"),
        ("អគ្គនាយក នៃ អគ្គនាយកដ្ឋានអន្តោប្រវេសន៍", "km"),
    ])
    func ranksKeepOrdinaryText(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("M2: the aligned English, French and Khmer of one unit all lose the name")
    func alignedRanks() {
        let unit = TranslationUnit(variants: [
            Variant(language: tag("en"), text: "Counsellor Keo Rithy and First Secretary Chan Sophal will attend."),
            Variant(language: tag("fr"), text: "Le Conseiller Keo Rithy et le Premier secrétaire Chan Sophal participeront."),
            Variant(language: tag("km"), text: "ទីប្រឹក្សា កែវ រិទ្ធី និងលេខាទីមួយ ចាន់ សុផល នឹងចូលរួម។"),
        ])
        let scrubbed = scrubber.scrub(unit, file: "pd1.tsv", position: 7).unit
        for variant in scrubbed.variants {
            #expect(!variant.text.contains("Chan Sophal") && !variant.text.contains("ចាន់ សុផល"), "\(variant.text)")
        }
    }

    @Test("M4: the name of a diplomat's spouse or child after a kin word is replaced", arguments: [
        ("Mr. Sok Dara and his wife Chea Malis will travel to Geneva.", "en", ["Chea", "Malis"]),
        ("Her spouse Keo Rithy will accompany her.", "en", ["Keo", "Rithy"]),
        ("His daughter Sok Malika will accompany him.", "en", ["Malika"]),
        ("M. Sok Dara et sa fille Sok Malika voyageront.", "fr", ["Malika"]),
        ("Son mari Keo Rithy l'accompagnera.", "fr", ["Keo", "Rithy"]),
        ("លោក សុខ ដារា និងភរិយាឈ្មោះ ជា ម៉ាលីស នឹងធ្វើដំណើរទៅទីក្រុងហ្សឺណែវ។", "km", ["ម៉ាលីស"]),
        ("ស្វាមីឈ្មោះ កែវ រិទ្ធី នឹងអមដំណើរ។", "km", ["រិទ្ធី"]),
    ])
    func kin(_ text: String, _ language: String, _ parts: [String]) {
        let scrubbed = scrubber.scrubbed(text, language: language).text
        for part in parts { #expect(!scrubbed.contains(part), "\(scrubbed)") }
    }

    @Test("M4: kin words before what is no name stay", arguments: [
        ("The wife of the Ambassador will attend the reception.", "en"),
        ("His wife will attend the National Day reception.", "en"),
        ("La fille aînée du Roi assistera à la cérémonie.", "fr"),
        ("ភរិយា របស់ឯកអគ្គរាជទូត នឹងចូលរួម។", "km"),
    ])
    func kinKeepsOrdinaryText(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    // M3 (review 1130j): a name before its function — delegation lists, "headed by …, Secretary
    // of State" — and a name in apposition after a function or kin word ("The Ambassador, Sok
    // Vanna, will …", "His daughter, Sok Malika, will …"). The reviewer's shapes (`pd4.tsv`, `pd7.tsv`).

    @Test("M3: a name before a comma and its function is replaced (delegation lists, EN/FR)", arguments: [
        ("1. Sok Dara, Director-General, Head of Delegation", "en", "1. {PERSON}, Director-General, Head of Delegation"),
        ("2. KEO Rithy, Deputy Director", "en", "2. {PERSON}, Deputy Director"),
        ("- Chan Sophal, Second Secretary", "en", "- {PERSON}, Second Secretary"),
        ("The delegation will be headed by Sok Dara, Secretary of State.", "en", "The delegation will be headed by {PERSON}, Secretary of State."),
        ("Chan Sophal, Counsellor, Permanent Mission of Cambodia", "en", "{PERSON}, Counsellor, Permanent Mission of Cambodia"),
        ("1. Sok Dara, Directeur général, chef de la délégation", "fr", "1. {PERSON}, Directeur général, chef de la délégation"),
        ("La délégation sera conduite par Sok Dara, Secrétaire d'État.", "fr", "La délégation sera conduite par {PERSON}, Secrétaire d'État."),
        ("- Chan Sophal, Deuxième secrétaire", "fr", "- {PERSON}, Deuxième secrétaire"),
        ("The delegation will comprise Sok Dara, Director-General, and Chan Sophal, Counsellor.", "en",
         "The delegation will comprise {PERSON1}, Director-General, and {PERSON2}, Counsellor."),
        ("Sok Dara, Director and Chan Sophal, Counsellor", "en", "{PERSON1}, Director and {PERSON2}, Counsellor"),
    ])
    func nameBeforeFunction(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("M3/M4: a name in apposition after a function or kin word, between commas, is replaced", arguments: [
        ("The Ambassador, Sok Vanna, will present his credentials.", "en", "The Ambassador, {PERSON}, will present his credentials."),
        ("L'Ambassadeur, Sok Vanna, présentera ses lettres de créance.", "fr", "L'Ambassadeur, {PERSON}, présentera ses lettres de créance."),
        ("His daughter, Sok Malika, will accompany him.", "en", "His daughter, {PERSON}, will accompany him."),
        ("Sa fille, Sok Malika, l'accompagnera.", "fr", "Sa fille, {PERSON}, l'accompagnera."),
        ("Her husband, Keo Rithy, will accompany her.", "en", "Her husband, {PERSON}, will accompany her."),
        ("Son épouse, Chea Malis, l'accompagnera.", "fr", "Son épouse, {PERSON}, l'accompagnera."),
    ])
    func nameInApposition(_ text: String, _ language: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("M3: offices, bodies, places and acronyms before or after a function stay (real notes' and Europarl's shapes)", arguments: [
        ("Department of Legal Affairs, Director-General", "en"),
        ("Human Resources, Director", "en"),
        ("United Nations, Secretary-General", "en"),
        ("Permanent Mission of Cambodia, Counsellor", "en"),
        ("Phnom Penh, Director", "en"),
        ("New Zealand, Minister", "en"),
        ("UNDP OHCHR, Director", "en"),
        ("Mr President, Commissioner, ladies and gentlemen, I welcome the report.", "en"),
        ("Madam President, Minister, the Council has agreed.", "en"),
        ("The Director, Human Resources, will reply.", "en"),
        ("The Minister, Foreign Affairs Department, will attend.", "en"),
        ("Monsieur le Président, Madame la Commissaire, chers collègues,", "fr"),
        ("Direction des affaires juridiques, Directeur", "fr"),
        ("Ambassador, Sihanouk Boulevard, Phnom Penh", "en"),
        ("Ministry of Planning and Rural Development, Director", "en"),
        ("It is acceptable to the International Criminal Court, the Ministry proposes that this note be accepted.", "en"),
    ])
    func functionKeepsOrdinaryText(_ text: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == text)
    }

    @Test("M3: the aligned English, French and Khmer of one delegation line all lose the name")
    func alignedDelegationLine() {
        let unit = TranslationUnit(variants: [
            Variant(language: tag("en"), text: "The Ambassador, Sok Vanna, will present his credentials."),
            Variant(language: tag("fr"), text: "L'Ambassadeur, Sok Vanna, présentera ses lettres de créance."),
            Variant(language: tag("km"), text: "ឯកអគ្គរាជទូត សុខ វណ្ណា នឹងថ្វាយលិខិតតាំងតែង។"),
        ])
        let scrubbed = scrubber.scrub(unit, file: "pd4.tsv", position: 3).unit
        for variant in scrubbed.variants {
            #expect(!variant.text.contains("Sok Vanna") && !variant.text.contains("សុខ វណ្ណា"), "\(variant.text)")
        }
    }

    @Test("M4: a husband or « épouse » before the name is a kin word", arguments: [
        ("Her husband Keo Rithy will accompany her.", "en", ["Keo", "Rithy"]),
        ("Husband Keo Rithy will accompany her.", "en", ["Keo", "Rithy"]),
        ("M. Sok Dara et son épouse Chea Malis voyageront.", "fr", ["Chea", "Malis"]),
        ("Épouse Chea Malis, née le 1er mai.", "fr", ["Chea", "Malis"]),
    ])
    func husbandAndEpouse(_ text: String, _ language: String, _ parts: [String]) {
        let scrubbed = scrubber.scrubbed(text, language: language).text
        for part in parts { #expect(!scrubbed.contains(part), "\(scrubbed)") }
    }

    @Test("M4: Husband and « épouse » pass the byte pre-checks (fast, fused and reference agree) and are found filtered as unfiltered", arguments: [
        "Husband Keo Rithy", "her husband Keo Rithy", "HUSBAND KEO RITHY", "son épouse Chea Malis", "Son Épouse Chea Malis",
        "épouse\u{A0}Chea Malis", "l'épouse Chea Malis", "répouse Chea Malis", "épousé Chea Malis", "Son époux Keo Rithy", "épouse",
        "1. Sok Dara, Director-General", "The Ambassador, Sok Vanna, will present", "Sok Dara,Director",
    ])
    func kinPreChecks(_ text: String) {
        let fast = PersonalDataScrubber.possibleFurtherRules(text), reference = PersonalDataScrubber.possibleFurtherRulesReference(text)
        let titles: PersonalDataScrubber.FurtherRules = [.latinFunctionTitle, .capitalFunctionTitle]
        #expect(reference.isSuperset(of: fast.intersection(titles)), "\(fast.rawValue) vs \(reference.rawValue)")
        #expect(fast.subtracting(titles) == reference.subtracting(titles))
        #expect(PersonalDataScrubber.preChecks(text) == PersonalDataScrubber.preChecksReference(text))
        let filtered = PersonalDataScrubber.furtherRuleSpans(in: text).map(\.range)
        let unfiltered = PersonalDataScrubber.furtherRuleSpans(in: text, filtered: false).map(\.range)
        #expect(filtered == unfiltered, "\(filtered) vs \(unfiltered)")
    }
}
