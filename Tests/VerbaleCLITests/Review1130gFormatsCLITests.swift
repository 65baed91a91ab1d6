import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130g, formats left-outs: XLIFF targets without a language and states the format
/// lacks (m5), `validate` silent about a `kh` tag `import` warns of (m5), `draft new`'s
/// `[untranslated: …]` imported as a translation, region tags in `stats --json` pairs and in
/// `draft translate --format json` (m12).
@Suite("verbale: review 1130g — XLIFF languages and states, [untranslated: …], region tags")
struct Review1130gFormatsCLITests {
    static func xliff2(root: String, segment: String = "<segment>") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" \(root)>
          <file id="f1">
            <unit id="u1">
              \(segment)
                <source>The Embassy thanks the Ministry.</source>
                <target>ស្ថានទូតសូមអរគុណក្រសួង។</target>
              </segment>
            </unit>
          </file>
        </xliff>

        """
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("m5: XLIFF 2.0 targets without trgLang: validate is an error at file:line:column, import fails and stores nothing")
    func targetsWithoutTrgLang() throws {
        let folder = try Scratch.folder("verbale-1130g-formats")
        let file = try Self.write(Self.xliff2(root: "srcLang=\"en\""), "notrg.xlf", in: folder)
        let validate = try CLI.run(["validate", file])
        #expect(validate.status == 1)
        #expect(!validate.stdout.contains("valid\n") || validate.stdout.contains("before an error"), "\(validate.stdout)")
        #expect(validate.stderr.contains("notrg.xlf:7:9: a <target> in a file whose <xliff> has no trgLang"), "\(validate.stderr)")
        let report = try Self.json(try CLI.run(["validate", "--json", file]).stdout)
        #expect(report["valid"] as? Bool == false)
        let error = (report["files"] as? [[String: Any]])?.first?["error"] as? String ?? ""
        #expect(error.contains("notrg.xlf:7:9:") && error.contains("trgLang"), "\(error)")

        let memory = folder.appendingPathComponent("m.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, file])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("notrg.xlf:7:9:") && imported.stderr.contains("no trgLang")
                && imported.stderr.contains("nothing was imported"), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: memory))
    }

    @Test("m5: state=\"bogus\" in XLIFF 2.0 (on <segment>) and 1.2 (on <target>): validate and import fail at its position")
    func bogusState() throws {
        let folder = try Scratch.folder("verbale-1130g-formats")
        let two = try Self.write(Self.xliff2(root: "srcLang=\"en\" trgLang=\"km\"", segment: "<segment state=\"bogus\">"), "bogus.xlf", in: folder)
        let one = try Self.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="n.txt" source-language="en" target-language="km" datatype="plaintext"><body>
            <trans-unit id="1"><source>The Embassy thanks the Ministry.</source><target state="bogus">ស្ថានទូតសូមអរគុណក្រសួង។</target></trans-unit>
            </body></file></xliff>

            """, "bogus12.xlf", in: folder)
        for (file, position, element) in [(two, "bogus.xlf:5:7:", "<segment>"), (one, "bogus12.xlf:3:69:", "<target>")] {
            let validate = try CLI.run(["validate", file])
            #expect(validate.status == 1, "\(validate.stdout)")
            #expect(validate.stderr.contains("\(position) state=\"bogus\" on \(element) is not a value the format allows"), "\(validate.stderr)")
            let imported = try CLI.run(["import", "--memory", folder.appendingPathComponent("b.sqlite").path, file])
            #expect(imported.status == 1)
            #expect(imported.stderr.contains(position) && imported.stderr.contains("nothing was imported"), "\(imported.stderr)")
        }
    }

    @Test("m5: trgLang=\"kh\": validate --json carries the warning import prints (Khmer is km, with the --lang-map fix)")
    func khWarningInValidate() throws {
        let folder = try Scratch.folder("verbale-1130g-formats")
        let file = try Self.write(Self.xliff2(root: "srcLang=\"en\" trgLang=\"kh\""), "kh.xlf", in: folder)
        let imported = try CLI.run(["import", "--dry-run", "--memory", folder.appendingPathComponent("k.sqlite").path, file])
        #expect(imported.status == 0, "\(imported.stderr)")
        let warning = try #require(imported.stderr.split(separator: "\n").first { $0.hasPrefix("warning: ") && $0.contains("\"kh\"") },
                                   "\(imported.stderr)").dropFirst("warning: ".count)
        #expect(warning.contains("Khmer is \"km\": rerun with --lang-map kh=km"))

        let validate = try CLI.run(["validate", "--json", file])
        #expect(validate.status == 0, "\(validate.stderr)")
        let entry = try #require((try Self.json(validate.stdout)["files"] as? [[String: Any]])?.first)
        #expect(entry["unknownLanguages"] as? [String] == ["kh"], "\(entry)")
        #expect(entry["languageWarnings"] as? [String] == [String(warning)], "\(entry)")
        // The text output says it on standard error, as import does.
        let text = try CLI.run(["validate", file])
        #expect(text.stderr.contains("warning: \(warning)"), "\(text.stderr)")
        // A known language gives neither field.
        let known = try Self.write(Self.xliff2(root: "srcLang=\"en\" trgLang=\"km-KH\""), "km.xlf", in: folder)
        let clean = try #require((try Self.json(try CLI.run(["validate", "--json", known]).stdout)["files"] as? [[String: Any]])?.first)
        #expect(clean["unknownLanguages"] == nil && clean["languageWarnings"] == nil, "\(clean)")
    }

    @Test("draft new's [untranslated: …] is not imported as a translation: its own skip reason in --json; validate counts it too")
    func draftNewBracketsNotImported() throws {
        let folder = try Scratch.folder("verbale-1130g-formats")
        // What draft new writes for an institution it cannot render.
        let drafted = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Zorbian Rhetoric Society",
                                   "--purpose", "inform", "--date", "2026-12-06", "--lang", "en,fr,km"])
        #expect(drafted.status == 0, "\(drafted.stderr)")
        let french = try #require(drafted.stdout.split(separator: "\n").first { $0.hasPrefix("L'Ambassade") && $0.contains("compliments") },
                                  "\(drafted.stdout)")
        #expect(french.contains("[untranslated: Zorbian Rhetoric Society]"))
        let khmer = try #require(drafted.stdout.split(separator: "\n").first { $0.contains("សូមគោរពជូនចំពោះ") }, "\(drafted.stdout)")
        #expect(khmer.contains("[untranslated: Zorbian Rhetoric Society]"))
        let tsv = try Self.write("""
            en\tfr\tkm
            The Embassy presents its compliments to the Zorbian Rhetoric Society.\t\(french)\t\(khmer)
            The Embassy thanks the Ministry.\tL'Ambassade remercie le Ministère.\tស្ថានទូតសូមអរគុណក្រសួង។
            The Embassy presents its compliments.\tL'Ambassade ⟦presents its compliments⟧.\tស្ថានទូតសូមគោរពជូន។

            """, "drafts.tsv", in: folder)
        let memory = folder.appendingPathComponent("d.sqlite").path
        let imported = try CLI.run(["import", "--json", "--memory", memory, tsv])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try Self.json(imported.stdout)
        #expect(summary["added"] as? Int == 1)
        #expect(summary["skipped"] as? [String: Int] == ["[untranslated: …] text": 1, "untranslated ⟦…⟧ text": 1], "\(summary)")
        let text = try CLI.run(["import", "--dry-run", "--memory", memory, tsv])
        #expect(text.stdout.contains("skipped 1: [untranslated: …] text"), "\(text.stdout)")

        let validate = try CLI.run(["validate", "--json", tsv])
        #expect(validate.status == 0, "\(validate.stderr)")
        let entry = try #require((try Self.json(validate.stdout)["files"] as? [[String: Any]])?.first)
        #expect(entry["warnings"] as? [String: Int] == ["[untranslated: …] text": 1, "untranslated ⟦…⟧ text": 1], "\(entry)")
        let line = try CLI.run(["validate", tsv])
        #expect(line.stdout.contains("skipped: 1 [untranslated: …] text, 1 untranslated ⟦…⟧ text — valid"), "\(line.stdout)")
    }

    @Test("m12: stats --json pairs of region tags carry source and target beside the name")
    func regionPairs() throws {
        let folder = try Scratch.folder("verbale-1130g-formats")
        let tsv = try Self.write("""
            en-GB\tfr-FR\tkm-KH
            The Embassy thanks the Ministry.\tL'Ambassade remercie le Ministère.\tស្ថានទូតសូមអរគុណក្រសួង។
            The Ministry thanks the Embassy.\tLe Ministère remercie l'Ambassade.\t

            """, "regions.tsv", in: folder)
        let memory = folder.appendingPathComponent("r.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, tsv]).status == 0)
        let stats = try Self.json(try CLI.run(["stats", "--json", "--memory", memory]).stdout)
        let pairs = try #require(stats["pairs"] as? [[String: Any]])
        let described = pairs.map { "\($0["name"] ?? "")=\($0["source"] ?? "")|\($0["target"] ?? ""):\($0["units"] ?? "")" }.sorted()
        #expect(described == ["en-GB-fr-FR=en-GB|fr-FR:2", "en-GB-km-KH=en-GB|km-KH:1", "fr-FR-km-KH=fr-FR|km-KH:1"], "\(pairs)")
        // The other counts keep their shape.
        let languages = try #require(stats["languages"] as? [[String: Any]])
        #expect(languages.allSatisfy { $0["source"] == nil && $0["target"] == nil })
    }

    @Test("m12: draft translate --to fr-CA: JSON targetLanguages says what was written (fr), requestedLanguages what was asked, stderr says so")
    func regionalTarget() throws {
        let draft = "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs.\n"
        let result = try CLI.run(["draft", "translate", "-", "--to", "fr-CA,km", "--format", "json"], stdin: draft)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect(object["targetLanguages"] as? [String] == ["fr", "km"])
        #expect(object["requestedLanguages"] as? [String] == ["fr-CA", "km"])
        #expect(result.stderr.contains("note: --to fr-CA: written in French (fr)"), "\(result.stderr)")
        #expect(!result.stderr.contains("--to km"), "\(result.stderr)")
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.allSatisfy { ($0["targets"] as? [String: Any])?["fr"] != nil }, "the targets stay keyed by the language written")
        // XLIFF keeps the tag asked for, and the note says so.
        let xliff = try CLI.run(["draft", "translate", "-", "--to", "fr-CA", "--format", "xliff"], stdin: draft)
        #expect(xliff.stdout.contains("trgLang=\"fr-CA\""))
        #expect(xliff.stderr.contains("fr-CA is the XLIFF's trgLang"), "\(xliff.stderr)")
    }
}
