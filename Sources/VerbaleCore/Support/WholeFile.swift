import Foundation

/// Reads a whole file — a regular file, or a pipe named as a file.
///
/// Why: Foundation's `Data(contentsOf:)` on Linux refuses what is not a regular file, so a
/// pipe given as a path — the shell's process substitution `<(…)` (`/dev/fd/63`),
/// `/dev/stdin`, a FIFO — was "cannot read (… You don’t have permission.)" in every command
/// that reads a text, while `import`, which streams, read the same pipe (review 1130g M7).
/// Commands that take two inputs (`align en=… fr=…`, `glossary check`) have no other way to
/// read two streams, since only one of them can be `-`.
///
/// ```swift
/// let data = try WholeFile.read(URL(fileURLWithPath: "/dev/fd/63"))
/// ```
///
/// Cost: a regular file is read as before (one `Data(contentsOf:)`); anything else is read to
/// its end through a file handle, in O(n).
public enum WholeFile {
    public static func read(_ url: URL) throws -> Data {
        let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
        if values?.isRegularFile != false { return try Data(contentsOf: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return try handle.readToEnd() ?? Data()
    }
}
