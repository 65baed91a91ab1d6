import Foundation
import Testing

/// Review 1130f, m8: `draft new --lang fr` kept "Singapore" as the place, and wrote « Ambassade du
/// Laos » for "Embassy of the Lao People's Democratic Republic" where English and Khmer kept the
/// formal name.
@Suite("verbale: review 1130f m8 — French places and formal country names in draft new")
struct Review1130fNamesCLITests {
    @Test("m8: --place Singapore is « Singapour » in French (CLDR), in the place line and under the recipient")
    func frenchPlace() throws {
        let result = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia",
                                  "--to", "Ministry of Foreign Affairs of the Republic of Singapore", "--purpose", "request",
                                  "--place", "Singapore", "--date", "2021-03-01", "--lang", "fr"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Singapour, le 1er mars 2021"), "\(result.stdout)")
        #expect(result.stdout.contains("de la République de Singapour\nSingapour"), "\(result.stdout)")
        #expect(!result.stdout.contains("Singapore"), "\(result.stdout)")
        // Khmer: the country's name (CLDR's, which Khmer in use confirms: review 1130g m9, where CLDR's
        // exemplar city សិង្ហបូរី stood beside the catalogue's សាំងហ្គាពួរ) with the unreviewed framing word.
        let km = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia",
                              "--to", "Ministry of Foreign Affairs of the Republic of Singapore", "--purpose", "request",
                              "--place", "Singapore", "--date", "2021-03-01", "--lang", "km,en"])
        #expect(km.stdout.contains("ធ្វើនៅទីក្រុងសិង្ហបុរី ថ្ងៃទី១ ខែមីនា ឆ្នាំ២០២១ [unreviewed]"), "\(km.stdout)")
        #expect(km.stdout.contains("Singapore, 1 March 2021"), "\(km.stdout)")
    }

    @Test("m8: the Lao People's Democratic Republic keeps its formal name in French, from the catalogue's « Lao, République démocratique populaire »")
    func laoFormalName() throws {
        let result = try CLI.run(["draft", "new", "--from", "Embassy of the Lao People's Democratic Republic",
                                  "--to", "Ministry of Foreign Affairs of the Kingdom of Cambodia", "--purpose", "request",
                                  "--place", "Phnom Penh", "--date", "2021-03-01", "--lang", "fr"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Ambassade de la République démocratique populaire lao\n"), "\(result.stdout)")
        #expect(result.stdout.contains("L'Ambassade de la République démocratique populaire lao présente ses compliments au Ministère"), "\(result.stdout)")
        #expect(!result.stdout.contains("Laos"), "\(result.stdout)")
        let recipient = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia",
                                     "--to", "Ministry of Foreign Affairs of the Lao People's Democratic Republic", "--purpose", "request",
                                     "--lang", "fr", "--date", "2021-03-01"])
        #expect(recipient.stdout.contains("au Ministère des Affaires étrangères de la République démocratique populaire lao"), "\(recipient.stdout)")
        // The short name stays short.
        let short = try CLI.run(["draft", "new", "--from", "Embassy of Laos", "--to", "Ministry of Foreign Affairs",
                                 "--purpose", "request", "--lang", "fr", "--date", "2021-03-01"])
        #expect(short.stdout.hasPrefix("Ambassade du Laos\n"), "\(short.stdout)")
    }
}
