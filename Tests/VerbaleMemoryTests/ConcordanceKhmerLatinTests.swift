import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// Latin words, numbers and addresses inside Khmer notes are indexed as the same words are in
/// a query (review finding B1): only the Khmer runs go through ICU.
@Suite("Concordance: Latin inside Khmer")
struct ConcordanceKhmerLatinTests {
    /// Khmer notes as drafting officers write them: amounts, references, e-mail addresses,
    /// French names and Khmer digits inside Khmer, words separated by U+200B or by nothing.
    static let notes: [TranslationUnit] = [
        unit([("km", "ក្រសួងការបរទេស សូមជម្រាបថា ថវិកាចំនួន 1,000 ដុល្លារ ត្រូវបានផ្ទេរទៅ U.N. រួចហើយ។"),
              ("en", "The Ministry of Foreign Affairs informs that the sum of 1,000 dollars was transferred to the U.N.")]),
        unit([("km", "សូមផ្ញើឯកសារមកអាសយដ្ឋាន info@mfa.gov.kh ឬទៅការិយាល័យនៅ Straße des 17. Juni ទីក្រុងប៊ែកឡាំង។"),
              ("en", "Please send the documents to info@mfa.gov.kh or to the office at Straße des 17. Juni, Berlin.")]),
        unit([("km", "ស្ថានទូត\u{200B}l'Ambassade de France\u{200B}សូម\u{200B}គោរព\u{200B}ជម្រាប\u{200B}មក\u{200B}ក្រសួង។"),
              ("fr", "L'Ambassade de France présente ses compliments au Ministère.")]),
        unit([("km", "លិខិតលេខ ០៤៥ ចុះថ្ងៃទី ១២ ខែមករា ឆ្នាំ២០២១ ស្តីពីទិដ្ឋាការការទូត។"),
              ("en", "Letter No. 045 of 12 January 2021 concerning diplomatic visas.")]),
    ]

    /// A private memory (personal data kept): by default the import replaces e-mail addresses,
    /// and the address is one of the pieces searched for here.
    static func memory() throws -> SQLiteMemory {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "notes.tmx", units: notes)], options: ImportOptions(scrubPersonalData: false))
        return memory
    }

    /// The Khmer hits of `query`, with their marked texts.
    static func khmerHits(_ memory: SQLiteMemory, _ query: String) throws -> [ConcordanceHit] {
        try memory.concordance(ConcordanceQuery(text: query, language: tag("km"))).hits
    }

    @Test("Khmer notes are found by the amounts, abbreviations, addresses and names they hold, and the hit is marked whole",
          arguments: [
              ("1,000", "[[1,000]]"), ("U.N.", "[[U.N]]."), ("info@mfa.gov.kh", "[[info@mfa.gov.kh]]"), ("Straße", "[[Straße]]"),
              ("l'Ambassade", "[[l'Ambassade]]"), ("Ambassade de France", "[[Ambassade de France]]"),
          ])
    func latinPieces(query: String, marked: String) throws {
        let memory = try Self.memory()
        let hits = try Self.khmerHits(memory, query)
        #expect(hits.count == 1, "\(query)")
        #expect(hits.first?.marked.contains(marked) == true, "\(hits.first?.marked ?? "no hit")")
        #expect(hits.first?.phrase == true)
    }

    @Test("Khmer words, Khmer-digit numbers and words between U+200B are still found")
    func khmerPieces() throws {
        let memory = try Self.memory()
        let embassy = try Self.khmerHits(memory, "ស្ថានទូត")
        #expect(embassy.count == 1)
        #expect(embassy.first?.marked.hasPrefix("[[ស្ថានទូត]]\u{200B}") == true, "\(embassy.first?.marked ?? "no hit")")
        #expect(try Self.khmerHits(memory, "គោរព").count == 1)
        #expect(try Self.khmerHits(memory, "ក្រសួងការបរទេស").count == 1)
        let number = try Self.khmerHits(memory, "០៤៥")
        #expect(number.count == 1)
        #expect(number.first?.marked.contains("[[០៤៥]]") == true, "\(number.first?.marked ?? "no hit")")
        // Khmer digits are keyed as ASCII digits, so either spelling finds the year.
        let year = try Self.khmerHits(memory, "២០២១")
        #expect(year.count == 1)
        #expect(year.first?.marked.contains("ឆ្នាំ[[២០២១]]") == true, "\(year.first?.marked ?? "no hit")")
        #expect(try Self.khmerHits(memory, "2021").count == 1)
    }

    @Test("In a Khmer text every non-Khmer word is the word the Latin path gives")
    func sameWordsAsLatin() {
        let words = ConcordanceWords()
        let texts = Self.notes.flatMap(\.variants).map(\.text) + [
            "ចំនួន1,000ដុល្លារ", "U.N.ក្រសួង", "ស្ថានទូតStraße", "ﬁnance ក្រសួង", "x²ក", "a\u{200D}bក\u{200C}ខ", "ÉTÉ ២០២១ 3.5",
        ]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let all = words.words(text).filter { !$0.isPart }
            let latin = all.filter { word in !scalars[word.range].contains { ConcordanceWords.isKhmerRunScalar($0) } }
            // The same text with its Khmer blanked out takes the Latin path alone.
            let blanked = String(String.UnicodeScalarView(scalars.map { ConcordanceWords.isKhmerRunScalar($0) ? " " : $0 }))
            #expect(latin == words.words(blanked), "\(text)")
            // Ranges are in order, do not overlap, and cover exactly their words.
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound }, "\(text)")
        }
        #expect(words.words("ចំនួន1,000ដុល្លារ").map(\.key).contains("000"))
        #expect(words.words("ស្ថានទូតStraße").map(\.key).last == "straße")
        #expect(words.words("Straße").map(\.key) == ["straße"])
    }

    @Test("Each Khmer run is split on its own: what sits beside it does not change its words, and a U+200B changes nothing (real khPOS text)",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func runsOnTheirOwn() throws {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        // khPOS separates words with spaces and joins a compound's parts with `~` or `_`.
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "_", with: "").split(separator: " ").map(String.init) }
            .filter { $0.count >= 4 }
        let words = ConcordanceWords()
        var checked = 0
        var differing: [String] = []
        for line in lines.prefix(300) {
            let first = line.prefix(line.count / 2).joined(), second = line.dropFirst(line.count / 2).joined()
            for inserted in ["1,000", "info@mfa.gov.kh", "U.N.", "\u{200B}"] {
                let text = first + inserted + second
                // U+200B between Khmer words is not a break: the words are those of the text
                // without it (audit finding F15), whatever the segmentation makes of the join.
                // (Whole words: a U+200B inside a word adds that word's parts, review finding M9.)
                let expected = inserted == "\u{200B}" ? words.words(first + second, includingParts: false).map(\.key)
                    : words.words(first).map(\.key) + words.words(inserted).map(\.key) + words.words(second).map(\.key)
                let got = words.words(text, includingParts: inserted != "\u{200B}").map(\.key)
                if got != expected { differing.append("\(text): \(got) vs \(expected)") }
                checked += 1
            }
        }
        #expect(checked > 400)
        #expect(differing.isEmpty, "\(differing.prefix(3).joined(separator: "\n"))")
    }

    /// A memory (closed) from before both the Khmer re-indexing and the analysis stamp: old
    /// concordance rows, neither migration applied.
    static func memoryBeforeStamp() throws -> URL {
        let memory = try Self.memory()
        let path = memory.path
        try makeOld(memory)
        try memory.pool.write { db in
            try db.execute(sql: "DROP TABLE analysis_stamp; DELETE FROM grdb_migrations WHERE identifier = 'memory.v2-analysis'")
        }
        try memory.close()
        return path
    }

    /// Makes `memory` an old one: concordance rows keyed by the old Khmer path, and the
    /// re-indexing migration not yet applied.
    static func makeOld(_ memory: SQLiteMemory) throws {
        try memory.pool.write { db in
            try db.execute(sql: "INSERT INTO concordance (concordance) VALUES ('delete-all')")
            for row in try Row.fetchAll(db, sql: "SELECT id, text FROM variant ORDER BY id") {
                let text: String = row["text"]
                try db.execute(sql: "INSERT INTO concordance (rowid, words) VALUES (?, ?)", arguments: [row["id"] as Int64, try oldIndexText(text)])
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'concordance.v2-khmer-runs'")
        }
    }

    @Test("A memory indexed the old way is re-indexed when opened, and its Khmer notes are then found")
    func upgradesOldMemory() throws {
        let memory = try Self.memory()
        let path = memory.path
        try Self.makeOld(memory)
        #expect(try Self.khmerHits(memory, "1,000").isEmpty, "the old index misses it (the bug)")
        #expect(try Self.khmerHits(memory, "info@mfa.gov.kh").isEmpty)
        #expect(try Self.khmerHits(memory, "ស្ថានទូត").count == 1)
        try memory.close()

        let reopened = try SQLiteMemory(path: path)
        for query in ["1,000", "U.N.", "info@mfa.gov.kh", "Straße", "ស្ថានទូត", "០៤៥"] {
            #expect(try Self.khmerHits(reopened, query).count == 1, "\(query)")
        }
        // English and French are indexed as before, once each.
        #expect(try reopened.concordance(ConcordanceQuery(text: "1,000", language: tag("en"))).hits.count == 1)
        #expect(try reopened.concordance(ConcordanceQuery(text: "présente ses compliments")).hits.count == 1)
        let applied = try reopened.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT count(*) = 1 FROM grdb_migrations WHERE identifier = 'concordance.v2-khmer-runs'")
        }
        #expect(applied == true)
        try reopened.close()
    }

    @Test("The re-indexing is all-or-nothing: if it fails, the old index and the pending migration stay")
    func upgradeRollsBack() throws {
        let memory = try Self.memory()
        let path = memory.path
        try Self.makeOld(memory)
        // A migration that re-indexes, then fails (as a kill or a full disk would stop it).
        struct Stop: Error {}
        var migrator = DatabaseMigrator()
        migrator.registerMigration("concordance.v2-khmer-runs") { db in
            try ConcordanceIndex.reindexIfKhmer(db)
            throw Stop()
        }
        #expect(throws: Stop.self) { try migrator.migrate(memory.pool) }
        #expect(try Self.khmerHits(memory, "1,000").isEmpty, "the old index is still there")
        #expect(try Self.khmerHits(memory, "ស្ថានទូត").count == 1)
        try memory.close()
        let reopened = try SQLiteMemory(path: path)
        #expect(try Self.khmerHits(reopened, "1,000").count == 1)
        try reopened.close()
    }

    /// What the index stored for a text before `concordance.v2-khmer-runs`: a text holding
    /// Khmer went whole to the tokenizer, and the non-word scalars inside each token's key
    /// were deleted (`1,000` → `1000`).
    static func oldIndexText(_ text: String) throws -> String {
        let words = ConcordanceWords()
        guard ConcordanceWords.containsKhmer(text) else { return words.indexText(text) }
        let tokenizer = try Tokenizer(language: .khmer)
        return tokenizer.tokenize(text).compactMap { token -> String? in
            guard token.kind != .punctuation else { return nil }
            let key = token.key.unicodeScalars.filter(ConcordanceWords.isWordScalar)
            return key.isEmpty ? nil : String(String.UnicodeScalarView(key))
        }.joined(separator: " ")
    }
}

/// Which step rebuilds the concordance of a memory from before `concordance.v2-khmer-runs`, as
/// the migration's comment says (review F20): the analysis upgrade, not the migration, except
/// for a memory stamped by an open without the concordance index.
@Suite("Concordance: who re-indexes an old memory")
struct ConcordanceReindexOrderTests {
    @Test("A memory from before both the Khmer re-indexing and the analysis stamp: the migration leaves its index, the analysis upgrade rebuilds it")
    func upgradeRebuilds() throws {
        let path = try ConcordanceKhmerLatinTests.memoryBeforeStamp()

        // The upgrade stopped as its concordance pass starts: the migrations have committed
        // (each in its own transaction), the upgrade rolled back — and the old index is intact.
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try SQLiteMemory(path: path, progress: { index, _, _ in if index == "concordance" { throw Stop() } })
        }
        let migrated = try SQLiteMemory(path: path, access: .readOnly)
        let applied = try migrated.read { db in try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.isSuperset(of: ["concordance.v2-khmer-runs", "memory.v2-analysis"]))
        #expect(try ConcordanceKhmerLatinTests.khmerHits(migrated, "1,000").isEmpty, "the migration did not re-index")
        try migrated.close()

        final class Rebuilt: @unchecked Sendable { var concordance = 0 }
        let rebuilt = Rebuilt()
        let upgraded = try SQLiteMemory(path: path, progress: { index, done, total in
            if index == "concordance", done == total { rebuilt.concordance = total }
        })
        #expect(upgraded.analysis == AnalysisUpgrade.Outcome.reanalysed(previous: AnalysisStamp.unknown))
        #expect(rebuilt.concordance > 0, "the upgrade rebuilt the concordance")
        for query in ["1,000", "U.N.", "info@mfa.gov.kh", "Straße", "ស្ថានទូត", "០៤៥"] {
            #expect(try ConcordanceKhmerLatinTests.khmerHits(upgraded, query).count == 1, "\(query)")
        }
        try upgraded.close()
    }

    @Test("A memory stamped by an open without the concordance index, then opened with it: no upgrade follows, the migration indexes its Khmer")
    func migrationIndexesWhenStamped() throws {
        let folder = Scratch.path("verbale-memory-tests")
        let path = folder.appendingPathComponent("memory.sqlite")
        let bare = try SQLiteMemory(path: path, indexes: [FuzzyMatchIndex()])
        _ = try bare.importUnits(from: [ArrayUnitSource(name: "notes.tmx", units: ConcordanceKhmerLatinTests.notes)],
                                 options: ImportOptions(scrubPersonalData: false))
        try bare.close()

        let full = try SQLiteMemory(path: path)
        #expect(full.analysis == .current, "the stamp is current: no upgrade rebuilds anything")
        for query in ["1,000", "info@mfa.gov.kh", "ស្ថានទូត", "០៤៥"] {
            #expect(try ConcordanceKhmerLatinTests.khmerHits(full, query).count == 1, "\(query)")
        }
        try full.close()
    }
}
