import Foundation
import Testing
import VerbaleTestSupport

/// Acceptance review 1130e, M1, end to end: French and British national phone numbers go on
/// import (TSV, and TMX with the number inside `<bpt>`/`<ept>` bold tags), the same placeholder
/// as the English `+33`/`+44` writing of the unit, and `verbale check` flags them.
@Suite("Personal data: French and British national phone numbers through import and check (review 1130e M1)")
struct PersonalDataNationalPhonesCLITests {
    @Test("Import: the reviewer's ph.tsv stores no French number, counts 4 PHONE and reports each")
    func importTSV() throws {
        let folder = try temporaryFolder()
        let tsv = folder.appendingPathComponent("ph.tsv")
        try Data("en\tfr\nPlease call the Embassy on +33 1 45 03 47 20.\tVeuillez appeler l’Ambassade au 01 45 03 47 20.\nCall 012 345 678.\tAppelez le 012 345 678.\nThe Consular Section: +44 20 7946 0018.\tSection consulaire : 020 7946 0018 ou 01.45.03.47.20.\n".utf8).write(to: tsv)
        let memory = folder.appendingPathComponent("ph.sqlite").path
        let report = folder.appendingPathComponent("report.tsv")
        let result = try CLI.run(["import", "--memory", memory, "--report", report.path, tsv.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("7 PHONE"), "\(result.stdout)")
        let rows = try String(contentsOf: report, encoding: .utf8)
        for original in ["01 45 03 47 20", "020 7946 0018", "01.45.03.47.20"] { #expect(rows.contains(original), "\(original)") }
        let export = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("Please call the Embassy on {PHONE}.\tVeuillez appeler l’Ambassade au {PHONE}."), "\(export.stdout)")
        #expect(export.stdout.contains("The Consular Section: {PHONE1}.\tSection consulaire : {PHONE1} ou {PHONE2}."), "\(export.stdout)")
        for secret in ["47 20", "7946", "47.20"] { #expect(!export.stdout.contains(secret), "\(secret)") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: memory))
        for secret in ["01 45 03 47 20", "020 7946 0018", "01.45.03.47.20"] { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret)") }
    }

    @Test("Import: a visa unit with the number in bold tags (TMX <bpt>/<ept>) — English +33 and French 01 45 03 47 20 both {PHONE}, tags kept")
    func importTMXWithTags() throws {
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("pd.tmx")
        try Data((tmxHead + """
            <tu tuid="visa-7"><tuv xml:lang="en"><seg>For visa enquiries, please call the Consular Section on <bpt i="1">&lt;b&gt;</bpt>+33 1 45 03 47 20<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
            <tuv xml:lang="fr"><seg>Pour toute question relative aux visas, veuillez appeler la section consulaire au <bpt i="1">&lt;b&gt;</bpt>01 45 03 47 20<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
            <tuv xml:lang="km"><seg>សម្រាប់​ព័ត៌មាន​ទិដ្ឋាការ សូម​ទូរស័ព្ទ​មក​ផ្នែក​កុងស៊ុល​តាម​លេខ <bpt i="1">&lt;b&gt;</bpt>០១ ៤៥ ០៣ ៤៧ ២០<ept i="1">&lt;/b&gt;</ept>។</seg></tuv></tu>
            </body></tmx>

            """).utf8).write(to: tmx)
        let memory = folder.appendingPathComponent("pd.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, tmx.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 PHONE"), "\(result.stdout)")
        let export = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(!export.stdout.contains("47 20") && !export.stdout.contains("៤៧ ២០"), "\(export.stdout)")
        #expect(export.stdout.components(separatedBy: "&lt;/b&gt;</ept>").count == 4, "\(export.stdout)")
        #expect(export.stdout.contains("au <bpt i=\"1\">&lt;b&gt;</bpt>{PHONE}<ept i=\"1\">&lt;/b&gt;</ept>."), "\(export.stdout)")
    }

    @Test("check: the reviewer's phones.txt — every number is a personal-data finding, French and British national ones included")
    func check() throws {
        let text = """
            Please call Ms. Dara on 020 7946 0018 or on 06 12 34 56 78.
            The Consular Section can be reached on +44 20 7946 0018.
            Veuillez contacter le service au 01.45.03.47.20.
            សូមទូរស័ព្ទមកលេខ ០២៣ ២១៦ ១៤១។

            """
        let result = try CLI.run(["check", "--lang", "en", "-"], stdin: text)
        let phones = result.stdout.split(separator: "\n").filter { $0.contains("[personal-data]") && $0.contains("a telephone number") }
        #expect(phones.count == 5, "\(result.stdout)")
        for number in ["020 7946 0018", "06 12 34 56 78", "+44 20 7946 0018", "01.45.03.47.20", "០២៣ ២១៦ ១៤១"] {
            #expect(phones.contains { $0.contains("\"\(number)\"") }, "\(number)")
        }
        let french = try CLI.run(["check", "--lang", "fr", "-"], stdin: "L'Ambassade de France a l'honneur d'informer le Ministère que la section consulaire est joignable au 01 45 03 47 20.\n")
        #expect(french.stdout.contains("personal data: a telephone number (\"01 45 03 47 20\")"), "\(french.stdout)")
        // A reference and a date are no phone numbers.
        let clean = try CLI.run(["check", "--lang", "fr", "-"], stdin: "Note N° 2021/01/045 du 12.01.2021 : un montant de 1 000 000 de riels.\n")
        #expect(!clean.stdout.contains("[personal-data]"), "\(clean.stdout)")
    }
}
