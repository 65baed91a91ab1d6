import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The import's writer takes shortcuts an ordinary write does not (a larger FTS5 buffer, no
/// source-hash probe for a new source in an empty memory); what it stores must not show them.
@Suite("The import's writer stores what an ordinary write stores")
struct ImportWriterTests {
    @Test("After imports (and a dry run), the concordance's settings are those of a new memory, and FTS5 finds it consistent")
    func concordanceSettingsRestored() throws {
        let fresh = try temporaryMemory()
        let settings = "SELECT k, v FROM concordance_config ORDER BY k"
        let expected = try fresh.read { db in try Row.fetchAll(db, sql: settings).map { "\($0)" } }
        #expect(!expected.isEmpty)

        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: ImportPipelineTests.sources(), options: ImportOptions())
        var dryRun = ImportOptions()
        dryRun.dryRun = true
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "c.tmx", units: [unit([("en", "A dry run"), ("fr", "Un essai")])])], options: dryRun)
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "d.tmx", units: [unit([("en", "A second import"), ("fr", "Un second import")])])],
                                   options: ImportOptions())
        let stored = try memory.read { db in try Row.fetchAll(db, sql: settings).map { "\($0)" } }
        #expect(stored == expected)
        try memory.writeTransaction(commit: false) { db in
            try db.execute(sql: "INSERT INTO concordance (concordance) VALUES ('integrity-check')")
        }
    }

    @Test("Every word finds the same variants in the imported concordance as in one built row by row with FTS5's defaults")
    func concordanceEqualsRowByRow() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: ImportPipelineTests.sources(), options: ImportOptions())
        try memory.writeTransaction(commit: false) { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.reference USING fts5(words, content='', columnsize=0, detail=none, tokenize='ascii')")
            let words = ConcordanceWords()
            var vocabulary: Set<String> = []
            let variants = try Row.fetchAll(db, sql: "SELECT id, text FROM variant ORDER BY id")
            for row in variants {
                let text = words.indexText(row["text"])
                vocabulary.formUnion(text.split(separator: " ").map(String.init))
                try db.execute(sql: "INSERT INTO temp.reference (rowid, words) VALUES (?, ?)", arguments: [row["id"] as Int64, text])
            }
            #expect(variants.count > 2000)
            #expect(vocabulary.count > 1000)
            #expect(vocabulary.contains("compliments"))
            for word in vocabulary.sorted() {
                let query = "\"\(word.replacingOccurrences(of: "\"", with: "\"\""))\""
                let imported = try Int64.fetchAll(db, sql: "SELECT rowid FROM concordance WHERE concordance MATCH ? ORDER BY rowid", arguments: [query])
                let reference = try Int64.fetchAll(db, sql: "SELECT rowid FROM temp.reference WHERE reference MATCH ? ORDER BY rowid", arguments: [query])
                #expect(imported == reference, "\(word)")
                #expect(!imported.isEmpty, "\(word)")
            }
        }
    }

    @Test("Alternatives are found within one import into an empty memory and against units of an earlier import alike")
    func alternativesWithAndWithoutProbe() throws {
        let one = unit([("en", "Note verbale"), ("fr", "Note verbale")])
        let two = unit([("en", "Note verbale"), ("fr", "Note diplomatique")])
        let three = unit([("en", "Note verbale"), ("fr", "Note")])
        let other = unit([("en", "Aide-mémoire"), ("fr", "Aide-mémoire")])

        let together = try temporaryMemory()
        let all = try together.importUnits(from: [ArrayUnitSource(name: "a", units: [one, other, two, three])], options: ImportOptions())
        #expect(all.added == 4)
        #expect(all.alternatives == 2)

        let apart = try temporaryMemory()
        let first = try apart.importUnits(from: [ArrayUnitSource(name: "a", units: [one, other])], options: ImportOptions())
        #expect(first.alternatives == 0)
        let second = try apart.importUnits(from: [ArrayUnitSource(name: "b", units: [two, three])], options: ImportOptions())
        #expect(second.alternatives == 2)
        let stored = try apart.allUnits()
        let firstID = try #require(stored.first?.id)
        #expect(try apart.alternatives(of: firstID).count == 2)
    }

    @Test("A repeat with nothing new leaves the stored row as it was; one with new notes, a later change and a better review merges them")
    func duplicatesMerge() throws {
        // Without the privacy pass, which would replace the user names.
        let memory = try temporaryMemory()
        let metadata = UnitMetadata(creationDate: Date(timeIntervalSince1970: 1_000), creationUser: "sok", changeDate: Date(timeIntervalSince1970: 2_000),
                                    changeUser: "dara", notes: ["from Trados", "«quoted» / slashed"], properties: [Property(type: "x-client", value: "MFA")])
        let texts = [("en", "The Embassy presents its compliments"), ("fr", "L'Ambassade présente ses compliments")]
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a", units: [unit(texts, id: "1", metadata: metadata)])], options: ImportOptions(scrubPersonalData: false))
        let dump = "SELECT id, tuid, creation_date, creation_user, change_date, change_user, origin, review, previous_context, next_context, notes, properties FROM unit"
        let before = try memory.read { db in try Row.fetchAll(db, sql: dump).map { "\($0)" } }

        // Nothing new (another origin, no notes, an older change): the row stays byte for byte.
        var repeatMetadata = UnitMetadata(creationDate: Date(timeIntervalSince1970: 1_500), changeDate: Date(timeIntervalSince1970: 1_800))
        repeatMetadata.review = .unreviewed
        let again = try memory.importUnits(from: [ArrayUnitSource(name: "b", units: [unit(texts, metadata: repeatMetadata)])], options: ImportOptions(scrubPersonalData: false))
        #expect(again.merged == 1)
        #expect(try memory.read { db in try Row.fetchAll(db, sql: dump).map { "\($0)" } } == before)

        // New notes, a later change and a better review: merged as before.
        var newer = UnitMetadata(changeDate: Date(timeIntervalSince1970: 3_000), changeUser: "vanna", notes: ["from memoQ", "from Trados"],
                                 properties: [Property(type: "x-client", value: "MFA"), Property(type: "x-file", value: "n.docx")])
        newer.review = .reviewed
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "c", units: [unit(texts, metadata: newer)])], options: ImportOptions(scrubPersonalData: false))
        let stored = try #require(try memory.allUnits().first?.unit.metadata)
        #expect(stored.notes == ["from Trados", "«quoted» / slashed", "from memoQ"])
        #expect(stored.properties == [Property(type: "x-client", value: "MFA"), Property(type: "x-file", value: "n.docx")])
        #expect(stored.review == .reviewed)
        #expect(stored.changeUser == "vanna")
        #expect(stored.changeDate == Date(timeIntervalSince1970: 3_000))
        #expect(stored.creationDate == Date(timeIntervalSince1970: 1_000))
        #expect(stored.creationUser == "sok")
        #expect(stored.origin == "a#1")
    }

    @Test("Past the source-hash set's cap, alternatives are still found (by probing)")
    func alternativesPastTheCap() throws {
        let memory = try temporaryMemory()
        let units = [unit([("en", "First"), ("fr", "Premier")]), unit([("en", "Second"), ("fr", "Deuxième")]),
                     unit([("en", "Third"), ("fr", "Troisième")]), unit([("en", "First"), ("fr", "Le premier")]),
                     unit([("en", "Fourth"), ("fr", "Quatrième")]), unit([("en", "Fourth"), ("fr", "Le quatrième")])]
        let outcomes = try memory.writeTransaction(commit: false) { db in
            var writer = try UnitWriter(db, sourceSetCap: 2)
            return try units.map { try writer.store($0) }
        }
        let alternatives = outcomes.map { outcome -> Bool in
            if case let .added(_, alternative) = outcome { return alternative }
            return false
        }
        #expect(alternatives == [false, false, false, true, false, true])
    }

    @Test("Short texts bound from the writer's own buffers are stored exactly: long, shorter, empty and absent values in turn, Khmer included")
    func copiedBindingsStoreEachValue() throws {
        // The writer copies each unit's short texts into one buffer per statement parameter and
        // binds them from there (`RawStatement.bindCopy`): a shorter value after a longer one, an
        // empty one ('' is not NULL), an absent one and a longer one that outgrows the buffer
        // must each reach the row as given; so must a NULL after NULLs and after a text (a NULL
        // is bound only when the parameter is not NULL already).
        let values: [String?] = ["a-rather-long-identifier-of-forty-bytes!", "short", "", nil, nil, "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", nil, "x"]
        let languages = ["fr-CA", "fr", "km", "fr-CA", "fr", "km", "fr", "fr"]
        var units: [TranslationUnit] = []
        for (index, value) in values.enumerated() {
            var metadata = UnitMetadata(creationUser: value, changeUser: value, origin: value ?? "origin\(index)")
            metadata.nextContext = value
            units.append(unit([("en", "Text number \(index)"), (languages[index], "Texte numéro \(index)")], id: value, metadata: metadata))
        }
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "bound.tmx", units: units)], options: ImportOptions(scrubPersonalData: false))
        let rows = try memory.read { db in
            try Row.fetchAll(db, sql: "SELECT quote(tuid), quote(creation_user), quote(change_user), quote(origin), quote(next_context) FROM unit ORDER BY id")
        }
        let quoted = { (value: String?) in value.map { "'\($0)'" } ?? "NULL" }
        #expect(rows.count == values.count)
        for (index, row) in rows.enumerated() {
            let value = quoted(values[index])
            let origin = quoted(values[index] ?? "origin\(index)")
            #expect((0..<5).map { row[$0] as String } == [value, value, value, origin, value], "unit \(index)")
        }
        let tags = try memory.read { db in try String.fetchAll(db, sql: "SELECT language FROM variant ORDER BY id") }
        #expect(tags == languages.flatMap { ["en", $0] })
    }
}
