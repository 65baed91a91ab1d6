import Testing
import VerbaleCore

@Suite("Segmenter: Khmer and Latin in one text (audit F27)")
struct MixedScriptSegmentationTests {
    func texts(_ text: String, _ language: Language) throws -> [String] {
        try Segmenter(language: language).segments(of: text).map(\.text)
    }

    @Test("The audit's note: ។ ends the Khmer sentence and Mr. does not end the English one, under km and en")
    func auditNote() throws {
        let note = "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}។ Mr. Dupont will arrive."
        let expected = ["ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}។", "Mr. Dupont will arrive."]
        #expect(try texts(note, .khmer) == expected)
        #expect(try texts(note, .english) == expected)
    }

    @Test("Latin titles inside Khmer sentences (Dr., H.E. Mr., No.) never end them; ។ and ៕ do")
    func titlesInKhmer() throws {
        let note = "លោក Dr. Chan Sokha បាន\u{200B}មក\u{200B}ដល់\u{200B}។ H.E. Mr. Sok នឹង\u{200B}ជួប\u{200B}ក្រសួង​តាម​លិខិត No. 12 ៕ ស្ថានទូត​សូម​អរគុណ។"
        let expected = ["លោក Dr. Chan Sokha បាន\u{200B}មក\u{200B}ដល់\u{200B}។",
                        "H.E. Mr. Sok នឹង\u{200B}ជួប\u{200B}ក្រសួង​តាម​លិខិត No. 12 ៕",
                        "ស្ថានទូត​សូម​អរគុណ។"]
        #expect(try texts(note, .khmer) == expected)
        #expect(try texts(note, .english) == expected)
    }

    @Test("An English or French note quoting Khmer ends the Khmer sentence at ។")
    func khmerQuotedInLatinNotes() throws {
        #expect(try texts("The motto reads: ជាតិ សាសនា ព្រះមហាក្សត្រ។ The Embassy thanks the Ministry.", .english)
            == ["The motto reads: ជាតិ សាសនា ព្រះមហាក្សត្រ។", "The Embassy thanks the Ministry."])
        #expect(try texts("La devise : ជាតិ សាសនា ព្រះមហាក្សត្រ។ M. Dupont arrivera.", .french)
            == ["La devise : ជាតិ សាសនា ព្រះមហាក្សត្រ។", "M. Dupont arrivera."])
    }

    @Test("Under fr too: the audit note, Latin titles and dates in Khmer sentences give the same segments as under km and en")
    func khmerLedUnderFrench() throws {
        let note = "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}។ Mr. Dupont will arrive."
        #expect(try texts(note, .french) == ["ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}។", "Mr. Dupont will arrive."])
        let titles = "លោក Dr. Chan Sokha បាន\u{200B}មក\u{200B}ដល់\u{200B}។ H.E. Mr. Sok នឹង\u{200B}ជួប\u{200B}ក្រសួង​តាម​លិខិត No. 12 ៕ ស្ថានទូត​សូម​អរគុណ។"
        #expect(try texts(titles, .french) == texts(titles, .khmer))
        #expect(try texts(titles, .french).count == 3)
        let dated = "លិខិត​ចុះ​ថ្ងៃ Jan. 12 ។ Prof. Sok នឹង​មក។"
        #expect(try texts(dated, .french) == ["លិខិត​ចុះ​ថ្ងៃ Jan. 12 ។", "Prof. Sok នឹង​មក។"])
        #expect(try texts(dated, .french) == texts(dated, .khmer))
    }

    @Test("French titles (M., Mme., S.E.) do not end a sentence in Khmer text under fr; French sentences in it still end")
    func frenchTitlesInKhmer() throws {
        let note = "ស្ថានទូត​សូម​ជម្រាប​ថា​។ S.E. M. Dupont et Mme. Martin arriveront lundi. Le linge est sec. Il fait beau."
        #expect(try texts(note, .french) == ["ស្ថានទូត​សូម​ជម្រាប​ថា​។", "S.E. M. Dupont et Mme. Martin arriveront lundi.",
                                             "Le linge est sec.", "Il fait beau."])
        let khmer = "សូម​ជូន​ចំពោះ S.E. M. Dupont ។ Mme. Martin នឹង​មក​ដល់​។"
        #expect(try texts(khmer, .french) == ["សូម​ជូន​ចំពោះ S.E. M. Dupont ។", "Mme. Martin នឹង​មក​ដល់​។"])
    }

    @Test("French text without Khmer is segmented as before: Mr. and Dr. stay English-only titles there")
    func frenchWithoutKhmerUnchanged() throws {
        #expect(try texts("M. Dupont arrivera. Il a vu S.E. M. Sok. Le linge est sec. Fin.", .french)
            == ["M. Dupont arrivera.", "Il a vu S.E. M. Sok.", "Le linge est sec.", "Fin."])
        // Far from any Khmer (over 200 characters later), the French rules alone decide.
        let far = "ស្ថានទូត។ " + String(repeating: "Le texte continue ici sans abréviation aucune, ", count: 6) + "fin. Mr. Smith."
        #expect(try texts(far, .french).suffix(2) == ["Mr.", "Smith."])
    }
}
