import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

@Suite("Protocol checks")
struct ProtocolCheckerTests {
    let english = try! ProtocolChecker(book: Fixtures.book, language: .english)
    let french = try! ProtocolChecker(book: Fixtures.book, language: .french)

    static func example(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Formula findings (what a false alarm on a correct note would be).
    static func formulaFindings(_ report: CheckReport) -> [Finding] {
        report.findings.filter { $0.aboutFormulas && $0.severity >= .warning && !["missing-reference", "missing-date"].contains($0.code) }
    }

    @Test("Our example notes pass; the visa request's personal data is flagged, each with line and column")
    func examples() throws {
        for name in ["transmittal.txt", "agrement-request.txt", "reply-acknowledging.txt"] {
            let report = english.check(try Self.example(name))
            #expect(report.findings.isEmpty, "\(name): \(report.findings.map(\.message))")
        }
        let visa = english.check(try Self.example("visa-request.txt"))
        #expect(visa.errors == 0)
        let personal = visa.findings.filter { $0.code == "personal-data" }
        #expect(personal.count == 5)
        #expect(personal.contains { $0.message.contains("D0123456") && $0.line == 5 })
        #expect(personal.contains { $0.message.contains("3 May 1986") })
    }

    @Test("Personal data is found by the import's detector: Khmer titles and H.E. too, each with line and column")
    func personalDataKhmerAndTitles() throws {
        let khmer = try ProtocolChecker(book: Fixtures.book, language: .khmer)
        // The title stands after a space (or U+200B), as the scrubber requires so that "លោក" inside
        // a word (ពិភពលោក, "world") is never taken for a title.
        let note = "ស្ថានទូតសូមគោរពជូនក្រសួង។\nសូមអនុញ្ញាតឱ្យ លោក សុខ ដារ៉ា ចូលទស្សនកិច្ច។\n"
        let report = khmer.check(note)
        let personal = report.findings.filter { $0.code == "personal-data" }
        #expect(personal.count == 1, "\(report.findings.map(\.message))")
        #expect(personal.first?.message.contains("សុខ ដារ៉ា") == true, "\(personal.map(\.message))")
        #expect(personal.first?.line == 2)
        #expect(personal.first?.message.contains("a person's name") == true)
        let zwsp = khmer.check("សូមអនុញ្ញាតឱ្យ\u{200B}លោកស្រី ចាន់ សុភា ចូលទស្សនកិច្ច។")
        #expect(zwsp.findings.contains { $0.code == "personal-data" && $0.message.contains("ចាន់ សុភា") }, "\(zwsp.findings.map(\.message))")
        let world = khmer.check("ពិភពលោក ទាំងមូល។")
        #expect(!world.findings.contains { $0.code == "personal-data" }, "លោក inside a word is not a title")
        let titled = english.check("The Embassy requests a visa for H.E. Sok Dara, who will travel on 3 May.")
        #expect(titled.findings.contains { $0.code == "personal-data" && $0.message.contains("Sok Dara") })
        let office = english.check("The Embassy requests a meeting with H.E. the Minister.")
        #expect(!office.findings.contains { $0.code == "personal-data" }, "an office after a title is not a name")
    }

    @Test("A Khmer title glued to the word before is found (Khmer writes no spaces): ជូនឯកឧត្តម, ដោយលោកស្រី")
    func khmerGluedTitle() throws {
        let khmer = try ProtocolChecker(book: Fixtures.book, language: .khmer)
        let note = "ស្ថានទូតសូមគោរពជូនឯកឧត្តម ប្រាក់ សុខុន រដ្ឋមន្ត្រីក្រសួងការបរទេស។\nសូមអញ្ជើញលោកជំទាវ ចាន់ សុភា។\nសូមគោរពជូនលោក សុខ ដារ៉ា។\n"
        let names = khmer.check(note).findings.filter { $0.code == "personal-data" }.map(\.message)
        #expect(names.count == 3, "\(names)")
        #expect(names.contains { $0.contains("ប្រាក់ សុខុន") } && names.contains { $0.contains("ចាន់ សុភា") } && names.contains { $0.contains("សុខ ដារ៉ា") })
        // "របស់លោក" is "his": លោក glued after any other word is no title.
        #expect(!khmer.check("ការងាររបស់លោក ទទួលបានជោគជ័យ។").findings.contains { $0.code == "personal-data" })
    }

    @Test("Real Khmer (khPOS): a title glued to the word before is found; words ending in លោក are not titles", .enabled(if: SharedData.isAvailable))
    func khmerGluedTitleInKhPOS() throws {
        let khmer = try ProtocolChecker(book: Fixtures.book, language: .khmer)
        let corpus = try String(contentsOf: try #require(SharedData.file("khmer/khpos-train-sample.word")), encoding: .utf8)
        // khPOS separates words with spaces and joins compound parts with ~ _ ^; written Khmer
        // joins them: remove the joiners, and glue the title to the word before as a writer would.
        let lines = corpus.split(separator: "\n").map { $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "^", with: "") }
        let line = try #require(lines.first { $0.contains("ដោយ លោកស្រី ម៉ម សុម៉ាលី") })
        let glued = line.replacingOccurrences(of: "ដោយ លោកស្រី", with: "ដោយលោកស្រី")
        let found = khmer.check(glued).findings.filter { $0.code == "personal-data" }
        #expect(found.contains { $0.message.contains("ម៉ម សុម៉ាលី") }, "\(found.map(\.message))")
        // Compounds ending in លោក ("world", "mankind", "his picture", "gourd") stay unflagged.
        var compounds = 0
        for line in lines {
            for word in ["ពិភពលោក", "មនុស្សលោក", "រូបលោក", "ឃ្លោក"] where line.contains(word + " ") {
                compounds += 1
                let scalars = Array(line.unicodeScalars)
                for finding in khmer.check(line).findings where finding.code == "personal-data" {
                    let before = String(String.UnicodeScalarView(scalars[max(0, finding.start - word.unicodeScalars.count - 1)..<finding.start]))
                    #expect(!before.hasPrefix(word), "\(word) taken for a title: \(finding.message)")
                }
            }
        }
        #expect(compounds >= 4)
    }

    @Test("The seed note names its sender two ways (Organisations / Organizations)", .enabled(if: SharedData.isAvailable))
    func seed() throws {
        let text = try String(contentsOf: try #require(SharedData.file("notes/seed-cambodia-ohchr-2021.txt")), encoding: .utf8)
        let report = english.check(text)
        let mismatch = try #require(report.findings.first { $0.code == "sender-mismatch" })
        #expect(mismatch.message.contains("organisations / organizations"))
        #expect(mismatch.line == 11)
        #expect(report.errors == 0)
    }

    /// A deliberate error, where to make it, and the finding that must report it.
    struct Mutation {
        var name: String
        var expected: String
        var apply: (String, CheckReport) -> String?
    }

    /// Replaces `old` when it occurs exactly once (a reply that quotes the first note holds
    /// two openings; mutating one of them is not a deliberate error of the reply).
    static func replacing(_ old: String, _ new: String, last: Bool = false) -> (String, CheckReport) -> String? {
        { text, _ in
            guard text.components(separatedBy: old).count == 2, let range = text.range(of: old) else { return nil }
            return text.replacingCharacters(in: range, with: new)
        }
    }

    static var englishMutations: [Mutation] { [
        Mutation(name: "his compliments", expected: "third-person", apply: replacing("presents its compliments", "presents his compliments")),
        Mutation(name: "my consideration", expected: "third-person", apply: replacing("of its highest consideration", "of my highest consideration", last: true)),
        Mutation(name: "availing himself", expected: "third-person", apply: replacing("avails itself of", "avails himself of", last: true)),
        Mutation(name: "no closing", expected: "missing-closing", apply: replacing("avails itself of this opportunity to renew to", "renews to", last: true)),
        Mutation(name: "no opening", expected: "missing-opening", apply: replacing("presents its compliments to", "writes to")),
        Mutation(name: "no assurances", expected: "missing-courtesy", apply: replacing("the assurances of its highest consideration", "its regards", last: true)),
        Mutation(name: "high consideration", expected: "courtesy-level", apply: replacing("its highest consideration", "its high consideration", last: true)),
        Mutation(name: "another sender in the closing", expected: "sender-mismatch", apply: { text, report in
            // Replace the sender the checker read in the closing, so the mutation hits the name.
            guard let sender = report.closingSender, text.components(separatedBy: sender + " avails itself of").count == 2 else { return nil }
            return text.replacingOccurrences(of: sender + " avails itself of", with: "The Consulate General of the Republic of Zorbia avails itself of")
        }),
        Mutation(name: "a passport number in the body", expected: "personal-data", apply: { text, _ in
            guard let range = text.range(of: "The ", options: .backwards) else { return nil }
            return text.replacingCharacters(in: range, with: "Passport No. K1234567 belongs to the bearer. The ")
        }),
        Mutation(name: "an e-mail in the body", expected: "personal-data", apply: { text, _ in
            guard let range = text.range(of: "The ", options: .backwards) else { return nil }
            return text.replacingCharacters(in: range, with: "Contact j.doe@example.org. The ")
        }),
    ] }

    static var frenchMutations: [Mutation] { [
        Mutation(name: "présentent", expected: "french-agreement", apply: replacing("présente ses compliments", "présentent ses compliments")),
        Mutation(name: "leurs compliments", expected: "french-agreement", apply: replacing("présente ses compliments", "présente leurs compliments")),
        Mutation(name: "Le Ambassade", expected: "french-agreement", apply: replacing("L'Ambassade", "Le Ambassade")),
        Mutation(name: "à l'honneur", expected: "french-agreement", apply: replacing("a l'honneur", "à l'honneur")),
        Mutation(name: "à le Ministère", expected: "french-agreement", apply: replacing("au Ministère", "à le Ministère")),
        Mutation(name: "son considération", expected: "french-agreement", apply: replacing("de sa très haute", "de son très haute", last: true)),
        Mutation(name: "mes compliments", expected: "third-person", apply: replacing("présente ses compliments", "présente mes compliments")),
        Mutation(name: "no closing", expected: "missing-closing", apply: replacing("saisit cette occasion pour renouveler", "renouvelle", last: true)),
    ] }

    @Test("Every deliberate error in mutated real notes is found", .enabled(if: SharedData.isAvailable))
    func mutatedNotes() throws {
        var applied = 0, found = 0
        var missed: [String] = []
        for (notes, checker, mutations) in [(Fixtures.notes("en-"), english, Self.englishMutations),
                                            (Fixtures.notes("fr-"), french, Self.frenchMutations)] {
            for note in notes {
                // The test set: correct notes (no formula finding), each mutated once per kind.
                let original = checker.check(note.text)
                guard Self.formulaFindings(original).isEmpty else { continue }
                let before = Set(original.findings.map(\.code))
                for mutation in mutations {
                    guard !before.contains(mutation.expected), let mutated = mutation.apply(note.text, original) else { continue }
                    applied += 1
                    if checker.check(mutated).findings.contains(where: { $0.code == mutation.expected }) {
                        found += 1
                    } else {
                        missed.append("\(note.name): \(mutation.name)")
                    }
                }
            }
        }
        print("mutated notes: \(found) of \(applied) deliberate errors found; missed: \(missed)")
        #expect(applied > 1000)
        #expect(missed.isEmpty, "missed: \(missed.prefix(20))")
    }

    /// The formula findings on real notes that are true: each read in the note and named here
    /// with the codes it must raise. Anything else flagged on a real note is a false alarm.
    static let trueFindings: [String: (codes: Set<String>, why: String)] = [
        // Notes that end with place and date and no closing formula at all.
        "en-BWBV0001161-II.txt": (["missing-closing"], "ends \"Copenhagen, 6 January 1995\" with no closing"),
        "en-BWBV0001164-II.txt": (["missing-closing"], "ends with the date and address, no closing"),
        "en-BWBV0001375-II.txt": (["missing-closing"], "ends \"Vienna, 18 March 1999\", no closing"),
        "en-BWBV0001798-II.txt": (["missing-closing"], "ends with the recipient line, no closing"),
        "en-BWBV0002383-II.txt": (["missing-closing"], "ends \"The Hague, 14 August 1987\", no closing"),
        "en-BWBV0002411-I.txt": (["missing-closing"], "ends with the sender's name and an annex, no closing"),
        "en-BWBV0002411-II.txt": (["missing-closing"], "ends \"The Hague, 13 August 1981.\", no closing"),
        "en-BWBV0002422-II.txt": (["missing-closing"], "ends \"The Hague, 14 August 1987\", no closing"),
        "en-BWBV0004211-I.txt": (["missing-closing"], "ends \"The Hague, 13 December 1968.\", no closing"),
        "en-BWBV0004211-II.txt": (["missing-closing"], "ends \"The Hague, 13 December 1968.\", no closing"),
        "en-BWBV0004530-II.txt": (["missing-closing"], "ends \"The Hague, May 30, 1968.\", no closing"),
        "en-BWBV0006134-II.txt": (["missing-closing"], "ends \"The Hague, 24 June 1952.\", no closing"),
        "en-BWBV0006301-I.txt": (["missing-closing"], "a headquarters agreement proposal that ends with its annexes, no closing"),
        // Errors in the notes as published.
        "en-BWBV0001164-1.txt": (["third-person"], "\"the assurance of his highest consideration\""),
        "en-BWBV0001852-II.txt": (["sender-mismatch", "recipient-mismatch"],
                                  "the Irish Department's reply closes \"The Embassy of the Kingdom of the Netherlands takes this opportunity to renew to the Ministry of Foreign Affairs of the Republic of Albania\""),
        "en-BWBV0001862-I.txt": (["missing-opening"], "\"presents its compliments tot the\" (sic)"),
        "en-BWBV0001872-II.txt": (["missing-courtesy"], "\"the assurances of iths highest consideration\" (sic)"),
        "en-BWBV0006134-I.txt": (["missing-word", "courtesy-level"],
                                 "\"avails of this opportunity\" (the editor's footnote: \"itself\" is missing) and \"its high consideration\", the only English note below \"highest\""),
        "en-BWBV0006529-II.txt": (["sender-mismatch"], "\"Her Brittanic Majesty’s Embassy\" in the opening, \"Britannic\" in the closing"),
        "seed-cambodia-ohchr-2021.txt": (["sender-mismatch"], "\"Organisations\" in the opening, \"Organizations\" in the closing"),
        "fr-BWBV0001894-I.txt": (["sender-mismatch"], "« Royaume » in the opening, « Royame » in the closing"),
    ]

    @Test("No false alarm on the formulas of the real notes; every true finding still raised", .enabled(if: SharedData.isAvailable))
    func falseAlarms() throws {
        var falseAlarms: [String] = []
        var missed: [String] = []
        var total = 0
        for (notes, checker) in [(Fixtures.notes("en-") + Fixtures.notes("seed-"), english), (Fixtures.notes("fr-"), french)] {
            for note in notes {
                total += 1
                let codes = Set(Self.formulaFindings(checker.check(note.text)).map(\.code))
                let expected = Self.trueFindings[note.name]?.codes ?? []
                let unexpected = codes.subtracting(expected)
                if !unexpected.isEmpty { falseAlarms.append("\(note.name): \(unexpected.sorted().joined(separator: ","))") }
                if !expected.isSubset(of: codes) { missed.append("\(note.name): \(expected.subtracting(codes).sorted().joined(separator: ","))") }
            }
        }
        let rate = Double(falseAlarms.count) / Double(max(total, 1)) * 100
        print("false alarms on the formulas of real notes: \(falseAlarms.count) of \(total) notes (\(String(format: "%.1f", rate)) %); "
              + "true findings: \(Self.trueFindings.count) notes\n" + falseAlarms.joined(separator: "\n"))
        #expect(total == 206)
        #expect(falseAlarms.isEmpty, "false alarms: \(falseAlarms)")
        #expect(missed.isEmpty, "true findings no longer raised: \(missed)")
    }

    @Test("A reply holding the first note, or quoting it cut short, is checked against its own opening")
    func pairsOpeningsAndClosings() {
        let twoNotes = """
        No. 12 The Ministry of Foreign Affairs presents its compliments to the Embassy of Ruritania and has the honour to propose an arrangement.
        No. 7 The Embassy of Ruritania presents its compliments to the Ministry of Foreign Affairs and has the honour to accept the proposal. \
        The Embassy of Ruritania avails itself of this opportunity to renew to the Ministry of Foreign Affairs the assurances of its highest consideration.
        Geneva, 12 January 2021
        """
        let report = english.check(twoNotes)
        #expect(Self.formulaFindings(report).isEmpty, "\(report.findings.map(\.message))")
        #expect(report.openingSender == "The Embassy of Ruritania")
        let quoted = """
        No. 7 The Embassy of Ruritania presents its compliments to the Ministry of Foreign Affairs and has the honour to acknowledge receipt of \
        its Note, which reads as follows: “The Ministry of Foreign Affairs presents its compliments to the Embassy of Ruritania and has the honour \
        to propose an arrangement." The Embassy of Ruritania avails itself of this opportunity to renew to the Ministry of Foreign Affairs the \
        assurances of its highest consideration.
        Geneva, 12 January 2021
        """
        #expect(Self.formulaFindings(english.check(quoted)).isEmpty, "\(english.check(quoted).findings.map(\.message))")
        // A closing naming a third party is still an error.
        let wrong = twoNotes.replacingOccurrences(of: "The Embassy of Ruritania avails", with: "The Consulate General of Zorbia avails")
        #expect(english.check(wrong).findings.contains { $0.code == "sender-mismatch" && $0.severity == .error })
    }

    @Test("A quoted first-person letter is not the note's own third-person error")
    func quotedLetter() {
        let note = """
        No. 7 The Ministry presents its compliments to the Embassy of Ruritania and has the honour to recall its note, which reads: \
        “Your Excellency, I have the honour to propose an arrangement. I avail myself of this opportunity to renew to you the assurances of my highest consideration.” \
        The Ministry avails itself of this opportunity to renew to the Embassy of Ruritania the assurances of its highest consideration.
        Geneva, 12 January 2021
        """
        let report = english.check(note)
        #expect(!report.findings.contains { $0.code == "third-person" || $0.code == "first-person" }, "\(report.findings.map(\.message))")
        let unquoted = note.replacingOccurrences(of: "of its highest consideration.\n", with: "of my highest consideration.\n")
        #expect(english.check(unquoted).findings.contains { $0.code == "third-person" })
    }

    @Test("Names in real usage: an acronym defined in the opening, Department for Ministry, a sub-unit, « Cette Mission »")
    func nameVariants() {
        #expect(Names.compare("the Technical Centre for Agricultural and Rural Cooperation (CTA)", "CTA", language: .english) == .same)
        #expect(Names.compare("the Ministry of External Affairs of Canada", "the Department of External Affairs", language: .english) == .same)
        #expect(Names.compare("The Ministry of Foreign Affairs of the Arab Republic of Egypt",
                              "The Ministry of Foreign Affairs, Department of Cultural and Technical Cooperation", language: .english) == .same)
        #expect(Names.compare("La Légation Royale des Pays-Bas", "Cette Mission", language: .french) == .same)
        #expect(Names.compare("L'Ambassade de France", "Ce Ministère", language: .french) != .same)
        #expect(Names.compare("the Embassy of Ruritania", "the Ministry of Foreign Affairs of Zorbia", language: .english) == .different)
        #expect(Names.compare("The Embassy of France", "The Embassy of Germany", language: .english) == .different)
        #expect(Names.compare("The Royal Netherlands Embassy", "The Embassy of the Kingdom of the Netherlands", language: .english) == .same)
        #expect(Names.countries(in: "The Embassy of the Czech Republic") == ["CZ"])
        #expect(Names.cutAtConjunction("the United Nations Educational, Scientific and Cultural Organisation and has the honour")
                == "the United Nations Educational, Scientific and Cultural Organisation")
        #expect(Names.cutAtConjunction("au Ministère des Affaires Etrangères et a l'honneur") == "au Ministère des Affaires Etrangères")
    }

    @Test("An opening may state its purpose without \"has the honour\": \"and acknowledges receipt\", « et, se référant à »")
    func purposeWithoutHonour() {
        let note = "No. 7 The Ministry presents its compliments to the Embassy of Ruritania and acknowledges receipt of its Note No. 12. "
            + "The Ministry avails itself of this opportunity to renew to the Embassy the assurances of its highest consideration.\nGeneva, 12 January 2021"
        #expect(!english.check(note).findings.contains { $0.code == "missing-honour" })
        let bare = note.replacingOccurrences(of: "and acknowledges receipt of its Note No. 12", with: "concerning its Note No. 12")
        #expect(english.check(bare).findings.contains { $0.code == "missing-honour" })
        let french = "N° 7 L'Ambassade présente ses compliments au Ministère et, se référant à sa note, l'informe de ce qui suit. "
            + "L'Ambassade saisit cette occasion pour renouveler au Ministère les assurances de sa très haute considération.\nGenève, le 12 janvier 2021"
        #expect(!self.french.check(french).findings.contains { $0.code == "missing-honour" })
    }

    @Test("An editor's footnote inside a formula is skipped, and a closing without \"itself\" says so")
    func editorialMarkupAndOmission() {
        let note = "No. 7 The Embassy of Ruritania presents its compliments to the Ministry and has the honour to inform it. "
            + "The Embassy of Ruritania avails <sup> 1) [Red: the word “itself” is missing.] </sup> of this opportunity to renew to the Ministry "
            + "the assurances of its highest consideration.\nGeneva, 12 January 2021"
        let report = english.check(note)
        #expect(!report.findings.contains { $0.code == "missing-closing" }, "\(report.findings.map(\.message))")
        let missing = report.findings.first { $0.code == "missing-word" }
        #expect(missing?.message.contains("itself") == true)
        #expect(missing?.severity == .error)
        #expect(EditorialMarkup.blanked("a<sup>th</sup> b").unicodeScalars.count == "a<sup>th</sup> b".unicodeScalars.count)
        #expect(EditorialMarkup.blanked("a<sup>th</sup> b") == "a     th       b")
        #expect(EditorialMarkup.blanked("x < 5 and y > 2") == "x < 5 and y > 2")
    }
}
