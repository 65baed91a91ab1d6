import Foundation
import Testing
import VerbaleTestSupport

/// Review 30 Nov, m13, end to end: the review's Khmer sentence stored with U+200B between its
/// words, searched without them, with U+FEFF, and with spaces, scores 100; a diff between two
/// spellings that look alike names the invisible character instead of showing the text twice.
@Suite("verbale search: Khmer differing in invisible characters")
struct KhmerInvisibleFormCLITests {
    static let stored = "ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ក្រសួង\u{200B}ការបរទេស។"

    static func memory() throws -> String {
        let file = Scratch.path("invisible-form", suffix: ".tsv")
        try Data("en\tkm\nThe Embassy presents its compliments to the Ministry of Foreign Affairs.\t\(stored)\n".utf8).write(to: file)
        return file.path
    }

    @Test("Without U+200B, with U+FEFF, with spaces between the words: 100 and no diff (ក្រសួង​ការបរទេស is one glossary name)")
    func hundred() throws {
        let memory = try Self.memory()
        for query in [Self.stored.replacingOccurrences(of: "\u{200B}", with: ""), Self.stored.replacingOccurrences(of: "\u{200B}", with: "\u{FEFF}"),
                      Self.stored.replacingOccurrences(of: "\u{200B}", with: " ")] {
            let result = try CLI.run(["search", "--memory", memory, "--lang", "km", "--to", "en", query])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("100%"), "\(query): \(result.stdout)")
            #expect(!result.stdout.contains("diff:"), "\(result.stdout)")
        }
    }

    @Test("A U+200C inside the name is named in the diff, not shown as two identical strings")
    func namedDifference() throws {
        let query = Self.stored.replacingOccurrences(of: "ក្រសួង\u{200B}ការបរទេស", with: "ក្រសួង\u{200C}ការបរទេស")
        let result = try CLI.run(["search", "--memory", try Self.memory(), "--lang", "km", "--to", "en", query])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(U+200C added)"), "\(result.stdout)")
        #expect(!result.stdout.contains("→"), "\(result.stdout)")
    }
}
