import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// A real `verbale` process killed with SIGKILL while it re-analyses a memory: the memory keeps
/// its old rows and stamp, and the next open upgrades it.
@Suite("Memory upgrade killed mid-way")
struct AnalysisUpgradeKillTests {
    /// The built `verbale` binary, next to the test bundle (built by `swift build --build-tests`).
    static var binary: URL? {
        [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent().appendingPathComponent("verbale") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test("SIGKILL during the re-analysis on open leaves the memory as it was (real Europarl text)",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"),
          .enabled(if: binary != nil, "needs the built verbale binary"))
    func killed() throws {
        let binary = try #require(Self.binary)
        let english = Matching.lines("parallel/europarl-20k.en", limit: 6000)
        let french = Matching.lines("parallel/europarl-20k.fr", limit: 6000)
        var units = try AnalysisUpgradeTests.units(shared: false)
        for (en, fr) in zip(english, french) { units.append(unit([("en", en), ("fr", fr)])) }
        let memory = try AnalysisUpgradeTests.memory(units)
        let path = memory.path
        try memory.close()
        try AnalysisUpgradeTests.makeStale(path)
        let stale = try SQLiteMemory(path: path, access: .readOnly)
        let staleRows = try AnalysisUpgradeTests.rows(stale)
        try stale.close()

        // `verbale stats` opens the memory for writing, so it re-analyses it first.
        let process = Process()
        process.executableURL = binary
        process.arguments = ["stats", "--memory", path.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Mid-transaction once it holds the write lock (nothing else writes this memory).
        let probe = try DatabaseQueue(path: path.path)
        var holding = false
        let deadline = Date().addingTimeInterval(30)
        while !holding, process.isRunning, Date() < deadline {
            do {
                try probe.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") }
                Thread.sleep(forTimeInterval: 0.005)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                holding = true
            }
        }
        try probe.close()
        #expect(holding, "the child took the write lock before it ended")
        Thread.sleep(forTimeInterval: 0.05)
        #expect(process.isRunning, "killed mid-way, not after the commit")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let after = try SQLiteMemory(path: path, access: .readOnly)
        #expect(try AnalysisUpgradeTests.rows(after) == staleRows)
        #expect(try AnalysisUpgradeTests.stamp(after).identity == AnalysisUpgradeTests.oldIdentity)
        try after.close()
        let upgraded = try SQLiteMemory(path: path)
        #expect(upgraded.analysis == .reanalysed(previous: AnalysisUpgradeTests.oldIdentity))
        #expect(try AnalysisUpgradeTests.rows(upgraded) != staleRows)
        try upgraded.close()
    }
}
