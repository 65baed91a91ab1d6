import ArgumentParser
import Foundation
import VerbaleAlign
import VerbaleCore
import VerbaleFormats
import VerbaleMemory

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Pair the sentences of two or three translations of one document.",
        discussion: HelpText.paragraphs("""
        Give each document as LANG=FILE (plain text, Markdown or Word .docx; - reads standard input). Paragraphs are aligned first, then sentences inside them, by length (Gale–Church, with the length ratio and variance measured on the documents) and by anchors that translations keep: numbers (Khmer digits too), dates, e-mail addresses, names, ? ! :, list numbers, glossary terms. With three documents, each is aligned to the pivot (English by default) and the result is multilingual units.

        Every unit has a confidence (0–1). Units below --min-confidence, and sentences with no counterpart, are flagged for review: they are shown with "review", written to TMX with x-review "unreviewed", and imported only as unreviewed units — never as attested translations.

        Examples:
          verbale align en=note-en.txt fr=note-fr.docx
          verbale align en=note-en.md fr=note-fr.md km=note-km.txt --json
          verbale align en=a.txt km=b.txt --tmx aligned.tmx --min-confidence 0.7
          verbale align en=a.docx fr=b.docx km=c.docx --pivot fr --import

        An archive of notes aligns better as a whole: --archive reads a manifest, one document set per line, LANG=FILE fields separated by tabs (relative paths are relative to the manifest's folder; # starts a comment), every line in the same languages. Each language pair learns one word-translation lexicon from all the sets; each set is still aligned on its own. The output is as above, with the units of every set; --json adds "document" (the manifest line) to each unit.

          printf 'en=n1.en.txt\\tfr=n1.fr.docx\\tkm=n1.km.txt\\n' >> archive.tsv
          verbale align --archive archive.tsv --tmx archive.tmx
          ls *.en.txt | sed 's/\\(.*\\)\\.en\\.txt/en=&\\tfr=\\1.fr.txt/' \\
            | verbale align --archive - --json
        """)
    )

    @Argument(help: ArgumentHelp("Two or three documents as LANG=FILE (en=a.txt fr=b.docx km=c.txt).", valueName: "lang=file"))
    var documents: [String] = []

    @Option(help: ArgumentHelp("Align every document set of a manifest (one per line: en=a.txt<TAB>fr=b.docx[<TAB>km=c.txt]; - reads standard input) with one lexicon per language pair.", valueName: "file"))
    var archive: String?

    @Option(help: ArgumentHelp("The language every other document is aligned to (three documents; default en, or with two documents and no English one, the first document's language). A --pivot given must be one of the documents' languages.", valueName: "tag"))
    var pivot: String?

    @Flag(help: "Print {\"units\": [{\"variants\": {…}, \"confidence\", \"bead\", \"review\", \"sentences\"}]} as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Write the units as a TMX 1.4b file (- for standard output).", valueName: "file"))
    var tmx: String?

    @Flag(name: .customLong("import"), help: "Import the units into the translation memory (one transaction).")
    var importUnits = false

    @Option(name: .customLong("min-confidence"), help: ArgumentHelp("Units below this confidence are flagged for review (0–1).", valueName: "x"))
    var minConfidence: Double = 0.5

    @Flag(name: .customLong("no-glossary"), help: "Do not use the shipped glossaries' terms as anchors.")
    var noGlossary = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.")
    var lossy = false

    @Flag(name: .customLong("keep-personal-data"), help: "Keep names, passport and phone numbers, e-mail addresses and dates of birth as they are (by default they become {PERSON}, {PASSPORT}…).")
    var keepPersonalData = false

    @OptionGroup var memoryOption: MemoryOption

    func validate() throws {
        if archive != nil, !documents.isEmpty {
            throw ValidationError("give either documents as LANG=FILE or --archive FILE, not both")
        }
        guard archive != nil || (2...3).contains(documents.count) else {
            throw ValidationError("give two or three documents as LANG=FILE, e.g. verbale align en=a.txt fr=b.docx")
        }
        if documents.filter({ $0.hasSuffix("=-") }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1, not \(minConfidence)") }
        if [json, tmx != nil, importUnits].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --json, --tmx and --import")
        }
    }

    /// One document set: its documents in language order and, in an archive, its manifest line.
    struct DocumentSet {
        var line: Int?
        var inputs: [(tag: LanguageTag, name: String, document: AlignmentDocument)]
    }

    func run() throws {
        if let archive { return try alignArchive(archive) }
        try refuseTMXOverInputs(try documents.map { try Self.parse($0).1 })
        var inputs: [(tag: LanguageTag, name: String, document: AlignmentDocument)] = []
        for argument in documents {
            let (tag, path) = try Self.parse(argument)
            guard let language = tag.language else { throw ValidationError("unsupported language \(tag)") }
            if inputs.contains(where: { $0.tag.language == language }) {
                throw ValidationError("\(language.englishName) is given twice; give each language once")
            }
            let name = "\(tag)=\(path)"
            inputs.append((tag, name, try Self.readDocument(path, language: language, name: name, lossy: lossy)))
        }
        let pivotLanguage = try Self.pivotLanguage(pivot ?? "en", among: inputs.map(\.tag), explicit: documents.count == 3 || pivot != nil)
        try align([DocumentSet(line: nil, inputs: inputs)], pivot: pivotLanguage)
    }

    /// `--archive`: every line of the manifest checked first, then every document read, then
    /// the sets aligned together (`PivotAligner.align(archive:)`).
    private func alignArchive(_ path: String) throws {
        let manifest: AlignmentManifest
        do { manifest = try AlignmentManifest.read(path) } catch { throw CommandFailure(error.description) }
        try refuseTMXOverInputs([path] + manifest.sets.flatMap { $0.documents.map(\.path) })
        var sets: [DocumentSet] = []
        for set in manifest.sets {
            var inputs: [(tag: LanguageTag, name: String, document: AlignmentDocument)] = []
            for (tag, file) in set.documents {
                guard let language = tag.language else { continue }
                let name = "\(tag)=\(file)"
                do {
                    inputs.append((tag, name, try Self.readDocument(file, language: language, name: name, lossy: lossy)))
                } catch {
                    throw CommandFailure("\(manifest.name):\(set.line): \(error)")
                }
            }
            sets.append(DocumentSet(line: set.line, inputs: inputs))
        }
        let tags = sets[0].inputs.map(\.tag)
        let pivotLanguage = try Self.pivotLanguage(pivot ?? "en", among: tags, explicit: tags.count == 3 || pivot != nil)
        try align(sets, pivot: pivotLanguage)
    }

    /// `--tmx` naming a document (or the archive's manifest) wrote the TMX over it, exit 0
    /// (review 1130d M9): refused before anything is aligned, as `export` and `import --report` do.
    private func refuseTMXOverInputs(_ paths: [String]) throws {
        guard let tmx else { return }
        try OutputGuard.check(tmx, option: "--tmx", against: OutputGuard.inputs(paths))
    }

    /// The pivot: `--pivot` when it is among the languages; with two documents and the default
    /// `en` absent, the first document's language.
    static func pivotLanguage(_ pivot: String, among tags: [LanguageTag], explicit: Bool) throws -> Language {
        let pivotLanguage: Language
        do {
            guard let language = try LanguageTag(pivot).language else { throw ValidationError("unsupported pivot \(pivot)") }
            pivotLanguage = language
        } catch let error as LanguageTagError {
            throw ValidationError("--pivot: \(error.description)")
        }
        if tags.contains(where: { $0.language == pivotLanguage }) { return pivotLanguage }
        guard !explicit, let first = tags.first?.language else {
            throw ValidationError("the pivot \(pivotLanguage.rawValue) is not among the documents; pass --pivot with one of \(tags.map(\.description).joined(separator: ", "))")
        }
        return first
    }

    /// Reads, segments and checks one document; errors name it.
    static func readDocument(_ path: String, language: Language, name: String, lossy: Bool) throws -> AlignmentDocument {
        let paragraphs = try readParagraphs(path, lossy: lossy)
        let segmenter = try Segmenter(language: language)
        let sentences = paragraphs.map { paragraph in
            segmenter.segments(of: paragraph).map { $0.text.split(whereSeparator: \.isNewline).joined(separator: " ") }
        }
        let document = AlignmentDocument(language: language, paragraphs: sentences)
        guard !document.isEmpty else {
            throw CommandFailure("\(name): the document is empty (no text to align); each side needs text")
        }
        warnIfScriptDiffers(document, declared: language, name: name)
        return document
    }

    private func align(_ sets: [DocumentSet], pivot: Language) throws {
        for set in sets {
            let counts = set.inputs.map { "\($0.tag) \($0.document.paragraphs.count)" }
            if Set(set.inputs.map { $0.document.paragraphs.count }).count > 1 {
                let place = set.line.map { "line \($0) of the archive: " } ?? ""
                Terminal.writeError("note: \(place)the documents have different numbers of paragraphs (\(counts.joined(separator: ", "))); paragraphs are aligned by content\n")
            }
        }
        let inputs = sets[0].inputs
        let concepts = noGlossary ? [] : Self.glossaryConcepts(for: inputs.map(\.document.language))
        let aligner = PivotAligner(aligner: Aligner(options: .init(concepts: concepts)), minimumConfidence: minConfidence)
        var results: [MultilingualAlignment]
        do { results = try aligner.align(archive: sets.map { $0.inputs.map(\.document) }, pivot: pivot) } catch {
            throw CommandFailure(error.description)
        }
        let tags = Dictionary(uniqueKeysWithValues: inputs.map { ($0.document.language, $0.tag) })
        Self.warnIfUnrelated(results, sets)
        var personalData: [PersonalDataKind: Int] = [:]
        // Each set's documents as the units' provenance names them: file names only, personal
        // data replaced (before the texts are scrubbed: the values found there are looked for).
        var storedNames: [[Language: String]] = []
        for (set, result) in zip(sets, results) {
            let names = Dictionary(uniqueKeysWithValues: set.inputs.map { ($0.document.language, $0.name) })
            let stored = try AlignmentScrubbing.storedNames(result, tags: tags, names: names, scrub: !keepPersonalData)
            storedNames.append(stored.names)
            personalData.merge(stored.counts, uniquingKeysWith: +)
        }
        if !keepPersonalData {
            for index in results.indices {
                personalData.merge(try AlignmentScrubbing.scrub(&results[index], tags: tags), uniquingKeysWith: +)
            }
        }
        let origins = results.indices.map { index in
            results[index].units.map { $0.provenance(names: storedNames[index], languages: results[index].languages) }
        }
        // Each unit's previous-segment context, from the sentences as aligned, with their personal
        // data replaced (keys are never of personal data: `ContextKeys`); kept personal data is
        // scrubbed in a copy just for the keys.
        var contexts: [[String?]] = []
        for result in results {
            var scrubbed = result
            if keepPersonalData { _ = try AlignmentScrubbing.scrub(&scrubbed, tags: tags) }
            contexts.append(AlignmentContext.previousKeys(scrubbed))
        }
        if !json, !personalData.isEmpty {
            Terminal.writeError("personal data replaced: \(AlignmentScrubbing.describe(personalData)) (--keep-personal-data keeps it)\n")
        }
        // Per set, its units as translation units naming its own files (provenance, as
        // scrubbed above) and the sentence before them (context).
        func translationUnits(_ index: Int) -> [TranslationUnit] {
            return results[index].units.indices.compactMap { u in
                guard var unit = results[index].units[u].translationUnit(tags: tags, names: storedNames[index], languages: results[index].languages) else { return nil }
                unit.metadata.previousContext = contexts[index][u]
                return unit
            }
        }
        if json {
            try printJSON(AlignmentJSON(results, lines: sets.map(\.line), files: sets.map { $0.inputs.map { ($0.tag.description, $0.name) } },
                                        tags: tags, personalData: personalData, origins: origins))
        } else if let tmx {
            let destination = try OutputFile(tmx)
            let sink = try destination.open()
            var written = 0
            do {
                var writer = try TMXWriter(sink: sink, header: MemoryHeader(sourceLanguage: tags[pivot], creationTool: "Verbale", creationToolVersion: VerbaleVersion.current))
                for index in results.indices {
                    for unit in translationUnits(index) { try writer.write(unit); written += 1 }
                }
                try writer.finish()
                try sink.close()
                try destination.commit()
            } catch {
                destination.discard()
                throw error
            }
            if !destination.isStandardStream { Terminal.writeError(Self.summary(results, written: written, verb: "wrote", to: tmx)) }
        } else if importUnits {
            let sources = results.indices.map { ArrayUnitSource(name: sets[$0].inputs.map(\.name).joined(separator: " "), units: translationUnits($0)) }
            let memory = try memoryOption.open(creating: true)
            let summary: ImportSummary
            do {
                // Already scrubbed above (or kept on purpose): import stores the texts as given.
                summary = try memory.importUnits(from: sources, options: ImportOptions(scrubPersonalData: false))
            } catch {
                throw CommandFailure("\(error); nothing was imported")
            }
            print(Self.summary(results, written: summary.added, verb: "imported", to: memory.path.path), terminator: "")
        } else {
            let view = SideBySide(languages: results[0].languages, tags: tags)
            for (set, result) in zip(sets, results) {
                if let line = set.line { Swift.print("── line \(line): \(set.inputs.map(\.name).joined(separator: "  "))") }
                view.print(result)
            }
            let units = results.reduce(0) { $0 + $1.units.count }
            let review = results.reduce(0) { $0 + $1.unitsNeedingReview }
            Terminal.writeError("\(units) units, \(review) flagged for review (below \(minConfidence) or without a counterpart)\n")
        }
    }

    // MARK: - Reading

    static func parse(_ argument: String) throws -> (LanguageTag, String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw ValidationError("\"\(argument)\": give documents as LANG=FILE, e.g. en=note.txt fr=note.docx")
        }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { throw ValidationError("\"\(argument)\": the file name is missing after =") }
        do {
            return (try LanguageTag(String(argument[..<equals])), path)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `-` reads standard input; errors name the file (and the line, for bad encodings).
    static func readParagraphs(_ path: String, lossy: Bool) throws -> [String] {
        try InputText.requireFile(path)
        do {
            if path == "-" {
                return try DocumentReader.paragraphs(data: FileHandle.standardInput.readDataToEndOfFile(), name: "<stdin>", lossy: lossy)
            }
            return try DocumentReader.paragraphs(contentsOf: URL(fileURLWithPath: path), lossy: lossy)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Warns when a document's script contradicts its declared language (km= with Latin text,
    /// en=/fr= with Khmer), or the text reads clearly as the other Latin language.
    static func warnIfScriptDiffers(_ document: AlignmentDocument, declared: Language, name: String) {
        let text = document.sentences.prefix(200).joined(separator: " ")
        let detected = LanguageDetector.detect(text)
        guard detected != declared else { return }
        if declared == .khmer || detected == .khmer {
            Terminal.writeError("warning: \(name) is declared \(declared.englishName) but its text is mostly \(detected == .khmer ? "Khmer" : "Latin") script; check the LANG= prefix\n")
        } else {
            Terminal.writeError("warning: \(name) is declared \(declared.englishName) but reads like \(detected.englishName); check the LANG= prefix\n")
        }
    }

    /// Says on stderr, per document pair, when the two documents do not look like translations
    /// of each other (`DocumentEvidence`): the wrong file picked from a folder of notes would
    /// otherwise fill the memory with false 100 % matches (review 1130b M4). Every unit of such
    /// a set is already flagged for review (stored unreviewed); the warning says why, with the
    /// figures measured. Cost: none beyond the alignment.
    static func warnIfUnrelated(_ results: [MultilingualAlignment], _ sets: [DocumentSet]) {
        for (result, set) in zip(results, sets) {
            for pair in result.unrelatedPairs {
                let names = [pair.sourceLanguage, pair.targetLanguage].compactMap { language in
                    set.inputs.first { $0.document.language == language }?.name
                }
                let place = set.line.map { "line \($0) of the archive: " } ?? ""
                Terminal.writeError("warning: \(place)\(names.joined(separator: " and ")): these documents do not look like translations of each other: \(pair.evidence.summary); every unit is flagged for review and stored unreviewed\n")
            }
        }
    }

    /// Terms of the shipped termbases (countries, diplomatic terms) in these languages, as
    /// anchors. A termbase that cannot be read costs only its anchors: a warning names it.
    static func glossaryConcepts(for languages: [Language]) -> [TermConcept] {
        guard let termbases = TermbaseConcepts.shipped else { return [] }
        let reading = termbases.read(for: languages)
        for problem in reading.problems { Terminal.writeError("warning: \(problem)\n") }
        return reading.concepts
    }

    // MARK: - Output

    static func summary(_ results: [MultilingualAlignment], written: Int, verb: String, to target: String) -> String {
        let units = results.flatMap(\.units)
        let review = units.filter { $0.needsReview && $0.variants.count >= 2 }.count
        let single = units.filter { $0.variants.count < 2 }.count
        var text = "\(verb) \(written) units to \(target)"
        text += review > 0 ? " (\(review) below --min-confidence \(results.first?.minimumConfidence ?? 0), marked unreviewed)" : ""
        text += "\n"
        if single > 0 { text += "  \(single) sentences have no counterpart in another document and were left out\n" }
        return text
    }
}

/// `--json`: the contract fields `variants`, `confidence`, `bead`, plus `review` and the
/// sentence numbers (0-based, end exclusive) per language, and `personal_data`: how many
/// values of each kind were replaced by placeholders (empty with --keep-personal-data), and
/// each unit's `origin` as `--tmx`/`--import` store it.
/// With `--archive`, each unit and length model also has `document` (its set's manifest line)
/// and `documents` lists every set's line and files; sentence numbers count within the set.
private struct AlignmentJSON: Encodable {
    struct Unit: Encodable {
        var variants: [String: String]
        var confidence: Double
        var bead: String
        var review: Bool
        var sentences: [String: [Int]]
        var document: Int?
        /// The provenance `--tmx` and `--import` store for this unit (file names only, personal
        /// data replaced as in the texts).
        var origin: String
    }
    struct Model: Encodable {
        var source: String
        var target: String
        var ratio: Double
        var variance: Double
        var document: Int?
        /// `DocumentEvidence`: beads with both sides, those sharing content evidence, the same
        /// count for sentences paired off the diagonal, and the verdict.
        var beads: Int
        var supportedBeads: Int
        var chanceSupportedBeads: Int
        var unrelated: Bool

        enum CodingKeys: String, CodingKey {
            case source, target, ratio, variance, document, beads, unrelated
            case supportedBeads = "supported_beads"
            case chanceSupportedBeads = "chance_supported_beads"
        }
    }
    struct Document: Encodable {
        var line: Int
        var files: [String: String]
    }
    var units: [Unit]
    var languages: [String]
    var pivot: String
    var minConfidence: Double
    var lengthModels: [Model]
    var personalData: [String: Int]
    var documents: [Document]?

    /// `lines`: each result's manifest line (nil outside an archive); `files`: each set's
    /// (tag, "tag=path") pairs.
    init(_ results: [MultilingualAlignment], lines: [Int?], files: [[(String, String)]], tags: [Language: LanguageTag],
         personalData: [PersonalDataKind: Int], origins: [[String]]) {
        func tag(_ language: Language) -> String { tags[language]?.description ?? language.rawValue }
        units = []
        lengthModels = []
        for ((result, line), setOrigins) in zip(zip(results, lines), origins) {
            units += zip(result.units, setOrigins).map { unit, origin in
                Unit(variants: Dictionary(uniqueKeysWithValues: unit.variants.map { (tag($0.key), $0.value) }),
                     confidence: unit.confidence, bead: unit.bead, review: unit.needsReview,
                     sentences: Dictionary(uniqueKeysWithValues: unit.sentences.map { (tag($0.key), [$0.value.lowerBound, $0.value.upperBound]) }),
                     document: line, origin: origin)
            }
            lengthModels += result.pairs.map {
                Model(source: tag($0.sourceLanguage), target: tag($0.targetLanguage), ratio: $0.lengthModel.ratio, variance: $0.lengthModel.variance, document: line,
                      beads: $0.evidence.beads, supportedBeads: $0.evidence.supported, chanceSupportedBeads: $0.evidence.chanceSupported,
                      unrelated: $0.evidence.looksUnrelated)
            }
        }
        let first = results.first
        languages = first?.languages.map(tag) ?? []
        pivot = first.map { tag($0.pivot) } ?? ""
        minConfidence = first?.minimumConfidence ?? 0
        self.personalData = Dictionary(uniqueKeysWithValues: personalData.map { ($0.key.rawValue, $0.value) })
        let listed = zip(lines, files).compactMap { line, files in
            line.map { Document(line: $0, files: Dictionary(files.map { ($0.0, String($0.1.dropFirst($0.0.count + 1))) }, uniquingKeysWith: { a, _ in a })) }
        }
        documents = listed.isEmpty ? nil : listed
    }

    enum CodingKeys: String, CodingKey {
        case units, languages, pivot, documents
        case minConfidence = "min_confidence"
        case lengthModels = "length_models"
        case personalData = "personal_data"
        /// The same counts under `verbale import --json`'s name, beside the documented
        /// `personal_data` (review 1130c, m2: one name across commands for tools).
        case personalDataAsImport = "personalData"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(units, forKey: .units)
        try container.encode(languages, forKey: .languages)
        try container.encode(pivot, forKey: .pivot)
        try container.encodeIfPresent(documents, forKey: .documents)
        try container.encode(minConfidence, forKey: .minConfidence)
        try container.encode(lengthModels, forKey: .lengthModels)
        try container.encode(personalData, forKey: .personalData)
        try container.encode(personalData, forKey: .personalDataAsImport)
    }
}

/// Human output: the languages in columns, one unit per block, with its confidence and shape.
private struct SideBySide {
    var languages: [Language]
    var tags: [Language: LanguageTag]

    func print(_ result: MultilingualAlignment) {
        let width = max(Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120, 60)
        // Wide enough for the longest label, "0.20 1-1-1 review" with three languages (review
        // 1201a m4: a fixed 16 glued "review" to the first column's text).
        let gutter = 2 * languages.count + 12
        let column = max((width - gutter - 3 * (languages.count - 1)) / languages.count, 12)
        let header = languages.map { pad(tags[$0]?.description ?? $0.rawValue, column) }.joined(separator: " │ ")
        Swift.print(pad("confidence", gutter) + header)
        for unit in result.units {
            let lines = languages.map { wrap(unit.variants[$0] ?? "—", column) }
            let height = lines.map(\.count).max() ?? 1
            for row in 0..<height {
                let label = row == 0 ? String(format: "%.2f %@%@", unit.confidence, unit.bead, unit.needsReview ? " review" : "") : ""
                let cells = lines.map { row < $0.count ? pad($0[row], column) : String(repeating: " ", count: column) }
                Swift.print(pad(label, gutter) + cells.joined(separator: " │ "))
            }
        }
    }

    /// Lines and widths as a terminal shows them: Khmer is wrapped between its words (review
    /// 1130g m8: cut at a count of characters, it was wrapped inside them).
    let columns = TextColumns()

    private func pad(_ text: String, _ size: Int) -> String {
        text + String(repeating: " ", count: max(size - TextColumns.width(text), 0))
    }

    private func wrap(_ text: String, _ size: Int) -> [String] {
        columns.wrap(text, width: size)
    }
}
