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
        discussion: """
        Give each document as LANG=FILE (plain text, Markdown or Word .docx; - reads standard input). Paragraphs are aligned first, then sentences inside them, by length (Gale–Church, with the length ratio and variance measured on the documents) and by anchors that translations keep: numbers (Khmer digits too), dates, e-mail addresses, names, ? ! :, list numbers, glossary terms. With three documents, each is aligned to the pivot (English by default) and the result is multilingual units.

        Every unit has a confidence (0–1). Units below --min-confidence, and sentences with no counterpart, are flagged for review: they are shown with "review", written to TMX with x-review "unreviewed", and imported only as unreviewed units — never as attested translations.

        Examples:
          verbale align en=note-en.txt fr=note-fr.docx
          verbale align en=note-en.md fr=note-fr.md km=note-km.txt --json
          verbale align en=a.txt km=b.txt --tmx aligned.tmx --min-confidence 0.7
          verbale align en=a.docx fr=b.docx km=c.docx --pivot fr --import
        """
    )

    @Argument(help: ArgumentHelp("Two or three documents as LANG=FILE (en=a.txt fr=b.docx km=c.txt).", valueName: "lang=file"))
    var documents: [String]

    @Option(help: ArgumentHelp("The language every other document is aligned to (three documents).", valueName: "tag"))
    var pivot: String = "en"

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
        guard (2...3).contains(documents.count) else {
            throw ValidationError("give two or three documents as LANG=FILE, e.g. verbale align en=a.txt fr=b.docx")
        }
        if documents.filter({ $0.hasSuffix("=-") }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1, not \(minConfidence)") }
        if [json, tmx != nil, importUnits].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --json, --tmx and --import")
        }
    }

    func run() throws {
        var inputs: [(tag: LanguageTag, name: String, document: AlignmentDocument)] = []
        for argument in documents {
            let (tag, path) = try Self.parse(argument)
            guard let language = tag.language else { throw ValidationError("unsupported language \(tag)") }
            if inputs.contains(where: { $0.tag.language == language }) {
                throw ValidationError("\(language.englishName) is given twice; give each language once")
            }
            let name = "\(tag)=\(path)"
            let paragraphs = try Self.readParagraphs(path, lossy: lossy)
            let segmenter = try Segmenter(language: language)
            let sentences = paragraphs.map { paragraph in
                segmenter.segments(of: paragraph).map { $0.text.split(whereSeparator: \.isNewline).joined(separator: " ") }
            }
            let document = AlignmentDocument(language: language, paragraphs: sentences)
            guard !document.isEmpty else {
                throw CommandFailure("\(name): the document is empty (no text to align); each side needs text")
            }
            Self.warnIfScriptDiffers(document, declared: language, name: name)
            inputs.append((tag, name, document))
        }
        let pivotLanguage: Language
        do {
            guard let language = try LanguageTag(pivot).language else { throw ValidationError("unsupported pivot \(pivot)") }
            pivotLanguage = language
        } catch let error as LanguageTagError {
            throw ValidationError("--pivot: \(error.description)")
        }
        guard inputs.contains(where: { $0.document.language == pivotLanguage }) else {
            if documents.count == 3 || pivot != "en" {
                throw ValidationError("the pivot \(pivotLanguage.rawValue) is not among the documents; pass --pivot with one of \(inputs.map { $0.tag.description }.joined(separator: ", "))")
            }
            return try align(inputs, pivot: inputs[0].document.language)
        }
        try align(inputs, pivot: pivotLanguage)
    }

    private func align(_ inputs: [(tag: LanguageTag, name: String, document: AlignmentDocument)], pivot: Language) throws {
        let counts = inputs.map { "\($0.tag) \($0.document.paragraphs.count)" }
        if Set(inputs.map { $0.document.paragraphs.count }).count > 1 {
            Terminal.writeError("note: the documents have different numbers of paragraphs (\(counts.joined(separator: ", "))); paragraphs are aligned by content\n")
        }
        let concepts = noGlossary ? [] : Self.glossaryConcepts(for: inputs.map(\.document.language))
        let aligner = PivotAligner(aligner: Aligner(options: .init(concepts: concepts)), minimumConfidence: minConfidence)
        var result: MultilingualAlignment
        do { result = try aligner.align(inputs.map(\.document), pivot: pivot) } catch {
            throw CommandFailure(error.description)
        }
        let tags = Dictionary(uniqueKeysWithValues: inputs.map { ($0.document.language, $0.tag) })
        let names = Dictionary(uniqueKeysWithValues: inputs.map { ($0.document.language, $0.name) })
        let personalData = keepPersonalData ? [:] : try AlignmentScrubbing.scrub(&result, tags: tags)
        if !json, !personalData.isEmpty {
            Terminal.writeError("personal data replaced: \(AlignmentScrubbing.describe(personalData)) (--keep-personal-data keeps it)\n")
        }
        if json {
            try printJSON(AlignmentJSON(result, tags: tags, personalData: personalData))
        } else if let tmx {
            let units = result.units.compactMap { $0.translationUnit(tags: tags, names: names, languages: result.languages) }
            let sink = try ByteSink(url: URL(fileURLWithPath: tmx))
            var writer = try TMXWriter(sink: sink, header: MemoryHeader(sourceLanguage: tags[pivot], creationTool: "Verbale", creationToolVersion: VerbaleVersion.current))
            for unit in units { try writer.write(unit) }
            try writer.finish()
            try sink.close()
            if tmx != "-" { Terminal.writeError(Self.summary(result, written: units.count, verb: "wrote", to: tmx)) }
        } else if importUnits {
            let units = result.units.compactMap { $0.translationUnit(tags: tags, names: names, languages: result.languages) }
            let memory = try memoryOption.open()
            let summary: ImportSummary
            do {
                // Already scrubbed above (or kept on purpose): import stores the texts as given.
                summary = try memory.importUnits(from: [ArrayUnitSource(name: inputs.map(\.name).joined(separator: " "), units: units)],
                                                 options: ImportOptions(scrubPersonalData: false))
            } catch {
                throw CommandFailure("\(error); nothing was imported")
            }
            print(Self.summary(result, written: summary.added, verb: "imported", to: memory.path.path), terminator: "")
        } else {
            SideBySide(languages: result.languages, tags: tags).print(result)
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

    /// Terms of the shipped termbases (countries, diplomatic terms) in these languages, as
    /// anchors. A termbase that cannot be read costs only its anchors: a warning names it.
    static func glossaryConcepts(for languages: [Language]) -> [TermConcept] {
        guard let termbases = TermbaseConcepts.shipped else { return [] }
        let reading = termbases.read(for: languages)
        for problem in reading.problems { Terminal.writeError("warning: \(problem)\n") }
        return reading.concepts
    }

    // MARK: - Output

    static func summary(_ result: MultilingualAlignment, written: Int, verb: String, to target: String) -> String {
        let review = result.units.filter { $0.needsReview && $0.variants.count >= 2 }.count
        let single = result.units.filter { $0.variants.count < 2 }.count
        var text = "\(verb) \(written) units to \(target)"
        text += review > 0 ? " (\(review) below --min-confidence \(result.minimumConfidence), marked unreviewed)" : ""
        text += "\n"
        if single > 0 { text += "  \(single) sentences have no counterpart in another document and were left out\n" }
        return text
    }
}

/// `--json`: the contract fields `variants`, `confidence`, `bead`, plus `review` and the
/// sentence numbers (0-based, end exclusive) per language, and `personal_data`: how many
/// values of each kind were replaced by placeholders (empty with --keep-personal-data).
private struct AlignmentJSON: Encodable {
    struct Unit: Encodable {
        var variants: [String: String]
        var confidence: Double
        var bead: String
        var review: Bool
        var sentences: [String: [Int]]
    }
    struct Model: Encodable {
        var source: String
        var target: String
        var ratio: Double
        var variance: Double
    }
    var units: [Unit]
    var languages: [String]
    var pivot: String
    var minConfidence: Double
    var lengthModels: [Model]
    var personalData: [String: Int]

    init(_ result: MultilingualAlignment, tags: [Language: LanguageTag], personalData: [PersonalDataKind: Int]) {
        func tag(_ language: Language) -> String { tags[language]?.description ?? language.rawValue }
        units = result.units.map { unit in
            Unit(variants: Dictionary(uniqueKeysWithValues: unit.variants.map { (tag($0.key), $0.value) }),
                 confidence: unit.confidence, bead: unit.bead, review: unit.needsReview,
                 sentences: Dictionary(uniqueKeysWithValues: unit.sentences.map { (tag($0.key), [$0.value.lowerBound, $0.value.upperBound]) }))
        }
        languages = result.languages.map(tag)
        pivot = tag(result.pivot)
        minConfidence = result.minimumConfidence
        self.personalData = Dictionary(uniqueKeysWithValues: personalData.map { ($0.key.rawValue, $0.value) })
        lengthModels = result.pairs.map { Model(source: tag($0.sourceLanguage), target: tag($0.targetLanguage), ratio: $0.lengthModel.ratio, variance: $0.lengthModel.variance) }
    }

    enum CodingKeys: String, CodingKey {
        case units, languages, pivot
        case minConfidence = "min_confidence"
        case lengthModels = "length_models"
        case personalData = "personal_data"
    }
}

/// Human output: the languages in columns, one unit per block, with its confidence and shape.
private struct SideBySide {
    var languages: [Language]
    var tags: [Language: LanguageTag]

    func print(_ result: MultilingualAlignment) {
        let width = max(Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120, 60)
        let gutter = 16
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
        let review = result.unitsNeedingReview
        Terminal.writeError("\(result.units.count) units, \(review) flagged for review (below \(result.minimumConfidence) or without a counterpart)\n")
    }

    /// Display width, roughly: combining marks and U+200B take no column.
    private func width(_ text: String) -> Int {
        text.unicodeScalars.filter { !($0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark || $0 == "\u{200B}") }.count
    }

    private func pad(_ text: String, _ size: Int) -> String {
        text + String(repeating: " ", count: max(size - width(text), 0))
    }

    private func wrap(_ text: String, _ size: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var piece = String(word)
            while width(piece) > size {
                if !current.isEmpty { lines.append(current); current = "" }
                // Khmer runs have no spaces: break after a U+200B when there is one.
                var head = String(piece.prefix(size))
                if let zwsp = head.lastIndex(of: "\u{200B}"), zwsp > head.startIndex { head = String(head[...zwsp]) }
                lines.append(head)
                piece = String(piece.dropFirst(head.count))
            }
            if current.isEmpty {
                current = piece
            } else if width(current) + 1 + width(piece) <= size {
                current += " " + piece
            } else {
                lines.append(current)
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
