import Foundation
import Testing
import VerbaleTestSupport

@Suite("verbale tokenize")
struct TokenizeCommandTests {
    @Test("Each input line gives one line of tokens separated by single spaces, blank lines kept")
    func lines() throws {
        let result = try CLI.run(["tokenize", "--lang", "en", "-"], stdin: "The Embassy  presents\n\nits compliments.\n")
        #expect(result.status == 0)
        #expect(result.stdout == "The Embassy presents\n\nits compliments .\n")
    }

    @Test("Without --lang, Khmer script is detected and segmented into words without U+200B")
    func detectsKhmer() throws {
        let result = try CLI.run(["tokenize", "-"], stdin: "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា ឆ្នាំ២០២១។\n")
        #expect(result.status == 0)
        #expect(result.stdout == "ព្រះរាជាណាចក្រ កម្ពុជា ឆ្នាំ ២០២១ ។\n")
    }

    @Test("Without --lang, French text is detected and its elisions split")
    func detectsFrench() throws {
        let result = try CLI.run(["tokenize", "-"], stdin: "L’Ambassade de France présente ses compliments et a l'honneur de transmettre la note.\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("L’ Ambassade de France"))
        #expect(result.stdout.contains(" l' honneur "))
    }

    @Test("--json prints offsets in Unicode scalars, keys and placeables")
    func json() throws {
        let result = try CLI.run(["tokenize", "--json", "--placeables", "--lang", "en", "-"], stdin: "Note No. 2021/01/045 of 12 January 2021\n")
        #expect(result.status == 0)
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[[String: Any]]])
        #expect(lines.count == 1)
        let tokens = lines[0]
        #expect(tokens.map { $0["text"] as? String } == ["Note", "No. 2021/01/045", "of", "12 January 2021"])
        #expect(tokens[1]["start"] as? Int == 5 && tokens[1]["end"] as? Int == 20)
        #expect((tokens[3]["placeable"] as? [String: String])?["value"] == "2021-01-12")
        #expect(tokens[0]["key"] as? String == "note")
    }

    @Test("An unknown or malformed --lang is a clear error listing the supported languages", arguments: ["de", "english", "fr--FR"])
    func badLanguage(tag: String) throws {
        let result = try CLI.run(["tokenize", "--lang", tag, "-"], stdin: "Hello\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("en"))
        #expect(result.stderr.contains(tag))
        #expect(result.stdout.isEmpty)
    }

    @Test("Invalid UTF-8 is refused with its byte offset; empty input prints nothing")
    func badInput() throws {
        let file = Scratch.path("verbale-tokenize", suffix: ".txt")
        try Data([0x41, 0x20, 0xC3, 0x28, 0x0A]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = try CLI.run(["tokenize", file.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("byte 2"))
        let empty = try CLI.run(["tokenize", "-"], stdin: "")
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }
}
