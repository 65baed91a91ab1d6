import Foundation
import Testing
import VerbaleTestSupport

/// Review 30 Nov, m3, end to end: `search` and `suggest` name, on the translation, a date the
/// query changed that could not be written into it — in text and in `--json` (`notCarried`).
@Suite("verbale search/suggest: values not carried are named")
struct NotCarriedCLITests {
    static func memory() throws -> String {
        let file = Scratch.path("not-carried", suffix: ".tsv")
        let tsv = "en\tfr\tkm\n"
            + "The note of 12 July 2012 refers to the visit.\tLa note du 12 juillet dernier se réfère à la visite.\tកំណត់ទូត\u{200B}ចុះ\u{200B}ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២ សំដៅ\u{200B}ដល់\u{200B}ដំណើរ\u{200B}ទស្សនកិច្ច។\n"
        try Data(tsv.utf8).write(to: file)
        return file.path
    }

    @Test("search: the Khmer date is carried, the French line says `fr: not carried: 7 March 2022 — check`")
    func searchText() throws {
        let result = try CLI.run(["search", "--memory", try Self.memory(), "The note of 7 March 2022 refers to the visit."])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("km: កំណត់ទូត\u{200B}ចុះ\u{200B}ថ្ងៃទី៧ ខែមីនា ឆ្នាំ២០២២"), "\(result.stdout)")
        #expect(result.stdout.contains("fr: La note du 12 juillet dernier se réfère à la visite.\n      fr: not carried: 7 March 2022 — check (write 7 mars 2022)"), "\(result.stdout)")
        #expect(!result.stdout.contains("km: not carried"))
    }

    @Test("search --lang km --json and suggest --json give notCarried for fr, from a Khmer query")
    func khmerJSON() throws {
        let memory = try Self.memory()
        let query = "កំណត់ទូត\u{200B}ចុះ\u{200B}ថ្ងៃទី៧ ខែមីនា ឆ្នាំ២០២២ សំដៅ\u{200B}ដល់\u{200B}ដំណើរ\u{200B}ទស្សនកិច្ច។"
        let search = try CLI.run(["search", "--memory", memory, "--lang", "km", "--json", query])
        #expect(search.status == 0, "\(search.stderr)")
        let first = try #require((try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(first["transferred"] != nil)
        let missed = try #require(first["notCarried"] as? [[String: Any]])
        #expect(missed.count == 1)
        #expect(missed.first?["language"] as? String == "fr")
        #expect(missed.first?["value"] as? String == "ថ្ងៃទី៧ ខែមីនា ឆ្នាំ២០២២")
        #expect(missed.first?["suggestion"] as? String == "7 mars 2022")

        let suggest = try CLI.run(["suggest", "--memory", memory, "--lang", "km", "--no-shipped-phrases", "--json", "-"], stdin: query)
        #expect(suggest.status == 0, "\(suggest.stderr)")
        #expect(suggest.stdout.contains("\"notCarried\""), "\(suggest.stdout)")
        let text = try CLI.run(["suggest", "--memory", memory, "--lang", "km", "--no-shipped-phrases", "-"], stdin: query)
        #expect(text.stdout.contains("fr: not carried: ថ្ងៃទី៧ ខែមីនា ឆ្នាំ២០២២ — check (write 7 mars 2022)"), "\(text.stdout)")
    }
}
