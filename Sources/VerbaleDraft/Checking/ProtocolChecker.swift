import Foundation
import VerbaleCore
import VerbaleMemory

/// What `ProtocolChecker` found: the findings and the parts of the note it recognised.
public struct CheckReport: Sendable, Codable {
    public var language: Language
    public var findings: [Finding]
    /// The sender as named in the opening and the closing, and the recipient likewise.
    public var openingSender: String?
    public var closingSender: String?
    public var openingRecipient: String?
    public var closingRecipient: String?
    /// Ids of the formulas recognised, in order.
    public var formulas: [String]

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
}

/// Checks a note verbale against the protocol of the genre: opening and closing formulas
/// present and naming the same sender and recipient, third person throughout, a courtesy
/// level fit for the recipient, reference and date present, French agreement, and personal
/// data in the body (the seed note's lesson: a note can carry data about individuals).
///
/// How: formulas are found with `PhraseSpotter` on word tokens in which deviant pronouns and
/// verb forms are first mapped to the canonical ones ("his" → "its", "présentent" →
/// "présente"); a formula found only thanks to such a mapping is reported at the mapped word,
/// so "presents his compliments" is one third-person error, not a missing opening. Names are
/// compared by content words: a shorter form ("the Embassy") of the opening's name is fine.
///
/// Cost: one tokenisation and a few regular-expression passes, O(n) in the note's length.
public final class ProtocolChecker {
    public let language: Language
    private let spotter: PhraseSpotter
    private let tokenizer: Tokenizer
    private let personalData: PersonalDataScrubber
    private let frenchArticles: FrenchArticles
    /// The words every closing begins with (`Phrases.closingAnchor`), as the spotter keys them,
    /// and the closing formula a closing found by them stands for.
    private let closingAnchor: [String]
    private let closingPhrase: StockPhrase?

    public init(book: StockPhraseBook, language: Language) throws(DraftError) {
        self.language = language
        do {
            spotter = try PhraseSpotter(book: book, language: language)
            tokenizer = try Tokenizer(language: language)
        } catch { throw .unreadable("ICU", error.description) }
        closingAnchor = spotter.wordTokens(Phrases(language: language).closingAnchor).map(\.looseKey)
        closingPhrase = book.phrases.first { $0.role == "renew" && $0.text(language) != nil }
        do {
            // The import's detector: check flags exactly what the import would scrub.
            personalData = try PersonalDataScrubber()
            frenchArticles = try FrenchArticles(heads: InstitutionNamer.heads)
        } catch { throw .unreadable("pattern", String(describing: error)) }
    }

    /// Canonical forms of deviant words in formulas, and the code of the finding they raise.
    private var substitutions: [String: (canonical: String, code: String)] {
        switch language {
        case .english:
            ["his": ("its", "third-person"), "her": ("its", "third-person"), "my": ("its", "third-person"), "our": ("its", "third-person"),
             "himself": ("itself", "third-person"), "herself": ("itself", "third-person"), "myself": ("itself", "third-person"),
             "ourselves": ("itself", "third-person"),
             // "presents it's compliments", "of it's highest consideration": the formula is
             // there, with a slip (review 1130f m9: it was "no opening formula").
             "it's": ("its", "formula-spelling"),
             // Silent: US spelling and plural agreement with a collective sender are correct.
             "honor": ("honour", ""), "have": ("has", "")]
        case .french:
            ["mes": ("ses", "third-person"), "leurs": ("ses", "french-agreement"), "ma": ("sa", "third-person"), "mon": ("sa", "third-person"),
             "notre": ("sa", "third-person"), "leur": ("sa", "french-agreement"), "son": ("sa", "french-agreement"),
             "présentent": ("présente", "french-agreement"), "presentent": ("presente", "french-agreement"),
             "saisissent": ("saisit", "french-agreement"), "ont": ("a", "french-agreement"),
             // « présente ces compliments » (review 1130f m9).
             "ces": ("ses", "formula-spelling")]
        case .khmer: [:]
        }
    }

    /// Whether `text` holds Khmer script (U+1780–U+17FF): every Khmer wording a fix offers comes
    /// from Verbale's own unreviewed formulas and labels, none from an attested source.
    static func holdsKhmer(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) }
    }

    public func check(_ text: String) -> CheckReport {
        let prepared = PreparedText(text)
        let lines = LineIndex(text)
        var findings: [Finding] = []
        func add(_ code: String, _ severity: Finding.Severity, _ range: Range<Int>, _ message: String, _ suggestion: String, formulas: Bool = true) {
            let (line, column) = lines.position(of: range.lowerBound)
            findings.append(Finding(code: code, severity: severity, line: line, column: column, start: range.lowerBound,
                                    end: range.upperBound, message: message, suggestion: suggestion, aboutFormulas: formulas,
                                    suggestionUnreviewed: Self.holdsKhmer(suggestion)))
        }

        // 1. Formulas, with deviant words mapped to canonical ones.
        let quotations = Quotations(prepared.scalarArray)
        var tokens = spotter.wordTokens(EditorialMarkup.blanked(text))
        let omissions = Omissions.restore(&tokens, language: language)
        var canonical = tokens
        var substituted: [Int: (original: String, canonical: String, code: String)] = [:]
        let table = substitutions
        for (i, token) in tokens.enumerated() {
            if let (form, code) = table[token.key] {
                canonical[i].key = form
                canonical[i].looseKey = Normalizer.stripLatinDiacritics(form)
                substituted[i] = (token.text, form, code)
            }
        }
        let spots = spotter.spots(inTokens: canonical)
        for spot in spots where !quotations.contains(spot.range.lowerBound) {
            for i in spot.tokens {
                guard let change = substituted[i], !change.code.isEmpty else { continue }
                let formula = spot.phrase.text(language) ?? spot.phrase.id
                let message = switch change.code {
                case "third-person": "\"\(change.original)\" in the formula \"\(formula)\": a note verbale speaks in the third person"
                case "formula-spelling": "\"\(change.original)\" in the formula \"\(formula)\": the possessive is \"\(change.canonical)\""
                default: "\"\(change.original)\" does not agree with a singular sender in \"\(formula)\""
                }
                add(change.code, .error, tokens[i].range, message, "write \"\(change.canonical)\"")
            }
        }
        for spot in spots {
            for i in spot.tokens where omissions.contains(i) {
                add("missing-word", .error, tokens[max(0, i - 1)].range,
                    "\"\(tokens[i].key)\" is missing from the formula \"\(spot.phrase.text(language) ?? spot.phrase.id)\"",
                    "write \"\(spot.phrase.text(language) ?? tokens[i].key)\"")
            }
        }
        let formulaIds = spots.map(\.phrase.id)
        let firstOpening = spots.first { $0.phrase.role == "compliments" }
        // The note's own closing is the last one: a reply quotes the first note, closing and all.
        let closings = spots.filter { $0.phrase.role == "renew" && $0.range.lowerBound >= (firstOpening?.range.upperBound ?? 0) }
        let spotted = closings.last { !quotations.contains($0.range.lowerBound) } ?? closings.last
        // A closing in other words than the shipped formula's ("… to extend to", "សម្តែងជូន"
        // without ជាថ្មី) still begins with its anchor: it is the closing, with a warning on
        // its wording, not a missing one (review 1130c, m1).
        let anchored = spotted == nil ? closingByAnchor(canonical, after: firstOpening?.range.upperBound ?? 0, quotations: quotations) : nil
        let renew = spotted ?? anchored
        // Each closing answers the nearest opening before it not yet closed, as brackets nest:
        // a reply quoting the first note in full holds that note's opening and closing inside
        // its own, and a file holding a note and then its reply holds two pairs in a row.
        let pairs = FormulaPairs(spots) { spot in
            quotations.contains(spot.range.lowerBound)
                || (spot.phrase.role == "compliments" && Names.isQuoted(opening: spot.range.lowerBound, in: prepared, language: language))
        }
        let opening = renew.flatMap { pairs.opening(closedBy: $0) } ?? firstOpening
        let courtesy = spots.first { $0.phrase.role == "courtesy" && $0.range.lowerBound >= (renew?.range.upperBound ?? opening?.range.upperBound ?? 0) }
        let honour = spots.first { ($0.phrase.role == "honour" || $0.phrase.role == "purpose") && $0.range.lowerBound >= (opening?.range.upperBound ?? 0) }
        let openingToken = opening.map { $0.tokens.upperBound } ?? 0
        let saysHonour = honour != nil || OpeningContinuation.saysHonourOrPurpose(canonical, after: openingToken, language: language)

        let start = 0..<min(1, prepared.scalarArray.count)
        let phrases = Phrases(language: language)
        if opening == nil {
            add("missing-opening", .error, start, "no opening formula (\"\(phrases.compliments)\") was found",
                "begin with \"\(phrases.openingModel)\"")
        } else if !saysHonour, language != .khmer {
            add("missing-honour", .warning, opening?.range ?? start, "the opening does not say \"\(phrases.honour)\"",
                "continue the opening with \"\(phrases.honour) …\"")
        }
        if let anchored {
            add("closing-wording", .warning, anchored.range,
                "the closing begins \"\(phrases.closingAnchor)\" but does not go on with the usual \"\(anchored.phrase.text(language) ?? phrases.renew)\"",
                "write \"\(phrases.closingModel)\"")
        }
        if renew == nil {
            let end = max(0, prepared.scalarArray.count - 1)..<prepared.scalarArray.count
            add("missing-closing", .error, end, "no closing formula (\"\(phrases.renew)\") was found",
                "end with \"\(phrases.closingModel)\"")
        } else if courtesy == nil, let renew {
            add("missing-courtesy", .error, renew.range, "the closing renews no assurances of consideration",
                "follow the recipient with \"\(phrases.highest)\"")
        }

        // 2. Sender and recipient in the opening and the closing.
        var report = CheckReport(language: language, findings: [], formulas: formulaIds)
        if let opening {
            let sender = Names.sender(before: opening.range.lowerBound, in: prepared, language: language)
            report.openingSender = sender.map { prepared.substring($0) }
            let stop = honour?.range.lowerBound ?? courtesy?.range.lowerBound
            let recipient = Names.recipient(after: opening.range.upperBound, until: stop, in: prepared, language: language)
            report.openingRecipient = recipient.map { prepared.substring($0) }
        }
        if let renew {
            let sender = Names.sender(before: renew.range.lowerBound, in: prepared, language: language)
            report.closingSender = sender.map { prepared.substring($0) }
            // After an anchor alone, the words before the recipient are not known: no recipient.
            if let courtesy, anchored == nil {
                let range = renew.range.upperBound..<courtesy.range.lowerBound
                report.closingRecipient = Names.trim(prepared.substring(range)).isEmpty ? nil : Names.trim(prepared.substring(range))
            }
            // The same name in opening and closing; a different one is an error for the sender
            // (the note speaks for one body), a warning for the recipient.
            func compareNames(_ role: String, _ opening: String?, _ closing: String?, at range: Range<Int>?, differentSeverity: Finding.Severity, fix: String) {
                guard let a = opening, let b = closing, let range else { return }
                switch Names.compare(a, b, language: language) {
                case .same: break
                case .variant(let differences):
                    add("\(role)-mismatch", .warning, range, "the closing names the \(role) \"\(Names.trim(b))\", the opening \"\(Names.trim(a))\" (\(differences))",
                        "name the \(role) the same way in both formulas")
                case .different:
                    add("\(role)-mismatch", differentSeverity, range, "the closing's \(role) \"\(Names.trim(b))\" is not the opening's \"\(Names.trim(a))\"",
                        "\(fix): \"\(Names.trim(a))\"")
                }
            }
            compareNames("sender", report.openingSender, report.closingSender, at: sender, differentSeverity: .error,
                         fix: "the note must open and close in the name of the same sender")
            compareNames("recipient", report.openingRecipient, report.closingRecipient, at: courtesy.map { renew.range.upperBound..<$0.range.lowerBound },
                         differentSeverity: .warning, fix: "renew the assurances to the recipient of the opening")
        }

        // 3. Courtesy level.
        if let courtesy, courtesy.phrase.level == "high" {
            if language == .french {
                add("courtesy-level", .info, courtesy.range, "\"haute considération\": the real French notes use both \"haute\" and \"très haute\" for ministries and embassies",
                    "\"très haute considération\" pairs with English \"highest consideration\"")
            } else {
                add("courtesy-level", .warning, courtesy.range,
                    "\"high consideration\" is below the level usual between ministries, embassies and missions (\"highest\" in 132 of 184 English notes)",
                    "write \"\(phrases.highest)\"")
            }
        }

        // 4. Reference and date outside the formulas' sentences.
        let placeables = tokenizer.placeables(in: text)
        let openingStart = opening.map { Names.sender(before: $0.range.lowerBound, in: prepared, language: language)?.lowerBound ?? $0.range.lowerBound } ?? 0
        let closingEnd = courtesy?.range.upperBound ?? renew?.range.upperBound ?? prepared.scalarArray.count
        let outside = { (range: Range<Int>) in range.upperBound <= openingStart || range.lowerBound >= closingEnd }
        if !placeables.contains(where: { $0.kind == .reference && outside($0.range) }) && !Names.hasReferenceLine(prepared, before: openingStart) {
            add("missing-reference", .warning, start, "the note carries no reference number of its own",
                "put the note's number above the opening, e.g. \"\(phrases.referenceModel)\"")
        }
        if !placeables.contains(where: { $0.kind == .date && outside($0.range) }) {
            let end = max(0, prepared.scalarArray.count - 1)..<prepared.scalarArray.count
            add("missing-date", .warning, end, "the note has no place and date",
                "end with place and date, e.g. \"\(phrases.dateModel)\"")
        }

        // 5. Third person and French articles outside the formulas.
        let formulaRanges = spots.map(\.range)
        let firstPerson = FirstPerson(language: language)
        for (i, token) in tokens.enumerated() where substituted[i] == nil || !formulaRanges.contains(where: { $0.contains(token.range.lowerBound) }) {
            guard firstPerson.isFirstPerson(at: i, in: tokens) else { continue }
            let inFormula = formulaRanges.contains { $0.contains(token.range.lowerBound) }
            guard !inFormula, !quotations.contains(token.range.lowerBound), !LinkText.contains(token.range, in: prepared.scalarArray) else { continue }
            add("first-person", .warning, token.range, "\"\(token.text)\": a note verbale speaks of its sender in the third person",
                firstPerson.fix,
                formulas: false)
        }
        if language == .french {
            for (range, fix) in frenchArticles.findings(in: prepared) {
                add("french-agreement", .error, range, "\"\(prepared.substring(range))\": wrong article or contraction", "write \"\(fix)\"")
            }
            if let scan = try? PatternScan(#"\bà l['’]honneur d"#, caseInsensitive: false) {
                for match in scan.matches(in: prepared) {
                    add("french-agreement", .error, match.match, "\"à l'honneur\": the verb is \"a\" (avoir), without accent", "write \"a l'honneur\"")
                }
            }
        }

        // 6. Personal data.
        for span in personalData.detect(in: text) {
            let range = prepared.scalars(span.utf16Range)
            add("personal-data", .warning, range, "personal data: \(span.description) (\"\(prepared.substring(range))\")",
                "keep only what the recipient needs, and replace it with a placeholder before the note goes into a shared memory",
                formulas: false)
        }

        // 7. Verbale's own placeholders and marks left in the note (`DraftMarks`).
        for mark in DraftMarks.find(in: prepared.scalarArray) {
            add(mark.code, mark.severity, mark.range, mark.message, mark.suggestion, formulas: false)
        }
        report.findings = findings.sorted { ($0.start, $0.code) < ($1.start, $1.code) }
        return report
    }
}

extension ProtocolChecker {
    /// The last closing anchor (`Phrases.closingAnchor`) after `start` and outside quotations,
    /// as a spot of the shipped closing formula; nil when the note has none. O(t · a).
    func closingByAnchor(_ tokens: [Token], after start: Int, quotations: Quotations) -> PhraseSpotter.Spot? {
        guard let closingPhrase, !closingAnchor.isEmpty, tokens.count >= closingAnchor.count else { return nil }
        var found: Range<Int>?
        for first in 0...(tokens.count - closingAnchor.count) where tokens[first].range.lowerBound >= start {
            let words = first..<(first + closingAnchor.count)
            guard zip(tokens[words], closingAnchor).allSatisfy({ $0.looseKey == $1 }),
                  !quotations.contains(tokens[first].range.lowerBound) else { continue }
            found = words
        }
        guard let found, let last = found.last else { return nil }
        return PhraseSpotter.Spot(phrase: closingPhrase, range: tokens[found.lowerBound].range.lowerBound..<tokens[last].range.upperBound,
                                  tokens: found)
    }
}

/// Model wordings for messages (the same as the shipped memory's).
struct Phrases {
    var compliments, honour, renew, highest, openingModel, closingModel, referenceModel, dateModel: String
    /// The words every closing of the notes begins with, whatever verb follows.
    var closingAnchor: String
    init(language: Language) {
        switch language {
        case .french:
            closingAnchor = "saisit cette occasion"
            compliments = "présente ses compliments à"; honour = "a l'honneur de"; renew = "saisit cette occasion pour renouveler à"
            highest = "les assurances de sa très haute considération"
            openingModel = "L'Ambassade … présente ses compliments au Ministère … et a l'honneur de …"
            closingModel = "L'Ambassade … saisit cette occasion pour renouveler au Ministère … les assurances de sa très haute considération."
            referenceModel = "N° 2021/01/045"; dateModel = "Genève, le 12 janvier 2021"
        case .khmer:
            closingAnchor = "សូមឆ្លៀតឱកាសនេះ"
            compliments = "សូមគោរពជូនចំពោះ"; honour = "មានកិត្តិយស"; renew = "សូមឆ្លៀតឱកាសនេះ"; highest = "នូវការគោរពដ៏ខ្ពង់ខ្ពស់បំផុត"
            openingModel = "… សូមគោរពជូនចំពោះ … ហើយមានកិត្តិយស …"; closingModel = "… សូមឆ្លៀតឱកាសនេះ … នូវការគោរពដ៏ខ្ពង់ខ្ពស់បំផុត។"
            referenceModel = "លេខ ២០២១/០១/០៤៥"; dateModel = "ធ្វើនៅភ្នំពេញ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១"
        case .english:
            closingAnchor = "avails itself of this opportunity"
            compliments = "presents its compliments to"; honour = "has the honour to"; renew = "avails itself of this opportunity to renew to"
            highest = "the assurances of its highest consideration"
            openingModel = "The Embassy of … presents its compliments to the Ministry of … and has the honour to …"
            closingModel = "The Embassy of … avails itself of this opportunity to renew to the Ministry of … the assurances of its highest consideration."
            referenceModel = "No. 2021/01/045"; dateModel = "Geneva, 12 January 2021"
        }
    }
}
