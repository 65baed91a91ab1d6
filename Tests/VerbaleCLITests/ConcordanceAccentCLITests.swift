import Foundation
import Testing
import VerbaleTestSupport

/// Review 30 Nov, m8, end to end: `verbale concordance Ministere` finds `ministère` and says
/// the accents were ignored; `--json` says so in `accentsIgnored`.
@Suite("verbale concordance without accents")
struct ConcordanceAccentCLITests {
    @Test("concordance Ministere finds Ministère, in text and JSON")
    func ministere() throws {
        let folder = try Scratch.folder("verbale-accents-cli")
        let tsv = folder.appendingPathComponent("a.tsv")
        try Data("en\tfr\nThe Embassy thanks the Ministry.\tL'Ambassade remercie le Ministère.\n".utf8).write(to: tsv)
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, tsv.path]).status == 0)
        let text = try CLI.run(["concordance", "--memory", memory, "Ministere"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("L'Ambassade remercie le [[Ministère]]."), "\(text.stdout)")
        #expect(text.stdout.contains("with other accents"), "\(text.stdout)")
        let json = try CLI.run(["concordance", "--memory", memory, "--json", "Ministere"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["accentsIgnored"] as? Bool == true)
        #expect((object["hits"] as? [Any])?.count == 1)
    }
}
