import Foundation
import VerbaleCore
import VerbaleFormats

/// A reproducible large TMX for benchmarks: Europarl EN/FR sentence pairs and sentences of the
/// real notes verbales (`../shared/data`), varied with numbers, note references, names and
/// dates so that no two units are alike, with realistic metadata (ids, dates, users, notes,
/// props, one unit in ten `x-review` unreviewed). The same `seed` and `units` give the same file,
/// byte for byte. Streaming: memory stays flat whatever `units` is.
struct TMXGenerator {
    struct Pair {
        var english: String
        var french: String?
    }

    let pairs: [Pair]
    let noteSentences: [(Language, String)]

    init(root: URL) throws {
        func lines(_ path: String) throws -> [String] {
            guard let url = SharedData.file(path) else { throw BenchmarkError("\(path) not found under \(root.path)") }
            return try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        }
        let english = try lines("parallel/europarl-20k.en")
        let french = try lines("parallel/europarl-20k.fr")
        pairs = zip(english, french).compactMap { en, fr in
            en.count >= 12 && fr.count >= 12 ? Pair(english: en, french: fr) : nil
        }
        var sentences: [(Language, String)] = []
        let notes = root.appendingPathComponent("notes")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: notes.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".txt") && (file.hasPrefix("en-") || file.hasPrefix("fr-")) {
            let language: Language = file.hasPrefix("fr-") ? .french : .english
            let text = (try? String(contentsOf: notes.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for line in text.components(separatedBy: "\n") {
                for sentence in line.components(separatedBy: ". ") {
                    let trimmed = sentence.trimmingCharacters(in: .whitespaces)
                    if (30...400).contains(trimmed.count), !trimmed.hasPrefix("#"), !trimmed.contains("<") {
                        sentences.append((language, trimmed.hasSuffix(".") ? trimmed : trimmed + "."))
                    }
                }
            }
        }
        noteSentences = sentences
        guard !pairs.isEmpty else { throw BenchmarkError("no Europarl pairs found") }
    }

    static let names = ["Sok Chenda", "Marie Dupont", "John Smith", "Prak Sokhonn", "Anne-Sophie Martin", "Hun Many", "Pierre Lefèvre",
                        "Keo Sothea", "Elizabeth Taylor", "Jean-Marc Ayrault", "Chea Vandeth", "Ingrid van der Berg"]
    static let months = [("January", "janvier"), ("February", "février"), ("March", "mars"), ("April", "avril"), ("May", "mai"),
                         ("June", "juin"), ("July", "juillet"), ("August", "août"), ("September", "septembre"),
                         ("October", "octobre"), ("November", "novembre"), ("December", "décembre")]

    /// Unit number `index` of the file made with `seed`.
    func unit(_ index: Int, random: inout SeededGenerator) -> TranslationUnit {
        let useNote = !noteSentences.isEmpty && random.below(20) == 0
        var english: String?
        var french: String?
        if useNote {
            let (language, sentence) = noteSentences[random.below(noteSentences.count)]
            if language == .french { french = sentence } else { english = sentence }
        } else {
            let pair = pairs[random.below(pairs.count)]
            english = pair.english
            french = pair.french
        }
        // Varied numbers: every digit run becomes a new number, the same in both languages.
        let number = String(random.below(99_999) + 1)
        english = english.map { Self.replacingDigits($0, with: number) }
        french = french.map { Self.replacingDigits($0, with: number) }
        switch random.below(6) {
        case 0:
            let name = Self.names[random.below(Self.names.count)]
            english = english.map { "Mr. \(name) stated: \($0)" }
            french = french.map { "M. \(name) a déclaré : \($0)" }
        case 1:
            let reference = "\(2000 + random.below(26))/\(String(format: "%02d", random.below(12) + 1))/\(String(format: "%03d", random.below(999)))"
            english = english.map { "Note No. \(reference): \($0)" }
            french = french.map { "Note n° \(reference) : \($0)" }
        case 2:
            let (month, mois) = Self.months[random.below(12)]
            let day = random.below(28) + 1, year = 1990 + random.below(36)
            english = english.map { "On \(day) \(month) \(year), \($0)" }
            french = french.map { "Le \(day) \(mois) \(year), \($0)" }
        default:
            break
        }
        var variants: [Variant] = []
        if let english { variants.append(Variant(language: LanguageTag(.english), text: english)) }
        if let french { variants.append(Variant(language: LanguageTag(.french), text: french)) }
        var metadata = UnitMetadata()
        let base = 1_262_304_000 + random.below(500_000_000)
        metadata.creationDate = Date(timeIntervalSince1970: TimeInterval(base))
        metadata.creationUser = ["drafter", "translator", "MFA\\protocol"][random.below(3)]
        if random.below(3) == 0 {
            metadata.changeDate = Date(timeIntervalSince1970: TimeInterval(base + random.below(10_000_000)))
            metadata.changeUser = "reviewer"
        }
        metadata.origin = useNote ? "notes verbales (shared data)" : "Europarl (shared data)"
        metadata.review = random.below(10) == 0 ? .unreviewed : .translated
        if random.below(8) == 0 { metadata.notes = ["Generated unit \(index)"] }
        if random.below(4) == 0 { metadata.properties = [Property(type: "domain", value: useNote ? "protocol" : "parliament")] }
        return TranslationUnit(id: "gen-\(index)", variants: variants, metadata: metadata)
    }

    static func replacingDigits(_ text: String, with number: String) -> String {
        guard text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return text }
        var out = ""
        var inDigits = false
        for character in text {
            if character.isASCII, character.isNumber {
                if !inDigits { out += number }
                inDigits = true
            } else {
                inDigits = false
                out.append(character)
            }
        }
        return out
    }

    /// Writes `count` units made with `seed` to `url` as TMX 1.4b; returns the seconds spent
    /// and the file size.
    func write(count: Int, seed: UInt64, to url: URL) throws -> (seconds: Double, bytes: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        let sink = try ByteSink(url: url)
        var writer = try TMXWriter(sink: sink, header: MemoryHeader(sourceLanguage: LanguageTag(.english), creationTool: "verbale-bench generate-tmx",
                                                                  notes: ["Generated from Europarl and notes verbales in ../shared/data, seed \(seed)"]))
        var random = SeededGenerator(seed: seed)
        for index in 0..<count { try writer.write(unit(index, random: &random)) }
        try writer.finish()
        try sink.close()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        return (seconds, size)
    }
}

extension TMXGenerator {
    /// The generated file for `units` and `seed` in the temporary folder, written on first use
    /// and kept for later runs (delete it to regenerate).
    static func cachedFile(units: Int, seed: UInt64) throws -> URL {
        guard let root = SharedData.root else { throw BenchmarkError("../shared/data not found (set VERBALE_SHARED_DATA)") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("verbale-bench-\(units)-\(seed).tmx")
        if !FileManager.default.fileExists(atPath: file.path) {
            Report.note("generating \(units) units into \(file.path)…")
            _ = try TMXGenerator(root: root).write(count: units, seed: seed, to: file)
        }
        return file
    }
}

/// `verbale-bench generate-tmx --units N [--seed S] OUT`: the reproducible large TMX that the
/// import, export and matcher benchmarks read.
enum GenerateTMXCommand: Benchmark {
    static let name = "generate-tmx"
    static let summary = "write a reproducible TMX of N units (Europarl + notes, varied): --units N [--seed S] OUT"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let count = options.int("units", default: 1_000_000)
        let seed = UInt64(options.int("seed", default: 20_210_112))
        guard let out = arguments.last, !out.hasPrefix("--"), options.values.values.allSatisfy({ $0 != out }) else {
            throw BenchmarkError("usage: verbale-bench generate-tmx --units N [--seed S] OUT.tmx")
        }
        guard let root = SharedData.root else { throw BenchmarkError("../shared/data not found (set VERBALE_SHARED_DATA)") }
        let generator = try TMXGenerator(root: root)
        let result = try generator.write(count: count, seed: seed, to: URL(fileURLWithPath: out))
        Report.emit(["benchmark": "generate-tmx", "units": count, "seed": Int(seed), "file": out, "mb": Double(result.bytes) / 1e6,
                     "seconds": result.seconds])
    }
}
