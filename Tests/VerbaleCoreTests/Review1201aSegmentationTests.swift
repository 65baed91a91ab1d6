import Foundation
import Testing
import VerbaleCore

/// Review 1201a: French typography puts a space (often a no-break or narrow no-break space)
/// before the closing guillemet, « La réunion est reportée. » — and the segmenter cut there,
/// leaving "…reportée." and a next segment "» La Mission en prend note.", so every quotation
/// in a French note gave a segment that starts with a stray » (matching, alignment and the
/// memory all see it). The quotation mark now stays with the sentence it closes.
@Suite("Segmentation: review 1201a — a spaced French closing guillemet stays with its sentence")
struct Review1201aSegmentationTests {
    func texts(_ text: String, _ language: Language) throws -> [String] {
        try Segmenter(language: language).segments(of: text).map(\.text)
    }

    @Test("« … . » then a new sentence: the guillemet closes the first segment (space, NBSP, narrow NBSP)",
          arguments: [" ", "\u{00A0}", "\u{202F}"])
    func closingGuillemet(space: String) throws {
        let text = "Le Ministère a déclaré :\(space)«\(space)La réunion est reportée.\(space)» La Mission en prend note."
        #expect(try texts(text, .french) == ["Le Ministère a déclaré :\(space)«\(space)La réunion est reportée.\(space)»",
                                               "La Mission en prend note."])
    }

    @Test("Two sentences inside the quotation, ? and ! too, and a Khmer sentence after a French quotation")
    func insideAndOtherMarks() throws {
        #expect(try texts("Il a dit : « La réunion est reportée. Elle aura lieu en mai. » La Mission en prend note.", .french)
            == ["Il a dit : « La réunion est reportée.", "Elle aura lieu en mai. »", "La Mission en prend note."])
        #expect(try texts("Il a demandé : « Quand ? » Le Ministère a répondu.", .french)
            == ["Il a demandé : « Quand ? »", "Le Ministère a répondu."])
        #expect(try texts("« Oui ! » Il est parti.", .french) == ["« Oui ! »", "Il est parti."])
        #expect(try texts("Il a dit : « Oui. » ស្ថានទូត​កត់​សម្គាល់។", .french) == ["Il a dit : « Oui. »", "ស្ថានទូត​កត់​សម្គាល់។"])
    }

    @Test("A quotation that ends inside a sentence still does not cut it; a guillemet at the end of the text is kept")
    func noNewBreaks() throws {
        #expect(try texts("Il a répondu « Oui. » et il est parti.", .french) == ["Il a répondu « Oui. » et il est parti."])
        #expect(try texts("Il a répondu : « Oui. »", .french) == ["Il a répondu : « Oui. »"])
        #expect(try texts("Il a dit : « Oui. »\nLa Mission en prend note.", .french) == ["Il a dit : « Oui. »", "La Mission en prend note."])
        // Unspaced quotes were right before and stay so.
        #expect(try texts("Il a dit : «La réunion est reportée.» La Mission en prend note.", .french)
            == ["Il a dit : «La réunion est reportée.»", "La Mission en prend note."])
        #expect(try texts("He said: \"The meeting is postponed.\" The Mission notes it.", .english)
            == ["He said: \"The meeting is postponed.\"", "The Mission notes it."])
    }

    @Test("Detected language: the same French text segmented under English keeps the guillemet too")
    func underEnglish() throws {
        #expect(try texts("Le Ministère a déclaré : « La réunion est reportée. » La Mission en prend note.", .english)
            == ["Le Ministère a déclaré : « La réunion est reportée. »", "La Mission en prend note."])
    }
}

/// Review 1201a m6: "Attn.", "Dept." and "Govt." before a capitalised word ended a sentence:
/// "Attn." | "Mr. Sok Dara, Consular Section."; "The Dept." | "Director will attend…".
@Suite("Segmentation: review 1201a m6 — Attn., Dept., Govt. are no sentence ends")
struct Review1201aAbbreviationTests {
    @Test("Each abbreviation before a capital stays in its sentence, in English and in a Khmer note",
          arguments: ["Attn. Mr. Sok Dara, Consular Section.", "The Dept. Director will attend the meeting.",
                      "The Royal Govt. Spokesman confirmed the date."])
    func abbreviations(sentence: String) throws {
        #expect(try Segmenter(language: .english).segments(of: sentence + " It ends here.").map(\.text) == [sentence, "It ends here."])
        let khmer = "ស្ថានទូត​សូម​ជម្រាប។ " + sentence
        #expect(try Segmenter(language: .khmer).segments(of: khmer).map(\.text) == ["ស្ថានទូត​សូម​ជម្រាប។", sentence])
    }

    @Test("Golden rule 9's \"& Co. It closed yesterday.\" still breaks")
    func companyStillBreaks() throws {
        #expect(try Segmenter(language: .english).segments(of: "They closed the deal with Pitt, Briggs & Co. It closed yesterday.").map(\.text)
            == ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."])
    }
}
