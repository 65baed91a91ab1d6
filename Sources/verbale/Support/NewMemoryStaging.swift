import Foundation
import VerbaleMemory

/// A memory that an import creates, built under a hidden name beside where it will live and
/// put in place only when the import succeeds.
///
/// Why: an import into a path that holds no memory used to create the memory first and then
/// fail on a bad file, leaving an empty memory there (with a mistyped `--memory`, a stray file
/// the next command happily uses) — review 1130, m9. Removing it afterwards is not safe, since
/// another process may have opened it meanwhile; a memory nobody can see until it is complete
/// needs no removal. The finished file is put in place with `link(2)`, which refuses to replace
/// a memory another process created at that path meanwhile (then this import fails, saying
/// so, and the other memory is untouched). Folders created for it are removed again on failure.
///
/// Cost: one `link` and one `unlink` on success; the memory is closed first, which checkpoints
/// SQLite's write-ahead log into the file (no `-wal`/`-shm` is left beside the new name).
struct NewMemoryStaging {
    /// Where the memory will live.
    let final: URL
    /// Where it is built: `.NAME.importing-UUID` in the same folder (same file system for `link`).
    let staging: URL
    /// Folders that did not exist, outermost first: removed again (when empty) on failure.
    private let missingFolders: [URL]

    init(final: URL) {
        self.final = final
        let folder = final.deletingLastPathComponent()
        staging = folder.appendingPathComponent(".\(final.lastPathComponent).importing-\(UUID().uuidString)")
        var missing: [URL] = []
        var candidate = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: candidate.path), candidate.path != "/" {
            missing.insert(candidate, at: 0)
            candidate = candidate.deletingLastPathComponent()
        }
        missingFolders = missing
    }

    /// The files SQLite may have made for a database at `url`.
    static func files(of url: URL) -> [String] {
        ["", "-wal", "-shm", "-journal"].map { url.path + $0 }
    }

    /// Removes everything built: the staged memory, its journal files, and the folders made for
    /// it (innermost first; a folder something else was put in meanwhile stays).
    func discard() {
        for path in Self.files(of: staging) { unlink(path) }
        for folder in missingFolders.reversed() { rmdir(folder.path) }
    }

    /// Puts the closed, complete memory at `final`. Throws, having discarded the staged memory,
    /// when a memory appeared at `final` meanwhile or the link fails.
    func commit() throws {
        // A memory closed after a checkpoint leaves an empty log (and the `-shm` index of it,
        // which holds no data); a log with content holds committed pages the file lacks, so the
        // memory is not put in place without it.
        for path in Self.files(of: staging).dropFirst() {
            var status = stat()
            if !path.hasSuffix("-shm"), stat(path, &status) == 0, status.st_size > 0 {
                discard()
                throw CommandFailure("the new memory could not be completed (SQLite left \(path)); nothing was imported into \(final.path)")
            }
            unlink(path)
        }
        guard link(staging.path, final.path) == 0 else {
            let reason = errno
            discard()
            if reason == EEXIST {
                throw CommandFailure("a memory appeared at \(final.path) while this import ran (another command created it); it was left as it is and nothing was imported: run the import again")
            }
            throw CommandFailure("cannot create the memory \(final.path): \(String(cString: strerror(reason))); nothing was imported")
        }
        unlink(staging.path)
    }
}
