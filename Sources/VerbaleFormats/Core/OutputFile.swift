import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file a command writes its result to, at a path the user named: a regular file is written
/// whole or not at all; anything else (a terminal, `/dev/null`, a pipe, `/dev/stdout`) is
/// written through, never replaced.
///
/// Why: exports and reports used to be written under a temporary name and renamed over the
/// path, whatever was there. `verbale export --format tsv /dev/stdout` replaced the machine's
/// `/dev/stdout` link with a file and printed nothing; `import --report /dev/null`, run as root,
/// replaced `/dev/null` with a file of the names and passport numbers the import had removed; a
/// named pipe's reader hung; a symbolic link became a file and its target kept the old content
/// (user-acceptance review 30 Nov, M1). The rules now, as `cp` and editors follow them:
/// - `-`, `/dev/stdout`, `/dev/fd/1` and `/proc/self/fd/1` are standard output itself (the
///   same for 2 and standard error), so a redirection's file and its offset are kept.
/// - A path that is, or links to, a regular file: the new content is written beside the file the
///   link resolves to and renamed over it when complete, so the link stays a link, a failed
///   write leaves the old file, and the old file's permissions are kept (or `permissions`).
/// - A path that does not exist: the same, the new file created with `permissions` (the report
///   is 0600 from its first byte, never readable by others even for a moment).
/// - A device, a pipe or a socket: opened for writing and written through, never truncated.
/// - A folder: refused.
public struct OutputFile: Sendable {
    /// The path as the user gave it (for messages).
    public let path: String
    let destination: Destination
    let permissions: mode_t?

    enum Destination: Equatable, Sendable {
        case standardOutput
        case standardError
        /// Written under `temporary` in the same folder, renamed over `target` by `commit`.
        case replacing(target: String, temporary: String, existingMode: mode_t?)
        /// Opened and written as it is.
        case throughDevice(String)
    }

    /// Decides how `path` is written; nothing is created or changed yet. Throws for a folder and
    /// for a path whose folder does not exist or cannot be written.
    /// - Parameter permissions: the mode of a file this creates or replaces; nil keeps an
    ///   existing file's mode and gives a new one the process's default (umask).
    public init(_ path: String, permissions: mode_t? = nil) throws(FormatError) {
        self.path = path
        self.permissions = permissions
        self.destination = try Self.destination(of: path)
    }

    /// True for standard output or error (`-`, `/dev/stdout`, …): commands then print no
    /// "written to FILE" line, which would mix with the output itself.
    public var isStandardStream: Bool {
        destination == .standardOutput || destination == .standardError
    }

    static func destination(of path: String) throws(FormatError) -> Destination {
        switch path {
        case "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1": return .standardOutput
        case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2": return .standardError
        default: break
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // Resolve links so the link stays and the file it names gets the new content.
                guard let resolved = realpath(path, nil) else {
                    throw FormatError(file: path, reason: .io("cannot resolve the path (\(String(cString: strerror(errno))))"))
                }
                defer { free(resolved) }
                let target = String(cString: resolved)
                try requireWritableFolder(of: target, for: path)
                return .replacing(target: target, temporary: temporaryName(for: target), existingMode: info.st_mode & 0o7777)
            case S_IFDIR:
                throw FormatError(file: path, reason: .io("is a folder; give a file name"))
            default:
                guard access(path, W_OK) == 0 else {
                    throw FormatError(file: path, reason: .io("cannot be written (\(String(cString: strerror(errno))))"))
                }
                return .throughDevice(path)
            }
        }
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
            // A link to a file that does not exist yet: create that file through the link.
            return .throughDevice(path)
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        try requireWritableFolder(of: absolute, for: path)
        return .replacing(target: absolute, temporary: temporaryName(for: absolute), existingMode: nil)
    }

    static func requireWritableFolder(of target: String, for path: String) throws(FormatError) {
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw FormatError(file: path, reason: .io("its folder \(folder) does not exist"))
        }
        guard access(folder, W_OK) == 0 else {
            throw FormatError(file: path, reason: .io("its folder \(folder) cannot be written"))
        }
    }

    /// `.NAME.PID.partial` beside the target: hidden, unique per process, and in the target's
    /// folder so the final rename is atomic (same file system).
    static func temporaryName(for target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
    }

    /// Removes the `.NAME.PID.partial` files of `target` whose process no longer runs: what an
    /// export or report killed mid-write (`kill -9`, a power cut) left beside the file.
    /// Why: the target itself is safe (the old file stays until the rename), but the hidden half
    /// file stayed for ever — for `import --report`, a 0600 list of the names and passport
    /// numbers the import removed (review 1130h m3). A live process's file (another export to
    /// the same path, still running) is left alone; a process id that was reused since is taken
    /// as alive, so at worst a leftover waits for a later run. Cost: one listing of the folder.
    static func removeAbandonedTemporaries(of target: String) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).", suffix = ".partial"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(suffix) && name.count > prefix.count + suffix.count {
            let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard let pid = pid_t(digits), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(folder.appendingPathComponent(name).path) }
        }
    }

    /// Opens the output for writing: standard output or error, the device, or a new temporary
    /// file (created exclusively, with the permissions the target will have).
    public func open() throws(FormatError) -> ByteSink {
        switch destination {
        case .standardOutput: return ByteSink(fileHandle: .standardOutput, name: "<stdout>")
        case .standardError: return ByteSink(fileHandle: .standardError, name: "<stderr>")
        case .throughDevice(let device):
            let descriptor = openFile(device, O_WRONLY | O_CREAT | O_CLOEXEC, permissions ?? 0o666)
            guard descriptor >= 0 else {
                throw FormatError(file: path, reason: .io("cannot open for writing (\(String(cString: strerror(errno))))"))
            }
            return ByteSink(fileHandle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), name: path)
        case .replacing(let target, let temporary, let existingMode):
            unlink(temporary)  // a leftover of a killed run of this same process id
            Self.removeAbandonedTemporaries(of: target)
            let mode = permissions ?? existingMode ?? 0o666
            let descriptor = openFile(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard descriptor >= 0 else {
                throw FormatError(file: path, reason: .io("cannot create \(temporary) (\(String(cString: strerror(errno))))"))
            }
            // open(2) applies the umask; an explicit or kept mode is meant exactly.
            if permissions != nil || existingMode != nil { fchmod(descriptor, mode) }
            return ByteSink(fileHandle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), name: path)
        }
    }

    /// Puts a completed file in place (rename over the target); nothing for other outputs.
    /// Call after the sink is closed.
    public func commit() throws(FormatError) {
        guard case .replacing(let target, let temporary, _) = destination else { return }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FormatError(file: path, reason: .io("cannot put the new file in place (\(reason)); the old file is unchanged"))
        }
    }

    /// Removes an unfinished temporary file (after a failure); the target is untouched.
    public func discard() {
        if case .replacing(_, let temporary, _) = destination { unlink(temporary) }
    }

    /// Writes `data` whole: open, write, close, commit; on failure nothing is replaced.
    public func write(_ data: Data) throws(FormatError) {
        let sink = try open()
        do throws(FormatError) {
            sink.append(data)
            try sink.close()
            try commit()
        } catch {
            discard()
            throw error
        }
    }
}

/// open(2) by its global name (inside `OutputFile`, `open` is the method).
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
