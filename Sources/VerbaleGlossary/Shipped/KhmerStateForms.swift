/// Whether a Khmer country name says the same form of state as the English name it translates
/// ("Kingdom", "Republic", "Principality"…), one of the doubts of `KhmerNameDoubts`.
///
/// Why: the iso-codes km catalogue calls four states that are not kingdoms "Kingdom of …" —
/// Principality of Andorra, Liechtenstein and Monaco and the Grand Duchy of Luxembourg are
/// ព្រះរាជាណាចក្រ… — renders the Sultanate of Oman as អ៊ីស្លាមអូម៉ង់ ("Islamic Oman"), and
/// misspells the state word of three formal names: Guinea's សារធារណរដ្ឋ (for សាធារណរដ្ឋ, which
/// the catalogue writes in 88 other names), Israel's រដ្ន (for រដ្ឋ "State") and Micronesia's
/// សហព័ន្ថ (for សហព័ន្ធ "Federated"). Each of these contains the country's short name, so the
/// other checks passed them, and they were shipped as preferred, attested formal names
/// (review 1130d M5): a note to the Grand Duchy of Luxembourg drafted as "Kingdom of Luxembourg".
///
/// The check, on Khmer compared without U+200B and spaces:
/// - **a Khmer state word the English does not say**: ព្រះរាជាណាចក្រ needs "Kingdom",
///   សាធារណរដ្ឋ "Republic", អ៊ីស្លាម "Islamic"… (the longest word is read first, so the រដ្ឋ inside
///   សាធារណរដ្ឋ is not also read as "State");
/// - **an English form of state the Khmer does not write**: "Republic" with no សាធារណរដ្ឋ (a
///   misspelt state word is caught so), or a form no word of the table renders ("Principality",
///   "Grand Duchy", "Sultanate"): no source here gives its Khmer, so nothing confirms the name.
/// The Khmer words are the catalogue's own, each written for its English in most of the
/// catalogue's names that have that English (`usage` counts them, for the reason; a test checks
/// it against the installed catalogue). Nothing is corrected: a doubted name is kept, marked
/// unreviewed with the reason, since no attested source gives the right spelling either.
struct KhmerStateForms {
    /// A Khmer state word and the English it renders: any one of `english`, each a set of
    /// words the English name must all contain ("United" and "States" for សហរដ្ឋ, whether or
    /// not "Mexican" stands between them).
    struct Word {
        var khmer: String
        var gloss: String
        var english: [[String]]
    }

    /// The state words, longest Khmer first so a longer word is read before a shorter one
    /// inside it (សាធារណរដ្ឋ before រដ្ឋ).
    static let words: [Word] = [
        Word(khmer: "ព្រះរាជាណាចក្រ", gloss: "Kingdom", english: [["Kingdom"]]),
        Word(khmer: "ប្រជាធិបតេយ្យ", gloss: "Democratic", english: [["Democratic"]]),
        Word(khmer: "សាធារណរដ្ឋ", gloss: "Republic", english: [["Republic"]]),
        Word(khmer: "ប្រជាមានិត", gloss: "People's", english: [["People's"]]),
        Word(khmer: "សង្គមនិយម", gloss: "Socialist", english: [["Socialist"]]),
        Word(khmer: "សហព័ន្ធ", gloss: "Federal", english: [["Federal"], ["Federative"], ["Federated"], ["Federation"], ["Confederation"]]),
        Word(khmer: "អ៊ីស្លាម", gloss: "Islamic", english: [["Islamic"]]),
        Word(khmer: "ចក្រភព", gloss: "United Kingdom, Commonwealth", english: [["United", "Kingdom"], ["Commonwealth"], ["British"]]),
        Word(khmer: "សហភាព", gloss: "Union", english: [["Union"]]),
        Word(khmer: "សហរដ្ឋ", gloss: "United States", english: [["United", "States"]]),
        Word(khmer: "រដ្ឋ", gloss: "State", english: [["State"], ["States"]]),
    ].sorted { $0.khmer.unicodeScalars.count > $1.khmer.unicodeScalars.count }

    /// English forms of state with no Khmer word above: a name that has one is not confirmed.
    static let formsWithoutKhmer = ["Principality", "Grand Duchy", "Sultanate", "Emirate"]

    /// How many catalogue names (all countries, all roles) contain each Khmer state word.
    let usage: [String: Int]

    init(candidates: [String: [KhmerNameDoubts.Candidate]]) {
        var usage: [String: Int] = [:]
        for names in candidates.values {
            for name in names {
                for word in Self.read(KhmerNameDoubts.key(name.khmer)) { usage[word.khmer, default: 0] += 1 }
            }
        }
        self.usage = usage
    }

    /// The state words of a Khmer comparison key, each occurrence once, longest first.
    static func read(_ key: String) -> [Word] {
        var rest = key
        var found: [Word] = []
        for word in words {
            while let range = rest.range(of: word.khmer) {
                found.append(word)
                // A character no word holds keeps the parts apart (no word is read across it).
                rest.replaceSubrange(range, with: "|")
            }
        }
        return found
    }

    /// The English name's words ("People's" kept whole; commas and parentheses dropped).
    static func englishWords(_ english: String) -> Set<String> {
        Set(english.split { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }.map(String.init))
    }

    /// Why `candidate`'s form of state is not the English one (for its usage note), or nil.
    /// Short and common names are checked only for a state word their English does not say;
    /// formal names also for an English form their Khmer does not write.
    func doubt(_ candidate: KhmerNameDoubts.Candidate) -> String? {
        let english = Self.englishWords(candidate.english)
        let khmer = Self.read(KhmerNameDoubts.key(candidate.khmer))
        var problems: [String] = []
        var missing: [Word] = []
        if candidate.role == .formal {
            let written = khmer.map(\.khmer)
            for word in Self.words where !written.contains(word.khmer) {
                guard let needed = word.english.first(where: { $0.allSatisfy(english.contains) }) else { continue }
                // "Kingdom" in "United Kingdom" is ចក្រភព's to render, not ព្រះរាជាណាចក្រ's:
                // skip an English form a written word renders with more of the English.
                let renderedWider = Self.words.contains { other in
                    written.contains(other.khmer) && other.english.contains { $0.count > needed.count && needed.allSatisfy($0.contains) && $0.allSatisfy(english.contains) }
                }
                guard !renderedWider else { continue }
                let uses = usage[word.khmer].map { ", which the catalogue writes in \($0) names" } ?? ""
                problems.append("“\(needed.joined(separator: " "))” is \(word.khmer)\(uses), not written here")
                missing.append(word)
            }
            for form in Self.formsWithoutKhmer where candidate.english.contains(form) {
                problems.append("no source here gives the Khmer of “\(form)”")
            }
        }
        // A word the English does not say, unless it is the tail of a missing one: the រដ្ឋ of
        // a misspelt សាធារណរដ្ឋ is that misspelling, already named.
        let unsaid = khmer.filter { word in
            !word.english.contains { $0.allSatisfy(english.contains) } && !missing.contains { $0.khmer.contains(word.khmer) }
        }
        problems = unsaid.map { "\($0.khmer) is “\($0.gloss)”, which the English does not say" } + problems
        guard !problems.isEmpty else { return nil }
        return "unreviewed: its form of state is not the English name’s (“\(candidate.english)”): " + problems.joined(separator: "; ")
    }
}
