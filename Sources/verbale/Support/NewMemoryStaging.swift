import Foundation
import VerbaleMemory

/// A memory that an import creates, built under a hidden name beside where it will live and
/// put in place only when the import succeeds.
///
/// Why: an import into a path that holds no memory used to create the memory first and then
/// fail on a bad file, leaving an empty memory there (with a mistyped `--memory`, a stray file
/// the next command happily uses) — review 1130, m9. Removing it afterwards is not safe, since
/// another process may have opened it meanwhile; a memory nobody can see until it is complete
/// needs no removal.
///
/// Imports that create the same memory at once (four started together, audit F23) must all
/// succeed: the creator holds an exclusive `flock` on the memory's folder while it builds, so
/// the others wait for it, then find the memory and import into it as into any existing one.
/// The finished file is put in place with `link(2)`, which never replaces a memory that
/// appeared there anyway (a process that does not take the lock); this import then fails,
/// saying so, and that memory is untouched. Folders made for the memory are removed again on
/// failure (when still empty).
///
/// Cost: one `flock` (waiting as long as a concurrent creator's import), one `link` and one
/// `unlink`; the memory is closed after a checkpoint (`SQLiteMemory.closeCheckpointed`), so no
/// `-wal` or `-shm` is left beside the hidden name.
struct NewMemoryStaging {
    /// Where the memory will live.
    let final: URL
    /// Where it is built: `.NAME.importing-UUID` in the same folder (same file system for `link`).
    let staging: URL
    /// Folders this command made for it, outermost first: removed again (when empty) on failure.
    private let madeFolders: [URL]
    /// The locked folder's descriptor (`flock` is released when it is closed).
    private let lock: Int32

    private init(final: URL, madeFolders: [URL], lock: Int32) {
        self.final = final
        staging = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).importing-\(UUID().uuidString)")
        self.madeFolders = madeFolders
        self.lock = lock
    }

    /// Makes the memory's folder (and those above it) if needed and locks it; nil when, once
    /// the lock is held, a memory exists at `final` (another import created it meanwhile: use it).
    static func begin(final: URL) throws -> NewMemoryStaging? {
        let folder = final.deletingLastPathComponent().standardizedFileURL
        var made: [URL] = []
        for _ in 0..<3 {
            made += try makeFolders(folder)
            let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
            guard descriptor >= 0 else {
                throw CommandFailure("cannot create the memory \(final.path): cannot open its folder (\(String(cString: strerror(errno)))); nothing was imported")
            }
            while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
            // A creator that failed may have removed the folder while this one waited: the lock
            // is then on a folder that is gone; make it again.
            var locked = stat(), current = stat()
            guard fstat(descriptor, &locked) == 0, stat(folder.path, &current) == 0, locked.st_ino == current.st_ino, locked.st_dev == current.st_dev else {
                close(descriptor)
                continue
            }
            removeStale(for: final)
            if FileManager.default.fileExists(atPath: final.path) {
                close(descriptor)
                return nil
            }
            return NewMemoryStaging(final: final, madeFolders: made, lock: descriptor)
        }
        throw CommandFailure("cannot create the memory \(final.path): its folder keeps disappearing; nothing was imported")
    }

    /// Removes what a creator of `final` that was killed left: `.NAME.importing-UUID` and its
    /// `-wal`/`-shm`/`-journal`. Called with the folder's lock held, so no live creator owns one
    /// (each holds the lock until it commits or discards). Why: a SIGKILL mid-import leaves the
    /// memory as it was but left these hidden files for ever, as large as the work done
    /// (review 1130e m1). Only this memory's names are touched (`.NAME.importing-` followed by
    /// a UUID); another memory's staging files are its own creator's to clean.
    /// Cost: one listing of the folder.
    private static func removeStale(for final: URL) {
        let folder = final.deletingLastPathComponent()
        let prefix = ".\(final.lastPathComponent).importing-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            var rest = name.dropFirst(prefix.count)
            for suffix in ["-wal", "-shm", "-journal"] where rest.hasSuffix(suffix) {
                rest = rest.dropLast(suffix.count)
                break
            }
            guard UUID(uuidString: String(rest)) != nil else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Creates the missing folders down to `folder`; returns those this call created.
    private static func makeFolders(_ folder: URL) throws -> [URL] {
        var missing: [URL] = []
        var candidate = folder
        while !FileManager.default.fileExists(atPath: candidate.path), candidate.path != "/" {
            missing.insert(candidate, at: 0)
            candidate = candidate.deletingLastPathComponent()
        }
        var made: [URL] = []
        for path in missing {
            if mkdir(path.path, 0o777) == 0 {
                made.append(path)
            } else if errno != EEXIST {
                let reason = String(cString: strerror(errno))
                for folder in made.reversed() { rmdir(folder.path) }
                throw CommandFailure("cannot create the folder \(path.path) (\(reason)); nothing was imported")
            }
        }
        return made
    }

    /// The files SQLite may have made for a database at `url`.
    static func files(of url: URL) -> [String] {
        ["", "-wal", "-shm", "-journal"].map { url.path + $0 }
    }

    /// Removes everything built: the staged memory, its journal files, and the folders made for
    /// it (innermost first; a folder something else was put in meanwhile stays); then unlocks.
    func discard() {
        for path in Self.files(of: staging) { unlink(path) }
        for folder in madeFolders.reversed() { rmdir(folder.path) }
        close(lock)
    }

    /// Puts the closed, complete memory at `final` and unlocks. Throws, having discarded the
    /// staged memory, when a memory appeared at `final` meanwhile or the link fails.
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
                throw CommandFailure("a memory appeared at \(final.path) while this import ran (another program created it); it was left as it is and nothing was imported: run the import again")
            }
            throw CommandFailure("cannot create the memory \(final.path): \(String(cString: strerror(reason))); nothing was imported")
        }
        unlink(staging.path)
        close(lock)
    }
}
