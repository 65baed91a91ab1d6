import Foundation
import Testing
import VerbaleTestSupport

/// `verbale align --archive`, on our own English/French/Khmer notes in `Fixtures/align/archive`.
@Suite("verbale align --archive")
struct AlignArchiveCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/align/archive")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    typealias Output = AlignCLITests.Output

    @Test("--json gives the units of every set of the manifest, each with its manifest line")
    func json() throws {
        let result = try CLI.run(["align", "--archive", Self.fixture("archive.tsv"), "--json", "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        // Line 1 is a comment, line 3 blank: the sets are lines 2 and 4 (line 4 lists km first).
        #expect(output.documents?.map(\.line) == [2, 4])
        #expect(output.documents?.last?.files["km"]?.hasSuffix("note2.km.txt") == true)
        let first = output.units.filter { $0.document == 2 }, second = output.units.filter { $0.document == 4 }
        #expect(first.count == 5 && second.count == 4, "\(output.units.map { ($0.document, $0.bead) })")
        #expect(output.units.count == first.count + second.count)
        #expect(output.units.allSatisfy { Set($0.variants.keys) == ["en", "fr", "km"] && $0.bead == "1-1-1" })
        let meeting = try #require(second.first { $0.variants["en"]?.hasPrefix("The meeting") == true })
        #expect(meeting.variants["fr"] == "La réunion aura lieu le 3 mai 2024 au ministère.")
        // Real Khmer, with its zero-width spaces and Khmer digits, kept as written.
        #expect(meeting.variants["km"] == "កិច្ចប្រជុំ\u{200B}នឹង\u{200B}ប្រព្រឹត្តទៅ\u{200B}នៅ\u{200B}ថ្ងៃទី៣ ខែឧសភា ឆ្នាំ២០២៤ នៅ\u{200B}ក្រសួង។")
        let members = try #require(first.first { $0.variants["fr"] == "Elle sera composée de 5 membres." })
        #expect(members.variants["km"]?.contains("៥") == true)
    }

    @Test("Without --archive, --json has no document field (the issue-6 output is unchanged)")
    func singleUnchanged() throws {
        let result = try CLI.run(["align", "en=" + Self.fixture("note1.en.txt"), "fr=" + Self.fixture("note1.fr.txt"), "--json", "--no-glossary"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.units.count == 5 && output.units.allSatisfy { $0.document == nil })
        #expect(output.documents == nil)
    }

    @Test("A manifest read from standard input aligns English with Khmer into a TMX with every set's units")
    func standardInputToTMX() throws {
        let manifest = "en=\(Self.fixture("note1.en.txt"))\tkm=\(Self.fixture("note1.km.txt"))\n"
            + "km=\(Self.fixture("note2.km.txt"))\ten=\(Self.fixture("note2.en.txt"))\n"
        let result = try CLI.run(["align", "--archive", "-", "--tmx", "-", "--no-glossary"], stdin: manifest)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "</tu>").count - 1 == 9, "\(result.stdout)")
        #expect(result.stdout.contains("ក្រសួងការបរទេស\u{200B}សូម"))
        #expect(result.stdout.contains("note2.km.txt"), "each unit names the files it came from")
    }

    @Test("A missing file is refused naming the manifest, its line and the file; nothing is aligned")
    func missingFile() throws {
        let dir = try Scratch.folder("verbale-archive")
        let manifest = dir.appendingPathComponent("notes.tsv")
        try Data("en=\(Self.fixture("note1.en.txt"))\tfr=\(Self.fixture("note1.fr.txt"))\nen=\(Self.fixture("note2.en.txt"))\tfr=absent.fr.txt\n".utf8).write(to: manifest)
        let result = try CLI.run(["align", "--archive", manifest.path, "--json"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("notes.tsv:2:") && result.stderr.contains("fr=absent.fr.txt") && result.stderr.contains("no such file"), "\(result.stderr)")
    }

    @Test("A line in other languages is refused naming its line and both sets of languages")
    func otherLanguages() throws {
        let manifest = "en=\(Self.fixture("note1.en.txt"))\tfr=\(Self.fixture("note1.fr.txt"))\n"
            + "# a comment\n"
            + "en=\(Self.fixture("note2.en.txt"))\tkm=\(Self.fixture("note2.km.txt"))\n"
        let result = try CLI.run(["align", "--archive", "-"], stdin: manifest)
        #expect(result.status != 0)
        #expect(result.stderr.contains("<stdin>:3:") && result.stderr.contains("(en, km)") && result.stderr.contains("(en, fr"), "\(result.stderr)")
    }

    @Test("Bad manifests and mixed usage get clear errors")
    func badUsage() throws {
        let both = try CLI.run(["align", "en=" + Self.fixture("note1.en.txt"), "fr=" + Self.fixture("note1.fr.txt"), "--archive", Self.fixture("archive.tsv")])
        #expect(both.status != 0 && both.stderr.contains("not both"), "\(both.stderr)")
        let oneField = try CLI.run(["align", "--archive", "-"], stdin: "en=\(Self.fixture("note1.en.txt"))\n")
        #expect(oneField.status != 0 && oneField.stderr.contains("<stdin>:1:") && oneField.stderr.contains("tabs"), "\(oneField.stderr)")
        let empty = try CLI.run(["align", "--archive", "-"], stdin: "# nothing yet\n\n")
        #expect(empty.status != 0 && empty.stderr.contains("lists no documents"), "\(empty.stderr)")
        let unknown = try CLI.run(["align", "--archive", "-"], stdin: "en=\(Self.fixture("note1.en.txt"))\tde=\(Self.fixture("note1.fr.txt"))\n")
        #expect(unknown.status != 0 && unknown.stderr.contains("<stdin>:1:") && unknown.stderr.contains("de"), "\(unknown.stderr)")
        let absent = try CLI.run(["align", "--archive", "/nonexistent/archive.tsv"])
        #expect(absent.status != 0 && absent.stderr.contains("/nonexistent/archive.tsv") && absent.stderr.contains("no such file"), "\(absent.stderr)")
    }

    @Test("--help teaches --archive with an example")
    func help() throws {
        let result = try CLI.run(["align", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--archive <file>"))
        #expect(result.stdout.contains("verbale align --archive archive.tsv"))
    }
}
