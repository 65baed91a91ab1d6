import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130b: `align` on documents that are not translations of each other (M4), `draft
/// translate` into the draft's own language (m12), and a folder given as the input file (m10).
@Suite("verbale align/draft translate/segment: review 1130b findings")
struct ReviewFindingsCLITests {
    static let english = "The meeting will take place in Geneva.\nThe delegation consists of five members.\nThe agenda is attached.\n"
    /// "Thank you very much." / "The weather is nice today. I like rice." (the review's mis.km.txt).
    static let khmer = "សូម\u{200B}អរគុណ\u{200B}ច្រើន។\nអាកាសធាតុ\u{200B}ល្អ\u{200B}ណាស់\u{200B}ថ្ងៃនេះ។ ខ្ញុំ\u{200B}ចូលចិត្ត\u{200B}បាយ។\n"

    struct Output: Decodable {
        struct Unit: Decodable { var confidence: Double; var review: Bool; var bead: String }
        struct Model: Decodable { var unrelated: Bool; var beads: Int; var supported_beads: Int }
        var units: [Unit]
        var length_models: [Model]
    }

    @Test("An unrelated English/Khmer pair: a warning on stderr, every unit flagged with low confidence, imported unreviewed")
    func unrelatedPair() throws {
        let folder = try Scratch.folder("verbale-mis")
        let en = folder.appendingPathComponent("mis.en.txt"), km = folder.appendingPathComponent("mis.km.txt")
        try Data(Self.english.utf8).write(to: en)
        try Data(Self.khmer.utf8).write(to: km)
        let result = try CLI.run(["align", "en=\(en.path)", "km=\(km.path)", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("these documents do not look like translations of each other"), "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(!output.units.isEmpty && output.units.allSatisfy { $0.review && $0.confidence < 0.5 })
        #expect(output.length_models.first?.unrelated == true)
        let memory = folder.appendingPathComponent("mis.sqlite").path
        let imported = try CLI.run(["align", "en=\(en.path)", "km=\(km.path)", "--import"], environment: ["VERBALE_MEMORY": memory])
        #expect(imported.status == 0, "\(imported.stderr)")
        let search = try CLI.run(["search", "--to", "km", "The meeting will take place in Geneva."], environment: ["VERBALE_MEMORY": memory])
        #expect(search.stdout.contains("[unreviewed]"), "\(search.stdout)")
    }

    @Test("A true English/French pair gives no warning and is not judged unrelated")
    func truePair() throws {
        let folder = try Scratch.folder("verbale-true")
        let en = try AlignCLITests.write(AlignCLITests.english, "a.en.txt", in: folder)
        let fr = try AlignCLITests.write(AlignCLITests.french, "a.fr.txt", in: folder)
        let result = try CLI.run(["align", "en=\(en)", "fr=\(fr)", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("do not look like translations"), "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.length_models.first?.unrelated == false)
        #expect(output.units.contains { !$0.review })
    }

    @Test("draft translate into the draft's own language: refused alone, skipped with a note beside another")
    func ownLanguage() throws {
        let environment = ["VERBALE_MEMORY": "", "XDG_DATA_HOME": Scratch.path("verbale-empty").path]
        let draft = "The Embassy presents its compliments to the Ministry.\n"
        let alone = try CLI.run(["draft", "translate", "-", "--to", "en"], stdin: draft, environment: environment)
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("already English"), "\(alone.stderr)")
        let beside = try CLI.run(["draft", "translate", "-", "--to", "en,fr"], stdin: draft, environment: environment)
        #expect(beside.status == 0, "\(beside.stderr)")
        #expect(beside.stderr.contains("--to en skipped"), "\(beside.stderr)")
        #expect(beside.stdout.contains("Ambassade"), "\(beside.stdout)")
        let khmer = try CLI.run(["draft", "translate", "-", "--to", "km"], stdin: "ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ក្រសួង។\n", environment: environment)
        #expect(khmer.status == 64)
        #expect(khmer.stderr.contains("already Khmer"), "\(khmer.stderr)")
    }

    @Test("A folder given as the input file: \"PATH: is a folder, not a file\", exit 64, in segment and align alike")
    func folderAsFile() throws {
        let folder = try Scratch.folder("verbale-folder")
        let fr = try AlignCLITests.write(AlignCLITests.french, "a.fr.txt", in: folder)
        for arguments in [["segment", folder.path], ["tokenize", folder.path], ["align", "en=\(folder.path)", "fr=\(fr)"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 64, "\(arguments[0]): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("\(folder.path): is a folder, not a file"), "\(arguments[0]): \(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
    }
}
