import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130c M1 and M5, through the CLI with the shipped termbases and no user memory.
@Suite("verbale draft and glossary: country names (review 1130c M1, M5)")
struct CountryNamesCLITests {
    static let environment = ["VERBALE_MEMORY": "", "XDG_DATA_HOME": Scratch.path("verbale-countries").path]
    static let from = "Ministry of Foreign Affairs and International Cooperation of the Kingdom of Cambodia"

    @Test("Libya is លីប៊ី in lookup and draft new; the catalogue's លីបេរីយ៉ា is listed [unreviewed] after it")
    func libya() throws {
        let lookup = try CLI.run(["glossary", "lookup", "--to", "km", "Libya"], environment: Self.environment)
        #expect(lookup.status == 0, "\(lookup.stderr)")
        let lines = lookup.stdout.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("លីប៊ី") }, "\(lookup.stdout)")
        let liberia = try #require(lines.firstIndex { $0.contains("លីបេរីយ៉ា") }, "\(lookup.stdout)")
        #expect(first < liberia)
        #expect(lines[liberia].contains("[unreviewed]"))
        #expect(!lines[first].contains("[unreviewed]"))
        let draft = try CLI.run(["draft", "new", "--from", Self.from, "--to", "Embassy of Libya", "--purpose", "inform", "--lang", "km"],
                                environment: Self.environment)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.contains("ស្ថានទូតនៃលីប៊ី") && !draft.stdout.contains("លីបេរីយ៉ា"), "\(draft.stdout)")
    }

    @Test("Afghanistan is never named by Pakistan's formal name; Pakistan's Khmer formal name reads as Pakistan")
    func afghanistanPakistan() throws {
        let draft = try CLI.run(["draft", "new", "--from", Self.from, "--to", "Embassy of the Islamic Republic of Afghanistan",
                                 "--purpose", "inform", "--lang", "km"], environment: Self.environment)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(!draft.stdout.contains("ប៉ាគីស្ថាន"), "\(draft.stdout)")
        #expect(draft.stdout.contains("[unreviewed]"))
        let translated = try CLI.run(["draft", "translate", "-", "--to", "en"],
                                     stdin: "ស្ថានទូតនៃសាធារណរដ្ឋអ៊ីស្លាមប៉ាគីស្ថាន សូមគោរពជូនចំពោះក្រសួងការបរទេស។\n",
                                     environment: Self.environment)
        #expect(translated.status == 0, "\(translated.stderr)")
        #expect(translated.stdout.contains("Pakistan") && !translated.stdout.contains("Afghanistan"), "\(translated.stdout)")
    }

    @Test("draft translate keeps « la réunion », \"turkey\" and \"guinea\" as words, and ម៉ាលីន as a name")
    func commonWordsStayWords() throws {
        let french = try CLI.run(["draft", "translate", "-", "--to", "en,km"], stdin: "La réunion se tiendra à Genève le 3 mars 2021.\n",
                                 environment: Self.environment)
        #expect(french.status == 0, "\(french.stderr)")
        #expect(!french.stdout.contains("Réunion") && !french.stdout.contains("រេអុយញ៉ុង"), "\(french.stdout)")
        let english = try CLI.run(["draft", "translate", "-", "--to", "fr"],
                                  stdin: "The Embassy will host a dinner with roast turkey and a guinea fowl on 3 March 2021.\n",
                                  environment: Self.environment)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(!english.stdout.contains("Turquie") && !english.stdout.contains("Guinée"), "\(english.stdout)")
        let khmer = try CLI.run(["draft", "translate", "-", "--to", "en"],
                                stdin: "ក្រសួង\u{200B}ការបរទេស\u{200B}បាន\u{200B}ទទួល\u{200B}លិខិត\u{200B}ពី\u{200B}លោក\u{200B}ចិន្តា និង\u{200B}លោកស្រី\u{200B}ម៉ាលីន។\n",
                                environment: Self.environment)
        #expect(khmer.status == 0, "\(khmer.stderr)")
        #expect(!khmer.stdout.contains("Mali"), "\(khmer.stdout)")
        let terms = try CLI.run(["glossary", "terms", "--lang", "fr", "-"], stdin: "La réunion se tiendra à la Réunion.\n",
                                environment: Self.environment)
        #expect(terms.stdout.contains("iso3166-1:RE") && !terms.stdout.contains(":1:1-"), "\(terms.stdout)")
    }
}
