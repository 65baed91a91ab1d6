import Foundation

/// How Verbale names a file in what it stores about where text came from (a unit's origin, a
/// termbase's origin, an alignment's provenance).
///
/// Why: an absolute path, a `~` path, a URL or one through a home directory (`/home/sokha/…`,
/// `/Users/…`, `C:\Users\…`, `D:/Clients/…`, `smb://server/users/…`) names the user and their
/// folders, and a memory or glossary is meant to be shared; so only the file's own name is
/// kept. Relative names, `<stdin>` and `-` stay as given. Cost: one scan of the name.
public enum FileOrigin {
    /// `path` shortened to its last component when it reveals folders (`revealsFolders`),
    /// else as given.
    public static func name(_ path: String) -> String {
        guard revealsFolders(Substring(path)) else { return path }
        return lastComponent(path)
    }

    /// The last `/`- or `\`-separated component of `path` (`path` itself when it has none).
    public static func lastComponent(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }

    /// Whether `path` names folders that may reveal the user: it starts like a path
    /// (`startsLikePath`) or goes through a home or users folder anywhere
    /// (`throughHomeFolder`) or a drive (`:\`).
    public static func revealsFolders(_ path: Substring) -> Bool {
        if startsLikePath(path) { return true }
        let lower = path.lowercased()
        return throughHomeFolder(lower) || lower.contains(":\\")
    }

    /// Folders whose next component is a user's name, lower-cased, each with either separator:
    /// `/home/`, `/Users/`, `C:\Documents and Settings\`, the `home$` share of a Windows
    /// server. The one list for a stored origin (`revealsFolders`) and for a path inside a
    /// unit's free texts (the privacy pass's `homeFolderSpans` and `fileNameOfLocalPath`), so
    /// the two cannot drift apart (review of 30 Nov: they had two lists, the second longer).
    public static let homeFolderMarkers: [String] = ["/home/", "/users/", "/documents and settings/", "/home$/"]
        .flatMap { [$0, $0.replacingOccurrences(of: "/", with: "\\")] }

    /// Whether the lower-cased `path` goes through a home folder (`homeFolderMarkers`) anywhere.
    public static func throughHomeFolder(_ lowercased: String) -> Bool {
        homeFolderMarkers.contains { lowercased.contains($0) }
    }

    /// Whether `text` is one local path that names the user's folders or machine, as a CAT tool
    /// stores the document a segment came from: `file://…`, `~/…`, `\\server\…` or `\Notes\…`,
    /// a drive (`C:\…`, `D:/…`), or an absolute path through a home folder (`/home/sokha/…`). Other
    /// absolute paths (`/en/about`, a site's path) and URLs other than `file://` are not: they
    /// are left to the other rules of the free text they stand in. `startsLikePath` is the
    /// wider test of a name given as a path (any `/…`, any `scheme://`).
    public static func isLocalPath(_ text: Substring) -> Bool {
        if text.hasPrefix("~") || text.hasPrefix("\\") || startsWithDrive(text) { return true }
        let lower = text.lowercased()
        if lower.hasPrefix("file://") { return true }
        return text.hasPrefix("/") && throughHomeFolder(lower)
    }

    /// Whether `text` begins with a drive: an ASCII letter, `:`, and `\` or `/`.
    public static func startsWithDrive(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(3))
        return scalars.count == 3 && isASCIILetter(scalars[0]) && scalars[1] == ":" && (scalars[2] == "\\" || scalars[2] == "/")
    }

    /// Whether `text` begins with an absolute, home (`~`) or Windows path (`/…`, `~…`, `\\server`,
    /// `C:\`, `D:/`) or a URL (`scheme://`, as `file://` and `smb://`). The one test both for a
    /// name given as a path and for a stored origin that is a bare path (`OriginNames`), so
    /// free text that merely mentions a path later on is not taken for one.
    public static func startsLikePath(_ text: Substring) -> Bool {
        if text.hasPrefix("/") || text.hasPrefix("~") || text.hasPrefix("\\") || startsWithDrive(text) { return true }
        return startsWithScheme(text)
    }

    /// `scheme://` at the start: an ASCII letter, then letters, digits, `+`, `-` or `.`
    /// (RFC 3986 §3.1), then `://`.
    static func startsWithScheme(_ text: Substring) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isASCIILetter(first) else { return false }
        while let scalar = scalars.next() {
            if scalar == ":" { return scalars.next() == "/" && scalars.next() == "/" }
            guard isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "." else {
                return false
            }
        }
        return false
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}

// MARK: - verbale align's provenance

extension FileOrigin {
    /// How `verbale align` begins the provenance it stores (`AlignedUnit.translationUnit`):
    /// `aligned by verbale align: en=a.txt sentence 3; fr=b.txt sentences 3–4`.
    public static let alignProvenancePrefix = "aligned by verbale align: "

    /// An align input's name (`en=/home/sokha/notes/a.txt`, as messages give it) as the
    /// provenance of stored units gives it: `en=a.txt` (`name` applied to the part after the
    /// first `=`; a language tag holds no `=`). The CLI, the import of a TMX `align` wrote and
    /// the rewrite of stored provenance (`OriginNames`) all use it.
    public static func provenance(_ input: String, rule: (String) -> String = name) -> String {
        guard let equals = input.firstIndex(of: "=") else { return rule(input) }
        return String(input[...equals]) + rule(String(input[input.index(after: equals)...]))
    }

    /// `origin` with the path of each `LANG=PATH sentence N` / `LANG=PATH sentences N–M` part
    /// rewritten by `rule` (`name`, or `lastComponent` for a provenance read from a file); nil
    /// when `origin` is not align's provenance or nothing changes.
    ///
    /// Parts are separated by `; `, but a path may hold `; ` too, so pieces are joined back
    /// until they end with the sentence numbers. PATH is everything between the first `=` and
    /// the last ` sentence`. Cost: one pass over the origin.
    public static func shortenedAlignProvenance(_ origin: String, rule: (String) -> String = name) -> String? {
        guard origin.hasPrefix(alignProvenancePrefix) else { return nil }
        let body = origin.dropFirst(alignProvenancePrefix.count)
        var parts: [String] = []
        var pending: String?
        for piece in body.components(separatedBy: "; ") {
            let part = pending.map { $0 + "; " + piece } ?? piece
            if sentenceSuffix(part) != nil {
                parts.append(part)
                pending = nil
            } else {
                pending = part
            }
        }
        if let pending { parts.append(pending) }
        let rewritten = parts.map { part -> String in
            guard let suffix = sentenceSuffix(part) else { return provenance(part, rule: rule) }
            return provenance(String(part[..<suffix.lowerBound]), rule: rule) + part[suffix.lowerBound...]
        }
        let result = alignProvenancePrefix + rewritten.joined(separator: "; ")
        return result == origin ? nil : result
    }

    /// The range of a trailing ` sentence N` or ` sentences N–M` (digits, `–` or `-`).
    static func sentenceSuffix(_ part: String) -> Range<String.Index>? {
        guard let range = part.range(of: " sentence", options: .backwards) else { return nil }
        var rest = part[range.upperBound...]
        if rest.hasPrefix("s") { rest = rest.dropFirst() }
        guard rest.hasPrefix(" ") else { return nil }
        let numbers = rest.dropFirst()
        guard let first = numbers.first, first.isASCII, first.isNumber,
              numbers.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "–" || $0 == "-" }) else { return nil }
        return range.lowerBound..<part.endIndex
    }
}
