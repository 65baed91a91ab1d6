/// The words a passport or identity-card number follows besides its keyword.
///
/// Why: the passport pattern took the number only right after `passport`/`passeport`/
/// `លិខិតឆ្លងដែន` and an optional "No."/`n°`/`លេខ`, so the way a visa-request note actually
/// writes it — « titulaire du passeport diplomatique n° D0456789 », « son passeport de service
/// porte le numéro S1234567 », `លិខិតឆ្លងដែនការទូតលេខ D0456789`, "his service passport number is
/// S1234567", "the passport (No. N0123456)" — was stored with the number (acceptance review
/// 1130c, M3). English writes the kind before the keyword ("diplomatic passport No."), which
/// was already caught; French and Khmer write it after, and Khmer may add the holder
/// (`លិខិតឆ្លងដែនផ្លូវការរបស់គាត់លេខ…`, "his official passport number").
///
/// Only closed lists: the kinds of passport and card, the verb "bearing", the holder pronouns.
/// Cost: none for texts without the keyword — the pre-filter still needs the keyword and six
/// digits (a passport) or one digit (an ID) before the pattern runs, and the words are read
/// only right after the keyword.
extension PersonalDataScrubber {
    /// French kinds of passport, after the keyword: « passeport diplomatique », « de service »,
    /// « officiel », « ordinaire », « spécial » (also feminine, for « carte »).
    static let frenchPassportQualifier = "(?:\\s+(?i:diplomatique|de\\s+service|officiel|ordinaire|spécial|d['’]urgence))?"

    /// French kinds of identity card, after « carte d'identité »: « diplomatique », « consulaire »,
    /// « nationale », « de service », « spéciale ».
    static let frenchIDQualifier = "(?:\\s+(?i:diplomatique|consulaire|nationale|de\\s+service|spéciale|officielle))?"

    /// A verb of bearing before the number: « porte le numéro », « portant le n° », « qui porte
    /// le numéro », "bearing (the) number".
    static let latinBearing = "(?:\\s+(?:qui\\s+)?(?i:porte|portant|bearing)(?:\\s+(?i:le|the))?)?"

    /// Khmer kinds of passport after លិខិតឆ្លងដែន: ការទូត (diplomatic), ផ្លូវការ (official),
    /// សេវាកម្ម/សេវា (service), ធម្មតា (ordinary), ពិសេស (special). Longest first.
    static let khmerPassportQualifiers = ["ផ្លូវការ", "សេវាកម្ម", "ការទូត", "ធម្មតា", "ពិសេស", "សេវា"]

    /// Khmer kinds of identity card after អត្តសញ្ញាណប័ណ្ណ: សញ្ជាតិខ្មែរ (Khmer nationality, the
    /// national card's own name), ការទូត (diplomatic).
    static let khmerIDQualifiers = ["សញ្ជាតិខ្មែរ", "ការទូត"]

    /// Whose document it is, after the kind: របស់ ("of") and a pronoun or title
    /// (របស់គាត់ "his/her", របស់លោក "of Mr/his", របស់ខ្ញុំ "my"…). A name after a title there is
    /// the title pattern's; the number after it is this one's.
    static let khmerHolders = ["លោកជំទាវ", "លោកស្រី", "អ្នកស្រី", "ឯកឧត្តម", "គាត់", "លោក", "នាង", "ខ្ញុំ", "អ្នក"]

    /// `(?:gap kind)?(?:gap របស់ gap holder)?`: what may stand between a Khmer keyword and លេខ.
    static func khmerDocumentQualifier(_ kinds: [String], gap: String) -> String {
        "(?:\(gap)(?:\(kinds.joined(separator: "|"))))?(?:\(gap)របស់\(gap)(?:\(khmerHolders.joined(separator: "|"))))?"
    }

    /// Between the keyword (and its kind) and the number: an optional `(`, a number word
    /// ("No.", "number", `n°`, « numéro », លេខ) maybe followed by "is"/« est », then a colon or
    /// full stop, each with the gaps around them. Wider than the phone pattern's `numberWord`
    /// (which is left as it was): a passport number must still be 6–12 letters and digits with
    /// six digits, so the extra words cannot make a number of ordinary text.
    static func documentNumberWord(gap: String) -> String {
        "\(gap)\\(?(?:\(gap)(?:No\\.?|no\\.?|NO\\.?|number|Number|NUMBER|n°|N°|nº|Nº|numéro|Numéro|NUMÉRO|numero|លេខ)(?:\\s+(?:is|est))?)?\(gap)[:.៖]?\(gap)"
    }
}
