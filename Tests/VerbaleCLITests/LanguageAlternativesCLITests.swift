import Foundation
import Testing

/// Review 30 Nov, m12, end to end: import counts the split, search shows the text that matched
/// and offers every translation.
@Suite("verbale import and search: TMX alternatives of one language")
struct LanguageAlternativesCLITests {
    @Test("The review's dup.tmx: search \"Thank you.\" shows Thank you. at 100 with no diff, \"Yes.\" offers Oui. and Si.")
    func reviewRepro() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("dup.tmx")
        try Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
        <body>
        <tu><tuv xml:lang="en"><seg>Thanks.</seg></tuv><tuv xml:lang="EN"><seg>Thank you.</seg></tuv><tuv xml:lang="fr"><seg>Merci.</seg></tuv><tuv xml:lang="km"><seg>សូម\u{200B}អរគុណ។</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Yes.</seg></tuv><tuv xml:lang="fr"><seg>Oui.</seg></tuv><tuv xml:lang="fr"><seg>Si.</seg></tuv></tu>
        </body></tmx>
        """.utf8).write(to: file)
        let memory = folder.appendingPathComponent("dup.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("split 2 <tu>s holding alternatives of one language"), "\(imported.stdout)")
        let json = try CLI.run(["import", "--memory", memory, "--dry-run", "--json", file.path])
        let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(summary?["split"] as? Int == 2, "\(json.stdout)")

        let thanks = try CLI.run(["search", "--memory", memory, "Thank you."])
        #expect(thanks.status == 0, "\(thanks.stderr)")
        let first = thanks.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains("100%") && first.contains("Thank you.") && !first.contains("Thanks."), "\(thanks.stdout)")
        #expect(thanks.stdout.contains("សូម\u{200B}អរគុណ។"))
        let yes = try CLI.run(["search", "--memory", memory, "Yes."])
        #expect(yes.stdout.contains("Oui.") && yes.stdout.contains("Si."), "\(yes.stdout)")
    }
}
