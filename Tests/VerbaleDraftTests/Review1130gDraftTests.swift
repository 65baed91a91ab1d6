import Testing
import VerbaleCore
@testable import VerbaleDraft

/// `draft translate` on the titles, countries and names of review 1130g (M2–M5), with the
/// shipped stock phrases and glossary.
@Suite("Review 1130g: whole glossary terms across \"and\", « de » + country, \"and\" between untranslated parts, time-zone cities")
struct Review1130gDraftTests {
    static let glossary: DraftGlossary? = try? DraftGlossary.shipped()

    static func translator(from language: Language) throws -> Pretranslator {
        let glossary: DraftGlossary = try #require(Self.glossary, "the shipped glossaries load")
        return try Pretranslator(book: Fixtures.book, sourceLanguage: language, glossary: glossary)
    }

    @Test("M2: \"Ambassador Extraordinary and Plenipotentiary\" is the glossary's whole title, not \"ambassadeur ⟦Extraordinary⟧ et ⟦Plenipotentiary⟧\"")
    func wholeTitle() throws {
        let english = try Self.translator(from: .english)
        let french = english.translate("He is Ambassador Extraordinary and Plenipotentiary.", to: .french)
        #expect(french.text == "⟦He is⟧ ambassadeur extraordinaire et plénipotentiaire.", "\(french.text)")
        let khmer = english.translate("He is Ambassador Extraordinary and Plenipotentiary.", to: .khmer)
        #expect(khmer.text.contains("ឯកអគ្គរដ្ឋទូតវិសាមញ្ញ និងពេញសមត្ថភាព"), "\(khmer.text)")
        #expect(khmer.flags.contains("unreviewed"), "the glossary's Khmer is unreviewed: \(khmer.flags)")
        #expect(khmer.untranslated == ["He is"], "\(khmer.untranslated)")
        let back = try Self.translator(from: .french).translate("Il est ambassadeur extraordinaire et plénipotentiaire.", to: .english)
        #expect(back.text.contains("Ambassador Extraordinary and Plenipotentiary"), "\(back.text)")
    }

    /// Every shipped term with "and"/« et » inside ("Economic and Social Council", "Ministry of
    /// Foreign Affairs and International Cooperation", "Bosnia and Herzegovina"…): none of its
    /// words is left ⟦…⟧ in French or Khmer (they were cut at the "and" before).
    @Test("M2: no shipped term holding \"and\"/« et » is cut at it")
    func everyTermWithAnd() throws {
        let glossary: DraftGlossary = try #require(Self.glossary, "the shipped glossaries load")
        var checked = 0
        for (source, word) in [(Language.english, " and "), (.french, " et ")] {
            let translator = try Self.translator(from: source)
            let terms = glossary.termbase.concepts.flatMap(\.terms)
                .filter { $0.language.language == source && $0.text.contains(word) }
            for term in terms {
                let sentence = "It names \(term.text) today."
                for target in [Language.english, .french, .khmer] where target != source {
                    let translation = translator.translate(sentence, to: target)
                    let words = term.text.split(separator: " ").map(String.init).filter { $0.count > 3 }
                    let cut = translation.untranslated.filter { part in words.contains { part.contains($0) } }
                    #expect(cut.isEmpty, "\(term.text) → \(translation.text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 40, "terms with and/et checked: \(checked)")
    }

    @Test("M5: « de » + country after the agrément formula is contracted as `draft new` writes it: « du Japon », « de la Thaïlande », « des Philippines »",
          arguments: [("Japan", "du Gouvernement du Japon"), ("Thailand", "du Gouvernement de la Thaïlande"),
                      ("Cambodia", "du Gouvernement du Cambodge"), ("the Philippines", "du Gouvernement des Philippines"),
                      ("the United States", "du Gouvernement des États-Unis"), ("Singapore", "du Gouvernement de Singapour")])
    func countryAfterDe(_ country: String, _ french: String) throws {
        let sentence = "The Embassy has the honour to request the agrément of the Government of \(country) for the appointment."
        let translation = try Self.translator(from: .english).translate(sentence, to: .french)
        #expect(translation.text.contains("l'agrément " + french + " ⟦for the appointment⟧."), "\(translation.text)")
        #expect(!translation.untranslated.contains("the"), "\(translation.untranslated)")
        // The same name `draft new` writes for the Government of that country.
        let namer = InstitutionNamer(glossary: Self.glossary)
        #expect(french.hasSuffix(namer.name("Government of \(country)", in: .french).genitive.dropFirst(3)), "\(french)")
    }

    @Test("M4: \"and\"/« et » with untranslated words on both sides stays inside one ⟦…⟧ in English and French, as in Khmer")
    func andBetweenUntranslated() throws {
        let english = try Self.translator(from: .english)
        let circular = "The Ministry presents its compliments to all Diplomatic Missions and International Organizations accredited to the Kingdom of Cambodia."
        for target in [Language.french, .khmer] {
            let translation = english.translate(circular, to: target)
            #expect(translation.text.contains("⟦all Diplomatic Missions and International Organizations accredited to the⟧"), "\(translation.text)")
            #expect(translation.untranslated == ["all Diplomatic Missions and International Organizations accredited to the"], "\(translation.untranslated)")
        }
        let french = try Self.translator(from: .french)
        let note = "Il remercie les Amis du Musée et les Mécènes du Louvre."
        for target in [Language.english, .khmer] {
            let translation = french.translate(note, to: target)
            // The sentence's full stop stands after the marks, in the target's form (review 1201a m8).
            #expect(translation.untranslated == ["Il remercie les Amis du Musée et les Mécènes du Louvre"], "\(translation.text)")
            #expect(translation.text == "⟦Il remercie les Amis du Musée et les Mécènes du Louvre⟧" + (target == .khmer ? "។" : "."),
                    "\(translation.text)")
        }
        // "and," keeps its comma: « … aux droits de l'homme et, en se référant à … ».
        let transmittal = english.translate("The Permanent Mission of the Kingdom of Cambodia presents its compliments to the Office of the High Commissioner for Human Rights and, with reference to the Office's letter, has the honour to transmit the reply.", to: .french)
        #expect(transmittal.text.contains("droits de l'homme et, en se référant à"), "\(transmittal.text)")
        // Between translated parts it is still translated: « Le Ministère et l'Ambassade ».
        let both = english.translate("The Ministry and the Embassy met.", to: .french)
        #expect(both.text.hasPrefix("Le Ministère et l'Ambassade"), "\(both.text)")
    }

    @Test("M4: France's « Ministère de l'Europe et des Affaires étrangères » is the Ministry for Europe and Foreign Affairs (diplomatie.gouv.fr)")
    func franceForeignMinistry() throws {
        let french = try Self.translator(from: .french)
        let opening = "L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère de l'Europe et des Affaires étrangères et a l'honneur de l'informer que l'Ambassade sera fermée."
        let translation = french.translate(opening, to: .english)
        #expect(translation.text.contains("presents its compliments to the Ministry for Europe and Foreign Affairs and has the honour"), "\(translation.text)")
        let khmer = french.translate(opening, to: .khmer)
        #expect(khmer.flags.contains("unreviewed") && !khmer.text.contains("Ministère"), "\(khmer.text)")
        let back = InstitutionNamer(glossary: Self.glossary).name("Ministry for Europe and Foreign Affairs", in: .french)
        #expect(back.dative == "au Ministère de l'Europe et des Affaires étrangères", "\(back.dative)")
    }

    @Test("M3: a place-and-date line with a city `draft new` renders through its time zone is read as Bangkok's is, from and into each language",
          arguments: ["Tokyo", "Vientiane", "Kuala Lumpur", "Singapore", "Jakarta", "Manila", "Yangon"])
    func timeZoneCityLine(_ city: String) throws {
        let line = "\(city), 6 December 2026"
        let english = try Self.translator(from: .english)
        let french = english.translate(line, to: .french)
        let khmer = english.translate(line, to: .khmer)
        // What `draft new --place <city>` writes on that line.
        let date = try NoteDate(iso: "2026-12-06")
        let frenchLine = date.placeAndDate(PlaceNames.name(city, in: .french).text, in: .french)
        let khmerLine = date.placeAndDate(PlaceNames.name(city, in: .khmer).text, in: .khmer)
        #expect(french.text == frenchLine && french.untranslated.isEmpty, "\(french.text)")
        #expect(frenchLine.hasSuffix(", le 6 décembre 2026"), "\(frenchLine)")
        #expect(khmer.text == khmerLine && khmer.untranslated.isEmpty && khmer.flags.contains("unreviewed"), "\(khmer.text)")
        #expect(khmerLine.hasPrefix("ធ្វើនៅទីក្រុង"), "\(khmerLine)")
        // Read back from French and Khmer (with U+200B as a writer types it) into English.
        #expect(try Self.translator(from: .french).translate(frenchLine, to: .english).text == line)
        #expect(try Self.translator(from: .khmer).translate(khmerLine.replacingOccurrences(of: "ធ្វើនៅ", with: "ធ្វើ\u{200B}នៅ\u{200B}"), to: .english).text == line)
    }

    @Test("M3: Tokyo as `draft new --place Tokyo` writes it")
    func tokyo() throws {
        let english = try Self.translator(from: .english)
        #expect(english.translate("Tokyo, 6 December 2026", to: .french).text == "Tokyo, le 6 décembre 2026")
        #expect(english.translate("Tokyo, 6 December 2026", to: .khmer).text.hasPrefix("ធ្វើនៅទីក្រុងតូក្យូ ថ្ងៃទី៦ ខែធ្នូ ឆ្នាំ២០២៦"))
    }
}
