import Foundation

/// Phone numbers and dates of birth in writings the keyword patterns of `init` miss (acceptance
/// review 1130d, M3), each a `FurtherRule` behind its own pre-check (`possibleFurtherRules`).
///
/// Why each:
/// - `(+855) 23 216 141` is how the MFA-IC and Cambodian missions print numbers on letterheads
///   and contact lines: the `+` sits inside the parentheses, where the international pattern
///   wants it first and the parenthesised one wants no `+` (also `(+៨៥៥) ២៣ ២១៦ ១៤១`);
/// - "His mobile number is 012345678", « son numéro de téléphone est le 012 345 678 »,
///   "លេខទូរស័ព្ទរបស់គាត់គឺ ០១២៣៤៥៦៧៨" ("his phone number is"): a verb stands between the keyword
///   and the number, and a Cambodian mobile number written without spaces has no shape of its
///   own; the number must have 8 to 13 digits (an ordinary count never follows these words);
/// - "(b. 14 February 1985)", ", b. 14 February 1985": the biographical abbreviation of "born";
///   « né(e) le 14/02/1985 », « Né(e) le : 14/02/1985 », as forms write it; ថ្ងៃកំណើត៖ ១៤ កុម្ភៈ ១៩៨៥ ("birthday:"), with or
///   without ខែ before the month — not after ខួប ("anniversary": ខួបថ្ងៃកំណើត is a public
///   celebration, the King's birthday) and only with a whole date (day, month, year).
extension PersonalDataScrubber {
    /// A date, day to year, in the writings of the three languages: `14 February 1985`,
    /// `February 14, 1985`, `14/02/1985`, `ថ្ងៃទី១៤ ខែកុម្ភៈ ឆ្នាំ១៩៨៥` or `១៤ កុម្ភៈ ១៩៨៥`. Shared with
    /// the date-of-birth patterns of `init`.
    static let datePattern: String = {
        let digit = "[0-9០-៩]"
        let khmerLetters = "[\\u1780-\\u17D3\\u17DD]"
        return [
            "\(digit){1,2}(?:st|nd|rd|th|er)?\\s+\\p{L}+\\.?,?\\s+\(digit){4}",
            "\\p{Lu}\\p{Ll}+\\.?\\s+\(digit){1,2}(?:st|nd|rd|th)?,?\\s+\(digit){4}",
            "\(digit){1,4}[./-]\(digit){1,2}[./-]\(digit){1,4}",
            "(?:ថ្ងៃទី[\\s\\u200B]*)?\(digit){1,2}[\\s\\u200B]*(?:ខែ[\\s\\u200B]*)?\(khmerLetters)+[\\s\\u200B]*(?:ឆ្នាំ[\\s\\u200B]*)?\(digit){4}",
        ].joined(separator: "|")
    }()

    /// Between digit groups: a full stop or hyphen, or up to two of space, NBSP and U+200B.
    private static let phoneGroupSeparator = "(?:[.-]|[ \\u00A0\\u200B]{1,2})"

    /// `(+855) 23 216 141`: `(+`, a country code, `)`, then three to five groups; not glued to a
    /// Latin letter, a digit, `/` or `+` before, nor to a letter, digit or `/` after.
    static let parenPlusPhonePattern: String = {
        let sep = phoneGroupSeparator
        return "(?<![[\\w/+]--[\\u1780-\\u17DD]])(\\(\\+[0-9០-៩]{1,3}\\)\(sep)?[0-9០-៩]{1,4}(?:\(sep)[0-9០-៩]{2,4}){2,4})(?![[\\w/]--[\\u1780-\\u17DD]]|[.-][0-9០-៩])"
    }()

    /// A number after "phone/mobile/cell/fax/contact number is/was", « numéro de
    /// téléphone/portable/mobile/fax est (le) », or ទូរស័ព្ទ and a few Khmer words, then គឺ(ជា).
    static let phoneNumberIsPattern: String = {
        let number = "(\\+?[0-9០-៩](?:[ \\u00A0\\u200B.-]{0,2}[0-9០-៩]){7,12})(?![0-9០-៩])"
        let english = "\\b(?i:telephone|phone|mobile|cell|cellphone|fax|contact)\\s+[Nn]umber\\s+(?:is|was)\\s*:?\\s*"
        let french = "\\b[Nn]um[ée]ro\\s+de\\s+(?i:téléphone|telephone|portable|mobile|fax)\\s+(?:est|:)(?:\\s+le)?\\s*:?\\s*"
        let khmer = "ទូរស័ព្ទ[\\u1780-\\u17D3\\u200B ]{0,24}?គឺ(?:ជា)?[\\s\\u200B]*"
        return "(?:\(english)|\(french)|\(khmer))\(number)"
    }()

    /// A date after `(b.` or `, b.`, after « né(e) (le) », or after ថ្ងៃកំណើត (not ខួបថ្ងៃកំណើត).
    static let birthWordingPattern: String = {
        let gap = "[\\s\\u200B]*"
        let abbreviation = "(?:\\(|,[ \\u00A0])b\\.[ \\u00A0]*"
        let french = "(?<![\\p{L}\\p{M}])[Nn][ée]\\(e\\)(?:\\s+le)?\\s*(?:[:：]\\s*)?"
        let khmer = "(?<!ខួប)(?<!ខួប[ \\u200B])ថ្ងៃ\(gap)កំណើត\(gap)[:៖]?\(gap)"
        return "(?:\(abbreviation)|\(french)|\(khmer))(\(datePattern))"
    }()
}
