import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleMemory

/// The `--memory PATH` option every memory command shares, and how the memory is opened.
struct MemoryOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The memory file. Default: $VERBALE_MEMORY, else $XDG_DATA_HOME/verbale/memory.sqlite (~/.local/share/verbale/memory.sqlite), created and seeded with the shipped memories on first use.",
        valueName: "path"))
    var memory: String?

    /// Steps run on the default memory each time it is opened (idempotent and cheap). The
    /// glossary adds its own termbase seeding here.
    static let seedingSteps: [any SeedingStep] = [ShippedMemorySeeding()]

    /// Opens the memory; the default one (no `--memory`, no `$VERBALE_MEMORY`) is seeded.
    ///
    /// `creating` is for commands that write (`import`, `align --import`): only they may
    /// create a memory at an explicitly given path. A command that only reads refuses a path
    /// that does not exist, so a mistyped `--memory` is an error rather than a new, empty
    /// memory (and folders) left behind. The default location is always created and seeded.
    ///
    /// `staged` opens the memory at that path instead (`NewMemoryStaging`: a new memory built
    /// under a hidden name and put in place when complete); the default one is seeded there.
    func open(creating: Bool = false, staged: URL? = nil) throws -> SQLiteMemory {
        let path = staged ?? MemoryLocation.resolve(explicit: memory)
        try InputText.refuseFolder(memory: path)
        if !creating { try Self.requireExisting(explicit: memory) }
        do {
            // A memory from an earlier Verbale is re-analysed here, once (progress on a terminal).
            let opened = try SQLiteMemory(path: path, progress: UpgradeProgress.callback())
            // Once per command: why this memory's results may differ from a fresh import.
            for note in opened.notes { Terminal.writeError("verbale: note: \(note.description)\n") }
            let isDefault = (memory ?? "").isEmpty && (ProcessInfo.processInfo.environment["VERBALE_MEMORY"] ?? "").isEmpty
            // Seeding writes: a read-only default memory is used as it is.
            if isDefault, !opened.isReadOnly {
                for step in Self.seedingSteps { try step.seed(databaseAt: path) }
            }
            return opened
        } catch let error as MemoryError {
            throw CommandFailure(error.description)
        }
    }
}

extension MemoryOption {
    /// Throws when the memory was given explicitly (`--memory` or `$VERBALE_MEMORY`) and no file
    /// is there. One `stat`; the default location is never refused (it is created on first use).
    /// `creator` is the command that makes one for the caller: `verbale import` for a memory,
    /// `verbale glossary import` for the glossary commands (`verbale import` refuses TBX).
    static func requireExisting(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                creator: String = "verbale import") throws {
        let isExplicit = !(explicit ?? "").isEmpty || !(environment["VERBALE_MEMORY"] ?? "").isEmpty
        guard isExplicit else { return }
        let url = MemoryLocation.resolve(explicit: explicit, environment: environment)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        throw CommandFailure(missingMemoryMessage(url, creator: creator))
    }

    /// The wording shared by every command that refuses a missing explicit memory.
    static func missingMemoryMessage(_ url: URL, creator: String = "verbale import") -> String {
        // Only the default memory is created on first use; saying so answers "why not this one?"
        // (review 1201a m12), and the command shows the path to create it at.
        "no memory at \(url.path); only the default memory is created on first use, a path given with --memory or $VERBALE_MEMORY must already exist (so a typo leaves no empty file): `\(creator) --memory \(url.path) FILE` creates one there, or leave out --memory for the default"
    }
}

/// A failure reported as "error: …" on standard error with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Whether standard error (or output) is a terminal: progress bars and colour only then.
enum Terminal {
    static var stderrIsTTY: Bool { isatty(2) == 1 }
    static var stdoutIsTTY: Bool { isatty(1) == 1 }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
