import Foundation
import GRDB
import Testing
import VerbaleTestSupport

/// The TMX 1.4 header our test files start with, up to and including `<body>`.
let tmxHead = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="tests" creationtoolversion="1" segtype="sentence" o-tmf="tests" adminlang="en" srclang="en" datatype="plaintext"/>
    <body>

    """

/// `count` EN–FR `<tu>` lines numbered from `start`: `english(i)` and `french(i)` give the texts.
func tmxUnits(count: Int, start: Int = 0, english: (Int) -> String = { "The Embassy presents its compliments, note \($0)." },
              french: (Int) -> String = { "L'Ambassade présente ses compliments, note \($0)." }) -> String {
    var text = ""
    for index in start..<(start + count) {
        text += "<tu><tuv xml:lang=\"en\"><seg>\(english(index))</seg></tuv><tuv xml:lang=\"fr\"><seg>\(french(index))</seg></tuv></tu>\n"
    }
    return text
}

/// Writes a TMX of `count` EN–FR units numbered from `start` (distinct texts, so none merge).
func writeTMX(count: Int, start: Int = 0, to url: URL) throws {
    try Data((tmxHead + tmxUnits(count: count, start: start) + "</body></tmx>\n").utf8).write(to: url)
}

/// Starts `verbale import --memory MEMORY ARGUMENTS…` in the background, its output discarded.
/// Starts `verbale import` on `memory`. Its standard error goes to `errorLog` when given (so a
/// test can say why a process failed: a rare failure under load is otherwise unexplained), else
/// to `VERBALE_TEST_IMPORT_LOG` when set, else nowhere.
func startImport(memory: URL, _ arguments: [String], input: Pipe? = nil, errorLog: URL? = nil) throws -> Process {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["import", "--memory", memory.path] + arguments
    if let input { process.standardInput = input }
    process.standardOutput = FileHandle.nullDevice
    if let errorLog {
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorLog)
    } else if let log = ProcessInfo.processInfo.environment["VERBALE_TEST_IMPORT_LOG"], let handle = FileHandle(forWritingAtPath: log) {
        handle.seekToEndOfFile()
        process.standardError = handle
    } else {
        process.standardError = FileHandle.nullDevice
    }
    try process.run()
    return process
}

/// The memory exported as TMX, without the lines that carry the export's own date.
func exportedLines(_ memory: URL) throws -> [Substring] {
    try CLI.run(["export", "--memory", memory.path, "--format", "tmx", "-"]).stdout
        .split(separator: "\n").filter { !$0.contains("creationdate") }
}

func temporaryFolder() throws -> URL {
    let folder = try Scratch.folder("verbale-cli")
    return folder
}

func unitCount(_ memory: URL) throws -> Int {
    let stats = try CLI.run(["stats", "--json", "--memory", memory.path])
    let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
    return object?["units"] as? Int ?? -1
}

@Suite("verbale import / export / concordance / stats")
struct MemoryCommandTests {
    @Test("import prints a JSON summary; stats, concordance and export see the units")
    func importThenUse() throws {
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("notes.tmx")
        try writeTMX(count: 20, to: tmx)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["import", "--json", "--memory", memory, tmx.path])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(summary?["added"] as? Int == 20)
        #expect(summary?["merged"] as? Int == 0)
        #expect(try unitCount(folder.appendingPathComponent("m.sqlite")) == 20)
        let again = try CLI.run(["import", "--json", "--memory", memory, tmx.path])
        let second = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(second?["merged"] as? Int == 20)
        let hits = try CLI.run(["concordance", "--memory", memory, "--limit", "3", "note 7"])
        #expect(hits.status == 0)
        #expect(hits.stdout.contains("[[note 7]]"))
        let export = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(export.status == 0)
        #expect(export.stdout.components(separatedBy: "</tu>").count - 1 == 20)
    }

    @Test("import --json says when opening the memory re-analysed its stored words first (after a Verbale upgrade), and only then")
    func importReportsReanalysis() throws {
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("notes.tmx")
        try writeTMX(count: 20, to: tmx)
        let memory = folder.appendingPathComponent("m.sqlite")
        let first = try CLI.run(["import", "--json", "--memory", memory.path, tmx.path])
        #expect(first.status == 0, "\(first.stderr)")
        let fresh = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(fresh?["added"] as? Int == 20)
        #expect(fresh?.keys.contains("reanalysed") == false, "a new memory is current")
        // As a Verbale from before the stamp left it: analysis unknown.
        let queue = try DatabaseQueue(path: memory.path)
        try queue.write { db in try db.execute(sql: "UPDATE analysis_stamp SET identity = ''") }
        try queue.close()
        try writeTMX(count: 5, start: 100, to: tmx)
        let upgraded = try CLI.run(["import", "--json", "--memory", memory.path, tmx.path])
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(upgraded.stdout.utf8)) as? [String: Any]
        #expect(summary?["added"] as? Int == 5)
        let reanalysed = summary?["reanalysed"] as? [String: Any]
        #expect(reanalysed?["previous"] as? String == "")
        #expect((reanalysed?["seconds"] as? Double).map { $0 >= 0 } == true)
        #expect(upgraded.stderr.contains("re-analysed"))
        let again = try CLI.run(["import", "--json", "--memory", memory.path, tmx.path])
        let current = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(current?["merged"] as? Int == 5)
        #expect(current?.keys.contains("reanalysed") == false, "re-analysed once, not on every open")
    }

    @Test("A TMX with no units imports nothing and says so")
    func emptyFile() throws {
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("empty.tmx")
        try writeTMX(count: 0, to: tmx)
        let result = try CLI.run(["import", "--memory", folder.appendingPathComponent("m.sqlite").path, tmx.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("holds no translation units"))
    }

    @Test("A malformed file imports nothing, even after good files, and names file and line")
    func malformed() throws {
        let folder = try temporaryFolder()
        let good = folder.appendingPathComponent("good.tmx")
        try writeTMX(count: 10, to: good)
        let bad = folder.appendingPathComponent("bad.tmx")
        try Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"fr\"><seg>b</tuv></tu></body></tmx>".utf8).write(to: bad)
        let memory = folder.appendingPathComponent("m.sqlite")
        let result = try CLI.run(["import", "--memory", memory.path, good.path, bad.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.tmx"))
        #expect(result.stderr.contains("nothing was imported"))
        // The memory did not exist: none is left there (review 1130, m9).
        #expect(!FileManager.default.fileExists(atPath: memory.path))
    }

    @Test("Import errors name the file once, and a folder given as a file says so (audit F11)")
    func errorsNameTheFileOnce() throws {
        let folder = try temporaryFolder()
        let bad = folder.appendingPathComponent("bad file.tmx")
        try Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"km\"><seg>ក</seg></tuv><tuv xml:lang=\"en\"><seg>b</tuv></tu></body></tmx>".utf8).write(to: bad)
        let memory = folder.appendingPathComponent("m.sqlite")
        let result = try CLI.run(["import", "--memory", memory.path, bad.path])
        #expect(result.status != 0)
        #expect(result.stderr.components(separatedBy: bad.path).count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("\(bad.path):3:"), "\(result.stderr)")
        let sub = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let folderResult = try CLI.run(["import", "--memory", memory.path, sub.path])
        #expect(folderResult.status != 0)
        #expect(folderResult.stderr.contains("is a folder"), "\(folderResult.stderr)")
        #expect(!folderResult.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test("A refused import leaves no new memory behind: an unwritable --report, a folder, an unreadable file")
    func refusedImportCreatesNoMemory() throws {
        let folder = try temporaryFolder()
        let good = folder.appendingPathComponent("good.tmx")
        try writeTMX(count: 3, to: good)
        let memory = folder.appendingPathComponent("new.sqlite")
        let unwritable = folder.appendingPathComponent("no such folder/report.tsv").path
        let refusals: [[String]] = [
            ["import", "--memory", memory.path, "--report", unwritable, good.path],
            ["import", "--memory", memory.path, folder.path],
            ["import", "--memory", memory.path, folder.appendingPathComponent("missing.tmx").path],
        ]
        for arguments in refusals {
            let result = try CLI.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            // A folder or a missing file is a usage error (exit 64) said as every command says
            // it, before anything is read (`FolderInputCLITests`); the report is an import failure.
            let said = arguments.last == folder.path ? "\(folder.path): is a folder, not a file"
                : arguments.last?.hasSuffix("missing.tmx") == true ? "missing.tmx: no such file" : "nothing was imported"
            #expect(result.stderr.contains(said), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: memory.path), "\(arguments) created \(memory.path)")
        }
        // A content error is found during the import, after the new memory was opened under a
        // hidden name: it is removed, so nothing exists at the path (review 1130, m9), and the
        // message says so rather than "unchanged".
        let truncated = folder.appendingPathComponent("truncated.tmx")
        try Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>".utf8).write(to: truncated)
        let other = folder.appendingPathComponent("other.sqlite")
        let failed = try CLI.run(["import", "--memory", other.path, truncated.path])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("nothing was imported (no memory was created at \(other.path))"), "\(failed.stderr)")
        #expect(!failed.stderr.contains("the memory is unchanged"))
        #expect(!FileManager.default.fileExists(atPath: other.path))
        #expect(try CLI.run(["import", "--memory", other.path, good.path]).status == 0)
        let again = try CLI.run(["import", "--memory", other.path, truncated.path])
        #expect(again.stderr.contains("the memory is unchanged"), "an existing memory is unchanged: \(again.stderr)")
        // The same import, accepted, creates it.
        #expect(try CLI.run(["import", "--memory", memory.path, good.path]).status == 0)
        #expect(try unitCount(memory) == 3)
    }

    @Test("Personal data is replaced by default and --report lists the originals")
    func report() throws {
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("p.tmx")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>H.E. Mr. Sok Chan, e-mail sok.chan@mfaic.gov.kh</seg></tuv><tuv xml:lang="km"><seg>ឯកឧត្តម សុខ ចាន់ អ៊ីមែល sok.chan@mfaic.gov.kh</seg></tuv></tu></body></tmx>
            """.utf8).write(to: tmx)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let reportFile = folder.appendingPathComponent("report.tsv")
        let result = try CLI.run(["import", "--memory", memory, "--report", reportFile.path, tmx.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 EMAIL"))
        let report = try String(contentsOf: reportFile, encoding: .utf8)
        #expect(report.contains("sok.chan@mfaic.gov.kh"))
        #expect(report.contains("សុខ ចាន់"))
        let export = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-"])
        #expect(!export.stdout.contains("sok.chan"))
        #expect(export.stdout.contains("ឯកឧត្តម {PERSON}"))
    }

    @Test("--report and export never write over the memory or an input, and an unwritable report stops the import before anything is kept (audit F25)")
    func outputsNeverOverwrite() throws {
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("notes.tmx")
        try writeTMX(count: 5, to: tmx)
        let memory = folder.appendingPathComponent("m.sqlite")
        #expect(try CLI.run(["import", "--memory", memory.path, tmx.path]).status == 0)
        let before = try exportedLines(memory)
        let input = try Data(contentsOf: tmx)
        // The memory itself, another spelling of it, its WAL, and the input.
        for (option, target) in [("--report", memory.path), ("--report", folder.path + "/./m.sqlite"), ("--report", memory.path + "-wal"), ("--report", tmx.path)] {
            let result = try CLI.run(["import", "--memory", memory.path, option, target, tmx.path])
            #expect(result.status != 0, "\(target)")
            #expect(result.stderr.contains("refusing to write over it"), "\(result.stderr)")
        }
        let export = try CLI.run(["export", "--memory", memory.path, "--format", "tmx", memory.path])
        #expect(export.status != 0)
        #expect(export.stderr.contains("is the memory"))
        #expect(try exportedLines(memory) == before)
        #expect(try Data(contentsOf: tmx) == input)
        // A report in a folder that does not exist: refused before the import, nothing added.
        let other = folder.appendingPathComponent("other.tmx")
        try writeTMX(count: 3, start: 100, to: other)
        let missing = folder.appendingPathComponent("no-such-folder/report.tsv").path
        let refused = try CLI.run(["import", "--memory", memory.path, "--report", missing, other.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("nothing was imported"), "\(refused.stderr)")
        #expect(try unitCount(memory) == 5)
        // A good report is written, readable by its owner only; a failed import leaves no empty report behind.
        let report = folder.appendingPathComponent("report.tsv").path
        #expect(try CLI.run(["import", "--memory", memory.path, "--report", report, other.path]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: report)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let bad = folder.appendingPathComponent("bad.tmx")
        try Data("<tmx version=\"1.4\"><body><tu>".utf8).write(to: bad)
        let unused = folder.appendingPathComponent("unused-report.tsv").path
        #expect(try CLI.run(["import", "--memory", memory.path, "--report", unused, bad.path]).status != 0)
        #expect(!FileManager.default.fileExists(atPath: unused))
    }

    @Test("Four imports started together on a memory that does not exist yet all succeed (audit F23: one failed with 'table … already exists')")
    func concurrentFirstUse() throws {
        for round in 0..<3 {
            let folder = try temporaryFolder()
            let memory = folder.appendingPathComponent("fresh-\(round).sqlite")
            var files: [URL] = []
            for index in 0..<4 {
                let file = folder.appendingPathComponent("in-\(index).tmx")
                try writeTMX(count: 20, start: index * 100, to: file)
                files.append(file)
            }
            let logs = files.map { $0.appendingPathExtension("stderr") }
            let processes = try zip(files, logs).map { try startImport(memory: memory, [$0.path], errorLog: $1) }
            for process in processes { process.waitUntilExit() }
            let errors = logs.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
            #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0], "round \(round): \(zip(processes, errors).filter { $0.0.terminationStatus != 0 }.map(\.1))")
            #expect(try unitCount(memory) == 80)
        }
    }

    @Test("Two imports at once: the second waits for the first, and nothing is lost")
    func concurrentImports() throws {
        let folder = try temporaryFolder()
        let first = folder.appendingPathComponent("a.tmx")
        let second = folder.appendingPathComponent("b.tmx")
        try writeTMX(count: 3000, start: 0, to: first)
        try writeTMX(count: 3000, start: 3000, to: second)
        let memory = folder.appendingPathComponent("m.sqlite")
        // Create the memory first so both processes find its schema (an import creates it;
        // `stats` refuses a memory that does not exist, audit F9).
        #expect(try CLI.run(["import", "--memory", memory.path, "--format", "tsv", "-"], stdin: "en\tfr\n").status == 0)
        #expect(try unitCount(memory) == 0)
        let processes = try [first, second].map { try startImport(memory: memory, [$0.path]) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(try unitCount(memory) == 6000)
    }

    @Test("SIGKILL in the middle of an import leaves the memory exactly as before")
    func killMidImport() throws {
        let folder = try temporaryFolder()
        let memory = folder.appendingPathComponent("m.sqlite")
        let seed = folder.appendingPathComponent("seed.tmx")
        try writeTMX(count: 5, start: 1_000_000, to: seed)
        #expect(try CLI.run(["import", "--memory", memory.path, seed.path]).status == 0)
        let before = try exportedLines(memory)

        // Feed the import through a pipe, and kill it while the input is still open: it is
        // then certainly mid-transaction (it cannot commit before reading the end).
        let input = Pipe()
        let process = try startImport(memory: memory, ["--format", "tmx", "-"], input: input)
        let head = tmxHead + tmxUnits(count: 20_000, english: { "Killed import, note \($0)." }, french: { "Import interrompu, note \($0)." })
        // If the child exits early, writing to its pipe must fail the checks below, not kill
        // the test runner with SIGPIPE (or trap on EPIPE).
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(head.utf8))
        Thread.sleep(forTimeInterval: 2)
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try unitCount(memory) == 5)
        #expect(try exportedLines(memory) == before)
        let hits = try CLI.run(["concordance", "--memory", memory.path, "Killed import"])
        #expect(hits.stdout.contains("No unit contains"))
    }

    @Test("search finds what each import added (the fuzzy index is maintained in the import transaction)")
    func matchIndexFollowsImports() throws {
        let folder = try temporaryFolder()
        let memory = folder.appendingPathComponent("m.sqlite")
        let first = folder.appendingPathComponent("a.tmx")
        try writeTMX(count: 10, start: 0, to: first)
        #expect(try CLI.run(["import", "--memory", memory.path, first.path]).status == 0)
        #expect(try CLI.run(["search", "--memory", memory.path, "The Embassy presents its compliments, note 5."]).stdout.contains("100%"))
        let second = folder.appendingPathComponent("b.tmx")
        try writeTMX(count: 10, start: 500, to: second)
        #expect(try CLI.run(["import", "--memory", memory.path, second.path]).status == 0)
        let search = try CLI.run(["search", "--memory", memory.path, "The Embassy presents its compliments, note 505."])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("note 505"))
        #expect(search.stdout.contains("100%"))
    }
}
