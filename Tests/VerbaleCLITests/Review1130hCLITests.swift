import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130h: what a drafting officer met on the memory and glossary side — a ministry's own
/// termbase overridden by the shipped one in recognition, lookup and drafting (M4: `draft
/// translate`, `search` and `suggest` loaded the shipped termbases only), and last year's visa notes searched as a file
/// drafting another person's name and passport number into a new note (M5).
@Suite("verbale: review 1130h — the user's termbase before the shipped one, personal data of a file memory")
struct Review1130hCLITests {
    /// A ministry's termbase: its own (reviewed) Khmer for a term the shipped termbase also holds,
    /// where the shipped rendering (បេសកកម្មអចិន្ត្រៃយ៍) is Verbale's own, unreviewed.
    static let ministryTerms = "en,fr,km\nPermanent Mission,Mission permanente,បេសកកម្មប្រចាំការ\n"
    static let shippedKhmer = "បេសកកម្មអចិន្ត្រៃយ៍"
    static let ministryKhmer = "បេសកកម្មប្រចាំការ"

    @Test("M4: where the user's termbase and a shipped one share a term, glossary terms, check and lookup use the user's")
    func userTermbaseFirst() throws {
        let dir = try Scratch.folder("verbale-1130h-termbase")
        defer { try? FileManager.default.removeItem(at: dir) }
        let memory = dir.appendingPathComponent("memory.sqlite").path
        let csv = dir.appendingPathComponent("ministry.csv")
        try Data(Self.ministryTerms.utf8).write(to: csv)
        let imported = try CLI.run(["glossary", "import", "--memory", memory, csv.path])
        #expect(imported.status == 0, "\(imported.stderr)")

        let text = "The Permanent Mission will reply.\n"
        let terms = try CLI.run(["glossary", "terms", "--memory", memory, "--lang", "en", "--json", "-"], stdin: text)
        #expect(terms.status == 0, "\(terms.stderr)")
        let found = try #require(try JSONSerialization.jsonObject(with: Data(terms.stdout.utf8)) as? [[String: Any]])
        #expect(found.first?["concept"] as? String == "ministry.csv#2", "\(terms.stdout)")

        // glossary check takes the ministry's rendering as the equivalent, not Verbale's own.
        let english = dir.appendingPathComponent("en.txt"), khmer = dir.appendingPathComponent("km.txt")
        try Data(text.utf8).write(to: english)
        try Data("\(Self.ministryKhmer) នឹងឆ្លើយតប។\n".utf8).write(to: khmer)
        let check = try CLI.run(["glossary", "check", "--memory", memory, "--source", "en=\(english.path)", "--target", "km=\(khmer.path)"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stdout.contains("missing-equivalent"), "\(check.stdout)")

        let lookup = try CLI.run(["glossary", "lookup", "--memory", memory, "--json", "Permanent Mission"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(lookup.stdout.utf8)) as? [[String: Any]])
        #expect(results.count == 2, "both concepts are still listed: \(lookup.stdout)")
        #expect(results.first?["concept"] as? String == "ministry.csv#2", "\(lookup.stdout)")

        // Without the user's termbase the shipped concept is the one checked against, as before.
        let bare = dir.appendingPathComponent("bare.sqlite").path
        _ = try CLI.run(["glossary", "import", "--memory", bare, "--format", "csv", "-"], stdin: "en,fr\nvisa note,note de visa\n")
        let shipped = try CLI.run(["glossary", "check", "--memory", bare, "--source", "en=\(english.path)", "--target", "km=\(khmer.path)"])
        #expect(shipped.status == 1 && shipped.stdout.contains(Self.shippedKhmer), "\(shipped.stdout)")
    }

    @Test("M4: draft translate and search use the termbase imported into the memory (given or default) before the shipped one")
    func userTermbaseDrafted() throws {
        let dir = try Scratch.folder("verbale-1130h-termbase-draft")
        defer { try? FileManager.default.removeItem(at: dir) }
        let memory = dir.appendingPathComponent("memory.sqlite").path
        let terms = Self.ministryTerms + "diplomatic bag,sac diplomatique,ថង់ការទូត\n"
        let imported = try CLI.run(["glossary", "import", "--memory", memory, "--format", "csv", "-"], stdin: terms)
        #expect(imported.status == 0, "\(imported.stderr)")

        let text = "The Permanent Mission will reply. The documents were sent by diplomatic bag.\n"
        let draft = try CLI.run(["draft", "translate", "--memory", memory, "-", "--to", "fr,km", "--format", "json"], stdin: text)
        #expect(draft.status == 0, "\(draft.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(draft.stdout.utf8)) as? [String: Any])
        let segments = try #require(json["segments"] as? [[String: Any]])
        func target(_ index: Int, _ language: String) -> [String: Any] {
            ((segments[index]["targets"] as? [String: Any])?[language] as? [String: Any]) ?? [:]
        }
        try #require(segments.count == 2, "\(draft.stdout)")
        let mission = target(0, "km")
        #expect((mission["text"] as? String)?.hasPrefix(Self.ministryKhmer) == true, "\(mission)")
        #expect(mission["unreviewed"] as? Bool == false, "the ministry's term is reviewed: \(mission)")
        #expect((target(1, "km")["text"] as? String)?.contains("ថង់ការទូត") == true, "\(target(1, "km"))")
        #expect((target(1, "fr")["text"] as? String)?.contains("sac diplomatique") == true, "\(target(1, "fr"))")
        #expect(!draft.stdout.contains(Self.shippedKhmer) && !draft.stdout.contains("valise diplomatique"), "\(draft.stdout)")

        // The default memory (no --memory) is read the same way.
        let home = dir.appendingPathComponent("home")
        let environment = ["XDG_DATA_HOME": home.path, "VERBALE_MEMORY": ""]
        _ = try CLI.run(["glossary", "import", "--format", "csv", "-"], stdin: terms, environment: environment)
        let plain = try CLI.run(["draft", "translate", "-", "--to", "km"], stdin: text, environment: environment)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains(Self.ministryKhmer) && !plain.stdout.contains(Self.shippedKhmer), "\(plain.stdout)")

        // search on that memory loads the same glossary (its entities) and still answers.
        _ = try CLI.run(["import", "--memory", memory, "--format", "tsv", "-"],
                        stdin: "en\tkm\nThe Permanent Mission will reply.\t\(Self.ministryKhmer)នឹងឆ្លើយតប។\n")
        let search = try CLI.run(["search", "--memory", memory, "--to", "km", "The Permanent Mission will reply."])
        #expect(search.status == 0 && search.stdout.contains("100"), "\(search.stdout)\(search.stderr)")

        // Without a termbase of the user's, the draft is the shipped one, marked, as before.
        let bare = dir.appendingPathComponent("bare.sqlite").path
        _ = try CLI.run(["glossary", "import", "--memory", bare, "--format", "csv", "-"], stdin: "en,fr\nvisa note,note de visa\n")
        let shipped = try CLI.run(["draft", "translate", "--memory", bare, "-", "--to", "km"], stdin: text)
        #expect(shipped.stdout.contains(Self.shippedKhmer) && shipped.stdout.contains("[unreviewed]"), "\(shipped.stdout)")
    }

    @Test("M5: a TMX given to --memory is read as import stores it: the new applicant's name and passport number are carried, the old ones never written")
    func fileMemoryPersonalData() throws {
        let dir = try Scratch.folder("verbale-1130h-filememory")
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmx = dir.appendingPathComponent("visas-2025.tmx")
        try Data(PersonalDataFixtures.visaRequestTMX.utf8).write(to: tmx)
        let request = "The Embassy requests a visa for Mr. Sok Dara, passport No. D7654321.\n"
        let draft = try CLI.run(["draft", "translate", "--memory", tmx.path, "-", "--to", "fr,km"], stdin: request)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.contains("L'Ambassade demande un visa pour M. Sok Dara, passeport n° D7654321."), "\(draft.stdout)")
        #expect(draft.stdout.contains("លោក Sok Dara លិខិតឆ្លងដែនលេខ D7654321។"), "\(draft.stdout)")
        for old in ["Keo", "Rithy", "N01234567", "កែវ", "រិទ្ធី"] {
            #expect(!draft.stdout.contains(old), "\(old) in \(draft.stdout)")
        }
        let search = try CLI.run(["search", "--memory", tmx.path, "--to", "fr", "--json", "-"], stdin: request)
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
        let score = try #require(matches.first?["score"] as? Int, "\(search.stdout)")
        #expect(score >= 90, "\(search.stdout)")
    }
}
