import Foundation
import Testing
import VerbaleTestSupport

/// End to end: a name after a function title in capitals is not stored by `verbale import` (the
/// memory's bytes hold it nowhere) and is flagged by `verbale check`; a letterhead in capitals
/// is neither.
@Suite("Personal data: names after function titles in capitals through import and check")
struct PersonalDataCapitalTitlesCLITests {
    @Test("Import: EN/FR units with AMBASSADOR, H.E. AMBASSADOR, MINISTER, L'AMBASSADEUR store {PERSON}; the letterhead stays")
    func importTSV() throws {
        let folder = try temporaryFolder()
        let tsv = folder.appendingPathComponent("caps.tsv")
        try Data("""
            en\tfr
            H.E. AMBASSADOR SOK VANNA\tS.E. M. SOK VANNA
            MINISTER KEO RITHY will attend.\tLE MINISTRE KEO RITHY assistera.
            AMBASSADOR LY DARA\tL'AMBASSADEUR LY DARA
            AMBASSADOR OF THE KINGDOM OF CAMBODIA\tAMBASSADE ROYALE DU CAMBODGE

            """.utf8).write(to: tsv)
        let memory = folder.appendingPathComponent("caps.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, tsv.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("6 PERSON"), "\(result.stdout)")
        let export = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("H.E. AMBASSADOR {PERSON}\tS.E. M. {PERSON}"), "\(export.stdout)")
        #expect(export.stdout.contains("MINISTER {PERSON} will attend.\tLE MINISTRE {PERSON} assistera."), "\(export.stdout)")
        #expect(export.stdout.contains("AMBASSADOR {PERSON}\tL'AMBASSADEUR {PERSON}"), "\(export.stdout)")
        #expect(export.stdout.contains("AMBASSADOR OF THE KINGDOM OF CAMBODIA\tAMBASSADE ROYALE DU CAMBODGE"), "\(export.stdout)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: memory))
        for secret in ["SOK VANNA", "KEO RITHY", "LY DARA", "VANNA", "RITHY"] { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret)") }
    }

    @Test("check: each name after a title in capitals is a finding; the letterheads are not")
    func check() throws {
        let text = """
            EMBASSY OF THE KINGDOM OF CAMBODIA
            AMBASSADOR OF THE KINGDOM OF CAMBODIA
            MINISTER OF FOREIGN AFFAIRS
            AMBASSADOR SOK VANNA
            H.E. AMBASSADOR SOK VANNA
            MINISTER KEO RITHY
            H.E. MR. LY DARA

            """
        let result = try CLI.run(["check", "--lang", "en", "-"], stdin: text)
        let names = result.stdout.split(separator: "\n").filter { $0.contains("[personal-data]") }
        #expect(names.count == 4, "\(result.stdout)")
        #expect(names.contains { $0.contains("\"LY DARA\"") && $0.contains(":7:10:") }, "\(result.stdout)")
        #expect(names.filter { $0.contains("\"SOK VANNA\"") }.count == 2, "\(result.stdout)")
        #expect(names.contains { $0.contains("\"KEO RITHY\"") && $0.contains(":6:10:") }, "\(result.stdout)")
        let french = try CLI.run(["check", "--lang", "fr", "-"], stdin: "AMBASSADE ROYALE DU CAMBODGE\nMINISTÈRE DES AFFAIRES ÉTRANGÈRES\nL'AMBASSADEUR SOK VANNA\n")
        let found = french.stdout.split(separator: "\n").filter { $0.contains("[personal-data]") }
        #expect(found.count == 1 && found.first?.contains("\"SOK VANNA\"") == true, "\(french.stdout)")
    }
}
