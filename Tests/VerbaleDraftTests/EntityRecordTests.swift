import Foundation
import Testing
import VerbaleCore
import VerbaleDraft
import VerbaleGlossary
@testable import VerbaleMemory
import VerbaleTestSupport

/// Glossary entities recorded per entry when a memory is indexed (`EntryEntities`): trusted
/// only with the glossary they were made with, kept through saving, reopening and later
/// imports, and never the cause of a wrong answer.
@Suite("Glossary entities recorded in the match index")
struct EntityRecordTests {
    static func shipped() throws -> GlossaryEntities {
        try #require(try GlossaryEntities.shipped(), "the shipped Glossaries/*.tbx must load")
    }

    /// A small glossary of our own that names Thailand differently from the shipped one.
    static func otherGlossary() throws -> GlossaryEntities {
        func concept(_ id: String, _ terms: [(String, String)]) throws -> Concept {
            Concept(id: id, terms: try terms.map {
                Term(language: try LanguageTag($0.0), text: $0.1, partOfSpeech: "properNoun", status: .preferred, termType: "fullForm", review: .translated)
            })
        }
        return GlossaryEntities(glossary: DraftGlossary(concepts: [
            try concept("TH", [("en", "Thailand"), ("km", "ថៃ")]),
            try concept("MIN", [("en", "the Ministry"), ("km", "ក្រសួងការបរទេស")]),
        ]))
    }

    /// Mismatches between the index's entity path and scoring every entry, over the bare-entity
    /// queries and a few sentence queries, at several thresholds.
    static func mismatches(_ matcher: FuzzyMatcher) throws -> [String] {
        guard let entities = matcher.entities else { return ["no glossary"] }
        let queries = EntityMatchingTests.bareEntityQueries + [
            ("The Kingdom of Thailand presents its compliments.", .english), ("the Ministry", .english),
            ("ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}កម្ពុជា", .khmer),
        ]
        var wrong: [String] = []
        for (query, language) in queries {
            let merged = MatchText(text: query, language: language, tokenizer: try matcher.tokenizer(for: language),
                                   entities: entities.entities(in: query, language: language))
            guard merged.hasEntities else { continue }
            let index = matcher.index
            let ids = try matcher.analyse(query, language: language).tokens.map { index.vocabulary.ids(of: $0, language: MatchVocabulary.languageIndex(language)) }
            let every = (0..<index.entryCount).filter { index.entryLanguage[$0] == MatchVocabulary.languageIndex(language) }
            for threshold in [40, 70, 100] where try matcher.entityIndexHits(merged, queryIDs: ids, threshold: threshold)
                != matcher.entityHits(merged, entries: every, threshold: threshold) {
                wrong.append("\(query) at \(threshold)")
            }
        }
        return wrong
    }

    static func temporaryFolder() throws -> URL {
        let folder = try Scratch.folder("verbale-entity-record")
        return folder
    }

    @Test("Searching with another glossary than the one recorded falls back to recognition and stays exact")
    func otherGlossaryFallsBack() throws {
        let shipped = try Self.shipped(), other = try Self.otherGlossary()
        #expect(shipped.fingerprint != other.fingerprint)
        #expect(shipped.fingerprint == (try Self.shipped()).fingerprint)
        for (recordWith, searchWith) in [(shipped, other), (other, shipped)] {
            let (index, archive) = try EntityMatchingTests.bareEntityMemory(entities: recordWith)
            #expect(index.hasEntities(recordedWith: recordWith.fingerprint))
            #expect(!index.hasEntities(recordedWith: searchWith.fingerprint))
            let wrong = try Self.mismatches(FuzzyMatcher(index: index, archive: archive, entities: searchWith))
            #expect(wrong.isEmpty, "\(wrong)")
        }
    }

    @Test("Recorded entities survive the file; version 3, 4 and 5 files (none trusted) still answer exactly; a damaged entity list or values failing the checksum ask for a rebuild")
    func fileRoundTrip() throws {
        let entities = try Self.shipped()
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (index, archive) = try EntityMatchingTests.bareEntityMemory(entities: entities)
        let current = folder.appendingPathComponent("current.match"), old = folder.appendingPathComponent("old.match")
        try MatchIndexFile.write(index, archive: archive, to: current)
        try MatchIndexFile.write(index, archive: archive, stamp: [0, 0], to: old, formatVersion: 3)
        // Version 4 (what the previous release wrote): entity counts without merged tokens.
        let countsOnly = folder.appendingPathComponent("v4.match")
        try MatchIndexFile.write(index, archive: archive, stamp: [0, 0], to: countsOnly, formatVersion: 4)
        let reopened = try MatchIndexFile.read(from: current)
        #expect(reopened.index.hasEntities(recordedWith: entities.fingerprint))
        #expect(Array(reopened.index.entryEntityCount) == Array(index.entryEntityCount))
        #expect(Array(reopened.index.entryMergedLength) == Array(index.entryMergedLength))
        #expect(Array(reopened.index.entityEntries) == Array(index.entityEntries))
        #expect(Array(reopened.index.entryMergedStart) == Array(index.entryMergedStart))
        #expect(Array(reopened.index.mergedTokens) == Array(index.mergedTokens))
        #expect(!index.mergedTokens.isEmpty)
        let legacy = try MatchIndexFile.read(from: old)
        #expect(!legacy.index.hasEntities(recordedWith: entities.fingerprint))
        #expect(legacy.index.entityFingerprint == nil)
        let v4 = try MatchIndexFile.read(from: countsOnly)
        #expect(IndexFileHeader.version(of: countsOnly) == 4)
        #expect(!v4.index.hasEntities(recordedWith: entities.fingerprint))
        #expect(v4.index.entityFingerprint == nil && v4.index.mergedTokens.isEmpty && v4.index.entityEntries.isEmpty)
        // Everything after the skipped entity arrays is read in place.
        #expect(Array(v4.index.tokens) == Array(index.tokens) && Array(v4.index.postingEntry) == Array(index.postingEntry))
        #expect(Array(v4.archive.bytes) == Array(archive.bytes) && Array(v4.archive.offsets) == Array(archive.offsets))
        #expect((0..<archive.count).map { v4.archive.unit(at: $0)?.id } == (0..<archive.count).map { archive.unit(at: $0)?.id })
        for loaded in [reopened, legacy, v4] {
            let wrong = try Self.mismatches(FuzzyMatcher(index: loaded.index, archive: loaded.archive, entities: entities))
            #expect(wrong.isEmpty, "\(wrong)")
        }
        // An entity list that leaves out an entry holding an entity would lose its matches.
        var damaged = index
        damaged.entityEntries = IndexArray(Array(index.entityEntries).dropFirst())
        let bad = folder.appendingPathComponent("bad.match")
        try MatchIndexFile.write(damaged, archive: archive, to: bad)
        #expect(throws: MatchIndexFileError.damaged(bad.path, "inconsistent glossary entities")) { try MatchIndexFile.read(from: bad) }
        #expect(MatchIndexFileError.damaged(bad.path, "x").description.contains("rebuild it"))
        // Values the shape checks cannot see (a count 2 read as 3, a merged length or token
        // changed) fail the checksum: the file is damaged, never trusted.
        let holding = try #require((0..<index.entryCount).first { index.entryEntityCount[$0] > 0 && index.entryEntityCount[$0] < 200 })
        var wrongCount = index, wrongLength = index, wrongToken = index
        wrongCount.entryEntityCount.set(holding, to: index.entryEntityCount[holding] + 1)
        // The entity list's last entry: a longer merged length keeps the list sorted.
        let last = Int(index.entityEntries[index.entityEntries.count - 1])
        wrongLength.entryMergedLength.set(last, to: index.entryMergedLength[last] + 1)
        wrongToken.mergedTokens.set(0, to: index.mergedTokens[0] ^ 1)
        for (number, damaged) in [wrongCount, wrongLength, wrongToken].enumerated() {
            let url = folder.appendingPathComponent("unchecked\(number).match")
            try MatchIndexFile.write(damaged, archive: archive, stamp: [0, 0], to: url, formatVersion: MatchIndexFile.version,
                                     checksum: MatchIndexFile.entityChecksum(index))
            #expect(throws: MatchIndexFileError.damaged(url.path, "the glossary entities fail their checksum")) { try MatchIndexFile.read(from: url) }
        }
        // Version 5 (the same without a checksum): opened without its entities, exact.
        let v5 = folder.appendingPathComponent("v5.match")
        try MatchIndexFile.write(index, archive: archive, stamp: [0, 0], to: v5, formatVersion: 5)
        #expect(IndexFileHeader.version(of: v5) == 5)
        let unchecked = try MatchIndexFile.read(from: v5)
        #expect(unchecked.index.entityFingerprint == nil && unchecked.index.mergedTokens.isEmpty)
        #expect(Array(unchecked.archive.offsets) == Array(archive.offsets))
        #expect(try Self.mismatches(FuzzyMatcher(index: unchecked.index, archive: unchecked.archive, entities: entities)).isEmpty)
    }

    @Test("Adding units keeps the entities recorded with the same glossary, records them for an index that had none, and drops them when added without one")
    func incrementalBuild() throws {
        let entities = try Self.shipped()
        let extra = TranslationUnit(id: "extra", variants: [Variant(language: try LanguageTag("en"), text: "Kingdom of Cambodia"),
                                                            Variant(language: try LanguageTag("en"), text: "Kingdom of Thailand"),
                                                            Variant(language: try LanguageTag("km"), text: "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា")])
        for (base, with) in [(true, true), (false, true), (true, false)] {
            let (index, archive) = try EntityMatchingTests.bareEntityMemory(entities: base ? entities : nil)
            let builder = MatchIndexBuilder(index: index, archive: archive, entities: with ? entities : nil)
            try builder.add(extra)
            let (grown, grownArchive) = builder.finish()
            #expect(grown.hasEntities(recordedWith: entities.fingerprint) == with)
            if with {
                // The unit's second English variant is left to recognition at query time.
                #expect(grown.entryEntityCount[grown.entryCount - 2] == EntryEntities.unknown)
                #expect(grown.entryEntityCount[grown.entryCount - 3] == 1)
                #expect(grown.entryEntityCount[grown.entryCount - 1] == 1)
            }
            let wrong = try Self.mismatches(FuzzyMatcher(index: grown, archive: grownArchive, entities: entities))
            #expect(wrong.isEmpty, "base recorded \(base), added with glossary \(with): \(wrong)")
        }
    }

    @Test("A memory's index records entities on rebuild and on a later import, and is rebuilt for another glossary")
    func storedMemory() throws {
        let entities = try Self.shipped(), other = try Self.otherGlossary()
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        func units(_ texts: [(String, String)], prefix: String) throws -> [TranslationUnit] {
            try texts.enumerated().map { number, pair in
                TranslationUnit(id: "\(prefix)\(number)", variants: [Variant(language: try LanguageTag("en"), text: pair.0),
                                                                    Variant(language: try LanguageTag("km"), text: pair.1)])
            }
        }
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "first.tmx", units: try units([
            ("Kingdom of Thailand", "ព្រះរាជាណាចក្រ\u{200B}ថៃ"), ("the Ministry", "ក្រសួងការបរទេស"),
            ("Embassy of the Kingdom of Thailand", "ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}ថៃ"), ("Thailand", "ថៃ"),
        ], prefix: "a"))])
        let (rebuilt, origin, _) = try MatchIndexCache.open(memory, entities: entities)
        #expect(origin == .rebuilt)
        #expect(rebuilt.hasEntities(recordedWith: entities.fingerprint))
        #expect(rebuilt.entityEntries.count >= 5)
        #expect(try MatchIndexCache.open(memory, entities: entities).origin == .file)
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "second.tmx", units: try units([
            ("Kingdom of Cambodia", "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា"), ("the Kingdom of Thailand", "ព្រះរាជាណាចក្រថៃ"),
        ], prefix: "b"))])
        let (updated, updatedOrigin, _) = try MatchIndexCache.open(memory, entities: entities)
        #expect(updatedOrigin == .updated)
        #expect(updated.hasEntities(recordedWith: entities.fingerprint))
        #expect(updated.entityEntries.count == rebuilt.entityEntries.count + 4)
        let stored = FuzzyMatcher(index: updated, archive: StoredUnits(memory: memory), entities: entities)
        #expect(try Self.mismatches(stored).isEmpty)
        let match = try #require(try stored.search("the Kingdom of Cambodia", language: .english, threshold: 70).first)
        #expect(match.source == "the Kingdom of Thailand")
        #expect(match.score == CostModel.score(cost: CostModel.standard.placeableValue, length: 2))
        // Another glossary: the file does not fit it, so the index is rebuilt with it.
        let (forOther, otherOrigin, _) = try MatchIndexCache.open(memory, entities: other)
        #expect(otherOrigin == .rebuilt)
        #expect(forOther.hasEntities(recordedWith: other.fingerprint))
        #expect(try Self.mismatches(FuzzyMatcher(index: forOther, archive: StoredUnits(memory: memory), entities: other)).isEmpty)
        // Without a glossary the file is used as it is.
        #expect(try MatchIndexCache.open(memory).origin == .file)
    }

    /// A memory of four EN/KM units naming Thailand and the Ministry, in a new folder.
    static func smallMemory() throws -> (memory: SQLiteMemory, folder: URL) {
        let folder = try Self.temporaryFolder()
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        let pairs = [("Kingdom of Thailand", "ព្រះរាជាណាចក្រ\u{200B}ថៃ"), ("the Ministry", "ក្រសួងការបរទេស"),
                     ("Embassy of the Kingdom of Thailand", "ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}ថៃ"), ("Thailand", "ថៃ")]
        let units = try pairs.enumerated().map { number, pair in
            TranslationUnit(id: "u\(number)", variants: [Variant(language: try LanguageTag("en"), text: pair.0),
                                                         Variant(language: try LanguageTag("km"), text: pair.1)])
        }
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "small.tmx", units: units)])
        return (memory, folder)
    }

    @Test("In a read-only folder a valid index without this glossary's entities is used as it is on every open, answers exactly, is never rewritten, and the caller is told why entity queries are slower")
    func readOnlyFolderUsesTheFile() throws {
        let entities = try Self.shipped(), other = try Self.otherGlossary()
        let (memory, folder) = try Self.smallMemory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = MatchIndexFile.location(forMemory: memory.path)
        let readOnly: (URL) -> Bool = { _ in false }
        // Written without a glossary (as by an older release), then with another glossary.
        for writer in [nil, other] as [GlossaryEntities?] {
            let written = try MatchIndexCache.open(memory, entities: writer)
            #expect(written.origin == .rebuilt)
            let bytes = try Data(contentsOf: url)
            for _ in 0..<2 {
                let (index, origin, notes) = try MatchIndexCache.open(memory, entities: entities, folderIsWritable: readOnly)
                #expect(origin == .file)
                #expect(!index.hasEntities(recordedWith: entities.fingerprint))
                #expect(notes == [.entitiesNotRecorded(path: url.path)])
                #expect(try Self.mismatches(FuzzyMatcher(index: index, archive: StoredUnits(memory: memory), entities: entities)).isEmpty)
                #expect(try Data(contentsOf: url) == bytes, "a read-only folder's file is left as it is")
            }
        }
        #expect(MatchIndexCache.Note.entitiesNotRecorded(path: url.path).description.contains("faster once `verbale` can write"))
        // Writable again: recorded and saved once, then simply used.
        let (recorded, origin, notes) = try MatchIndexCache.open(memory, entities: entities)
        #expect(origin == .rebuilt && notes.isEmpty && recorded.hasEntities(recordedWith: entities.fingerprint))
        #expect(try MatchIndexCache.open(memory, entities: entities, folderIsWritable: readOnly).origin == .file)
        // No file at all in a read-only folder: built in memory, nothing recorded, nothing written.
        try FileManager.default.removeItem(at: url)
        let (built, builtOrigin, builtNotes) = try MatchIndexCache.open(memory, entities: entities, folderIsWritable: readOnly)
        #expect(builtOrigin == .rebuilt && !built.hasEntities(recordedWith: entities.fingerprint))
        #expect(builtNotes == [.entitiesNotRecorded(path: url.path)])
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try Self.mismatches(FuzzyMatcher(index: built, archive: StoredUnits(memory: memory), entities: entities)).isEmpty)
        // The real check: a folder this process can write is writable.
        #expect(MatchIndexCache.isWritable(folder))
        #expect(!MatchIndexCache.isWritable(folder.appendingPathComponent("missing")))
    }

    @Test("A match index file written by a newer Verbale is not overwritten: the index is built in memory, answers exactly, and the caller is told")
    func newerFileIsLeftAlone() throws {
        let entities = try Self.shipped()
        let (memory, folder) = try Self.smallMemory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = MatchIndexFile.location(forMemory: memory.path)
        _ = try MatchIndexCache.open(memory, entities: entities)
        var bytes = try Data(contentsOf: url)
        // The version: after the 8-byte magic, an array of one UInt32 (its 8-byte size first).
        #expect(IndexFileHeader.version(of: url) == MatchIndexFile.version)
        let newer = MatchIndexFile.version + 1
        withUnsafeBytes(of: newer.littleEndian) { bytes.replaceSubrange(16..<20, with: $0) }
        try bytes.write(to: url)
        for _ in 0..<2 {
            let (index, origin, notes) = try MatchIndexCache.open(memory, entities: entities)
            #expect(origin == .rebuilt)
            #expect(notes == [.newerFile(path: url.path, version: newer)])
            #expect(try Data(contentsOf: url) == bytes, "the newer file is left as it is")
            #expect(index.entryCount == 8)
            #expect(try Self.mismatches(FuzzyMatcher(index: index, archive: StoredUnits(memory: memory), entities: entities)).isEmpty)
        }
    }

    @Test("Entities recorded under another text analysis (tokenizer or Khmer model) or with the glossary alone are not trusted: the search falls back and stays exact")
    func otherAnalysisFallsBack() throws {
        let entities = try Self.shipped()
        let glossary = try #require(entities.fingerprint)
        #expect(Tokenizer.analysisIdentity.hasPrefix(Tokenizer.analysisVersion + "; icu " + ICU.version + "; khmer-model "))
        #expect(!Tokenizer.analysisIdentity.hasSuffix("none"), "the shipped Khmer model file must be found and hashed")
        let (index, archive) = try EntityMatchingTests.bareEntityMemory(entities: entities)
        #expect(index.hasEntities(recordedWith: glossary))
        #expect(index.entityFingerprint == MatchIndex.recordingFingerprint(glossary: glossary))
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stale = [glossary, // what the previous release stored: the glossary alone
                     MatchIndex.recordingFingerprint(glossary: glossary, analysis: Tokenizer.analysisIdentity.replacingOccurrences(of: Tokenizer.analysisVersion, with: "tokens-older")),
                     MatchIndex.recordingFingerprint(glossary: glossary, analysis: Tokenizer.analysisVersion + "; khmer-model 0 (1 bytes)")]
        for (number, fingerprint) in stale.enumerated() {
            #expect(fingerprint != index.entityFingerprint)
            var recorded = index
            recorded.entityFingerprint = fingerprint
            let url = folder.appendingPathComponent("stale\(number).match")
            try MatchIndexFile.write(recorded, archive: archive, to: url)
            let loaded = try MatchIndexFile.read(from: url)
            #expect(!loaded.index.hasEntities(recordedWith: glossary))
            let wrong = try Self.mismatches(FuzzyMatcher(index: loaded.index, archive: loaded.archive, entities: entities))
            #expect(wrong.isEmpty, "\(wrong)")
        }
    }
}

/// Reads a match index file's format version (bytes 16–19, after the magic and the array size).
enum IndexFileHeader {
    static func version(of url: URL) -> UInt32? {
        guard let data = try? Data(contentsOf: url), data.count >= 20 else { return nil }
        return data[16..<20].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }
}
