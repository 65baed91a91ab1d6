import Foundation

/// Where the user's memory (and glossary, in the same SQLite file) lives.
///
/// Precedence: an explicit path (`--memory PATH`), then `$VERBALE_MEMORY`, then
/// `$XDG_DATA_HOME/verbale/memory.sqlite`, then `~/.local/share/verbale/memory.sqlite`.
public enum MemoryLocation {
    public static func resolve(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let path = environment["VERBALE_MEMORY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let dataHome: URL
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
            dataHome = home.appendingPathComponent(".local/share")
        }
        return dataHome.appendingPathComponent("verbale/memory.sqlite")
    }
}

/// Finds the shipped data folders (`Memories/`, `Glossaries/`) at run time.
///
/// Order: `$VERBALE_DATA_DIR`, then the folders above the running executable (so `swift run`
/// and `.build/debug/verbale` find the checkout's folders), then the source tree this file was
/// compiled from. Returns nil when none is found, so callers can say so instead of guessing.
public enum ShippedData {
    public static func folder(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var roots: [URL] = []
        if let dir = environment["VERBALE_DATA_DIR"], !dir.isEmpty { roots.append(URL(fileURLWithPath: dir)) }
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            roots.append(executable)
            executable = executable.deletingLastPathComponent()
        }
        roots.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        var isDirectory: ObjCBool = false
        return roots.map { $0.appendingPathComponent(name) }.first {
            FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The shipped stock-phrase memories (TMX files).
    public static var memories: URL? { folder("Memories") }
    /// The shipped termbases (TBX/TSV files).
    public static var glossaries: URL? { folder("Glossaries") }
}

/// Locates `../shared/data` (real data for tests and benchmarks; never shipped or copied).
public enum SharedData {
    /// `$VERBALE_SHARED_DATA`, else `<repo>/../shared/data` found from this source file; nil
    /// when the folder named does not exist (tests that need the data then skip, instead of
    /// failing on a missing file or, worse, passing on nothing read).
    public static var root: URL? {
        if let dir = ProcessInfo.processInfo.environment["VERBALE_SHARED_DATA"], !dir.isEmpty {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder) && isFolder.boolValue ? URL(fileURLWithPath: dir) : nil
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [repo.deletingLastPathComponent().appendingPathComponent("shared/data"),
                          URL(fileURLWithPath: "/work/shared/data")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    public static var isAvailable: Bool { root != nil }

    /// A file under the shared data root, e.g. `SharedData.file("notes/seed-cambodia-ohchr-2021.txt")`.
    public static func file(_ relativePath: String) -> URL? {
        root.map { $0.appendingPathComponent(relativePath) }.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }
}
