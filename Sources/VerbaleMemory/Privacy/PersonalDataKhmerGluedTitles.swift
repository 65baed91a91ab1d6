/// លោក ("Mr") glued to the word before it, as Khmer is written (acceptance review 1130d, M2):
/// "សូមទាក់ទងលោក លី ដារា" ("please contact Mr Ly Dara"), "ក្រសួងបានជួបលោក…", "សូមអរគុណលោក…",
/// "…បានទទួលលោក…" — the commonest sentence that carries a name in a Khmer note.
///
/// Why a list of what may *not* stand before it, where the title pattern had a list of the
/// words that may (ជូន, ចំពោះ, ពី, ដោយ…): Khmer writes no space between words, so any verb can
/// stand glued before a title, and the verbs of a note are many. What a glued លោក is not a title
/// after is few and closed: the compounds it ends (ពិភពលោក "world", មនុស្សលោក "mankind", សាកលលោក
/// "universe", បរលោក "the hereafter", ទេវលោក, ព្រហ្មលោក, ឋានលោក, សត្វលោក, អាលោក "light") and
/// រូបលោក / របស់លោក, where it is the pronoun "he/his"; after a COENG it is a subscript ល (ឃ្លោក
/// "gourd", ស្លោក "verse"). The khPOS sample's tokens ending in លោក are ពិភពលោក, មនុស្សលោក,
/// ឃ្លោក and រូបលោក. What follows the title is still read as before (`khmerNotNames`): the
/// pronoun លោក before a verb ("…ហើយលោក​បាន​ថ្លែង…") keeps its verb.
extension PersonalDataScrubber {
    /// The words a glued លោក ends or follows as a pronoun, longest first.
    static let khmerWordsBeforeGluedLok = ["មនុស្ស", "ព្រហ្ម", "ពិភព", "សាកល", "សត្វ", "ឋាន", "ទេវ", "របស់", "រូប", "បរ", "អា"]

    /// A look-behind pair, used before លោក in the Khmer title pattern: a Khmer letter or sign stands
    /// just before (the glued case), and it is neither a COENG nor the end of a word of
    /// `khmerWordsBeforeGluedLok`.
    static let khmerGluedTitle = "(?<=[\\u1780-\\u17D3])(?<!\\u17D2)(?<!\(khmerWordsBeforeGluedLok.joined(separator: "|")))"
}
