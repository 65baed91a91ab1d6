import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Acceptance review 1201a, m8: `draft translate` left a Khmer sentence's ។ inside the ⟦…⟧ of
/// its untranslated last words, so the English and French sentence had no full stop ("…has the
/// honour to inform ⟦ថា កិច្ចប្រជុំនៅ⟧ 5 May 2024 ⟦ត្រូវបានលុបចោល។⟧"), and an English "." inside
/// them in Khmer ("⟦[subject].⟧", no ។).
@Suite("Review 1201a m8: the sentence's full stop after the last ⟦…⟧, in the target's form")
struct Review1201aSentenceEndTests {
    /// A pre-translator with the shipped stock phrases and glossary, as `draft translate` has.
    static func translator(from language: Language) throws -> Pretranslator {
        try Review1130gDraftTests.translator(from: language)
    }

    /// The review's `kmbody.txt`: a Khmer opening, then a meeting cancelled on 5 May 2024.
    static let khmer = "ស្ថានទូតនៃព្រះរាជាណាចក្រកម្ពុជា សូមគោរពជូនចំពោះក្រសួងការបរទេស ហើយមានកិត្តិយសសូមជម្រាបជូន ថា កិច្ចប្រជុំនៅថ្ងៃទី៥ ខែឧសភា ឆ្នាំ២០២៤ ត្រូវបានលុបចោល"

    @Test("The review's repro: a Khmer ។ or ៕ ending the sentence is \".\" after the closing ⟦…⟧ in English and French",
          arguments: ["។", "៕"])
    func khmerFullStopOutside(mark: String) throws {
        let translator = try Self.translator(from: .khmer)
        let english = translator.translate(Self.khmer + mark, to: .english)
        #expect(english.text.hasSuffix("has the honour to inform ⟦ថា កិច្ចប្រជុំនៅ⟧ 5 May 2024 ⟦ត្រូវបានលុបចោល⟧."), "\(english.text)")
        #expect(english.untranslated == ["ថា កិច្ចប្រជុំនៅ", "ត្រូវបានលុបចោល"], "\(english.untranslated)")
        let french = translator.translate(Self.khmer + mark, to: .french)
        #expect(french.text.hasSuffix("a l'honneur d'informer ⟦ថា កិច្ចប្រជុំនៅ⟧ 5 mai 2024 ⟦ត្រូវបានលុបចោល⟧."), "\(french.text)")
        for text in [english.text, french.text] {
            #expect(!text.contains("។") && !text.contains("៕"), "\(text)")
        }
    }

    /// `draft new`'s English skeleton ("… a visa for [subject].") pre-translated: the full stop
    /// is ។ after the marks in Khmer and "." after them in French.
    @Test("EN → KM and FR: \"⟦[subject].⟧\" is \"⟦[subject]⟧។\" and \"⟦[subject]⟧.\"; the body placeholder's own full stop stays inside")
    func englishFullStopOutside() throws {
        // As the review ran it: `draft new … --lang en | sed 's/ \[unreviewed\]//'`.
        let note = try Review1201aCheckTests.skeleton(.english).replacingOccurrences(of: " [unreviewed]", with: "")
        let pretranslation = try Self.translator(from: .english).pretranslate(note, to: [.khmer, .french])
        let subject = try #require(pretranslation.segments.first { $0.source.contains("[subject]") })
        let khmer = try #require(subject.targets["km"])
        #expect(khmer.text.hasSuffix("⟦[subject]⟧។"), "\(khmer.text)")
        #expect(khmer.text.hasPrefix("ស្ថានទូតនៃព្រះរាជាណាចក្រ"), "\(khmer.text)")
        #expect(khmer.untranslated == ["[subject]"], "\(khmer.untranslated)")
        let french = try #require(subject.targets["fr"])
        #expect(french.text.hasSuffix("la délivrance d'un visa pour ⟦[subject]⟧."), "\(french.text)")
        // "[Body of the note: facts, request, enclosures.]": its full stop is inside the
        // brackets, the placeholder's own text, not the sentence's last mark.
        let body = try #require(pretranslation.segments.first { $0.source.hasPrefix("[Body of the note") })
        for target in ["km", "fr"] {
            let text = try #require(body.targets[target]).text
            #expect(text.hasSuffix("⟦enclosures.]⟧"), "\(target): \(text)")
        }
    }

    @Test("Only the final full stop moves: a ។ inside the part stays; an abbreviation keeps its own full stop")
    func onlyTheFinalMark() {
        let moved = UntranslatedSentenceEnd.moved("⟦ថា កិច្ចប្រជុំ។ ត្រូវបានលុបចោល។⟧", to: .english)
        #expect(moved?.piece == "⟦ថា កិច្ចប្រជុំ។ ត្រូវបានលុបចោល⟧.")
        #expect(moved?.part == "ថា កិច្ចប្រជុំ។ ត្រូវបានលុបចោល")
        // A space or U+200B before the ។ is neither the words' nor the mark's.
        #expect(UntranslatedSentenceEnd.moved("⟦លុបចោល\u{200B}។⟧", to: .french)?.piece == "⟦លុបចោល⟧.")
        #expect(UntranslatedSentenceEnd.moved("et ⟦with the U.S.⟧", to: .french) == nil)
        #expect(UntranslatedSentenceEnd.moved("និង ⟦with the U.S.⟧", to: .khmer)?.piece == "និង ⟦with the U.S.⟧។")
        #expect(UntranslatedSentenceEnd.moved("⟦and so on...⟧", to: .khmer) == nil)
        #expect(UntranslatedSentenceEnd.moved("⟦the visit⟧.", to: .khmer) == nil)
        // A final "?" moves too since review 1201b (m6): Review1201bSentenceEndTests.
    }

    @Test("Guard: a segment translated whole keeps its own full stop, unchanged, in each target",
          arguments: [(Language.english, "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs."),
                      (.khmer, "ស្ថានទូតនៃព្រះរាជាណាចក្រកម្ពុជា សូមគោរពជូនចំពោះក្រសួងការបរទេស។")])
    func fullyTranslatedUnchanged(source: Language, sentence: String) throws {
        let expected: [Language: String] = [
            .english: "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs.",
            .french: "L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères.",
            .khmer: "ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}កម្ពុជា សូមគោរពជូនចំពោះ ក្រសួងការបរទេស។",
        ]
        let translator = try Self.translator(from: source)
        for target in [Language.english, .french, .khmer] where target != source {
            let translation = translator.translate(sentence, to: target)
            #expect(translation.untranslated.isEmpty, "\(translation.text)")
            #expect(translation.text == expected[target], "\(target): \(translation.text)")
        }
    }
}
