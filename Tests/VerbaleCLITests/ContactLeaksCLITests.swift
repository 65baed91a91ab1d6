import Foundation
import Testing
import VerbaleTestSupport

/// The contact forms of the session-7 privacy follow-up through the commands: `import` stores
/// the placeholders and `check` reports the same values (spans), and no "me" of a link.
@Suite("verbale: display names after a verb, spelled addresses and chat links — import and check agree")
struct ContactLeaksCLITests {
    static let table = """
        en\tfr\tkm
        Please contact Sokha Chan <sokha.chan@mfa.gov.kh> or sokha at mfa dot gov dot kh.\tVeuillez contacter Sokha Chan <sokha.chan@mfa.gov.kh> ou sokha at mfa dot gov dot kh.\tសូម​ទាក់ទង ដៀង សុភា <sokha.chan@mfa.gov.kh> ឬ sokha at mfa dot gov dot kh ។
        "Protocol Department" <protocol@mfa.gov.kh>, Viber viber://chat?number=%2B85512345678, Telegram t.me/sophea_dieng.\t« "Direction du Protocole" <protocol@mfa.gov.kh> », Viber viber://chat?number=%2B85512345678, Telegram t.me/sophea_dieng.\t"Protocol Department" <protocol@mfa.gov.kh> ថ្ងៃទី​១២ ខែ​មករា ឆ្នាំ​២០២១ t.me/sophea_dieng

        """

    @Test("import stores placeholders for the name, the spelled address, the Viber number and the handle; offices and verbs stay")
    func importAndCheck() throws {
        let folder = try Scratch.folder("verbale-contact-leaks")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("memory.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, "--format", "tsv", "-"], stdin: Self.table)
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tsv", "-"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let stored = exported.stdout
        for leaked in ["Sokha Chan", "ដៀង", "sokha at mfa", "85512345678", "sophea_dieng"] {
            #expect(!stored.contains(leaked), "\(leaked) stored: \(stored)")
        }
        for kept in ["Please contact {PERSON}", "Veuillez contacter {PERSON}", "សូម​ទាក់ទង {PERSON}", "Protocol Department", "<{EMAIL}>",
                     "\"Direction du Protocole\"", "number={PHONE}", "t.me/{PERSON"] {
            #expect(stored.contains(kept), "\(kept) missing: \(stored)")
        }
        let line = "Please contact Sokha Chan <sokha.chan@mfa.gov.kh> or sokha at mfa dot gov dot kh; WhatsApp wa.me/85512345678, t.me/sophea_dieng.\n"
        let checked = try CLI.run(["check", "--json", "-"], stdin: line)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let scalars = Array(line.unicodeScalars)
        func text(_ finding: [String: Any]) -> String {
            guard let start = finding["start"] as? Int, let end = finding["end"] as? Int else { return "" }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
        }
        let personal = findings.filter { $0["code"] as? String == "personal-data" }.map(text)
        #expect(personal == ["Sokha Chan", "sokha.chan@mfa.gov.kh", "sokha at mfa dot gov dot kh", "85512345678", "sophea_dieng"], "\(personal)")
        #expect(!findings.contains { $0["code"] as? String == "first-person" }, "\(findings)")
    }
}
