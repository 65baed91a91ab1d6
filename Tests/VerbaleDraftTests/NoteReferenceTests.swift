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
        let free = try referenceLine("Our note 45", .khmer)
        #expect(free.text == "Our note 45")
        #expect(free.asTyped && free.unrendered == ["Our", "note"], "free words are kept as typed and flagged, never pasted silently")
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

    // Finding 7: words beside a --ref label that are not the reference were pasted into every
    // language unmarked ("N°s 12 and 13", "លេខ ១២ and 13 [unreviewed]").

    @Test("Finding 7: Nos. 12 and 13 gives N°s 12 et 13 and លេខ ១២ និង ១៣, the Khmer label and និង marked as Verbale's")
    func englishList() throws {
        #expect(try referenceLine("Nos. 12 and 13", .english).text == "Nos. 12 and 13")
        #expect(try referenceLine("Nos. 12 and 13", .french).text == "N°s 12 et 13")
        let khmer = try referenceLine("Nos. 12 and 13", .khmer)
        #expect(khmer.text == "លេខ ១២ និង ១៣")
        #expect(khmer.unreviewed && !khmer.asTyped)
        #expect(khmer.display == "លេខ ១២ និង ១៣ [unreviewed]")
        #expect(khmer.sources.contains { $0.hasPrefix("និង (connective") && $0.contains("no source") })
        #expect(khmer.sources.contains { $0.hasPrefix("លេខ (label") })
    }

    @Test("Finding 7: a French list (N°s 12 et 13) and a file-reference list (Ref. 12/2021 and 13/2021) are written per language")
    func frenchAndFileReferenceLists() throws {
        #expect(try referenceLine("N°s 12 et 13", .english).text == "Nos. 12 and 13")
        #expect(try referenceLine("N°s 12 et 13", .khmer).text == "លេខ ១២ និង ១៣")
        #expect(try referenceLine("Ref. 12/2021 and 13/2021", .french).text == "Réf. 12/2021 et 13/2021")
        #expect(try referenceLine("Ref. 12/2021 and 13/2021", .khmer).text == "លេខយោង ១២/២០២១ និង ១៣/២០២១")
        #expect(try referenceLine("Nos. 12, 13 & 14", .french).text == "N°s 12, 13 et 14")
        #expect(try referenceLine("No. 12 and 13", .english).text == "Nos. 12 and 13", "one number label over two numbers is the plural")
    }

    @Test("Finding 7: a Khmer --ref លេខ ១២ និង ១៣ gives Nos./N°s in English and French and stays the drafter's own, unmarked, in Khmer",
          arguments: ["លេខ ១២ និង ១៣", "លេខ ១២, ១៣ និង ១៤", "លេខ\u{200B}១២\u{200B}និង\u{200B}១៣"])
    func khmerList(typed: String) throws {
        let three = typed.contains("១៤")
        #expect(try referenceLine(typed, .english).text == (three ? "Nos. 12, 13 and 14" : "Nos. 12 and 13"))
        #expect(try referenceLine(typed, .french).text == (three ? "N°s 12, 13 et 14" : "N°s 12 et 13"))
        let khmer = try referenceLine(typed, .khmer)
        #expect(khmer.text == typed)
        #expect(!khmer.unreviewed && khmer.sources.isEmpty, "the drafter typed this Khmer")
    }

    @Test("Finding 7: a Khmer label with an English connective keeps the label and takes និង, marked as Verbale's connective")
    func khmerLabelEnglishConnective() throws {
        let khmer = try referenceLine("លេខ 12 and 13", .khmer)
        #expect(khmer.text == "លេខ ១២ និង ១៣")
        #expect(khmer.unreviewed)
        #expect(khmer.sources.count == 1 && khmer.sources[0].hasPrefix("និង (connective"))
    }

    @Test("Finding 7: words Verbale cannot render keep the whole line as typed in every language, flagged with the words",
          arguments: [("12 (draft)", ["(draft)"]), ("No. 12 bis", ["bis"]), ("Nos. 12 and 13 (draft)", ["(draft)"]),
                      ("Note No. 12/2021", ["Note"]), ("លេខ ១២ ថ្មី", ["ថ្មី"]), ("No. 12 of 3 December 2020", ["of", "3", "December", "2020"])])
    func leftovers(typed: String, words: [String]) throws {
        for language in Language.allCases {
            let line = try referenceLine(typed, language)
            #expect(line.text == typed, "\(language): as typed")
            #expect(line.asTyped && line.unrendered == words, "\(language): \(line.unrendered)")
            #expect(line.display.hasPrefix(typed + " [as typed]"))
            #expect(!line.unreviewed, "the drafter's own words, not Verbale's")
        }
    }

    @Test("Finding 7: a reference line not kept as typed never mixes languages: no English or French connective in Khmer, no Latin digit in Khmer, no Khmer in English or French",
          arguments: ["Nos. 12 and 13", "N°s 12 et 13", "លេខ ១២ និង ១៣", "Nos. 12 & 13", "Ref. 12/2021 and 13/2021", "Nos. 12, 13 and 14",
                      "លេខ 12 and 13", "No. 12 and No. 13", "12 and 13", "N°s 1 234 et 1 235", "12 (draft)", "No. 12 bis"])
    func neverMixed(typed: String) throws {
        for language in Language.allCases {
            let line = try referenceLine(typed, language)
            if line.asTyped { continue }
            let words = Set(line.text.split(separator: " ").map(String.init))
            let foreign: Set<String> = switch language {
            case .english: ["et", "និង", "&", "N°s", "N°"]
            case .french: ["and", "និង", "&", "Nos.", "No."]
            case .khmer: ["and", "et", "&", "Nos.", "No.", "N°s", "N°", "Ref.", "Réf."]
            }
            #expect(words.isDisjoint(with: foreign), "\(language): \(line.text)")
            if language == .khmer {
                #expect(!line.text.unicodeScalars.contains { ("0"..."9").contains($0) }, "Latin digit in \(line.text)")
            } else {
                #expect(!line.text.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) }, "Khmer in \(line.text)")
            }
        }
    }
}
