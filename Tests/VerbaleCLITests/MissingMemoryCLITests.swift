import Foundation
import Testing

/// Finding F9: a command that only reads the memory must not create one at a mistyped path.
@Suite("a missing explicit memory")
struct MissingMemoryCLITests {
    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("verbale-missing-\(UUID().uuidString)")
    }

    @Test("read-only commands refuse a --memory or VERBALE_MEMORY path that does not exist, and create nothing there")
    func readersRefuse() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("typo/memory.sqlite").path
        let readers: [[String]] = [["concordance", "honour"], ["concordance", "--lang", "km", "សូមគោរព"], ["stats"],
                                   ["export", "--format", "tmx", "-"], ["search", "has the honour"], ["suggest", "-"]]
        for arguments in readers {
            let given = try CLI.run(arguments + ["--memory", memory], stdin: "The Embassy has the honour to inform.")
            #expect(given.status != 0 && given.status < 128, "\(arguments): status \(given.status)")
            #expect(given.stderr.contains("no memory at \(memory); `verbale import` creates one"), "\(arguments): \(given.stderr)")
            let environment = try CLI.run(arguments, stdin: "The Embassy has the honour to inform.", environment: ["VERBALE_MEMORY": memory])
            #expect(environment.status != 0 && environment.stderr.contains("no memory at \(memory)"), "\(arguments): \(environment.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path), "a reading command created \(folder.path)")
    }

    @Test("import creates the memory at an explicit path, and the readers then use it (Khmer included)")
    func importCreates() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("new/memory.sqlite").path
        let table = "en\tkm\nThe Embassy has the honour to inform the Ministry.\tស្ថានទូតមានកិត្តិយសសូមជម្រាបជូនក្រសួង។\n"
        let imported = try CLI.run(["import", "--memory", memory, "--format", "tsv", "-"], stdin: table)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: memory))
        let found = try CLI.run(["concordance", "--memory", memory, "កិត្តិយស"])
        #expect(found.status == 0 && found.stdout.contains("កិត្តិយស"), "\(found.stderr)")
    }

    @Test("the default location is still created and seeded on a fresh HOME: draft new and stats work")
    func defaultStillCreated() throws {
        let home = Self.scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "XDG_DATA_HOME": "", "VERBALE_MEMORY": ""]
        let draft = try CLI.run(["draft", "new", "--from", "Permanent Mission of the Kingdom of Cambodia",
                                 "--to", "Office of the High Commissioner for Human Rights", "--purpose", "transmit",
                                 "--ref", "N. 2021/01/045", "--place", "Geneva", "--date", "2021-01-12"], environment: environment)
        #expect(draft.status == 0, "\(draft.stderr)")
        let stats = try CLI.run(["stats"], environment: environment)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/verbale/memory.sqlite").path))
    }
}
