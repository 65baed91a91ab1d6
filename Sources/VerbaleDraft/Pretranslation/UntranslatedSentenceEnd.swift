import Foundation
import VerbaleCore

/// The full stop ending a segment whose last words stayed untranslated, taken out of their ⟦…⟧
/// and written as the target language writes it: a Khmer source's "… ⟦ត្រូវបានលុបចោល។⟧" is
/// "… ⟦ត្រូវបានលុបចោល⟧." in English and French, an English "… ⟦[subject].⟧" is "… ⟦[subject]⟧។"
/// in Khmer.
///
/// Why: inside the marks the full stop is the source's and goes with the words the translator
/// replaces, so the target sentence had none of its own — an English or French sentence without
/// ".", a Khmer one without ។ (review 1201a m8). Only the segment's final full stop moves:
/// punctuation inside the untranslated part is the source's text and stays. An abbreviation's
/// full stop ("U.S.", "a.i.") is also the abbreviation's: English and French keep it inside
/// (it ends their sentence too), Khmer keeps it and adds its ។ after the marks.
enum UntranslatedSentenceEnd {
    /// The full stops that end a sentence: ".", Khmer ។ (khan) and ៕ (bariyosan, a text's end).
    static let fullStops: Set<Character> = [".", "។", "៕"]

    /// `piece` (an assembled piece ending in ⟦…⟧) with the full stop ending its part moved after
    /// the marks in the target's form, and the part as it now stands inside them; nil when the
    /// part does not end in a full stop (nothing to move) or an English or French target keeps it.
    static func moved(_ piece: String, to target: Language) -> (piece: String, part: String)? {
        guard piece.hasSuffix("⟧"), let open = piece.range(of: "⟦", options: .backwards) else { return nil }
        let part = String(piece[open.upperBound..<piece.index(before: piece.endIndex)])
        // Spaces and U+200B between the words and the mark ("លុបចោល ។", French « date ? » with
        // a space, NBSP or narrow NBSP) are not part of either.
        var kept = String(part.dropLast())
        while let last = kept.last, last.isWhitespace || last == "\u{200B}" { kept.removeLast() }
        // An ellipsis ("...", "។។") is not a full stop, nor is "?!" one question mark.
        guard let mark = part.last, fullStops.contains(mark) || questionMarks.contains(mark), let before = kept.last,
              !fullStops.contains(before), !questionMarks.contains(before), kept.contains(where: \.isLetter) else { return nil }
        if questionMarks.contains(mark) {
            // Every target ends a question with "?" (Khmer too); French spaces it, with the narrow
            // no-break space French typography puts before ? and ! (review 1201b m6).
            return (String(piece[..<open.lowerBound]) + "⟦" + kept + "⟧" + (target == .french ? "\u{202F}" : "") + String(mark), kept)
        }
        let targetMark = target == .khmer ? (mark == "៕" ? "៕" : "។") : "."
        if mark == ".", isAbbreviation(kept) {
            return target == .khmer ? (piece + targetMark, part) : nil
        }
        return (String(piece[..<open.lowerBound]) + "⟦" + kept + "⟧" + targetMark, kept)
    }

    /// The marks ending a question or an exclamation, in every source language.
    static let questionMarks: Set<Character> = ["?", "!"]

    /// Abbreviations written with one full stop that may end a sentence, whose full stop is the
    /// abbreviation's as well ("…documents, maps, etc."): lower-cased, without it.
    static let sentenceEndingAbbreviations: Set<String> = ["etc", "al", "co", "ltd", "inc", "corp"]

    /// Whether `text`, less the full stop that followed it, ends in an abbreviation with full
    /// stops of its own ("U.S", "a.i", « S.E »: its last word holds a full stop between letters)
    /// or in one of `sentenceEndingAbbreviations` ("etc", "et al": review 1201b m6).
    static func isAbbreviation(_ text: String) -> Bool {
        let word = text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" }).last.map(String.init) ?? ""
        if word.contains(".") && word.contains(where: \.isLetter) { return true }
        let bare = word.drop { !$0.isLetter }.lowercased()
        return sentenceEndingAbbreviations.contains(bare)
    }
}
