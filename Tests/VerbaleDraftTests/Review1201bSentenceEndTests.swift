import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Review 1201b m6 (the rest of 1201a m8): `draft translate` moved only a full stop out of the
/// last ⟦…⟧, so a question kept its "?" inside the marks — the French sentence had no « ? »
/// of its own, spaced as French spaces it — and a final "etc." was cut like a full stop:
/// "⟦etc⟧." in French, "⟦etc⟧។" in Khmer.
@Suite("Review 1201b: a final ? or ! after the last ⟦…⟧ in the target's form; a final etc. keeps its full stop")
struct Review1201bSentenceEndTests {
    @Test("The review's repro: an English question is « ⟦…⟧ ? » in French (narrow no-break space) and \"⟦…⟧?\" in Khmer")
    func questionOutside() throws {
        let translator = try Review1130gDraftTests.translator(from: .english)
        let french = translator.translate("Could the Ministry confirm the new date?", to: .french)
        #expect(french.text == "⟦Could the Ministry confirm the new date⟧\u{202F}?", "\(french.text)")
        #expect(french.untranslated == ["Could the Ministry confirm the new date"])
        let khmer = translator.translate("Could the Ministry confirm the new date?", to: .khmer)
        #expect(khmer.text == "⟦Could the Ministry confirm the new date⟧?", "\(khmer.text)")
    }

    @Test("A French question « … date ? » (space, NBSP or narrow NBSP before it) is \"⟦…⟧?\" in English and Khmer",
          arguments: [" ?", "\u{00A0}?", "\u{202F}?", " !"])
    func frenchQuestionOutside(end: String) throws {
        let translator = try Review1130gDraftTests.translator(from: .french)
        let english = translator.translate("Le Ministère peut-il confirmer la date" + end, to: .english)
        #expect(english.text.hasSuffix("⟧" + end.suffix(1)), "\(english.text)")
        #expect(!english.text.contains(" " + end.suffix(1)) && !english.text.contains("\u{00A0}") && !english.text.contains("\u{202F}"), "\(english.text)")
        #expect(english.untranslated.last?.hasSuffix("date") == true, "\(english.untranslated)")
    }

    @Test("The review's repro: a final \"etc.\" stays whole inside the marks (French, English), Khmer adds its ។ after them")
    func etcetera() throws {
        let translator = try Review1130gDraftTests.translator(from: .english)
        let french = translator.translate("The delegation will bring documents, maps, etc.", to: .french)
        #expect(french.text.hasSuffix("etc.⟧"), "\(french.text)")
        let khmer = translator.translate("The delegation will bring documents, maps, etc.", to: .khmer)
        #expect(khmer.text.hasSuffix("etc.⟧។"), "\(khmer.text)")
    }

    @Test("Unit cases: only one final mark moves; ?! and ... are left; a ? inside the part stays")
    func units() {
        #expect(UntranslatedSentenceEnd.moved("⟦the visit?⟧", to: .khmer)?.piece == "⟦the visit⟧?")
        #expect(UntranslatedSentenceEnd.moved("⟦the visit!⟧", to: .french)?.piece == "⟦the visit⟧\u{202F}!")
        #expect(UntranslatedSentenceEnd.moved("⟦why? the visit?⟧", to: .english)?.part == "why? the visit")
        #expect(UntranslatedSentenceEnd.moved("⟦the visit?!⟧", to: .french) == nil)
        #expect(UntranslatedSentenceEnd.moved("⟦?⟧", to: .french) == nil)
        #expect(UntranslatedSentenceEnd.moved("⟦Smith et al.⟧", to: .french) == nil)
        #expect(UntranslatedSentenceEnd.moved("⟦ABC Co. Ltd.⟧", to: .khmer)?.piece == "⟦ABC Co. Ltd.⟧។")
        // Not an abbreviation: a word ending in "etc" letters is a word.
        #expect(UntranslatedSentenceEnd.moved("⟦the fetc.⟧", to: .french)?.piece == "⟦the fetc⟧.")
    }
}
