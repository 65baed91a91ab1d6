import Foundation
import Testing
import VerbaleTestSupport

/// Review 1130f, m6: `glossary lookup -` looked up the term "-" (exit 1) where `search -` and
/// `concordance -` read their query from standard input.
@Suite("verbale: review 1130f — glossary lookup reads its term from standard input")
struct Review1130fCLITests {
    @Test("m6: glossary lookup - reads the term from standard input (Khmer too), and an empty one is a usage error")
    func lookupReadsStandardInput() throws {
        let memory = GlossaryCLITests.memory()
        let typed = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "Kingdom of Thailand"])
        #expect(typed.status == 0, "\(typed.stderr)")
        let piped = try CLI.run(["glossary", "lookup", "--json", "--memory", memory, "-"], stdin: "Kingdom of Thailand\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == typed.stdout)
        let khmer = try CLI.run(["glossary", "lookup", "--lang", "km", "--memory", memory, "-"], stdin: "ព្រះរាជាណាចក្រ​ថៃ\n")
        #expect(khmer.status == 0, "\(khmer.stderr)")
        #expect(khmer.stdout.contains("Thailand"), "\(khmer.stdout)")
        let empty = try CLI.run(["glossary", "lookup", "--memory", memory, "-"], stdin: "\n")
        #expect(empty.status == 64, "\(empty.stderr)")
    }
}
