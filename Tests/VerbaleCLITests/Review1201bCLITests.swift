import Foundation
import Testing
import VerbaleTestSupport

/// Acceptance review 1201b: what `suggest` prints for the stock phrases inside a draft sentence.
@Suite("Review 1201b: suggest carries the draft's values into its phrases, or names them")
struct Review1201bCLITests {
    static func memory() throws -> String {
        let folder = Scratch.path("verbale-cli-1201b", suffix: "").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/delegation.tsv"
        try "en\tfr\tkm\nThe delegation will consist of 3 members.\tLa délégation sera composée de 3 membres.\tគណៈប្រតិភូ\u{200B}នឹង\u{200B}មាន\u{200B}សមាជិក ៣ រូប។\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("M1: a Khmer draft with ៤ gets the phrase's English and French with 4; the shipped Article 27 phrase with other words says 'not carried'")
    func phraseValues() throws {
        let memory = try Self.memory()
        let draft = "តាម\u{200B}ការ\u{200B}ព្រមព្រៀង គណៈប្រតិភូ\u{200B}នឹង\u{200B}មាន\u{200B}សមាជិក ៤ រូប។\n"
        let text = try CLI.run(["suggest", "--memory", memory, "--to", "en,fr", "-"], stdin: draft)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("en: The delegation will consist of 4 members."), "\(text.stdout)")
        #expect(text.stdout.contains("fr: La délégation sera composée de 4 membres."), "\(text.stdout)")
        #expect(!text.stdout.contains("3 members"), "\(text.stdout)")
        #expect(text.stdout.contains("carried over: en 3 → 4"), "\(text.stdout)")

        let json = try CLI.run(["suggest", "--memory", memory, "--json", "-"], stdin: draft)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let segment = try #require((report["segments"] as? [[String: Any]])?.first)
        let phrase = try #require((segment["phrases"] as? [[String: Any]])?.first { ($0["phrase"] as? String)?.contains("សមាជិក") == true })
        #expect((phrase["transferred"] as? [Any])?.count == 2, "\(phrase)")
        #expect((phrase["notCarried"] as? [Any])?.isEmpty == true, "\(phrase)")

        let english = "This Note and the Ministry's positive reply shall constitute an arrangement as provided for in Article 12.\n"
        let shipped = try CLI.run(["suggest", "--memory", memory, "--to", "fr,km", "-"], stdin: english)
        #expect(shipped.stdout.contains("fr: not carried: 12 — check"), "\(shipped.stdout)")
        #expect(shipped.stdout.contains("km: not carried: 12 — check (write ១២)"), "\(shipped.stdout)")
    }

    @Test("m2: a segment the memory holds whole is listed as a match, not again as a phrase of the same words")
    func noPhraseTwin() throws {
        let memory = try Self.memory()
        for draft in ["The delegation will consist of 3 members.\n", "គណៈប្រតិភូ\u{200B}នឹង\u{200B}មាន\u{200B}សមាជិក ៥ រូប។\n"] {
            let result = try CLI.run(["suggest", "--memory", memory, "--no-shipped-phrases", "-"], stdin: draft)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("[95-99]") || result.stdout.contains("[100]"), "\(result.stdout)")
            #expect(!result.stdout.contains("phrase "), "\(result.stdout)")
        }
    }

    @Test("m3: --to the text's own language is said on stderr (search and suggest)")
    func ownLanguage() throws {
        let memory = try Self.memory()
        let search = try CLI.run(["search", "--memory", memory, "--to", "en", "The delegation will consist of 3 members."])
        #expect(search.status == 0)
        #expect(search.stderr.contains("--to en is the text's own language"), "\(search.stderr)")
        let suggest = try CLI.run(["suggest", "--memory", memory, "--to", "km,fr", "-"], stdin: "គណៈប្រតិភូ\u{200B}នឹង\u{200B}មាន\u{200B}សមាជិក ៣ រូប។\n")
        #expect(suggest.stderr.contains("--to km is the text's own language"), "\(suggest.stderr)")
        let plain = try CLI.run(["search", "--memory", memory, "--to", "fr", "The delegation will consist of 3 members."])
        #expect(!plain.stderr.contains("own language"), "\(plain.stderr)")
    }

    @Test("m9: two lines given to search are said to be searched as one text")
    func severalLines() throws {
        let memory = try Self.memory()
        let two = try CLI.run(["search", "--memory", memory, "-"], stdin: "The delegation will consist of 3 members.\nThe meeting is postponed.\n")
        #expect(two.status == 0)
        #expect(two.stderr.contains("2 lines, searched as one text"), "\(two.stderr)")
        let one = try CLI.run(["search", "--memory", memory, "-"], stdin: "The delegation will consist of 3 members.\n\n")
        #expect(!one.stderr.contains("searched as one"), "\(one.stderr)")
    }

    @Test("m11: --lang km on a text without Khmer letters (and --lang en on Khmer alone) is said on stderr")
    func languageWithoutItsScript() throws {
        let memory = try Self.memory()
        let latin = try CLI.run(["search", "--memory", memory, "--lang", "km", "The delegation will consist of 3 members."])
        #expect(latin.status == 0)
        #expect(latin.stderr.contains("no Khmer letters"), "\(latin.stderr)")
        let khmer = try CLI.run(["suggest", "--memory", memory, "--lang", "en", "-"], stdin: "គណៈប្រតិភូ\u{200B}នឹង\u{200B}មាន\u{200B}សមាជិក ៣ រូប។\n")
        #expect(khmer.stderr.contains("no Latin letters"), "\(khmer.stderr)")
        let right = try CLI.run(["search", "--memory", memory, "--lang", "km", "គណៈប្រតិភូ\u{200B}នឹង\u{200B}មាន\u{200B}សមាជិក ៣ រូប។"])
        #expect(!right.stderr.contains("letters"), "\(right.stderr)")
    }
}
