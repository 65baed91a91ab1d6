import Foundation
import Testing
import VerbaleTestSupport

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

    @Test("draft new --lang fr writes des Nations Unies and shows untranslated name parts in the text and in JSON")
    func draftNewFrenchPluralAndUntranslated() throws {
        let arguments = ["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Office of the United Nations Resident Coordinator",
                         "--purpose", "request", "--lang", "fr"]
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("compliments à l'Office des Nations Unies [untranslated: Resident Coordinator] et a l'honneur de solliciter"))
        #expect(!result.stdout.contains("du Nations Unies"))
        let json = try CLI.run(arguments + ["--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let lines = try #require(notes.first?["lines"] as? [[String: Any]])
        let opening = try #require(lines.first { $0["kind"] as? String == "opening" })
        #expect(opening["untranslated"] as? [String] == ["Resident Coordinator"])
        #expect((opening["text"] as? String)?.contains("[untranslated: Resident Coordinator]") == true)
        let us = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia",
                              "--to", "Ministry of Foreign Affairs of the United States of America", "--purpose", "request", "--lang", "fr"])
        #expect(us.stdout.contains("au Ministère des Affaires étrangères des États-Unis d'Amérique et a l'honneur"), "\(us.stdout)")
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

@Suite("verbale check and draft translate")
struct CheckTranslateCLITests {
    static let mutated = """
    Embassy of the Kingdom of Cambodia

    No. 118/2024

    The Embassy of the Kingdom of Cambodia presents his compliments to the Ministry of Foreign Affairs and has the honour to request a visa for Mr. Sok Dara, passport No. N1234567.

    The Embassy of the Kingdom of Cambodia avails itself of this opportunity to renew to the Ministry of Foreign Affairs the assurances of its highest consideration.

    Paris, 2 April 2024
    """

    @Test("check exits 1 on an error and reports line:column, code and fix")
    func checkErrors() throws {
        let result = try CLI.run(["check", "--lang", "en", "-"], stdin: Self.mutated)
        #expect(result.status == 1)
        #expect(result.stdout.contains("<stdin>:5:"))
        #expect(result.stdout.contains("[third-person]"))
        #expect(result.stdout.contains("fix: write \"its\""))
        #expect(result.stdout.contains("[personal-data]"))
    }

    @Test("check exits 0 on a correct note and prints JSON findings with --json")
    func checkClean() throws {
        let clean = Self.mutated.replacingOccurrences(of: "presents his", with: "presents its")
            .replacingOccurrences(of: " for Mr. Sok Dara, passport No. N1234567", with: " for the person named in the enclosed form")
        let result = try CLI.run(["check", "--json", "-"], stdin: clean)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\"findings\" : ["))
        let strict = try CLI.run(["check", "--strict", "-"], stdin: Self.mutated.replacingOccurrences(of: "presents his", with: "presents its"))
        #expect(strict.status == 1)
    }

    @Test("draft translate prints French with untranslated parts marked, and refuses XLIFF with two targets")
    func translate() throws {
        let result = try CLI.run(["draft", "translate", "-", "--to", "fr,km", "--memory", "/nonexistent/memory.tmx"], stdin: Self.mutated)
        #expect(result.status != 0)
        let shipped = try CLI.run(["draft", "translate", "-", "--to", "fr,km"], stdin: Self.mutated,
                                  environment: ["VERBALE_MEMORY": "", "XDG_DATA_HOME": Scratch.path("verbale-empty").path])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.contains("saisit cette occasion pour renouveler au Ministère des Affaires étrangères les assurances de sa très haute considération."))
        #expect(shipped.stdout.contains("⟦"))
        #expect(shipped.stdout.contains("[unreviewed]"))
        let xliff = try CLI.run(["draft", "translate", "-", "--to", "fr,km", "--format", "xliff"], stdin: Self.mutated)
        #expect(xliff.status != 0)
        #expect(xliff.stderr.contains("bilingual"))
    }
}

@Suite("verbale draft new: provenance of Khmer")
struct DraftKhmerProvenanceCLITests {
    static let arguments = ["draft", "new", "--from", "Permanent Mission of the Kingdom of Cambodia",
                            "--to", "Office of the High Commissioner for Human Rights", "--purpose", "transmit",
                            "--ref", "N. 2021/01/045", "--place", "Geneva", "--date", "2021-01-12", "--lang", "km"]

    static func hasKhmer(_ text: String) -> Bool { text.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) } }

    @Test("draft new --lang km marks every line that shows Khmer as [unreviewed]")
    func text() throws {
        let result = try CLI.run(Self.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let blocks = result.stdout.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let khmer = blocks.filter(Self.hasKhmer)
        #expect(khmer.count >= 5, "expected letterhead, opening, body, closing, place-date, recipient: \(blocks)")
        for block in khmer {
            #expect(block.hasSuffix("[unreviewed]"), "Khmer shown without its review mark: \(block)")
        }
        #expect(khmer.contains { $0.contains("ធ្វើនៅ") }, "the place-date line is part of the check")
    }

    @Test("draft new --lang km --json sets unreviewed on every line holding Khmer")
    func json() throws {
        let result = try CLI.run(Self.arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let lines = try #require(notes.first?["lines"] as? [[String: Any]])
        let khmer = lines.filter { Self.hasKhmer($0["text"] as? String ?? "") }
        #expect(khmer.count >= 5)
        for line in khmer {
            #expect(line["unreviewed"] as? Bool == true, "\(line["kind"] ?? "?"): \(line["text"] ?? "")")
        }
        // "N. 2021/01/045" is written in the Khmer note's form; the label លេខ is Verbale's (audit F26).
        let reference = try #require(lines.first { $0["kind"] as? String == "reference" })
        #expect(reference["text"] as? String == "លេខ ២០២១/០១/០៤៥")
        #expect(reference["unreviewed"] as? Bool == true, "Verbale's Khmer label has no attested source")
    }

    @Test("draft new --ref typed in Khmer: the English and French notes carry No./N° and Latin digits, the Khmer note the drafter's own reference")
    func khmerReference() throws {
        let result = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Ministry of Foreign Affairs of the Kingdom of Thailand",
                                  "--purpose", "inform", "--ref", "លេខ ១២៣/២០២១", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        var references: [String: String] = [:]
        var reviewed: [String: Bool] = [:]
        for note in notes {
            let language = try #require(note["language"] as? String)
            let line = try #require((note["lines"] as? [[String: Any]])?.first { $0["kind"] as? String == "reference" })
            references[language] = line["text"] as? String
            reviewed[language] = line["unreviewed"] as? Bool == false
        }
        #expect(references == ["en": "No. 123/2021", "fr": "N° 123/2021", "km": "លេខ ១២៣/២០២១"])
        #expect(reviewed["km"] == true, "the drafter's own Khmer is not Verbale's rendering")
    }

    @Test("A Khmer note drafted with --ref \"Ref. 12/2021\" holds លេខយោង ១២/២០២១, which check --lang km reads as its reference; draft translate gives Ref./Réf. 12/2021")
    func khmerFileReference() throws {
        let home = Scratch.path("verbale-ref")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "XDG_DATA_HOME": "", "VERBALE_MEMORY": ""]
        let note = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Ministry of Foreign Affairs of the French Republic",
                                "--purpose", "request", "--lang", "km", "--ref", "Ref. 12/2021"], environment: environment)
        #expect(note.status == 0, "\(note.stderr)")
        #expect(note.stdout.contains("លេខយោង ១២/២០២១"))
        let check = try CLI.run(["check", "--lang", "km", "-"], stdin: note.stdout, environment: environment)
        #expect(!check.stdout.contains("missing-reference"), "\(check.stdout)")
        let translated = try CLI.run(["draft", "translate", "-", "--lang", "km", "--to", "en,fr"], stdin: "លេខយោង ១២/២០២១\n", environment: environment)
        #expect(translated.status == 0, "\(translated.stderr)")
        #expect(translated.stdout.contains("Ref. 12/2021"), "\(translated.stdout)")
        #expect(translated.stdout.contains("Réf. 12/2021"), "\(translated.stdout)")
        #expect(!translated.stdout.contains("⟦លេខយោង⟧"), "\(translated.stdout)")
        let bare = try CLI.run(["draft", "translate", "-", "--to", "fr,km"], stdin: "The reference is 12/2021.\n", environment: environment)
        #expect(bare.stdout.contains("១២/២០២១") && !bare.stdout.contains("១២ / ២០២១"), "\(bare.stdout)")
    }

    /// The reference line of each note in `draft new --json` for `--ref typed`, by language.
    static func referenceLines(_ typed: String) throws -> (lines: [String: [String: Any]], stderr: String) {
        let result = try CLI.run(["draft", "new", "--from", "Permanent Mission of the Kingdom of Cambodia",
                                  "--to", "Office of the High Commissioner for Human Rights", "--purpose", "transmit",
                                  "--ref", typed, "--place", "Geneva", "--date", "2021-01-12", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        var lines: [String: [String: Any]] = [:]
        for note in notes {
            let language = try #require(note["language"] as? String)
            lines[language] = try #require((note["lines"] as? [[String: Any]])?.first { $0["kind"] as? String == "reference" })
        }
        return (lines, result.stderr)
    }

    @Test("Finding 7: draft new --ref \"Nos. 12 and 13\" writes N°s 12 et 13 and លេខ ១២ និង ១៣ [unreviewed], asTyped false, no warning")
    func referenceList() throws {
        let result = try CLI.run(["draft", "new", "--from", "Permanent Mission of the Kingdom of Cambodia",
                                  "--to", "Office of the High Commissioner for Human Rights", "--purpose", "transmit",
                                  "--ref", "Nos. 12 and 13", "--place", "Geneva", "--date", "2021-01-12"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("Nos. 12 and 13") && lines.contains("N°s 12 et 13") && lines.contains("លេខ ១២ និង ១៣ [unreviewed]"), "\(result.stdout)")
        #expect(!result.stdout.contains("12 and 13 [") && !result.stdout.contains(" and 13 [unreviewed]"))
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let json = try Self.referenceLines("Nos. 12 and 13")
        #expect(json.lines.mapValues { $0["text"] as? String } == ["en": "Nos. 12 and 13", "fr": "N°s 12 et 13", "km": "លេខ ១២ និង ១៣"])
        #expect(json.lines.values.allSatisfy { $0["asTyped"] as? Bool == false && ($0["unrendered"] as? [String])?.isEmpty == true })
        #expect(json.lines["km"]?["unreviewed"] as? Bool == true)
    }

    @Test("Finding 7: draft new --ref \"លេខ ១២ និង ១៣\" (typed in Khmer) writes Nos./N°s in English and French, the drafter's Khmer unmarked")
    func khmerReferenceList() throws {
        let json = try Self.referenceLines("លេខ ១២ និង ១៣")
        #expect(json.lines.mapValues { $0["text"] as? String } == ["en": "Nos. 12 and 13", "fr": "N°s 12 et 13", "km": "លេខ ១២ និង ១៣"])
        #expect(json.lines["km"]?["unreviewed"] as? Bool == false)
    }

    @Test("Finding 7: draft new --ref \"12 (draft)\" keeps the line as typed in every note, [as typed] in text, asTyped and unrendered in JSON, a warning on stderr, exit 0")
    func referenceAsTyped() throws {
        let json = try Self.referenceLines("12 (draft)")
        for (language, line) in json.lines {
            #expect(line["text"] as? String == "12 (draft)", "\(language)")
            #expect(line["asTyped"] as? Bool == true, "\(language)")
            #expect(line["unrendered"] as? [String] == ["(draft)"], "\(language)")
            // The existing fields keep their names.
            #expect(Set(line.keys).isSuperset(of: ["kind", "text", "formulas", "unreviewed", "untranslated", "sources"]))
        }
        #expect(json.stderr.contains("warning") && json.stderr.contains("\"(draft)\"") && json.stderr.contains("[as typed]"), "\(json.stderr)")
        let text = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Ministry of Foreign Affairs of the Kingdom of Thailand",
                                "--purpose", "inform", "--ref", "No. 12 bis", "--lang", "fr,km"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.components(separatedBy: "No. 12 bis [as typed]").count == 3, "\(text.stdout)")
        #expect(!text.stdout.contains("លេខ ១២ bis"), "\(text.stdout)")
        #expect(text.stderr.components(separatedBy: "warning").count == 2, "one warning, not one per note: \(text.stderr)")
    }
}
