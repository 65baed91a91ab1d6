import Foundation
import Testing
import VerbaleTestSupport

/// Review 1201b m8: `draft translate NOTE --to en --output F` wrote the whole text report into F
/// — the "=== en (English) — 75% of segments fully translated ===" header and the "---
/// segments (score, method, flags) ---" table around the note —, so F was not a note the
/// officer could edit and send, and `check F` flagged only the ⟦…⟧. Now F holds the note and
/// the report goes to standard error; several languages into one text file are refused; and
/// `check` flags a report line wherever it comes from (standard output redirected to a file).
@Suite("Review 1201b: draft translate --output writes the note alone; check flags report lines")
struct Review1201bDraftOutputCLITests {
    static let khmer = "ស្ថាន\u{200B}ទូត\u{200B}សូម\u{200B}ផ្ញើ\u{200B}ភ្ជាប់\u{200B}ជាមួយ\u{200B}នេះ\u{200B}នូវ\u{200B}កម្មវិធី\u{200B}នៃ\u{200B}កិច្ចប្រជុំ។\n"
    static let environment = ["VERBALE_MEMORY": "", "XDG_DATA_HOME": Scratch.path("verbale-1201b-output-empty").path]

    static func draft() throws -> (folder: URL, path: String) {
        let folder = try Scratch.folder("verbale-1201b-output")
        let path = folder.appendingPathComponent("km-note.txt").path
        try Data(khmer.utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    @Test("--output F in text: F is the translated note alone, the report is on stderr; without --output, stdout is as before")
    func outputIsTheNote() throws {
        let (folder, draft) = try Self.draft()
        let output = folder.appendingPathComponent("en-out.txt").path
        let written = try CLI.run(["draft", "translate", draft, "--to", "en", "--output", output], environment: Self.environment)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty, "\(written.stdout)")
        let file = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!file.contains("==="), "\(file)")
        #expect(!file.contains("--- segments"), "\(file)")
        #expect(!file.contains("[1] "), "\(file)")
        #expect(file.contains("⟦សូម\u{200B}ផ្ញើ"), "\(file)")
        #expect(written.stderr.contains("=== en (English) — "), "\(written.stderr)")
        #expect(written.stderr.contains("--- segments (score, method, flags) ---\n[1] "), "\(written.stderr)")

        // Standard output without --output: the report as it always was, the note inside it.
        let printed = try CLI.run(["draft", "translate", draft, "--to", "en"], environment: Self.environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix("=== en (English) — "), "\(printed.stdout)")
        #expect(printed.stdout.contains("--- segments (score, method, flags) ---\n[1] "), "\(printed.stdout)")
        #expect(printed.stdout.contains(file.trimmingCharacters(in: .newlines)), "\(printed.stdout)")

        // check F: the ⟦…⟧ is an error, no report line is.
        let checked = try CLI.run(["check", output], environment: Self.environment)
        #expect(checked.stdout.contains("[draft-untranslated]"), "\(checked.stdout)")
        #expect(!checked.stdout.contains("[draft-report]"), "\(checked.stdout)")
    }

    @Test("--output F in text with two languages: refused (exit 64) with the way out, F not written; markdown takes both")
    func severalLanguagesRefused() throws {
        let (folder, draft) = try Self.draft()
        let output = folder.appendingPathComponent("both.txt").path
        let refused = try CLI.run(["draft", "translate", draft, "--to", "en,fr", "--output", output], environment: Self.environment)
        #expect(refused.status == 64, "\(refused.status) \(refused.stderr)")
        #expect(refused.stderr.contains("one language"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        let markdown = try CLI.run(["draft", "translate", draft, "--to", "en,fr", "--format", "markdown", "--output", output],
                                   environment: Self.environment)
        #expect(markdown.status == 0, "\(markdown.stderr)")
    }

    @Test("check on the report saved from standard output: the header, table heading and row are errors at line:1")
    func checkFlagsRedirectedReport() throws {
        let (folder, draft) = try Self.draft()
        let printed = try CLI.run(["draft", "translate", draft, "--to", "en"], environment: Self.environment)
        let saved = folder.appendingPathComponent("redirected.txt").path
        try Data(printed.stdout.utf8).write(to: URL(fileURLWithPath: saved))
        let checked = try CLI.run(["check", saved], environment: Self.environment)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("redirected.txt:1:1: error: [draft-report]"), "\(checked.stdout)")
        let reportLines = checked.stdout.components(separatedBy: "\n").filter { $0.contains("[draft-report]") }
        #expect(reportLines.count == 3, "\(checked.stdout)")
    }
}
