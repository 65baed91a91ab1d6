import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleMemory

/// Options and loading shared by `search` and `suggest`: which memory to match against.
struct MatchMemoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The memory: its SQLite file (whose match index is <file>.match), a .match index, or a .tsv table whose header row names the languages (e.g. en<TAB>fr<TAB>km; optional columns origin and review-<lang>). Default: $VERBALE_MEMORY, else ~/.local/share/verbale/memory.sqlite.", valueName: "path"))
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

    /// Loads the memory's match index (no rebuild), or builds one from a TSV table.
    func load() throws -> FuzzyMatcher {
        let url = MemoryLocation.resolve(explicit: memory)
        if url.pathExtension.lowercased() == "tsv" {
            let (index, archive) = try MatchTable.read(url)
            return FuzzyMatcher(index: index, archive: archive)
        }
        let indexURL = url.pathExtension == "match" ? url : MatchIndexFile.location(forMemory: url)
        guard FileManager.default.fileExists(atPath: indexURL.path) else {
            if FileManager.default.fileExists(atPath: url.path) {
                throw ValidationError("\(url.path): this memory has no match index yet (\(indexURL.lastPathComponent)); re-import it, or pass --memory with a .tsv table")
            }
            throw ValidationError("\(url.path): no such memory (pass --memory PATH, or set VERBALE_MEMORY)")
        }
        do {
            let (index, archive) = try MatchIndexFile.read(from: indexURL)
            return FuzzyMatcher(index: index, archive: archive)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// A memory given as a tab-separated table: a header of language tags (plus optional `origin`
/// and `review-<tag>` columns), one unit per row. For small memories and tests; the formats
/// engineer's readers cover TMX/XLIFF.
enum MatchTable {
    static func read(_ url: URL) throws -> (MatchIndex, UnitArchive) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ValidationError("\(url.path): cannot read (\(error.localizedDescription))") }
        let text = try TextDecoding.decode(data, name: url.path)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), !header.isEmpty else {
            throw ValidationError("\(url.path): empty table (the first line must name the languages, e.g. en<TAB>fr)")
        }
        var columns: [(index: Int, tag: LanguageTag)] = []
        var originColumn: Int?
        var reviewColumns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name == "origin" { originColumn = index; continue }
            if name.hasPrefix("review-") { reviewColumns[String(name.dropFirst(7))] = index; continue }
            do { columns.append((index, try LanguageTag(name))) } catch {
                throw ValidationError("\(url.path):1:\(index + 1): column \"\(name)\" is not a language tag (\(error.description))")
            }
        }
        let builder = MatchIndexBuilder()
        for (number, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var variants: [Variant] = []
            for column in columns where column.index < cells.count && !cells[column.index].isEmpty {
                let review = reviewColumns[column.tag.description].flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
                variants.append(Variant(language: column.tag, text: cells[column.index],
                                        properties: review.isEmpty ? [] : [Property(type: "x-review", value: review)]))
            }
            let origin = originColumn.flatMap { $0 < cells.count ? cells[$0] : nil } ?? "\(url.lastPathComponent):\(number + 1)"
            try builder.add(TranslationUnit(variants: variants, metadata: UnitMetadata(origin: origin)))
        }
        let (index, archive) = builder.finish()
        return (index, archive)
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
