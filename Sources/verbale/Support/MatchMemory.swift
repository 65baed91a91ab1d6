import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleDraft
import VerbaleFormats
import VerbaleMemory

/// Options and loading shared by `search` and `suggest`: which memory to match against.
struct MatchMemoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The memory: its SQLite file (the match index is kept beside it as <file>.match), a .match index, or a TMX/XLIFF/TSV/CSV file (indexed on the fly). Default: $VERBALE_MEMORY, else ~/.local/share/verbale/memory.sqlite.", valueName: "path"))
    var memory: String?

    @Option(name: .long, help: ArgumentHelp("Languages of the translations to show, comma-separated BCP 47 tags (default: all).", valueName: "tags"))
    var to: String?

    /// The `--to` tags, validated.
    func targets() throws -> [LanguageTag]? {
        guard let to, !to.isEmpty else { return nil }
        return try to.split(separator: ",").map { part in
            do { return try LanguageTag(String(part).trimmingCharacters(in: .whitespaces)) } catch { throw ValidationError("--to: \(error)") }
        }
    }

    /// The shipped stock phrases (`Memories/*.tmx`), indexed on the fly; nil when not found.
    static func shippedPhrases() throws -> FuzzyMatcher? {
        guard let folder = ShippedData.memories,
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter({ $0.pathExtension.lowercased() == "tmx" }).sorted(by: { $0.path < $1.path }), !files.isEmpty else { return nil }
        let builder = MatchIndexBuilder()
        for file in files {
            do {
                try MatchFileLoader.add(file, to: builder)
            } catch let error as FormatError {
                throw ValidationError("shipped phrases: \(error.description)")
            }
        }
        let (index, archive) = builder.finish()
        return FuzzyMatcher(index: index, archive: archive, entities: try glossaryEntities())
    }

    /// The shipped termbases as glossary entities for placeable transfer, loaded as
    /// `verbale draft translate` loads them (nil when none is shipped).
    static func glossaryEntities() throws -> GlossaryEntities? {
        do { return try GlossaryEntities.shipped() } catch { throw ValidationError(error.description) }
    }

    /// Loads the memory (see `loadIndex`) with the shipped glossary's entities attached.
    func load() throws -> FuzzyMatcher {
        let matcher = try loadIndex()
        matcher.entities = try Self.glossaryEntities()
        return matcher
    }

    /// Loads the memory's match index (no rebuild), or builds one from a TSV table.
    func loadIndex() throws -> FuzzyMatcher {
        let url = MemoryLocation.resolve(explicit: memory)
        if ["tmx", "xlf", "xliff", "tsv", "csv"].contains(url.pathExtension.lowercased()) {
            let (index, archive) = try MatchFileLoader.load(url)
            return FuzzyMatcher(index: index, archive: archive)
        }
        if url.pathExtension == "match" {
            do {
                let (index, archive) = try MatchIndexFile.read(from: url)
                return FuzzyMatcher(index: index, archive: archive)
            } catch {
                throw ValidationError(error.description)
            }
        }
        let explicit = !(memory ?? "").isEmpty || !(ProcessInfo.processInfo.environment["VERBALE_MEMORY"] ?? "").isEmpty
        if explicit, !FileManager.default.fileExists(atPath: url.path) {
            throw ValidationError("\(url.path): no such memory (import one with `verbale import`, or pass --memory PATH)")
        }
        var option = MemoryOption()
        option.memory = memory
        let store = try option.open()
        do {
            let (index, _) = try MatchIndexCache.open(store)
            return FuzzyMatcher(index: index, archive: StoredUnits(memory: store))
        } catch let error as MemoryError {
            throw ValidationError(error.description)
        }
    }
}

/// Builds a match index in memory from a memory file in any format VerbaleFormats reads
/// (TMX, XLIFF, TSV/CSV): for small memories, shipped phrases and tests. O(file).
enum MatchFileLoader {
    static func load(_ url: URL) throws -> (MatchIndex, UnitArchive) {
        let builder = MatchIndexBuilder()
        do {
            try add(url, to: builder)
        } catch let error as FormatError {
            throw ValidationError(error.description)
        }
        return builder.finish()
    }

    /// Adds every unit of `url`, giving units without provenance the origin
    /// `<file name>#<tuid>` (or `#<1-based position>` when the unit has no id).
    static func add(_ url: URL, to builder: MatchIndexBuilder) throws {
        var reader = try MemoryFormat.makeReader(url: url)
        var position = 0
        while var unit = try reader.next() {
            position += 1
            if (unit.metadata.origin ?? "").isEmpty {
                unit.metadata.origin = "\(url.lastPathComponent)#\(unit.id.flatMap { $0.isEmpty ? nil : $0 } ?? String(position))"
            }
            try builder.add(unit)
        }
    }
}

/// Query text cleaned for matching: control characters (other than tab and newline) become
/// spaces, so pasted PDF text with stray controls still matches.
func cleanedQuery(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
        scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t" ? " " : scalar
    }))
}

/// ANSI colours, only when standard output is a terminal.
enum Colour {
    static let enabled = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    static func paint(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    static func score(_ score: Int) -> String {
        paint(String(format: "%3d%%", min(score, 101)), score >= 100 ? "1;32" : score >= 85 ? "32" : score >= 75 ? "33" : "31")
    }
}
