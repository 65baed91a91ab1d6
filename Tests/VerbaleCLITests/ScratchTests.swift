import Foundation
import Testing
@testable import VerbaleTestSupport

/// The tests' scratch folder: everything under one folder per test process, and the folders of
/// ended runs swept, so the suite does not fill the system's temporary folder run after run.
@Suite("Test scratch folder")
struct ScratchTests {
    @Test("paths are unique and under this process's folder")
    func pathsUnderRoot() throws {
        let a = Scratch.path("verbale-x", suffix: ".sqlite")
        let b = Scratch.path("verbale-x", suffix: ".sqlite")
        #expect(a != b)
        #expect(a.deletingLastPathComponent().lastPathComponent == "verbale-tests-\(getpid())")
        #expect(a.lastPathComponent.hasPrefix("verbale-x-") && a.lastPathComponent.hasSuffix(".sqlite"))
        let folder = try Scratch.folder("verbale-y")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test("the folder of an ended test process is swept; a running one's is kept")
    func sweep() throws {
        let system = try Scratch.folder("verbale-sweep")
        // A process that has ended: its id names no running process any more.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let endedFolder = system.appendingPathComponent("verbale-tests-\(ended.processIdentifier)")
        let runningFolder = system.appendingPathComponent("verbale-tests-\(getppid())")
        let unrelated = system.appendingPathComponent("verbale-tests-notanumber")
        for folder in [endedFolder, runningFolder, unrelated] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("memory.sqlite"))
        }
        Scratch.sweepFoldersOfEndedRuns(in: system)
        #expect(!FileManager.default.fileExists(atPath: endedFolder.path))
        #expect(FileManager.default.fileExists(atPath: runningFolder.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
    }
}
