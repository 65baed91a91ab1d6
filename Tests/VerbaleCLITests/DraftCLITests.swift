import Foundation
import Testing

@Suite("verbale draft, mine and check")
struct DraftCLITests {
    @Test("draft new prints the seed's transmittal in English, French and Khmer, Khmer marked unreviewed")
    func draftNew() throws {
        let result = try CLI.run(["draft", "new", "--from", "Permanent Mission of the Kingdom of Cambodia",
                                  "--to", "Office of the High Commissioner for Human Rights", "--purpose", "transmit",
                                  "--ref", "N. 2021/01/045", "--place", "Geneva", "--date", "2021-01-12"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("has the honour to transmit herewith"))
        #expect(result.stdout.contains("présente ses compliments au Haut-Commissariat"))
        #expect(result.stdout.contains("ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១"))
        #expect(result.stdout.contains("[unreviewed]"))
    }

    @Test("draft new refuses an unknown purpose and a bad date with a message")
    func draftNewErrors() throws {
        let purpose = try CLI.run(["draft", "new", "--from", "A", "--to", "B", "--purpose", "gossip"])
        #expect(purpose.status != 0)
        #expect(purpose.stderr.contains("known purposes"))
        let date = try CLI.run(["draft", "new", "--from", "A", "--to", "B", "--purpose", "inform", "--date", "12/01/2021"])
        #expect(date.status != 0)
        #expect(date.stderr.contains("YYYY-MM-DD"))
    }

    @Test("mine reads standard input and prints JSON")
    func mine() throws {
        let result = try CLI.run(["mine", "-", "--lang", "en", "--min-count", "1", "--json"],
                                 stdin: "The Embassy presents its compliments to the Ministry.")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"documents\" : 1"))
    }
}
