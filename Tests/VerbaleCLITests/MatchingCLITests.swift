import Foundation
import Testing
import VerbaleTestSupport

@Suite("verbale search and suggest")
struct MatchingCLITests {
    static var memory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/matching/stock.tmx").path
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("search --json prints the contract fields, with the number carried into the translations")
    func searchJSON() throws {
        let result = try CLI.run(["search", "--memory", Self.memory, "--to", "fr,km", "--json", "The Embassy has 15 staff members."])
        #expect(result.status == 0, "\(result.stderr)")
        let matches = try #require(try json(result.stdout) as? [[String: Any]])
        let first = try #require(matches.first)
        for field in ["score", "band", "source", "targets", "origin", "diff", "review", "unreviewed"] {
            #expect(first[field] != nil, "missing \(field)")
        }
        #expect(first["score"] as? Int == 95)
        let targets = try #require(first["targets"] as? [String: String])
        #expect(targets["fr"] == "L'Ambassade compte 15 agents.")
        #expect(targets["km"] == "ស្ថានទូតមានបុគ្គលិក ១៥ នាក់។")
        #expect(first["unreviewed"] as? [String] == ["km"])
    }

    @Test("Human output marks unreviewed Khmer")
    func humanOutput() throws {
        let result = try CLI.run(["search", "--memory", Self.memory, "has the honour to inform"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("100%"))
        #expect(result.stdout.contains("km: មានកិត្តិយសសូមជម្រាបជូន  [unreviewed]"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test("An unreviewed Khmer source segment is marked too, in text and JSON")
    func unreviewedSource() throws {
        let text = try CLI.run(["search", "--memory", Self.memory, "--lang", "km", "មានកិត្តិយសសូមជម្រាបជូន"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("មានកិត្តិយសសូមជម្រាបជូន  [unreviewed]"))
        let json = try CLI.run(["search", "--memory", Self.memory, "--lang", "km", "--json", "មានកិត្តិយសសូមជម្រាបជូន"])
        let first = try #require((try self.json(json.stdout) as? [[String: Any]])?.first)
        #expect(first["sourceReview"] as? String == "unreviewed")
        #expect(first["unreviewed"] as? [String] == ["km"])
    }

    @Test("search --memory <memory>.match (the index kept beside a memory) searches that memory; without it, a clear error")
    func matchFileBesideMemory() throws {
        let folder = try Scratch.folder("verbale-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, Self.memory]).status == 0)
        #expect(try CLI.run(["search", "--memory", memory, "The Embassy has 12 staff members."]).stdout.contains("100%"))
        #expect(FileManager.default.fileExists(atPath: memory + ".match"))
        let viaIndex = try CLI.run(["search", "--memory", memory + ".match", "The Embassy has 12 staff members."])
        #expect(viaIndex.status == 0, "\(viaIndex.stderr)")
        #expect(viaIndex.stdout.contains("100%"))
        let moved = folder.appendingPathComponent("alone.match").path
        try FileManager.default.copyItem(atPath: memory + ".match", toPath: moved)
        let alone = try CLI.run(["search", "--memory", moved, "The Embassy has 12 staff members."])
        #expect(alone.status != 0)
        #expect(alone.stderr.contains("belongs to a memory"))
    }

    @Test("An empty query is a clear error")
    func emptyQuery() throws {
        let result = try CLI.run(["search", "--memory", Self.memory, "   "])
        #expect(result.status != 0)
        #expect(result.stderr.contains("the query is empty"))
    }

    @Test("A language the memory lacks is named in the error")
    func missingLanguage() throws {
        let folder = try Scratch.folder("verbale-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = folder.appendingPathComponent("en-fr.tsv")
        try "en\tfr\nThank you\tMerci\n".write(to: table, atomically: true, encoding: .utf8)
        let result = try CLI.run(["search", "--memory", table.path, "--lang", "km", "សូមអរគុណ"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no km segments"))
        #expect(result.stderr.contains("en, fr"))
    }

    @Test("Invalid UTF-8 on stdin is refused with its byte offset; control characters are tolerated")
    func badInput() throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["search", "--memory", Self.memory, "-"]
        let input = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data([0x68, 0x61, 0xFF, 0x0A]))
        try input.fileHandleForWriting.close()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("<stdin>:1:3: invalid UTF-8: byte 0xFF at byte 2"), "\(message)")
        let controls = try CLI.run(["search", "--memory", Self.memory, "--json", "has the\u{07} honour\u{1B} to inform"])
        #expect(controls.status == 0)
        #expect(controls.stdout.contains("\"score\" : 100"))
    }

    @Test("A 10,000-word query answers: no short unit reaches the threshold (the length filter bounds the work)")
    func hugeQuery() throws {
        let words = (0..<10_000).map { ["the", "Embassy", "presents", "its", "compliments", "note"][$0 % 6] }.joined(separator: " ")
        let result = try CLI.run(["search", "--memory", Self.memory, "--json", "-"], stdin: words)
        #expect(result.status == 0, "\(result.stderr)")
        let matches = try #require(try json(result.stdout) as? [Any])
        #expect(matches.isEmpty)
    }

    @Test("A TMX loaded on the fly gives each match an origin (file#line, as import names it; the tuid is unitID) and carries a country over from the termbase")
    func originAndEntity() throws {
        let folder = try Scratch.folder("verbale-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmx = folder.appendingPathComponent("embassies.tmx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu><tuv xml:lang="en"><seg>The Ministry acknowledges receipt of the note.</seg></tuv><tuv xml:lang="fr"><seg>Le Ministère accuse réception de la note.</seg></tuv></tu>
        <tu tuid="thai-1"><tuv xml:lang="en"><seg>The Embassy of the Kingdom of Thailand presents its compliments to the Ministry of Foreign Affairs.</seg></tuv>
        <tuv xml:lang="fr"><seg>L'Ambassade du Royaume de Thaïlande présente ses compliments au Ministère des Affaires étrangères.</seg></tuv></tu>
        </body></tmx>
        """.write(to: tmx, atomically: true, encoding: .utf8)
        let result = try CLI.run(["search", "--memory", tmx.path, "--to", "fr", "--json",
                                  "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs."])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require((try json(result.stdout) as? [[String: Any]])?.first)
        // The line its <tu> starts on, whether or not it has a tuid (review 1130c m12(d): it was
        // `#thai-1` here and `#5` once imported); the tuid stays, as unitID.
        #expect(first["origin"] as? String == "embassies.tmx#5")
        #expect(first["unitID"] as? String == "thai-1")
        #expect(first["band"] as? String == "95-99")
        #expect((first["targets"] as? [String: String])?["fr"]?.contains("Royaume du Cambodge") == true)
        let second = try CLI.run(["search", "--memory", tmx.path, "--json", "The Ministry acknowledges receipt of the note."])
        let exact = try #require((try json(second.stdout) as? [[String: Any]])?.first)
        #expect(exact["origin"] as? String == "embassies.tmx#4")
    }

    @Test("The same unit has the same `from:` searched in its file and once imported: file#line, for TMX (with and without tuid) and TSV (review 1130c m12(d))")
    func sameOriginOnTheFlyAndImported() throws {
        let folder = try Scratch.folder("verbale-origin")
        let tmx = folder.appendingPathComponent("mem1.tmx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu tuid="5"><tuv xml:lang="en"><seg>The Ministry acknowledges receipt of the note.</seg></tuv><tuv xml:lang="fr"><seg>Le Ministère accuse réception de la note.</seg></tuv></tu>

        <tu>
          <tuv xml:lang="en"><seg>Please contact the Consular Section.</seg></tuv>
          <tuv xml:lang="km"><seg>សូម​ទាក់ទង​ផ្នែក​កុងស៊ុល។</seg></tuv>
        </tu>
        </body></tmx>
        """.write(to: tmx, atomically: true, encoding: .utf8)
        let tsv = folder.appendingPathComponent("t1.tsv")
        try "en\tfr\nThe meeting will take place in Geneva.\tLa réunion aura lieu à Genève.\n".write(to: tsv, atomically: true, encoding: .utf8)
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, tmx.path, tsv.path]).status == 0)
        for (file, query, expected) in [(tmx, "The Ministry acknowledges receipt of the note.", "mem1.tmx#4"),
                                        (tmx, "Please contact the Consular Section.", "mem1.tmx#6"),
                                        (tsv, "The meeting will take place in Geneva.", "t1.tsv#2")] {
            let onTheFly = try CLI.run(["search", "--memory", file.path, "--json", query])
            let imported = try CLI.run(["search", "--memory", memory, "--json", query])
            #expect(onTheFly.status == 0 && imported.status == 0, "\(onTheFly.stderr)\(imported.stderr)")
            let fly = try #require((try json(onTheFly.stdout) as? [[String: Any]])?.first)
            let stored = try #require((try json(imported.stdout) as? [[String: Any]])?.first)
            #expect(fly["origin"] as? String == expected, "\(query): \(fly["origin"] ?? "none")")
            #expect(stored["origin"] as? String == expected, "\(query): \(stored["origin"] ?? "none")")
            // The text output's `from:` line too.
            let text = try CLI.run(["search", "--memory", file.path, query])
            #expect(text.stdout.contains("from: \(expected)\n"), "\(text.stdout)")
        }
    }

    @Test("suggest --json gives segments with matches, phrases and completions")
    func suggest() throws {
        let draft = "The Embassy of Japan presents compliments to the Ministry. The Embassy avails itself of this"
        let result = try CLI.run(["suggest", "--memory", Self.memory, "--json", "-"], stdin: draft)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try json(result.stdout) as? [String: Any])
        let segments = try #require(report["segments"] as? [[String: Any]])
        #expect(segments.count == 2)
        let phrases = try #require(segments[0]["phrases"] as? [[String: Any]])
        let phrase = try #require(phrases.first { $0["phrase"] as? String == "presents its compliments to" })
        #expect(phrase["start"] as? Int == 21 && phrase["end"] as? Int == 44)
        #expect((phrase["translations"] as? [String: String])?["fr"] == "présente ses compliments à")
        let completions = try #require(segments[1]["completions"] as? [[String: Any]])
        #expect(completions.contains { ($0["completion"] as? String)?.hasPrefix("opportunity to") == true })
        for key in ["text", "start", "end", "matches"] { #expect(segments[1][key] != nil) }
    }

    @Test("suggest offers the most attested closing first, with frequency kept and attested, attestedOutOf, usage beside it")
    func suggestRanksByAttestation() throws {
        let result = try CLI.run(["suggest", "--memory", Self.memory, "--json", "-"], stdin: "The Embassy avails itself of this")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try json(result.stdout) as? [String: Any])
        let segments = try #require(report["segments"] as? [[String: Any]])
        let completions = try #require(segments.first?["completions"] as? [[String: Any]])
        let first = try #require(completions.first)
        #expect(first["phrase"] as? String == "avails itself of this opportunity to renew to", "\(completions.map { $0["phrase"] ?? "" })")
        #expect(first["attested"] as? Int == 144 && first["attestedOutOf"] as? Int == 184)
        #expect(first["frequency"] as? Int != nil && first["usage"] as? Int != nil)
        let text = try CLI.run(["suggest", "--memory", Self.memory, "-"], stdin: "The Embassy avails itself of this")
        #expect(text.stdout.contains("attested in 144/184 notes"), "\(text.stdout)")
    }
}
