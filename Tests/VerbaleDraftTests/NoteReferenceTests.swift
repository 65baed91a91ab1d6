import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Audit F26: `draft new --ref` is one reference written in each note's language, not the typed
/// text pasted into every note.
@Suite("The reference line of a new note, per language")
struct NoteReferenceTests {
    let composer = NoteComposer(book: Fixtures.book)

    func referenceLine(_ typed: String, _ language: Language) throws -> DraftNote.Line {
        let note = try composer.compose(NoteRequest(sender: "Embassy of the Kingdom of Cambodia",
                                                    recipient: "Ministry of Foreign Affairs of the Kingdom of Thailand",
                                                    purpose: "inform", reference: typed), in: language)
        return try #require(note.lines.first { $0.kind == "reference" })
    }

    @Test("A Khmer --ref gives No./N° with Latin digits in the English and French notes, and stays the drafter's own in Khmer")
    func khmerTyped() throws {
        #expect(try referenceLine("លេខ ១២៣/២០២១", .english).text == "No. 123/2021")
        #expect(try referenceLine("លេខ ១២៣/២០២១", .french).text == "N° 123/2021")
        let khmer = try referenceLine("លេខ ១២៣/២០២១", .khmer)
        #expect(khmer.text == "លេខ ១២៣/២០២១")
        #expect(!khmer.unreviewed, "the drafter typed this Khmer")
    }

    @Test("An English --ref gives លេខ and Khmer digits in the Khmer note, marked unreviewed as Verbale's wording")
    func englishTyped() throws {
        let khmer = try referenceLine("No. 123/2021", .khmer)
        #expect(khmer.text == "លេខ ១២៣/២០២១")
        #expect(khmer.unreviewed)
        #expect(khmer.sources.contains { $0.contains("លេខ") && $0.contains("no source") })
        #expect(try referenceLine("No. 123/2021", .english).text == "No. 123/2021")
        #expect(try referenceLine("No. 123/2021", .french).text == "N° 123/2021")
    }

    @Test("A file reference keeps its kind (Ref./Réf./លេខយោង); a bare one gets no label; other text stays as typed")
    func kinds() throws {
        #expect(try referenceLine("លេខយោង ២០២១/០១/០៤៥", .english).text == "Ref. 2021/01/045")
        #expect(try referenceLine("លេខយោង ២០២១/០១/០៤៥", .french).text == "Réf. 2021/01/045")
        #expect(try referenceLine("FCO/WED/1/95", .khmer).text == "FCO/WED/១/៩៥")
        #expect(try referenceLine("FCO/WED/1/95", .english).text == "FCO/WED/1/95")
        #expect(try referenceLine("Our note 45", .khmer).text == "Our note 45")
    }

    @Test("A Khmer label the drafter typed (U+200B, លេខៈ, លេខ៖) stays as typed in the Khmer note and is not marked Verbale's",
          arguments: ["លេខ\u{200B}១២៣/២០២១", "លេខៈ ១២៣/២០២១", "លេខ៖ ១២៣/២០២១", "លេខ 123/2021"])
    func drafterKhmerLabel(typed: String) throws {
        let khmer = try referenceLine(typed, .khmer)
        #expect(khmer.text == Digits.khmer(typed))
        #expect(!khmer.unreviewed, "the drafter typed this Khmer label")
        #expect(try referenceLine(typed, .english).text == "No. 123/2021")
    }

    @Test("Ref. gives លេខយោង in Khmer; N° 1 234 is one number in Khmer digits")
    func fileReferenceAndGroupedNumber() throws {
        #expect(try referenceLine("Ref. 12/2021", .khmer).text == "លេខយោង ១២/២០២១")
        #expect(try referenceLine("លេខយោង ១២/២០២១", .english).text == "Ref. 12/2021")
        #expect(try referenceLine("N° 1 234", .khmer).text == "លេខ ១ ២៣៤")
    }
}

