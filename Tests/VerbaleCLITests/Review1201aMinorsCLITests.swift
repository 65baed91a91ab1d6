import Foundation
import Testing
import VerbaleTestSupport

/// Acceptance review 1201a, m7, m12, m11 and m8: empty `draft new` values, the missing-memory
/// wording of the glossary commands, a language a concept has no term in, and the full stop
/// after `draft translate`'s last ⟦…⟧.
@Suite("Review 1201a: draft new refuses empty values; glossary lookup's missing memory and missing Khmer")
struct Review1201aMinorsCLITests {
    static let draft = ["draft", "new", "--from", "Embassy of the Kingdom of Cambodia", "--to", "Embassy of Japan",
                        "--purpose", "inform", "--date", "2024-01-01", "--lang", "en,km"]

    @Test("m7: an empty or blank --ref or --place is a usage mistake (64) naming the option; nothing is printed",
          arguments: [("--ref", ""), ("--place", ""), ("--ref", "   "), ("--place", " \u{200B} ")])
    func emptyValueRefused(option: String, value: String) throws {
        let other = option == "--ref" ? ["--place", "ភ្នំពេញ"] : ["--ref", "No. 12/2024"]
        let result = try CLI.run(Self.draft + [option, value] + other)
        #expect(result.status == 64, "\(result.stdout)")
        #expect(result.stderr.contains("\(option) must not be empty"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    @Test("m7 guard: a Khmer --place and a --ref are rendered; without them the note keeps its placeholders")
    func givenValuesStillWork() throws {
        let given = try CLI.run(Self.draft + ["--ref", "No. 12/2024", "--place", "ភ្នំពេញ"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("ធ្វើនៅ") && !given.stdout.contains("[untranslated: ]"), "\(given.stdout)")
        let omitted = try CLI.run(Self.draft)
        #expect(omitted.status == 0, "\(omitted.stderr)")
    }

    @Test("m12: a missing --memory path says only the default memory is created on first use, and how to make one there")
    func missingMemoryWording() throws {
        let memory = GlossaryCLITests.missingMemory()
        let result = try CLI.run(["glossary", "lookup", "--memory", memory, "ស្ថានទូត"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("no memory at \(memory)"), "\(result.stderr)")
        #expect(result.stderr.contains("only the default memory is created"), "\(result.stderr)")
        #expect(result.stderr.contains("verbale glossary import --memory \(memory)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: memory))
        let help = try CLI.run(["glossary", "lookup", "--help"], environment: ["COLUMNS": "400"])
        #expect(help.stdout.contains("must already exist"), "\(help.stdout)")
    }

    @Test("m11: --to km on a concept with no Khmer term says there is none; a concept with one shows it")
    func noKhmerTermSaid() throws {
        let memory = GlossaryCLITests.memory()
        let none = try CLI.run(["glossary", "lookup", "--memory", memory, "--to", "km", "Minister Plenipotentiary"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout.contains("km    (no Khmer term in the glossary)"), "\(none.stdout)")
        let thai = try CLI.run(["glossary", "lookup", "--memory", memory, "--to", "km", "Kingdom of Thailand"])
        #expect(thai.status == 0, "\(thai.stderr)")
        #expect(thai.stdout.contains("ព្រះរាជាណាចក្រ") && !thai.stdout.contains("no Khmer term"), "\(thai.stdout)")
        // Without --to nothing is said about the languages a concept lacks (all are shown).
        let all = try CLI.run(["glossary", "lookup", "--memory", memory, "Minister Plenipotentiary"])
        #expect(!all.stdout.contains("no Khmer term"), "\(all.stdout)")
    }

    @Test("m8: draft translate of a Khmer sentence ending in untranslated words puts the full stop after ⟦…⟧, as \".\" in English and French")
    func khmerFullStopAfterMarks() throws {
        let body = "ស្ថានទូតនៃព្រះរាជាណាចក្រកម្ពុជា សូមគោរពជូនចំពោះក្រសួងការបរទេស ហើយមានកិត្តិយសសូមជម្រាបជូន ថា កិច្ចប្រជុំនៅថ្ងៃទី៥ ខែឧសភា ឆ្នាំ២០២៤ ត្រូវបានលុបចោល។\n"
        let result = try CLI.run(["draft", "translate", "-", "--to", "en,fr"], stdin: body,
                                 environment: ["VERBALE_MEMORY": "", "XDG_DATA_HOME": Scratch.path("verbale-empty-m8").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("has the honour to inform ⟦ថា កិច្ចប្រជុំនៅ⟧ 5 May 2024 ⟦ត្រូវបានលុបចោល⟧."), "\(result.stdout)")
        #expect(result.stdout.contains("a l'honneur d'informer ⟦ថា កិច្ចប្រជុំនៅ⟧ 5 mai 2024 ⟦ត្រូវបានលុបចោល⟧."), "\(result.stdout)")
        #expect(!result.stdout.contains("។⟧"), "\(result.stdout)")
    }
}
