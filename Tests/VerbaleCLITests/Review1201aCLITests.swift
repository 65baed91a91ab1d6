import Foundation
import Testing
import VerbaleTestSupport

/// Acceptance review 1201a, minors in the CLI's own output.
@Suite("Review 1201a: glossary lookup --json exit status, align's three-column view, help texts")
struct Review1201aCLITests {
    @Test("m2: lookup --json with no match prints [] and exits 1, as the text mode and the help say (grep-like)")
    func lookupJSONNoMatch() throws {
        let memory = GlossaryCLITests.memory()
        let none = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "zzzzqqq"])
        #expect(none.status == 1, "\(none.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [Any])
        #expect(array.isEmpty)
        let found = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "ព្រះរាជាណាចក្រ\u{200B}ថៃ"])
        #expect(found.status == 0, "\(found.stderr)")
    }

    @Test("m4: with three languages the review flag is not glued to the first column's text")
    func threeColumns() throws {
        let folder = Scratch.path("verbale-cli-1201a", suffix: "").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let documents = [("en", "No. 123/2024\n\nThe meeting of 5 March 2024 is cancelled.\n"),
                         ("fr", "N° 123/2024\n\nLa réunion du 5 mars 2024 est annulée.\n"),
                         ("km", "សូម\u{200B}អរគុណ\u{200B}ច្រើន។\n\nខ្ញុំ\u{200B}ចូលចិត្ត\u{200B}បាយ\u{200B}ណាស់។\n")]
        // The Khmer is not a translation: every unit is flagged "review".
        var arguments = ["align"]
        for (language, text) in documents {
            let path = folder + "/note.\(language).txt"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            arguments.append("\(language)=\(path)")
        }
        let result = try CLI.run(arguments, environment: ["COLUMNS": "120"])
        #expect(result.status == 0, "\(result.stderr)")
        // A unit's first row: its confidence, then its three-language bead ("0.20 1-1-0 review …").
        let rows = result.stdout.split(separator: "\n").filter { $0.range(of: #"^[01]\.[0-9]{2} [0-9]-[0-9]-[0-9] "#, options: .regularExpression) != nil }
        #expect(rows.count >= 2, "\(result.stdout)")
        for row in rows {
            #expect(row.contains("review "), "\(row)")
            #expect(!row.contains("reviewNo.") && !row.contains("reviewThe"), "\(row)")
        }
    }

    @Test("m1: no help text cites an internal review", arguments: [["check"], ["mine"], ["glossary", "check"]])
    func helpTexts(command: [String]) throws {
        let help = try CLI.run(command + ["--help"])
        #expect(help.stdout.contains("--lossy"))
        #expect(!help.stdout.contains("review 11"), "\(help.stdout)")
    }
}

/// Acceptance review 1201a, m3 and m5: what `glossary terms` and `stats` print.
@Suite("Review 1201a: glossary terms says when it finds nothing; stats' review headline names unreviewed texts")
struct Review1201aOutputCLITests {
    @Test("m3: a text without any termbase term: a line on stderr, nothing on stdout, exit 0; --json stays []")
    func termsNothingFound() throws {
        let memory = GlossaryCLITests.memory()
        let result = try CLI.run(["glossary", "terms", "--memory", memory, "-"], stdin: "Hello world.\n")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no termbase term found"), "\(result.stderr)")
        let json = try CLI.run(["glossary", "terms", "--json", "--memory", memory, "-"], stdin: "Hello world.\n")
        #expect(json.status == 0 && json.stderr.isEmpty, "\(json.stderr)")
        let found = try CLI.run(["glossary", "terms", "--memory", memory, "-"], stdin: "ព្រះរាជាណាចក្រ\u{200B}ថៃ\n")
        #expect(found.stdout.contains("iso3166-1:TH") && !found.stderr.contains("no termbase term"), "\(found.stderr)")
    }

    @Test("m5: the seeded memory's review headline says its Khmer texts are unreviewed")
    func statsHeadline() throws {
        let home = Scratch.path("verbale-cli-1201a-home", suffix: "")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let result = try CLI.run(["stats"], environment: ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("xdg").path])
        #expect(result.status == 0, "\(result.stderr)")
        let headline = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Review: ") })
        #expect(headline.contains("texts marked unreviewed:") && headline.contains("km "), "\(headline)")
    }
}
