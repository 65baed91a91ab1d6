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
}
