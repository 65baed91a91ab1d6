/// How Verbale names a file in what it stores about where text came from (a unit's origin, a
/// termbase's origin, an alignment's provenance).
///
/// Why: an absolute path, a `~` path or one through a home directory (`/home/sokha/…`,
/// `/Users/…`, `C:\Users\…`) names the user and their folders, and a memory or glossary is
/// meant to be shared; so only the file's own name is kept. Relative names, `<stdin>` and
/// `-` stay as given. Cost: one scan of the name.
public enum FileOrigin {
    /// `path` shortened to its last component when it reveals folders, else as given.
    public static func name(_ path: String) -> String {
        let revealing = path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("\\")
            || path.contains("/home/") || path.contains("/Users/") || path.contains(":\\")
        guard revealing else { return path }
        let last = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)
        return last ?? path
    }
}
