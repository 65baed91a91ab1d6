/// The regular expressions (ICU syntax) behind the placeable recognisers, in one place so they
/// can be read and tested together. `S` is any space a note may hold between the parts of a
/// date or reference (white space, NBSP, narrow NBSP, U+200B); `D` a Latin or Khmer digit.
enum PlaceablePatterns {
    static let space = "[\\s\\u00A0\\u202F\\u200B]"
    static let digit = "[0-9\\u17E0-\\u17E9]"

    static let englishMonth = "(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?)"
    static let frenchMonth = "(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|(?:janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec)\\.)"
    static let khmerMonth = "(មករា|កុម្ភៈ|កុម្ភះ|កុម្ភ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ)"

    /// A date pattern and which capture groups hold the day, month and year.
    struct DatePattern {
        /// What the first character of a match is, so the recogniser knows where to try it.
        enum Start { case digit, monthName, khmerDayOrDigit, khmerMonth }
        var start: Start
        var pattern: String
        var caseInsensitive: Bool
        var day: Int?
        var month: Int
        var year: Int?
    }

    static var dates: [DatePattern] {
        let s = space, d = digit
        return [
            // 12 January 2021, 20th October, 1993, 12th of January 2021
            DatePattern(start: .digit, pattern: "\\b(\(d){1,2})(?:st|nd|rd|th)?(?:\(s)+of)?\(s)+\(englishMonth),?\(s)+(\(d){4})\\b", caseInsensitive: true, day: 1, month: 2, year: 3),
            // January 12, 2021
            DatePattern(start: .monthName, pattern: "\\b\(englishMonth)\(s)+(\(d){1,2})(?:st|nd|rd|th)?,?\(s)+(\(d){4})\\b", caseInsensitive: true, day: 2, month: 1, year: 3),
            // 30 juillet 1993, 1er mars 2020, 1er mars
            DatePattern(start: .digit, pattern: "\\b(1er|1re|\(d){1,2})\(s)+\(frenchMonth)(?:\(s)+(\(d){4}))?(?![\\p{L}\\p{N}])", caseInsensitive: true, day: 1, month: 2, year: 3),
            // ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២ (also with spaces, without ថ្ងៃទី or ខែ, or without the year).
            // ថ្ងៃ and ទី may be apart — `ថ្ងៃ​ទី​១២` (U+200B, as the Debian Khmer catalogues write
            // it) or `ថ្ងៃ ទី ១២` — and are still the date's: when only `ទី` could follow `ថ្ងៃ`
            // directly, those spellings matched from the day number on, so a fuzzy match replaced
            // `១២ ខែ…` with a rendered `ថ្ងៃទី…` and the stored `ថ្ងៃ​ទី` stayed in front of it
            // (review 1130b M3: «នៅ​ថ្ងៃ​ទី​ថ្ងៃទី៧ ខែមិថុនា»). Cost: none measurable (the rule was
            // already tried at every `ថ`; the spaces are a bounded run).
            DatePattern(start: .khmerDayOrDigit, pattern: "(?:ថ្ងៃ\(s)*(?:ទី\(s)*)?)?(?<!\(d))(\(d){1,2})\(s)*(?:ខែ\(s)*)?\(khmerMonth)(?:\(s)*(?:ឆ្នាំ\(s)*)?(\(d){4})(?!\(d)))?", caseInsensitive: false, day: 1, month: 2, year: 3),
            // 12 January (English, capitalised month, no year)
            DatePattern(start: .digit, pattern: "\\b(\(d){1,2})(?:st|nd|rd|th)?(?:\(s)+of)?\(s)+\(englishMonth)(?![\\p{L}\\p{N}])", caseInsensitive: false, day: 1, month: 2, year: nil),
            // January 2021, juillet 1993, ខែកក្កដា ឆ្នាំ២០១២
            DatePattern(start: .monthName, pattern: "(?<!\(d)\(s))(?<!\(d)\(s)\(s))\\b(January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)\(s)+(\(d){4})\\b", caseInsensitive: true, day: nil, month: 1, year: 2),
            DatePattern(start: .khmerMonth, pattern: "(?<!\(d)\(s))(?<!\(d))ខែ\(s)*\(khmerMonth)\(s)*(?:ឆ្នាំ\(s)*)(\(d){4})(?!\(d))", caseInsensitive: false, day: nil, month: 1, year: 2),
        ]
    }

    /// Note reference numbers: "No. 2021/01/045", "N° 37.870", "No.: 1999", "No.AL KHM 10/2020",
    /// "Réf. DFAT/12", "N°s 12/2021", "№ 12/2021", "N° 1 234", "លេខ ១២៣/២០២១", "លេខ៖ ១២៣/២០២១",
    /// "លេខយោង ១២/២០២១" (the file reference Verbale itself writes for "Ref."); group 1 is the
    /// identifier. A first group of one to three digits followed by groups of three after a
    /// (no-break) space is one number ("1 234", as French groups thousands), not "1" then "234".
    static var prefixedReference: String {
        let s = space, d = digit
        let part = "(?:\(d)+|[A-Z]+)"
        let grouped = "(?:\(d){1,3}(?:[ \\u00A0\\u202F]\(d){3})+(?!\(d)))"
        let identifier = "((?:[A-Z]{1,6}\(s)){0,3}(?:\(grouped)|\(part))(?:[/.\\-]\(part))*)"
        let prefix = "(?:(?<!\\p{L})(?:No|NO|Nos|Ref|REF|Réf|RÉF|réf|ref)\\b\\.?[°º]?|(?<!\\p{L})[Nn](?:\\.[°º]?|\(s)?[°º])(?:s(?!\\p{L}))?|№|លេខ(?:\(s)?យោង)?)"
        return "\(prefix)\(s)*[:\\u17D6\\u17C8]?\(s)*\(identifier)"
    }

    /// References without a prefix: letters and digits joined by slashes ("FCO/WED/1/95"), or
    /// two or more digit groups joined by slashes ("12/2021", "2021/01/045"), after up to three
    /// capitalised codes ("AL KHM 10/2020"). Why two groups: a note writes "the reference is
    /// 12/2021" and its Khmer "លេខ ១២/២០២១"; read as "12", "/", "2021" on one side and one
    /// reference on the other, a match could carry neither number. Digits followed by a month
    /// are days ("8/10 May 1989", "16/17 décembre", "១៦/១៧ ខែធ្នូ"): left to the date rules.
    static var bareReference: String {
        let s = space, d = digit
        let month = "(?!\(s)*(?:ខែ\(s)*)?\(khmerMonth)|\(s)+(?:\(englishMonth)|\(frenchMonth)))"
        return "(?<![\\p{L}\\p{N}/])((?:[A-Z]{2,}(?:/[A-Z0-9\\u17E0-\\u17E9]+)+)|(?:(?:[A-Z]{2,6}\(s)){0,3}\(d)+(?:/\(d)+)+\(month)))(?![\\p{L}\\p{N}/])"
    }

    /// Numbers: digit groups with `,` `.` or (NBSP, narrow NBSP, thin space; plain space in
    /// French) between them. `groupSpace` is the class of spaces allowed between groups of three.
    static func number(groupSpace: String) -> String {
        let d = digit
        return "(?<![\\p{sc=Latn}\\p{N}.,])(\(d){1,3}(?:\(groupSpace)\(d){3})+(?:[.,]\(d)+)?(?![\\p{N}])|\(d)+(?:[.,]\(d)+)*)(?![\\p{sc=Latn}\\p{N}])"
    }

    static let email = "(?<![\\w.%+\\-])([A-Za-z0-9][A-Za-z0-9._%+\\-]*@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,})(?![\\w\\-])"

    /// The names of the placeholders `verbale import` writes in place of personal data
    /// (`PersonalDataKind`, in VerbaleMemory; a test checks the two lists agree).
    static let personalDataNames = ["PERSON", "EMAIL", "PHONE", "PASSPORT", "ID_NUMBER", "DATE_OF_BIRTH"]

    /// `{PERSON}`, `{PERSON2}` (a unit holding two people), `{DATE_OF_BIRTH}`…: one placeable, so
    /// a scrubbed memory segment counts `{PERSON}` as one token of type `placeholder`, not as
    /// `{`, `PERSON`, `}`, and a query's own personal data can stand against it.
    static var personalDataPlaceholder: String {
        "\\{(?:" + personalDataNames.joined(separator: "|") + ")[0-9]{0,3}\\}"
    }

    static let url = "((?:https?|ftp)://[^\\s<>\"«»“”‘’]+|\\bwww\\.[^\\s<>\"«»“”‘’]+)"
}
