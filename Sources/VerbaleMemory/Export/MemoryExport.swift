import Foundation
import VerbaleCore
import VerbaleFormats

/// Writes a memory out as TMX, XLIFF or TSV, streaming: one reader snapshot, one unit in
/// memory at a time, the writer's buffer flushed in 256 KB blocks. Cost: O(units), dominated
/// by the writer's escaping (see `verbale-bench export`).
public enum MemoryExport {
    /// Exports the units having a variant in one of `languages` (all when nil), keeping only
    /// those variants. Returns the number of units written.
    @discardableResult
    public static func export(_ memory: any TranslationMemory, format: MemoryFormat, languages: [LanguageTag]?,
                              to sink: ByteSink, tool: String = "Verbale") throws -> Int {
        var header = MemoryHeader()
        header.sourceLanguage = languages?.first
        header.creationTool = tool
        header.creationDate = Date()
        var writer = try format.makeWriter(sink: sink, header: header, languages: languages ?? [])
        let count = try memory.forEachUnit(languages: languages) { stored in
            try writer.write(stored.unit)
        }
        try writer.finish()
        try sink.close()
        return count
    }
}
