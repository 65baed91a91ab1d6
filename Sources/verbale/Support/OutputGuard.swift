import Foundation

/// Refuses an output path that names a file the command reads or keeps otherwise: the memory
/// (and the files SQLite and the fuzzy-match index keep beside it) or one of its inputs.
///
/// Why: `verbale import --report memory.sqlite …` and `verbale export --format tmx
/// memory.sqlite` wrote over the memory itself and left it unreadable, and `--report notes.tmx
/// notes.tmx` wrote over the file being imported (user-acceptance audit F25). Two spellings of
/// one file are caught: paths are compared after resolving `.`, `..` and symbolic links, and
/// by device and inode when both files exist (a hard link). Standard output (`-`) is never a file.
enum OutputGuard {
    /// A file an output must not replace, and what it is (for the message).
    struct Protected {
        var path: String
        var role: String
    }

    /// The memory's database and the files beside it: SQLite's WAL and shared-memory files and
    /// the fuzzy-match index (`<memory>.match`).
    static func memoryFiles(_ memory: URL) -> [Protected] {
        ["", "-wal", "-shm", ".match"].map { Protected(path: memory.path + $0, role: "the memory") }
    }

    /// The command's input files (standard input excluded).
    static func inputs(_ files: [String]) -> [Protected] {
        files.filter { $0 != "-" }.map { Protected(path: $0, role: "an input of this command") }
    }

    /// Throws when `output` (given with `option`, for the message) is one of `protected`.
    static func check(_ output: String, option: String, against protected: [Protected]) throws {
        guard output != "-" else { return }
        for item in protected where sameFile(output, item.path) {
            throw CommandFailure("\(option) \(output) is \(item.role) (\(item.path)); refusing to write over it: choose another file")
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        if resolved(a) == resolved(b) { return true }
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
