import Foundation

/// Where the tests write their temporary files and folders: one folder per test process, removed
/// when the process exits.
///
/// Why: each run of the suite makes about seven hundred memories, glossaries and files. Left in the
/// system's temporary folder they piled up to tens of thousands of entries on a developer's machine
/// between reboots. Under one folder per process they go with the process; a run that was killed
/// (no exit handler) is swept by the next run, which removes the folders of test processes that
/// no longer exist.
public enum Scratch {
    /// The folder prefix; the process id follows it.
    static let prefix = "verbale-tests-"

    /// This process's folder, made on first use (and stale ones of dead processes swept then).
    public static let root: URL = {
        let system = FileManager.default.temporaryDirectory
        sweepFoldersOfEndedRuns(in: system)
        let folder = system.appendingPathComponent("\(prefix)\(getpid())", isDirectory: true)
        // A failure here surfaces at the first write below it, with the path in the error.
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { Scratch.removeRoot() }
        return folder
    }()

    /// A fresh path under this process's folder, named `name-UUID` plus `suffix` (e.g. ".sqlite");
    /// nothing is created there, so the caller decides whether it is a file or a folder.
    public static func path(_ name: String, suffix: String = "") -> URL {
        root.appendingPathComponent("\(name)-\(UUID().uuidString)\(suffix)")
    }

    /// A fresh, existing folder under this process's folder.
    public static func folder(_ name: String) throws -> URL {
        let folder = path(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func removeRoot() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Removes the folders of earlier test processes that have ended (`kill(pid, 0)` says ESRCH).
    /// A folder of a running process, this one's or a concurrent run's, is left alone.
    static func sweepFoldersOfEndedRuns(in system: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: system.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: system.appendingPathComponent(name))
            }
        }
    }
}
