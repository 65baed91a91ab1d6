import Foundation
import Testing
import VerbaleCore
import VerbaleTestSupport

@Suite("verbale segment")
struct SegmentCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/segmentation")

    @Test("Prints one segment per line, line breaks inside a segment as spaces")
    func lines() throws {
        let result = try CLI.run(["segment", "--lang", "en", "-"], stdin: "It was a cold \nnight in the city. H.E. Mr. Sok left.\n\nGeneva, 12 January 2021\n")
        #expect(result.status == 0)
        #expect(result.stdout == "It was a cold night in the city.\nH.E. Mr. Sok left.\nGeneva, 12 January 2021\n")
    }

    @Test("--json gives text, start and end in Unicode scalars")
    func json() throws {
        let input = "😀 Hi. ខ្ញុំ។ Bye."
        let result = try CLI.run(["segment", "--json", "--lang", "km", "-"], stdin: input)
        #expect(result.status == 0)
        struct Row: Decodable { var text: String; var start: Int; var end: Int }
        let rows = try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
        let scalars = Array(input.unicodeScalars)
        #expect(rows.count == 3)
        for row in rows {
            #expect(String(String.UnicodeScalarView(scalars[row.start..<row.end])) == row.text)
        }
    }

    @Test("Mixed Khmer and Latin: the same segments detected, with --lang km and with --lang en (audit F27)")
    func mixedScripts() throws {
        let note = "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}។ Mr. Dupont will arrive.\n"
        let expected = "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}។\nMr. Dupont will arrive.\n"
        for arguments in [["segment", "-"], ["segment", "--lang", "km", "-"], ["segment", "--lang", "en", "-"]] {
            let result = try CLI.run(arguments, stdin: note)
            #expect(result.status == 0)
            #expect(result.stdout == expected, "\(arguments)")
        }
    }

    @Test("Mixed Khmer and Latin under --lang fr: the same segments as under km, en and detection (Mr. does not end a sentence)")
    func mixedScriptsUnderFrench() throws {
        let note = "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}។ Mr. Dupont will arrive.\n"
        let result = try CLI.run(["segment", "--lang", "fr", "-"], stdin: note)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}។\nMr. Dupont will arrive.\n")
        for language in ["km", "en"] {
            #expect(try CLI.run(["segment", "--lang", language, "-"], stdin: note).stdout == result.stdout, "\(language)")
        }
        #expect(try CLI.run(["segment", "-"], stdin: note).stdout == result.stdout)
    }

    @Test("--json offsets do not count a byte-order mark: UTF-8 and UTF-16 files with one give the offsets of the file without")
    func byteOrderMark() throws {
        let text = "ស្ថានទូត​មាន​កិត្តិយស។ Mr. Dupont will arrive.\n"
        let folder = try Scratch.folder("verbale-bom")
        defer { try? FileManager.default.removeItem(at: folder) }
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let files = [("plain.txt", Data(text.utf8)), ("utf8-bom.txt", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)), ("utf16-bom.txt", utf16)]
        struct Row: Decodable, Equatable { var text: String; var start: Int; var end: Int }
        var outputs: [[Row]] = []
        for (name, data) in files {
            let file = folder.appendingPathComponent(name)
            try data.write(to: file)
            let result = try CLI.run(["segment", "--json", "--lang", "km", file.path])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            outputs.append(try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8)))
        }
        let scalars = Array(text.unicodeScalars)
        #expect(outputs[0].count == 2)
        for rows in outputs {
            #expect(rows == outputs[0])
            for row in rows { #expect(String(String.UnicodeScalarView(scalars[row.start..<row.end])) == row.text) }
        }
        #expect(outputs[0].first?.start == 0)
    }

    @Test("Empty input prints nothing and exits 0")
    func empty() throws {
        let result = try CLI.run(["segment", "-"], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test("Invalid UTF-8 is an error giving the byte offset; --lossy replaces it")
    func invalidUTF8() throws {
        let file = Scratch.path("verbale-bad", suffix: ".txt")
        try Data([0x48, 0x69, 0x2E, 0x20, 0xFF, 0x6F, 0x2E]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let strict = try CLI.run(["segment", file.path])
        #expect(strict.status != 0)
        #expect(strict.stderr.contains(":1:5: invalid UTF-8: byte 0xFF at byte 4"), "\(strict.stderr)")
        let lossy = try CLI.run(["segment", "--lossy", file.path])
        #expect(lossy.status == 0)
        #expect(lossy.stdout.contains("\u{FFFD}"))
    }

    @Test("Binary input is refused")
    func binary() throws {
        let file = Scratch.path("verbale-bin", suffix: ".bin")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["segment", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("binary"))
        #expect(result.stdout.isEmpty)
    }

    @Test("A malformed .srx is an error with its line and column; a bad regex names the rule")
    func badRules() throws {
        let broken = try CLI.run(["segment", "--rules", Self.fixtures.appendingPathComponent("broken.srx").path, "-"], stdin: "Hi.")
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("broken.srx:7:"))
        let regex = try CLI.run(["segment", "--rules", Self.fixtures.appendingPathComponent("bad-regex.srx").path, "-"], stdin: "Hi.")
        #expect(regex.status != 0)
        #expect(regex.stderr.contains("rule 2 of language rule \"Titles\""))
    }

    @Test("--rules uses the given SRX file")
    func customRules() throws {
        let result = try CLI.run(["segment", "--lang", "en-GB", "--rules", Self.fixtures.appendingPathComponent("custom.srx").path, "-"],
                                 stdin: "Your Excellency. Thank you; we agree.")
        #expect(result.status == 0)
        #expect(result.stdout == "Your Excellency. Thank you;\nwe agree.\n")
    }

    @Test("The seed note: one segment per sentence, heading and line",
          .enabled(if: SharedData.file("notes/seed-cambodia-ohchr-2021.txt") != nil, "../shared/data is absent"))
    func seed() throws {
        let path = try #require(SharedData.file("notes/seed-cambodia-ohchr-2021.txt")).path
        let result = try CLI.run(["segment", path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 23)
        #expect(lines[1] == "N. 2021/01/045")
        #expect(lines[5] == "Geneva, 12 January 2021")
    }
}
