import Foundation
import VerbaleCore

/// Wrong French articles and contractions before an institution's head noun (« Le Ambassade »,
/// « au Ambassade », « à la Ministère », « à le Ministère »), each with the form to write.
///
/// Why: an officer reuses a note by changing its recipient, and the model opening « présente
/// ses compliments au Ministère » becomes « au Ambassade », « au Mission permanente »: the
/// contraction must follow the new head's gender and elision. The checker knew the bare article
/// (« Le Ambassade ») and « à le/de le », but not a contraction before a feminine or elided
/// head, and for « à la Ministère » it offered « Le Ministère » (« à Le Ministère »: review
/// 1130f M3).
///
/// Rules, per head noun of the shipped institution names (gender and elision from
/// `InstitutionNamer.heads`; the first word of the French head):
/// - after « à »: « à l' » (elided), « à la » (feminine), « au » (masculine), in place of any
///   other of « au », « à le », « à la », « à l' »;
/// - after « de »: « de l' », « de la », « du » likewise;
/// - alone: « l' », « la », « le » in place of another (not after « à »/« de », which the
///   first two rules read whole).
/// Then « à le », « à les », « de le », « de les » before any capital: « au », « aux », « du »,
/// « des ». A match inside a longer one is not reported twice (`findings`). The fix keeps the
/// case of the text it replaces (« que le délégation » → « la délégation »).
struct FrenchArticles {
    /// One wrong form: its pattern (group 1: the noun as written; nil for the bare
    /// contractions), and the article or contraction to write, lower-cased, with its space.
    struct Rule {
        let scan: PatternScan
        let right: String
    }

    let rules: [Rule]

    init(heads: [InstitutionNamer.Head]) throws(ICURegex.SyntaxError) {
        var rules: [Rule] = []
        var bare: [Rule] = []
        var seen = Set<String>()
        for head in heads {
            let word = head.french.split(separator: " ").first.map(String.init) ?? head.french
            guard seen.insert(word).inserted else { continue }
            let (toRight, ofRight, aloneRight): (String, String, String)
            if head.elides {
                (toRight, ofRight, aloneRight) = ("à l'", "de l'", "l'")
            } else if head.gender == .feminine {
                (toRight, ofRight, aloneRight) = ("à la ", "de la ", "la ")
            } else {
                (toRight, ofRight, aloneRight) = ("au ", "du ", "le ")
            }
            let noun = "(\(word))\\b"
            // The forms other than the right one, each followed by its space or, after an
            // apostrophe (' or ’), by the noun itself.
            func wrong(_ forms: [String], right: String) -> String {
                forms.filter { $0 != right.trimmingCharacters(in: .whitespaces) }
                    .map { $0.hasSuffix("'") ? String($0.dropLast()) + "['’] ?" : $0 + " " }
                    .joined(separator: "|")
            }
            let to = wrong(["au", "à le", "à la", "à l'"], right: toRight)
            let of = wrong(["du", "de le", "de la", "de l'"], right: ofRight)
            let alone = wrong(["le", "la", "l'"], right: aloneRight)
            rules.append(Rule(scan: try PatternScan("(?<![\\p{L}\\p{M}'’])(?:\(to))\(noun)"), right: toRight))
            rules.append(Rule(scan: try PatternScan("(?<![\\p{L}\\p{M}'’])(?:\(of))\(noun)"), right: ofRight))
            bare.append(Rule(scan: try PatternScan("(?<![\\p{L}\\p{M}'’])(?<!\\bà )(?<!\\bde )(?:\(alone))\(noun)"), right: aloneRight))
        }
        rules += bare
        for (wrong, right) in [("à le", "au "), ("à les", "aux "), ("de le", "du "), ("de les", "des ")] {
            rules.append(Rule(scan: try PatternScan("\\b\(wrong) (?=[A-ZÉ])", caseInsensitive: false), right: right))
        }
        self.rules = rules
    }

    /// The wrong forms in `text`: the range found and the form to write. Earlier rules win: a
    /// match overlapping one already found is left out. O(rules · text).
    func findings(in text: PreparedText) -> [(range: Range<Int>, fix: String)] {
        var found: [(range: Range<Int>, fix: String)] = []
        for rule in rules {
            for match in rule.scan.matches(in: text) where !found.contains(where: { $0.range.overlaps(match.match) }) {
                let written = text.substring(match.match)
                let noun = match.group.map { text.substring($0) } ?? ""
                found.append((match.match, Self.cased(rule.right, like: written) + noun))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `form` with a capital first letter when `written` begins with one.
    static func cased(_ form: String, like written: String) -> String {
        guard let first = written.first, first.isUppercase, let head = form.first else { return form }
        return head.uppercased() + form.dropFirst()
    }
}
