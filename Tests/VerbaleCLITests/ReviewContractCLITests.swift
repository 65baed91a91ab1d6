import Foundation
import Testing
import VerbaleTestSupport

/// Small contract fixes from the acceptance review of 30 Nov (b): one spelling of the review
/// mark in every command, no `--pivot` silently ignored, a draft's XLIFF named after the draft.
@Suite("verbale concordance / align / draft translate: review mark, provenance, pivot, XLIFF names")
struct ReviewContractCLITests {
    @Test("concordance marks unreviewed Khmer [unreviewed], as search does, and names each unit's origin (review 1130b m7)")
    func concordanceMark() throws {
        let folder = try Scratch.folder("verbale-mark")
        let memory = folder.appendingPathComponent("m.sqlite").path
        let tmx = folder.appendingPathComponent("formulas.tmx")
        try Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu><tuv xml:lang="en"><seg>The Embassy avails itself of this opportunity.</seg></tuv>
        <tuv xml:lang="km"><prop type="x-review">unreviewed</prop><seg>ស្ថានទូត​សូម​ឆ្លៀត​ឱកាស​នេះ។</seg></tuv></tu>
        </body></tmx>
        """.utf8).write(to: tmx)
        #expect(try CLI.run(["import", "--memory", memory, tmx.path]).status == 0)
        let english = try CLI.run(["concordance", "--memory", memory, "avails itself"])
        #expect(english.status == 0)
        #expect(english.stdout.contains("km\tស្ថានទូត​សូម​ឆ្លៀត​ឱកាស​នេះ។  [unreviewed]"), "\(english.stdout)")
        #expect(!english.stdout.contains("(unreviewed)"))
        #expect(english.stdout.contains("from: formulas.tmx#"), "\(english.stdout)")
        let khmer = try CLI.run(["concordance", "--memory", memory, "ឱកាស"])
        #expect(khmer.stdout.contains("ស្ថានទូត​សូម​ឆ្លៀត​[[ឱកាស]]​នេះ។  [unreviewed]"), "\(khmer.stdout)")
    }

    @Test("align --pivot en with no English document is refused, naming the documents' languages (review 1130b m3)")
    func pivotNotAmongDocuments() throws {
        let folder = try Scratch.folder("verbale-pivot")
        let french = folder.appendingPathComponent("a.fr.txt")
        let khmer = folder.appendingPathComponent("a.km.txt")
        try Data("Le Ministère remercie l'Ambassade.\n".utf8).write(to: french)
        try Data("ក្រសួង​សូម​អរគុណ​ស្ថានទូត។\n".utf8).write(to: khmer)
        let refused = try CLI.run(["align", "fr=\(french.path)", "km=\(khmer.path)", "--pivot", "en", "--json"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("the pivot en is not among the documents"), "\(refused.stderr)")
        // Without --pivot, two documents with no English one pivot on the first.
        let defaulted = try CLI.run(["align", "fr=\(french.path)", "km=\(khmer.path)", "--json"])
        #expect(defaulted.status == 0, "\(defaulted.stderr)")
        #expect(defaulted.stdout.contains("\"pivot\" : \"fr\""), "\(defaulted.stdout)")
    }

    @Test("draft translate --format xliff names the draft in <file original> and keeps --to km-KH as trgLang (review 1130b m6)")
    func draftXLIFFNames() throws {
        let folder = try Scratch.folder("verbale-draft-xliff")
        let draft = folder.appendingPathComponent("agrement.en.txt")
        try Data("The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs.\n".utf8).write(to: draft)
        let file = try CLI.run(["draft", "translate", draft.path, "--to", "km-KH", "--format", "xliff"])
        #expect(file.status == 0, "\(file.stderr)")
        #expect(file.stdout.contains("trgLang=\"km-KH\""), "\(file.stdout)")
        #expect(file.stdout.contains("original=\"agrement.en.txt\""), "\(file.stdout)")
        #expect(!file.stdout.contains(folder.path))
        let piped = try CLI.run(["draft", "translate", "-", "--to", "fr", "--format", "xliff"], stdin: "The Embassy presents its compliments to the Ministry.\n")
        #expect(piped.stdout.contains("original=\"stdin\"") && piped.stdout.contains("trgLang=\"fr\""), "\(piped.stdout)")
    }

    @Test("draft new --lang km: the [unreviewed] mark sits on each recipient line with an unattested part, the ministry's name too (review 1130b m5)")
    func recipientMarks() throws {
        let result = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Ministry of Foreign Affairs of the Kingdom of Thailand",
                                  "--purpose", "request", "--place", "Bangkok", "--date", "2021-02-03", "--lang", "km"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let name = try #require(lines.firstIndex { $0.hasPrefix("ក្រសួងការបរទេស") }, "\(result.stdout)")
        #expect(lines[name].hasSuffix(" [unreviewed]"), "\(lines[name])")
        #expect(name + 1 < lines.count && lines[name + 1].hasPrefix("ទីក្រុងបាងកក") && lines[name + 1].hasSuffix(" [unreviewed]"), "\(result.stdout)")
        let json = try CLI.run(["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Ministry of Foreign Affairs of the Kingdom of Thailand",
                                "--purpose", "request", "--place", "Bangkok", "--lang", "km", "--json"])
        #expect(json.stdout.contains("\"unreviewedParts\""), "\(json.stdout)")
    }

    @Test("Exit statuses for 'nothing found' are the documented ones: 0 for search, concordance and glossary terms; 1 for glossary lookup, as grep (review 1130b m9)")
    func nothingFoundStatuses() throws {
        let folder = try Scratch.folder("verbale-exit")
        let environment = shippedMemoryEnvironment(folder)
        let search = try CLI.run(["search", "--json", "zzzz qqqq xxxx"], environment: environment)
        #expect(search.status == 0 && search.stdout.filter { !$0.isWhitespace } == "[]", "\(search.stdout) \(search.stderr)")
        let concordance = try CLI.run(["concordance", "zzzzqqqq"], environment: environment)
        #expect(concordance.status == 0, "\(concordance.stderr)")
        let terms = try CLI.run(["glossary", "terms", "-"], stdin: "zzzz qqqq\n", environment: environment)
        #expect(terms.status == 0, "\(terms.stderr)")
        let lookup = try CLI.run(["glossary", "lookup", "--lang", "km", "zzzzqqqq"], environment: environment)
        #expect(lookup.status == 1, "\(lookup.stdout) \(lookup.stderr)")
        let known = try CLI.run(["glossary", "lookup", "ព្រះរាជាណាចក្រកម្ពុជា"], environment: environment)
        #expect(known.status == 0, "\(known.stderr)")
        for (command, phrase) in [(["--help"], "glossary lookup exits\n        1 when no term matches"), (["search", "--help"], "Exit status: 0, also when nothing matches"),
                                  (["glossary", "lookup", "--help"], "1 when none does")] {
            let help = try CLI.run(command, environment: environment)
            #expect(help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
                        .contains(phrase.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "        ", with: "")), "\(command): \(help.stdout)")
        }
    }
}
