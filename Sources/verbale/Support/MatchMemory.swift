import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleDraft
import VerbaleFormats
import VerbaleGlossary
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

    /// Says on stderr which of the `--to` languages `matcher`'s memory holds no text in: its
    /// matches can show no translation into them. Why: `search --to km` on an EN/FR memory
    /// printed the matches without Khmer and without a reason, while a query in a language the
    /// memory lacks is refused with the languages it has (issue 4, bad input: "says so";
    /// review 1130e m2). The answer itself is unchanged. Cost: one set lookup per tag.
    static func noteMissingTargets(_ targets: [LanguageTag]?, in matcher: FuzzyMatcher) {
        guard let targets else { return }
        let held = matcher.index.languages
        var missing: [String] = []
        for tag in targets {
            guard let language = tag.language, !held.contains(language), !missing.contains(language.rawValue) else { continue }
            missing.append(language.rawValue)
        }
        guard !missing.isEmpty else { return }
        let available = held.map(\.rawValue).sorted()
        Terminal.writeError("verbale: note: the memory has no \(missing.joined(separator: ", ")) texts (it has: \(available.isEmpty ? "none" : available.joined(separator: ", "))): its matches show no translation into \(missing.count == 1 ? "it" : "them")\n")
    }

    /// Says on stderr that a `--to` language is the text's own, so no translation into it is
    /// shown (review 1201b m3: the matches came without any, and without a word).
    static func noteOwnLanguage(_ targets: [LanguageTag]?, text language: Language) {
        guard let targets, targets.contains(where: { $0.language == language }) else { return }
        let others = targets.filter { $0.language != language }
        Terminal.writeError("verbale: note: --to \(language.rawValue) is the text's own language: no translation into it is shown"
                            + (others.isEmpty ? " (give the other languages, e.g. --to \(language == .english ? "fr,km" : "en"))" : "") + "\n")
    }

    /// Says on stderr that the text has no letter of the language it is read in — `--lang km`
    /// on an English text, `--lang en` on Khmer alone — where "No match … for this Khmer text"
    /// said nothing of it (review 1201b m11).
    static func noteScript(_ text: String, language: Language) {
        let khmer = text.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) || (0x19E0...0x19FF).contains($0.value) }
        let latin = text.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value < 0x0250 }
        if language == .khmer, !khmer, latin {
            Terminal.writeError("verbale: note: the text has no Khmer letters but is read as Khmer (--lang km)\n")
        } else if language != .khmer, khmer, !latin {
            Terminal.writeError("verbale: note: the text has no Latin letters but is read as \(language.englishName) (--lang \(language.rawValue)); Khmer is --lang km\n")
        }
    }

    /// The shipped stock phrases (`Memories/*.tmx`), indexed on the fly; nil when not found.
    static func shippedPhrases() throws -> FuzzyMatcher? {
        let loaded: (index: MatchIndex, archive: UnitArchive)?
        let entities = try glossaryEntities()
        do { loaded = try MatchFile.shippedPhrases(entities: entities) } catch let error as FormatError {
            throw ValidationError("shipped phrases: \(error.description)")
        }
        guard let loaded else { return nil }
        return FuzzyMatcher(index: loaded.index, archive: loaded.archive, entities: entities)
    }

    /// The shipped termbases as glossary entities for placeable transfer, loaded as
    /// `verbale draft translate` loads them (nil when none is shipped), with the termbases the
    /// user imported into the memory first (`imported`: `importedConcepts(memory:)`).
    static func glossaryEntities(imported: [Concept] = []) throws -> GlossaryEntities? {
        do { return try GlossaryEntities.shipped(adding: imported) } catch { throw ValidationError(error.description) }
    }

    /// The concepts of the termbases the user imported (`verbale glossary import`) into the
    /// memory `memory` names (as `--memory` resolves it: $VERBALE_MEMORY, else the default
    /// memory), which drafting and matching load before the shipped ones so the ministry's own
    /// renderings win (review 1130h M4). None for a TMX/XLIFF/TSV/CSV memory (it holds no
    /// termbase) or a memory that does not exist; a `.match` index reads its memory's.
    static func importedConcepts(memory: String?) throws -> [Concept] {
        var url = MemoryLocation.resolve(explicit: memory)
        let kind = url.pathExtension.lowercased()
        if ["tmx", "xlf", "xliff", "tsv", "csv"].contains(kind) { return [] }
        if kind == "match" { url = url.deletingPathExtension() }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { return [] }
        do { return try TermbaseStore.importedConcepts(at: url) } catch { throw ValidationError(error.description) }
    }

    /// Loads the memory (see `loadIndex`) with the glossary's entities attached: the shipped
    /// termbases and those imported into the memory (`importedConcepts(memory:)`).
    func load() throws -> FuzzyMatcher {
        let entities = try Self.glossaryEntities(imported: try Self.importedConcepts(memory: memory))
        let matcher = try loadIndex(entities: entities)
        matcher.entities = entities
        return matcher
    }

    /// Loads the memory's match index (no rebuild), or builds one from a TSV table; indexes
    /// built or brought up to date here record the entities of `entities` (a `.match` file is
    /// used as it is: its recorded entities serve only if they were made with that glossary).
    func loadIndex(entities: (any EntityNaming)? = nil) throws -> FuzzyMatcher {
        let url = MemoryLocation.resolve(explicit: memory)
        try InputText.refuseFolder(memory: url)
        if ["tmx", "xlf", "xliff", "tsv", "csv"].contains(url.pathExtension.lowercased()) {
            let (index, archive) = try MatchFileLoader.load(url, entities: entities)
            return FuzzyMatcher(index: index, archive: archive)
        }
        if url.pathExtension == "match" {
            let loaded: (MatchIndex, UnitArchive)
            do { loaded = try MatchIndexFile.read(from: url) } catch { throw ValidationError(error.description) }
            let (index, archive) = loaded
            guard index.entryCount > 0, archive.count == 0 else { return FuzzyMatcher(index: index, archive: archive) }
            // The index kept beside a memory holds no units (they are in the memory): search the
            // memory itself, which also checks that the index still reflects it.
            let owner = url.deletingPathExtension()
            guard FileManager.default.fileExists(atPath: owner.path) else {
                throw ValidationError("\(url.path): this match index belongs to a memory (its units are not in it), and \(owner.path) is missing; pass that memory with --memory")
            }
            var beside = self
            beside.memory = owner.path
            return try beside.loadIndex(entities: entities)
        }
        let explicit = !(memory ?? "").isEmpty || !(ProcessInfo.processInfo.environment["VERBALE_MEMORY"] ?? "").isEmpty
        if explicit, !FileManager.default.fileExists(atPath: url.path) {
            throw ValidationError(MemoryOption.missingMemoryMessage(url))
        }
        var option = MemoryOption()
        option.memory = memory
        let store = try option.open()
        do {
            let (index, _, notes) = try MatchIndexCache.open(store, entities: entities)
            // Once per process (one open per command): why this memory's searches are slower.
            for note in notes { Terminal.writeError("verbale: note: \(note.description)\n") }
            return FuzzyMatcher(index: index, archive: StoredUnits(memory: store))
        } catch let error as MemoryError {
            throw ValidationError(error.description)
        }
    }
}

/// `MatchFile.index` with format errors as command-line validation errors.
enum MatchFileLoader {
    static func load(_ url: URL, entities: (any EntityNaming)? = nil) throws -> (MatchIndex, UnitArchive) {
        do { return try MatchFile.index(url, entities: entities) } catch let error as FormatError {
            throw ValidationError(error.description)
        }
    }
}

/// See `MatchQuery.cleaned`.
func cleanedQuery(_ text: String) -> String { MatchQuery.cleaned(text) }

/// ANSI colours, only when standard output is a terminal.
enum Colour {
    static let enabled = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    static func paint(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    static func score(_ score: Int) -> String {
        paint(String(format: "%3d%%", min(score, 101)), score >= 100 ? "1;32" : score >= 85 ? "32" : score >= 75 ? "33" : "31")
    }
}
