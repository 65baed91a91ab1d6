/// French and British phone numbers in their national writing, with no keyword before them
/// (acceptance review 1130e, M1): « appeler l'Ambassade au 01 45 03 47 20 », « Appelez le
/// 06 12 34 56 78 », « 01.45.03.47.20 », "on 020 7946 0018".
///
/// Why: the patterns of `init` knew a number without keyword only by its `+` (international)
/// or by the Cambodian grouping `0XX XXX XXX`, so the way every French letterhead and note writes
/// a number — ten digits in pairs after a trunk `0` — and the British `0XX XXXX XXXX` were stored
/// verbatim, also in the unit whose English variant had the same number as `+33 1 45 03 47 20`
/// and was replaced.
///
/// What counts:
/// - France: `0` and a digit 1–9, then four pairs, each after a full stop, a hyphen, or one or
///   two of space, NBSP, U+202F (French typography) and U+200B — or the ten digits run
///   together (`0145034720`). Khmer digits count too (a Khmer variant may write the number so).
/// - United Kingdom: `0XX XXXX XXXX` (London 020, 029, 028…), `0XXX XXX XXXX` (0113, 0121…),
///   `0XXXX XXXXXX` (01632, mobiles 07700); the area code may stand in parentheses
///   (`(020) 7946 0018`).
/// Like the Cambodian pattern: not after a Latin letter, a digit, `_`, `/`, `.`, `+` or `-`
/// (references « N° 2021/01/045 », dates « 12.01.2021 »), nor after a digit and one or two spaces
/// (amounts « 1 000 000 »); not before a letter, digit, `/`, nor a full stop or hyphen and a digit
/// (`01.02.2021.5`); and, unlike it, not before a separator and another digit — a sixth group
/// means a longer number (a list, a table row), not a phone. The pairs must be exactly two
/// digits, so a date (`01.02.2021`, `01-02-2015`) never reads as one.
///
/// Cost: two more expressions, run only on texts the byte pass lets through with six digits
/// and a `0` that may begin a number (`Triggers.zeroLead`, which both patterns start with):
/// no pre-check learns anything new.
extension PersonalDataScrubber {
    /// Between the groups of a national number: a full stop or hyphen, or up to two of space,
    /// NBSP, U+202F and U+200B.
    private static let nationalSeparator = "(?:[.-]|[ \\u00A0\\u202F\\u200B]{1,2})"
    /// Before a national number: what the Cambodian pattern refuses (`init`).
    private static let nationalBefore = "(?<![[\\w/.+-]--[\\u1780-\\u17DD]])(?<!\\d[ \\u00A0\\u202F\\u200B]{1,2})"
    /// After one: no word character or `/`, and no separator followed by a digit.
    private static let nationalAfter = "(?![[\\w/]--[\\u1780-\\u17DD]]|\(nationalSeparator)\\d)"

    /// A French national number: `01 45 03 47 20`, `06.12.34.56.78`, `0145034720`.
    static let frenchNationalPhonePattern = "\(nationalBefore)[0០][1-9១-៩](?:(?:\(nationalSeparator)\\d{2}){4}|\\d{8})\(nationalAfter)"

    /// A British national number: `020 7946 0018`, `0113 496 0000`, `07700 900123`, `(020) 7946 0018`.
    static let britishNationalPhonePattern: String = {
        let s = nationalSeparator
        func area(_ digits: Int) -> String { "(?:0[1-9]\\d{\(digits - 2)}|\\(0[1-9]\\d{\(digits - 2)}\\))" }
        return "\(nationalBefore)(?:\(area(3))\(s)\\d{4}\(s)\\d{4}|\(area(4))\(s)\\d{3}\(s)\\d{4}|\(area(5))\(s)\\d{6})\(nationalAfter)"
    }()
}
