import Foundation

/// The date of birth and passport number of a consular form line, as the patterns of `init`
/// miss them (acceptance review 1130j m2).
///
/// Why: a visa or accreditation request lists the person in a form — "Date of birth
/// (dd/mm/yyyy): 14/02/1985", « Né le : 14/02/1985 », « Date de naissance (jj/mm/aaaa) : … »,
/// "Date and place of birth: 14/02/1985, Phnom Penh", "Place and date of birth: Phnom Penh,
/// 14/02/1985", `ថ្ងៃខែឆ្នាំកំណើត (ថ្ងៃ/ខែ/ឆ្នាំ)៖ ១៤/០២/១៩៨៥` — and the birth pattern of `init` wants
/// the date right after its keyword (a colon at most, and not after "born" or « né le »), so the
/// format hint in parentheses, the colon after « le » or the place kept the date while "born
/// 14.02.1985" lost it. The passport number a Khmer form writes with a Khmer letter
/// (`លេខលិខិតឆ្លងដែន៖ ដ០០១២៣៤៥`, the `D` of a diplomatic passport transliterated) stayed beside the
/// English `{PASSPORT}`: the passport pattern takes Latin letters only.
///
/// Each expression runs only where the byte pass saw what it cannot match without: a birth
/// keyword (`born`, `birth`, `né`, `naissance`, `កំណើត` with its follow condition) and two digits
/// for the dates, the Khmer passport keyword and six digits for the number (`Triggers`), so
/// filtering changes nothing these find (`PrivacyFilterEquivalenceTests`).
extension PersonalDataScrubber {
    /// A birth label with what a form puts between it and the date: a format hint in
    /// parentheses (`(dd/mm/yyyy)`, `(jj/mm/aaaa)`, `(ថ្ងៃ/ខែ/ឆ្នាំ)`), a colon (`:`, `៖`), and —
    /// after "place and date of birth" / « lieu et date de naissance » — the place and a comma.
    /// The date is captured (group 1).
    static let formBirthDatePattern: String = {
        let gap = "[\\s\\u200B]*"
        let hint = "(?:\(gap)\\([^()\\n]{1,24}\\))?"
        let colon = "\(gap)[:：៖]?\(gap)"
        // The date comes right after the label's colon: "Date of birth (dd/mm/yyyy): …", "Born: …",
        // « Né(e) le : » is `birthWordingPattern`'s (its `né(` needs no space after `né`).
        let english = "\\b(?i:date\\s+(?:(?:and|&)\\s+place\\s+)?of\\s+birth|birth\\s*date|born(?:\\s+on)?)"
        let french = "\\b(?i:née?\\s+le|date\\s+(?:et\\s+lieu\\s+)?de\\s+naissance)"
        let khmer = "ថ្ងៃ\(gap)ខែ\(gap)ឆ្នាំ\(gap)កំណើត"
        // The place first: up to five words without digits, then a comma.
        let placeFirst = "\\b(?i:place\\s+(?:and|&)\\s+date\\s+of\\s+birth|lieu\\s+et\\s+date\\s+de\\s+naissance)"
        let place = "[^\\d\\n,;:]{1,40},\(gap)"
        // Either a hint or a colon must stand: the bare "date of birth 14/02/1985" is `init`'s.
        return "(?:(?:\(english)|\(french)|\(khmer))(?:\(hint)\(gap)[:：៖]\(gap)|\(gap)\\([^()\\n]{1,24}\\)\(colon))|\(placeFirst)\(hint)\(colon)\(place))(\(datePattern))"
    }()

    /// A passport number written with a Khmer letter after the Khmer keyword: `លិខិតឆ្លងដែន`, its
    /// kind and holder, a number word and a colon (`documentNumberWord`), then a Khmer consonant
    /// (or two) and six to nine digits of either script (captured), not glued to a letter or digit.
    static let khmerLetterPassportPattern: String = {
        let gap = "[\\s\\u200B]*"
        let qualifier = khmerDocumentQualifier(khmerPassportQualifiers, gap: gap)
        return "លិខិតឆ្លងដែន\(qualifier)\(documentNumberWord(gap: gap))([\\u1780-\\u17A2]{1,2}[0-9០-៩]{6,9})(?![\\u1780-\\u17D3\\u17DD0-9០-៩A-Za-z])"
    }()

    /// A birth label abbreviated as forms print it (session 12, issue 3 item 5): "D.O.B.", "DOB",
    /// « date de naiss. », « date naiss. », maybe a format hint in parentheses, maybe a colon,
    /// then the date (captured). Why: `init`'s birth pattern knows "DOB" with the date right after
    /// it, not the dotted "D.O.B.", nor "DOB (dd/mm/yyyy):", nor the French abbreviation, so a
    /// visa form line kept the date. No space inside "D.O.B." (the byte pass looks for `d.o.b`).
    static let abbreviatedBirthPattern: String = {
        let gap = "[\\s\\u200B]*"
        let hint = "(?:\(gap)\\([^()\\n]{1,24}\\))?"
        let label = "(?<![\\p{L}\\p{M}\\p{N}.])(?i:d\\.o\\.b\\b\\.?|dob\\b|date\\s+(?:de\\s+)?naiss\\.)"
        return "\(label)\(hint)\(gap)[:：៖]?\(gap)(\(datePattern))"
    }()

    /// A passport number written with a Khmer letter after the English or French keyword
    /// (session 12: "Passport No. ដ០០១២៣៤៥", « passeport n° ដ០០១២៣៤៥ », as a trilingual form's
    /// English line copies the Khmer number): the keyword as `init`'s Latin passport pattern
    /// reads it, then the number as `khmerLetterPassportPattern` reads it.
    static let latinKeywordKhmerLetterPassportPattern: String = {
        let gap = "[\\s\\u200B]*"
        return "(?i:passport|passeport)\(frenchPassportQualifier)\(latinBearing)\(documentNumberWord(gap: gap))([\\u1780-\\u17A2]{1,2}[0-9០-៩]{6,9})(?![\\u1780-\\u17D3\\u17DD0-9០-៩A-Za-z])"
    }()

    /// The form expressions, compiled once (one that does not compile is left out: only
    /// possible with an ICU lacking a feature they use; `PersonalDataFormLineTests` would fail).
    static let formLineRules: (birth: NSRegularExpression?, passport: NSRegularExpression?) = (
        try? NSRegularExpression(pattern: formBirthDatePattern + "|" + abbreviatedBirthPattern),
        try? NSRegularExpression(pattern: khmerLetterPassportPattern + "|" + latinKeywordKhmerLetterPassportPattern)
    )

    /// The dates of birth and Khmer-letter passport numbers of form lines in `text`, run as
    /// `triggers` allows (`Triggers.all` runs both).
    static func formLineSpans(in text: String, triggers: Triggers) -> [Span] {
        let birth = triggers.isSuperset(of: [.someDigits, .birthWord])
        let passport = triggers.isSuperset(of: [.digits, .passportWord, .khmer])
        guard birth || passport else { return [] }
        let whole = NSRange(location: 0, length: text.utf16.count)
        var spans: [Span] = []
        for (kind, runs, regex) in [(PersonalDataKind.dateOfBirth, birth, formLineRules.birth), (.passport, passport, formLineRules.passport)] {
            guard runs, let regex else { continue }
            for match in regex.matches(in: text, range: whole) {
                // The date or number is the first group of whichever alternative matched.
                guard let range = (1..<match.numberOfRanges).lazy.map({ match.range(at: $0) }).first(where: { $0.location != NSNotFound && $0.length > 0 })
                else { continue }
                spans.append(Span(kind: kind, range: range))
            }
        }
        return spans
    }
}
