import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130g: what a user met at the command line — unmarked Khmer in `check`'s fixes (M1), a
/// pipe named as a file refused (M7), `--lossy` offered by commands that lacked it (m3),
/// `segment --rules -` (m4), `glossary check` and a final blank line (m2), the place-and-date line
/// of a time-zone city in `draft translate` (M3), a glossary title across "and" (M2), an "and"
/// between untranslated parts in English and French targets (M4).
@Suite("verbale: review 1130g — check's Khmer fixes, pipes as files, --lossy, --rules -, glossary check, place lines")
struct Review1130gCLITests {
    static let khmerNote = "ស្ថានទូតនៃព្រះរាជាណាចក្រកម្ពុជា មានកិត្តិយសសូមជម្រាបជូនថា យើងនឹងមកដល់។\n"
    static let englishNote = """
        The Embassy of the Kingdom of Cambodia presents his compliments to the Ministry of Foreign Affairs and has the honour to inform the Ministry that the Embassy will be closed on 10 December 2026.

        """

    @Test("M1: check marks the Khmer wording of a fix [unreviewed] (text) and suggestionUnreviewed (JSON); English fixes stay unmarked")
    func khmerFixesMarked() throws {
        let text = try CLI.run(["check", "-"], stdin: Self.khmerNote)
        #expect(text.status == 1, "\(text.stderr)")
        let fixes = text.stdout.split(separator: "\n").filter { $0.contains("fix:") }
        let khmerFixes = fixes.filter { $0.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) } }
        #expect(!khmerFixes.isEmpty, "\(text.stdout)")
        for fix in khmerFixes { #expect(fix.hasSuffix(" [unreviewed]"), "\(fix)") }

        let json = try CLI.run(["check", "--json", "-"], stdin: Self.khmerNote)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let closing = try #require(findings.first { $0["code"] as? String == "missing-closing" })
        #expect(closing["suggestionUnreviewed"] as? Bool == true, "\(closing)")

        let english = try CLI.run(["check", "--json", "-"], stdin: Self.englishNote)
        let englishObject = try #require(try JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as? [String: Any])
        let englishFindings = try #require(englishObject["findings"] as? [[String: Any]])
        #expect(!englishFindings.isEmpty, "\(english.stdout)")
        for finding in englishFindings { #expect(finding["suggestionUnreviewed"] as? Bool == false, "\(finding)") }
        let englishText = try CLI.run(["check", "-"], stdin: Self.englishNote)
        #expect(!englishText.stdout.contains("[unreviewed]"), "\(englishText.stdout)")
    }

    @Test("M7: a pipe given as a file (/dev/stdin) is read as - is, by the text commands and align")
    func pipeNamedAsFile() throws {
        let text = "The Embassy presents its compliments. It has the honour to inform the Ministry.\n"
        for command in [["segment"], ["tokenize"], ["check"], ["glossary", "terms"], ["mine", "--lang", "en", "--min-count", "1"],
                        ["draft", "translate", "--to", "fr"]] {
            let fromDash = try CLI.run(command + ["-"], stdin: text)
            let fromPath = try CLI.run(command + ["/dev/stdin"], stdin: text)
            #expect(fromPath.status == fromDash.status, "\(command): \(fromPath.stderr)")
            #expect(!fromPath.stderr.contains("cannot read"), "\(command): \(fromPath.stderr)")
            #expect(fromPath.stdout == fromDash.stdout.replacingOccurrences(of: "<stdin>", with: "/dev/stdin"), "\(command)")
        }
        let dir = try Scratch.folder("verbale-1130g-pipe")
        let english = dir.appendingPathComponent("en.txt")
        try Data("The Embassy presents its compliments.\n\nIt has the honour to inform the Ministry.\n".utf8).write(to: english)
        let aligned = try CLI.run(["align", "--json", "en=\(english.path)", "fr=/dev/stdin"],
                                  stdin: "L'Ambassade présente ses compliments.\n\nElle a l'honneur d'informer le Ministère.\n")
        #expect(aligned.status == 0, "\(aligned.stderr)")
        #expect(aligned.stdout.contains("honneur"), "\(aligned.stdout)")
    }

    @Test("m3: check, draft translate, mine and glossary check take the --lossy their invalid-UTF-8 error offers")
    func lossyWhereOffered() throws {
        let dir = try Scratch.folder("verbale-1130g-lossy")
        let bad = dir.appendingPathComponent("bad.txt")
        try Data(Array("The Embassy presents its compliments.\nIt has the honour ".utf8) + [0xFF, 0x0A]).write(to: bad)
        for command in [["check"], ["draft", "translate", "--to", "fr"], ["mine", "--lang", "en", "--min-count", "1"]] {
            let strict = try CLI.run(command + [bad.path])
            #expect(strict.status == 1 && strict.stderr.contains("--lossy"), "\(command): \(strict.stderr)")
            let lossy = try CLI.run(command + ["--lossy", bad.path])
            #expect(!lossy.stderr.contains("Unknown option"), "\(command): \(lossy.stderr)")
            #expect(!lossy.stderr.contains("invalid UTF-8"), "\(command): \(lossy.stderr)")
        }
        let glossary = try CLI.run(["glossary", "check", "--lossy", "--memory", GlossaryCLITests.memory(),
                                    "--source", "en=\(bad.path)", "--target", "fr=\(bad.path)"])
        #expect(!glossary.stderr.contains("Unknown option") && !glossary.stderr.contains("invalid UTF-8"), "\(glossary.stderr)")
    }

    @Test("m4: segment --rules - reads the rules from standard input when the text is a file; both from it is a usage error")
    func rulesFromStandardInput() throws {
        let dir = try Scratch.folder("verbale-1130g-rules")
        let note = dir.appendingPathComponent("note.txt")
        try Data("Mr. Sok presents his compliments. He has the honour to inform.\n".utf8).write(to: note)
        let rules = """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" version="2.0">
              <header segmentsubflows="yes" cascade="no"/>
              <body>
                <languagerules><languagerule languagerulename="Plain"><rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules>
                <maprules><languagemap languagepattern=".*" languagerulename="Plain"/></maprules>
              </body>
            </srx>

            """
        let file = dir.appendingPathComponent("plain.srx")
        try Data(rules.utf8).write(to: file)
        let fromFile = try CLI.run(["segment", "--rules", file.path, note.path])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let fromStandardInput = try CLI.run(["segment", "--rules", "-", note.path], stdin: rules)
        #expect(fromStandardInput.status == 0, "\(fromStandardInput.stderr)")
        #expect(fromStandardInput.stdout == fromFile.stdout)
        #expect(fromStandardInput.stdout.hasPrefix("Mr.\n"), "\(fromStandardInput.stdout)")
        let both = try CLI.run(["segment", "--rules", "-"], stdin: rules)
        #expect(both.status == 64, "\(both.stderr)")
    }

    @Test("m2: glossary check — a blank last line on one side only is no segment; line numbers stay the file's")
    func glossaryCheckTrailingBlankLine() throws {
        let dir = try Scratch.folder("verbale-1130g-glossary-check")
        let memory = GlossaryCLITests.memory()
        let english = dir.appendingPathComponent("en.txt"), french = dir.appendingPathComponent("fr.txt")
        try Data("The Embassy of France presents its compliments.\n\n\n".utf8).write(to: english)
        try Data("L'Ambassade de France présente ses compliments.\n".utf8).write(to: french)
        let result = try CLI.run(["glossary", "check", "--json", "--memory", memory, "--source", "en=\(english.path)", "--target", "fr=\(french.path)"])
        #expect(!result.stdout.contains("segment-count"), "\(result.stdout)")
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        // Still counted when a line with text is missing.
        try Data("The Embassy of France presents its compliments.\n\nThe Embassy thanks the Ministry.\n".utf8).write(to: english)
        let missing = try CLI.run(["glossary", "check", "--json", "--memory", memory, "--source", "en=\(english.path)", "--target", "fr=\(french.path)"])
        #expect(missing.stdout.contains("segment-count") && missing.status == 1, "\(missing.stdout)")
    }

    @Test("M3: draft translate reads the place-and-date line of a city draft new renders through its time zone (Tokyo, Vientiane)")
    func timeZoneCityPlaceLine() throws {
        let english = try CLI.run(["draft", "translate", "-", "--to", "fr,km"],
                                  stdin: "The Embassy presents its compliments.\n\nTokyo, 6 December 2026\n")
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("Tokyo, le 6 décembre 2026"), "\(english.stdout)")
        #expect(english.stdout.contains("ធ្វើនៅទីក្រុងតូក្យូ ថ្ងៃទី៦ ខែធ្នូ ឆ្នាំ២០២៦ [unreviewed]"), "\(english.stdout)")
        #expect(!english.stdout.contains("⟦Tokyo⟧"), "\(english.stdout)")
        let french = try CLI.run(["draft", "translate", "-", "--to", "en"],
                                 stdin: "L'Ambassade présente ses compliments.\n\nVientiane, le 6 décembre 2026\n")
        #expect(french.stdout.contains("Vientiane, 6 December 2026"), "\(french.stdout)")
        // A place no table and no time zone knows is still left to the word-by-word assembly.
        let unknown = try CLI.run(["draft", "translate", "-", "--to", "fr"],
                                  stdin: "The Embassy presents its compliments.\n\nSiem Reap, 6 December 2026\n")
        #expect(unknown.stdout.contains("⟦Siem Reap⟧"), "\(unknown.stdout)")
    }

    @Test("M2: a glossary title holding \"and\" is translated whole: Ambassador Extraordinary and Plenipotentiary")
    func titleAcrossAnd() throws {
        let result = try CLI.run(["draft", "translate", "-", "--to", "fr,km"],
                                 stdin: "The Embassy requests the agrément for Mr. Sok Dara as Ambassador Extraordinary and Plenipotentiary of the Kingdom of Cambodia to Japan.\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ambassadeur extraordinaire et plénipotentiaire"), "\(result.stdout)")
        #expect(result.stdout.contains("ឯកអគ្គរដ្ឋទូតវិសាមញ្ញ និងពេញសមត្ថភាព"), "\(result.stdout)")
        #expect(!result.stdout.contains("⟦Extraordinary"), "\(result.stdout)")
    }

    @Test("M4: an \"and\" beside untranslated words stays inside their ⟦…⟧ in English and French targets; between names it is translated")
    func andBesideUntranslated() throws {
        let french = try CLI.run(["draft", "translate", "-", "--to", "en"], stdin: """
            L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère de l'Europe et des Affaires étrangères et a l'honneur de l'informer que la réunion aura lieu le 3 mars 2026.

            """)
        #expect(french.status == 0, "\(french.stderr)")
        // France's ministry is in the name table now (s7-drafting2), so it is translated whole;
        // before, it must at least have stayed one ⟦…⟧ (the rule the next line checks).
        #expect(french.stdout.contains("to the Ministry for Europe and Foreign Affairs and"), "\(french.stdout)")
        #expect(!french.stdout.contains("⟧ and ⟦"), "\(french.stdout)")
        let english = try CLI.run(["draft", "translate", "-", "--to", "fr"], stdin: """
            The Ministry presents its compliments to all Diplomatic Missions and International Organizations accredited to the Kingdom of Cambodia and has the honour to inform them of the new procedure.

            """)
        #expect(!english.stdout.contains("⟧ et ⟦"), "\(english.stdout)")
        #expect(english.stdout.contains("⟦all Diplomatic Missions and International Organizations"), "\(english.stdout)")
        // Between two translated names the "and" is still the glue word.
        let names = try CLI.run(["draft", "translate", "-", "--to", "fr"], stdin: "The talks between Thailand and Cambodia were held in Geneva.\n")
        #expect(names.stdout.contains("Thaïlande et Cambodge"), "\(names.stdout)")
    }

    @Test("m6: glossary import --json on a failed import prints a JSON document (error, added 0, imported false), as import --json does; the termbase is unchanged")
    func glossaryImportJSONOnFailure() throws {
        let (memory, _) = try GlossaryOriginCLITests.imported()
        let dir = try Scratch.folder("verbale-1130g-glossary-json")
        let broken = dir.appendingPathComponent("broken.tbx")
        // Truncated inside a Khmer term: a reader's error, file:line:column.
        try Data(GlossaryOriginCLITests.tbx.prefix(while: { $0 != "ត" }).utf8).write(to: broken)
        let result = try CLI.run(["glossary", "import", "--memory", memory, "--json", broken.path])
        #expect(result.status != 0, "\(result.stdout)")
        #expect(!result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        #expect((object["error"] as? String)?.contains("broken.tbx:") == true, "\(object)")
        #expect(object["added"] as? Int == 0)
        #expect(object["imported"] as? Bool == false)
        // Nothing imported: the earlier termbase still answers, and nothing from broken.tbx.
        let lookup = try CLI.run(["glossary", "lookup", "--memory", memory, "note verbale"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        #expect(!lookup.stdout.contains("broken.tbx"), "\(lookup.stdout)")
        // A missing file (a usage mistake, exit 64) answers the same way.
        let missing = try CLI.run(["glossary", "import", "--memory", memory, "--json", dir.appendingPathComponent("none.tbx").path])
        #expect(missing.status == 64)
        #expect(((try? JSONSerialization.jsonObject(with: Data(missing.stdout.utf8))) as? [String: Any])?["imported"] as? Bool == false, "\(missing.stdout)")
    }

    @Test("m10: draft new --purpose circular says on stderr that --to is not used; other purposes say nothing")
    func circularIgnoresTo() throws {
        let circular = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Ministry of Foreign Affairs of the Kingdom of Thailand",
                                    "--purpose", "circular", "--lang", "en,km"])
        #expect(circular.status == 0, "\(circular.stderr)")
        #expect(circular.stdout.contains("Heads of Diplomatic Missions"), "\(circular.stdout)")
        #expect(circular.stderr.contains("--to \"Ministry of Foreign Affairs of the Kingdom of Thailand\" is not used"), "\(circular.stderr)")
        let inform = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Ministry of Foreign Affairs of the Kingdom of Thailand",
                                  "--purpose", "inform", "--lang", "en"])
        #expect(inform.status == 0, "\(inform.stderr)")
        #expect(!inform.stderr.contains("is not used"), "\(inform.stderr)")
    }
}
