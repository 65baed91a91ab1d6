import Foundation
import Testing

/// `draft translate --help` spoke of "review 1130g m3", a reference of ours, in `--lossy`'s
/// text (review 1201a m1): the user reads what the flag does, not where it came from.
@Suite("draft translate --help: no internal review reference")
struct DraftTranslateHelpCLITests {
    @Test("--lossy says what it does and names no review")
    func lossyHelp() throws {
        let help = try CLI.run(["draft", "translate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--lossy"), "\(help.stdout)")
        #expect(help.stdout.contains("U+FFFD"), "\(help.stdout)")
        #expect(!help.stdout.contains("review 1130"), "\(help.stdout)")
    }
}
