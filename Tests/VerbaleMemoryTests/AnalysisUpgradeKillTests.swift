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

    /// Texts from which `verbale` shows its upgrade progress line (`UpgradeProgress.threshold`
    /// in the executable, which this test cannot import): the memory here holds more.
    static let progressThreshold = 20_000

    @Test("SIGKILL during the re-analysis on open leaves the memory as it was (real Europarl text)",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"),
          .enabled(if: binary != nil, "needs the built verbale binary"))
    func killed() throws {
        let binary = try #require(Self.binary)
        // 11,000 pairs: 22,000 texts, past the progress threshold, so the child says how far
        // its re-analysis has gone.
        let english = Matching.lines("parallel/europarl-20k.en", limit: 11_000)
        let french = Matching.lines("parallel/europarl-20k.fr", limit: 11_000)
        #expect(english.count + french.count > Self.progressThreshold)
        var units = try AnalysisUpgradeTests.units(shared: false)
        for (en, fr) in zip(english, french) { units.append(unit([("en", en), ("fr", fr)])) }
        let memory = try AnalysisUpgradeTests.memory(units)
        let path = memory.path
        try memory.close()
        try AnalysisUpgradeTests.makeStale(path)
        let stale = try SQLiteMemory(path: path, access: .readOnly)
        let staleRows = try AnalysisUpgradeTests.rows(stale)
        try stale.close()

        // `verbale stats` opens the memory for writing, so it re-analyses it first. Its standard
        // error is a terminal, so it shows its progress: the proof that the re-analysis (inside
        // its transaction) is under way. Taking the write lock is no proof — GRDB's WAL set-up
        // takes it too, before the upgrade starts, and a kill there leaves the rows trivially.
        let terminal = try PseudoTerminal()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["stats", "--memory", path.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = terminal.child
        try process.run()
        terminal.closeChildSide()
        var shown = ""
        var underWay = false
        let deadline = Date().addingTimeInterval(60)
        while !underWay, process.isRunning, Date() < deadline {
            shown += terminal.readAvailable()
            underWay = Self.textsDone(in: shown) > 0
            if !underWay { Thread.sleep(forTimeInterval: 0.001) }
        }
        #expect(underWay, "the child showed re-analysis progress with texts done before it ended; it showed: \(shown.suffix(300))")
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

    /// The largest "DONE/TOTAL texts" count in the progress the child wrote (0 when none).
    static func textsDone(in shown: String) -> Int {
        shown.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).compactMap { line -> Int? in
            guard line.hasPrefix("Upgrading the memory"), line.hasSuffix(" texts"),
                  let count = line.split(separator: " ").dropLast().last,
                  let done = count.split(separator: "/").first else { return nil }
            return Int(done)
        }.max() ?? 0
    }
}

/// A pseudo-terminal whose other side is given to a child process as its standard error, so
/// the child believes it writes to a terminal (`isatty`) and shows its progress line.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let master: Int32
    /// The terminal side, for `Process.standardError`.
    let child: FileHandle

    init() throws {
        #if os(Linux)
        // posix_openpt/grantpt/unlockpt/ptsname, which Swift's Glibc module does not export:
        // Linux's multiplexer, unlocked, and the number of the terminal side it made.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal (errno \(errno))")
        }
        let name = "/dev/pts/\(number)"
        #else
        master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let terminalName = ptsname(master) else {
            throw Failure(description: "cannot open a pseudo-terminal (errno \(errno))")
        }
        let name = String(cString: terminalName)
        #endif
        let side = open(name, O_RDWR | O_NOCTTY)
        guard side >= 0 else { throw Failure(description: "cannot open \(name) (errno \(errno))") }
        child = FileHandle(fileDescriptor: side, closeOnDealloc: true)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    /// After `Process.run`: the child holds its own copy.
    func closeChildSide() {
        try? child.close()
    }

    /// What the child wrote since the last call (never blocks; drains the terminal so the
    /// child never waits on a full buffer).
    func readAvailable() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, 4096) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    deinit { close(master) }
}
