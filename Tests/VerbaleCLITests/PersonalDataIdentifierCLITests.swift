import Foundation
import Testing
import VerbaleTestSupport

/// Acceptance review 1130, M4: personal data in unit identifiers and file names, end to end.
@Suite("Personal data in identifiers and file names (review 1130 M4)")
struct PersonalDataIdentifierCLITests {
    @Test("An e-mail in a TMX tuid and in an XLIFF 1.2 trans-unit id is stored and exported as {EMAIL}, counted in the summary and reported; a name in a file name written with _ is replaced in the origin")
    func identifiers() throws {
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("visa_Vannak_Heng_2021.tmx")
        try Data((tmxHead + """
            <tu tuid="sokha.chan@mfa.gov.kh-0001"><tuv xml:lang="en"><seg>Visa for Mr. Vannak Heng.</seg></tuv><tuv xml:lang="km"><seg>ទិដ្ឋាការ​សម្រាប់​លោក​វណ្ណៈ​ហេង។</seg></tuv></tu>
            </body></tmx>

            """).utf8).write(to: tmx)
        let xliff = folder.appendingPathComponent("ids.xlf")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="n.txt" source-language="en" target-language="fr" datatype="plaintext"><body>
            <trans-unit id="dara.sok@gmail.com"><source>The Embassy thanks the Ministry.</source><target state="translated">L'Ambassade remercie le Ministère.</target></trans-unit>
            </body></file></xliff>

            """.utf8).write(to: xliff)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let report = folder.appendingPathComponent("report.tsv")
        let result = try CLI.run(["import", "--memory", memory, "--report", report.path, tmx.path, xliff.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 EMAIL"), "\(result.stdout)")
        let rows = try String(contentsOf: report, encoding: .utf8)
        #expect(rows.contains("sokha.chan@mfa.gov.kh"))
        #expect(rows.contains("dara.sok@gmail.com"))
        let export = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("tuid=\"{EMAIL}-0001\""), "\(export.stdout)")
        #expect(export.stdout.contains("tuid=\"{EMAIL}\""))
        #expect(export.stdout.contains("visa_{PERSON"))
        for secret in ["sokha.chan", "dara.sok", "Vannak", "វណ្ណៈ"] { #expect(!export.stdout.contains(secret), "\(secret)") }
        let stats = try CLI.run(["stats", "--memory", memory])
        #expect(!stats.stdout.contains("Vannak"), "\(stats.stdout)")
        // Nothing of them in the SQLite file either.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: memory))
        for secret in ["sokha.chan@mfa.gov.kh", "dara.sok@gmail.com", "Vannak_Heng"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret)")
        }
    }
}
