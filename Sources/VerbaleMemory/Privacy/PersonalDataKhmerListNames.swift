import Foundation

/// A Khmer name before its function at the start of a list item (acceptance review 1130j M3's
/// Khmer remnant): "១. សុខ ដារា អគ្គនាយក ប្រធានគណៈប្រតិភូ", "- ចាន់ សុផល លេខាទីពីរ", as the Khmer of a
/// delegation list writes "1. Sok Dara, Director-General, Head of Delegation".
///
/// Why: the English and French of such a list lose the name (`PersonalDataNamesBesideFunctions`),
/// the Khmer kept it: Khmer writes no comma between the name and the function, and no title
/// before the name.
///
/// Safe only where a list item begins, and only with a list marker: a line's start, maybe spaces,
/// then `១.`, `1.`, `2)`, `-`, `–`, `•` or `*`, then two Khmer words — each no function word,
/// verb, office, institution, title or country (`khmerNameWordBesideTitle`) — and a
/// Khmer function title (`khmerFunctionTitles`, maybe after អនុ "deputy", ឧប "vice" or នាយក). A
/// sentence's first two words before a function ("កាលពី ម្សិលមិញ រដ្ឋមន្ត្រី…") have no marker and
/// stay. There is no table of Khmer family names to check the first word against, so the marker
/// is the guard.
///
/// Cost: run only where the byte pass saw a Khmer function title (`FurtherRules.khmerFunctionTitle`).
extension PersonalDataScrubber {
    /// The list item: marker, the name (captured), a separator, the function.
    static let khmerListNamePattern: String = {
        let word = khmerNameWordBesideTitle
        let marker = "(?:[0-9០-៩]{1,3}[.)។]|[-–•*])"
        let titles = khmerFunctionTitles.joined(separator: "|")
        return "(?m)^[ \\t\\u00A0\\u200B]*\(marker)[ \\t\\u00A0\\u200B]*(\(word)\(khmerNameSeparator)\(word))[ \\u00A0\\u200B]+(?:អនុ|ឧប|នាយក)?(?:\(titles))"
    }()

    static let khmerListNameRule: NSRegularExpression? = try? NSRegularExpression(pattern: khmerListNamePattern)

    /// The Khmer names before their function at a list item's start in `text`, as `further` allows.
    static func khmerListNameSpans(in text: String, further: FurtherRules) -> [Span] {
        guard further.contains(.khmerFunctionTitle), let regex = khmerListNameRule else { return [] }
        return regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).compactMap { match in
            let name = match.range(at: 1)
            return name.location == NSNotFound || name.length == 0 ? nil : Span(kind: .person, range: name)
        }
    }
}
