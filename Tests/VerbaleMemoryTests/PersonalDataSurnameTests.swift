import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130h, m4: one person, two numbers. « …l'entretien entre le Ministre Mate
/// Jakšić et le Chargé d'Affaires … la communication de M. Jakšić … » (`fr-BWBV0005258-II` of
/// ../shared/data/notes) was stored `{PERSON1}` … `{PERSON2}`: the surname alone, found after
/// `M.`, was not tied to the full name found before it. A name whose words are the last words of
/// a name found earlier in the unit now takes that name's placeholder, in every variant. Khmer
/// writes the family name first, so the word that recurs alone there is the given name — again
/// the last word ("លោក ផៃ ស៊ីផាន … លោក ស៊ីផាន", khPOS lines 550 and 659). A shared first word
/// (a Western given name, a Khmer family name) ties nothing, nor does a last word two earlier
/// names end with, nor a title of the other sex.
@Suite("Personal data: a surname alone keeps the full name's placeholder (review 1130h m4)")
struct PersonalDataSurnameTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func texts(_ variants: [(String, String)]) -> [String] {
        scrubber.scrub(unit(variants), file: "t", position: 1).unit.variants.map(\.text)
    }

    /// khPOS words joined as the other Khmer suites join them (compound marks dropped).
    static func khpos(_ line: Int) throws -> String {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return String(lines[line - 1]).replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "^", with: "")
            .replacingOccurrences(of: "_", with: "")
    }

    @Test("m4: the reviewer's line (fr-BWBV0005258-II): le Ministre Mate Jakšić … M. Jakšić is one placeholder",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func reviewLine() throws {
        let url = try #require(SharedData.file("notes/fr-BWBV0005258-II.txt"))
        let line = try #require(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").first { $0.contains("Jakšić") })
        let result = scrubber.scrub(unit([("fr", String(line)), ("en", "x")]), file: "t", position: 1)
        let text = result.unit.variants[0].text
        #expect(text.contains("l'entretien entre le Ministre {PERSON} et le Chargé d'Affaires"))
        #expect(text.contains("la communication de M. {PERSON} que"))
        #expect(!text.contains("Jakšić"))
        #expect(result.findings.map(\.original) == ["Mate Jakšić", "Jakšić"])
        #expect(Set(result.findings.map(\.placeholder)) == ["{PERSON}"])
    }

    @Test("m4: aligned EN/FR variants with a second person: the surname keeps the full name's number in both")
    func alignedVariants() {
        let result = texts([
            ("en", "Mr. P. Buwalda met Minister Mate Jakšić; the communication of Mr. Jakšić followed."),
            ("fr", "M. P. Buwalda a rencontré le Ministre Mate Jakšić ; la communication de M. Jakšić a suivi."),
        ])
        #expect(result == [
            "Mr. {PERSON1} met Minister {PERSON2}; the communication of Mr. {PERSON2} followed.",
            "M. {PERSON1} a rencontré le Ministre {PERSON2} ; la communication de M. {PERSON2} a suivi.",
        ])
        // The surname in one variant only, the full name in the other: still one person.
        #expect(texts([("en", "Minister Mate Jakšić and Mr. Buwalda spoke."), ("fr", "M. Jakšić et M. Buwalda ont parlé.")])
                == ["Minister {PERSON1} and Mr. {PERSON2} spoke.", "M. {PERSON1} et M. {PERSON2} ont parlé."])
        // Any case, an initial kept: `Mr. P. Buwalda` … `Mr. BUWALDA`.
        #expect(texts([("en", "Mr. P. Buwalda signed for Mr. Sok Dara; Mr. BUWALDA then left."), ("fr", "x")])[0]
                == "Mr. {PERSON1} signed for Mr. {PERSON2}; Mr. {PERSON1} then left.")
    }

    @Test("m4: Khmer — the given name (the last word) recurs: លោក ផៃ ស៊ីផាន … លោក ស៊ីផាន (khPOS 550, 659)",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khmerGivenName() throws {
        let first = try Self.khpos(550), second = try Self.khpos(659)
        #expect(first.contains("លោក ផៃ ស៊ីផាន") && second.hasPrefix("លោក ស៊ីផាន"))
        let note = "\(first) \(second)"
        let result = scrubber.scrub(unit([("km", note), ("en", "But Mr. Phay Siphan, the spokesman, rejected it. Mr. Siphan went on.")]),
                                    file: "t", position: 1)
        let khmer = result.unit.variants[0].text
        #expect(khmer.contains("លោក {PERSON} អ្នកនាំពាក្យ") && khmer.contains("។ លោក {PERSON} បន្ត ថា"))
        #expect(result.unit.variants[1].text == "But Mr. {PERSON}, the spokesman, rejected it. Mr. {PERSON} went on.")
        // With U+200B between the words, as Khmer is typed, and a second person: numbered alike.
        let typed = "លោក\u{200B}ផៃ\u{200B}ស៊ីផាន បាន​ជួប លោក​ឡុង​សាលវ័ន្ត។ លោក\u{200B}ស៊ីផាន បន្ត​ថា"
        #expect(texts([("km", typed), ("en", "x")])[0] == "លោក\u{200B}{PERSON1} បាន​ជួប លោក​{PERSON2}។ លោក\u{200B}{PERSON1} បន្ត​ថា")
    }

    @Test("m4: Khmer — two people who share a given name (កញ្ញា គង់ សារ៉ន, លោក រឿន សារ៉ន: khPOS 10, 648) are not tied, and a later លោក សារ៉ន stays apart",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khmerSharedGivenName() throws {
        let miss = try Self.khpos(10), mister = try Self.khpos(648)
        #expect(miss == "កញ្ញា គង់ សារ៉ន" && mister.contains("លោក រឿន សារ៉ន"))
        // Two earlier names end with សារ៉ន: the one alone is neither.
        #expect(texts([("km", "\(miss) និង លោក រឿន សារ៉ន ។ លោក សារ៉ន បាន មក ។"), ("en", "x")])[0]
                == "កញ្ញា {PERSON1} និង លោក {PERSON2} ។ លោក {PERSON3} បាន មក ។")
        // Miss Kong Sarorn, then Mr. Sarorn: a man, not her.
        #expect(texts([("km", "\(miss) ។ លោក សារ៉ន បាន មក ។"), ("en", "x")])[0] == "កញ្ញា {PERSON1} ។ លោក {PERSON2} បាន មក ។")
        // The family name alone (first word) ties nothing: លោក សុខ ដារា … លោក សុខ.
        #expect(texts([("km", "លោក សុខ ដារា បាន មក ។ លោក សុខ បាន ថ្លែង ។"), ("en", "x")])[0]
                == "លោក {PERSON1} បាន មក ។ លោក {PERSON2} បាន ថ្លែង ។")
    }

    @Test("m4: people who share only a given name, or whose surname comes first, or of the other sex, keep their own numbers", arguments: [
        // A given name (first word) is no surname.
        ("Mr. John Smith thanked Mr. John.", "Mr. {PERSON1} thanked Mr. {PERSON2}."),
        ("Mr. John Smith and Mr. John Brown met.", "Mr. {PERSON1} and Mr. {PERSON2} met."),
        // Two earlier names end with Smith: the one alone is neither.
        ("Mr. John Smith and Mr. Paul Smith met; Mr. Smith spoke.", "Mr. {PERSON1} and Mr. {PERSON2} met; Mr. {PERSON3} spoke."),
        // A surname before the full name: another person (his father, his son).
        ("Mr. Smith welcomed Mr. John Smith.", "Mr. {PERSON1} welcomed Mr. {PERSON2}."),
        // A woman's title and a man's: two people.
        ("Mrs. Jane Smith and Mr. Smith arrived.", "Mrs. {PERSON1} and Mr. {PERSON2} arrived."),
        ("Mme Anne Dupont a reçu M. Dupont.", "Mme {PERSON1} a reçu M. {PERSON2}."),
        // The same title, or none before the full name: one person.
        ("Mrs. Jane Smith arrived; Mrs. Smith spoke.", "Mrs. {PERSON} arrived; Mrs. {PERSON} spoke."),
        ("Ambassador Sok Vanna met Dr. Keo Rithy; Mr. Vanna thanked Dr. Rithy.",
         "Ambassador {PERSON1} met Dr. {PERSON2}; Mr. {PERSON1} thanked Dr. {PERSON2}."),
    ])
    func notTied(_ text: String, _ expected: String) {
        #expect(texts([("en", text), ("fr", "x")])[0] == expected)
    }

    @Test("m4: a note naming the surname alone takes the text's placeholder for the full name")
    func noteSurname() {
        var metadata = UnitMetadata()
        metadata.notes = ["Contact: Mr. Jakšić."]
        let result = scrubber.scrub(unit([("en", "Mr. Sok Dara met Minister Mate Jakšić."), ("fr", "x")], metadata: metadata), file: "t", position: 1)
        #expect(result.unit.variants[0].text == "Mr. {PERSON1} met Minister {PERSON2}.")
        #expect(result.unit.metadata.notes == ["Contact: Mr. {PERSON2}."])
    }
}
