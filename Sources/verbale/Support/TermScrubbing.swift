import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleGlossary
import VerbaleMemory

/// Replaces personal data in the free texts of imported terms — definitions, notes, sources,
/// usage notes, TBX `descrip`/`note`/`admin`/`transacNote` — with `verbale import`'s scrubber,
/// before `glossary import` stores them. The term texts themselves are left alone: a term is
/// what the glossary is for, and a glossary legitimately holds names of offices and titles.
///
/// Why: the glossary lives in the same SQLite file as the memory and is shared the same way;
/// termbases exported from ministry tools carry "entered by", "checked by" and contact notes
/// with names, e-mail addresses and phone numbers (review 1130b, G1).
///
/// How: each concept's free texts become the properties of one translation unit without
/// variants, so the scrubber's own rules apply unchanged — a value found in one text (a name
/// after "Mr." in the definition) is replaced wherever it recurs in the concept's other texts,
/// with the same placeholder; a TBX responsibility field (who entered or changed the entry)
/// is read as written after "Author:". Cost: the scrubber's byte pass per free text; most
/// concepts have none or one.
final class TermScrubbing {
    private let scrubber: PersonalDataScrubber
    /// Every replacement, in import order (the `--report` rows).
    private(set) var findings: [PersonalDataFinding] = []
    /// Per file, the termbase name stored in place of one that held personal data.
    private(set) var renamed: [String: String] = [:]

    init() throws { scrubber = try PersonalDataScrubber() }

    /// `job` with its termbase's name and file name scrubbed (`storedNames`) and every concept
    /// it reads scrubbed before it is stored; `file` names the file in the findings.
    func wrap(_ job: TermbaseStore.ImportJob, file: String) -> TermbaseStore.ImportJob {
        var wrapped = job
        (wrapped.termbase, wrapped.origin) = storedNames(termbase: job.termbase, origin: job.origin, file: file)
        // A CSV/TSV row without an id is named after the file (`FILE#LINE`): after the file's
        // stored name too, when that was scrubbed.
        let given = GlossaryCSV.generatedIDPrefix(file: file)
        let stored = wrapped.origin.flatMap { $0 == job.origin ? nil : GlossaryCSV.generatedIDPrefix(file: $0) }
        let read = job.read
        wrapped.read = { [self] each in
            var position = 0
            // The ids stored so far in this file, with the id each was read as: two ids that
            // differ only in personal data (`jane@….kh-17`, `john@….kh-17`) must not become one
            // concept that replaces the other.
            var storedIDs: [String: String] = [:]
            try read { concept in
                position += 1
                var concept = concept
                if let stored, concept.id.hasPrefix(given) { concept.id = stored + concept.id.dropFirst(given.count) }
                let read = concept.id
                var scrubbed = scrub(concept, file: file, position: position)
                scrubbed.id = PersonalDataKind.distinctPlaceholders(in: scrubbed.id) { storedIDs[$0].map { $0 != read } ?? false }
                storedIDs[scrubbed.id] = read
                try each(scrubbed)
            }
        }
        return wrapped
    }

    /// The termbase's name and its file's name (`origin`) as they are stored, personal data
    /// replaced exactly as `verbale import` replaces it in a unit's origin and id: the scrubber
    /// reads them as identifiers (`_`, `-`, `.` as spaces; an e-mail leaves the file's
    /// extension out), so `visa_Mr_Sok_Dara.tbx` is stored as file `visa_Mr_{PERSON}.tbx`,
    /// termbase `visa_Mr_{PERSON}`. A name taken from the file (no `--termbase`) is the stored
    /// file name without its extension, so the two never disagree. Findings name the field
    /// `termbase file` or `termbase`.
    ///
    /// Why: a termbase is named after its file unless `--termbase` says otherwise, and files
    /// are named after the person who keeps them or whom they concern; `lookup` printed the
    /// name and file beside every concept (`from: jane.doe@….tbx#c1`), and both sit in the
    /// shared memory file. The TBX header's title and `sourceDesc` are read but never stored.
    /// Only the patterns apply here, as to a memory unit whose texts hold no personal data: the
    /// name is stored before the concepts are read.
    func storedNames(termbase: String, origin: String?, file: String) -> (termbase: String, origin: String?) {
        let fromFile = origin.map { Self.baseName($0) == termbase } ?? false
        // One unit for both, so a value in both gets one placeholder.
        let unit = TranslationUnit(id: fromFile ? nil : termbase, variants: [], metadata: UnitMetadata(origin: origin))
        let (scrubbed, found) = scrubber.scrub(unit, file: file, position: 0)
        guard !found.isEmpty else { return (termbase, origin) }
        for var finding in found {
            finding.field = finding.field == "origin" ? "termbase file" : "termbase"
            finding.unitID = nil
            findings.append(finding)
        }
        let storedOrigin = scrubbed.metadata.origin
        let stored = fromFile ? storedOrigin.map(Self.baseName) ?? termbase : scrubbed.id ?? termbase
        if stored != termbase { renamed[file] = stored }
        return (stored, storedOrigin)
    }

    /// The note `glossary import` prints for a file whose termbase name was changed, or nil:
    /// the user looks for the termbase under the name given, and files whose names differ only
    /// in the person share the stored one (a concept id in both is replaced, as in any import).
    func renameNote(file: String) -> String? {
        renamed[file].map {
            "note: \(file): its termbase is stored as \"\($0)\": the name held personal data; files whose names differ only there share that termbase (--termbase NAME keeps them apart)"
        }
    }

    /// `file.tbx` → `file`: how `GlossaryImport` names a termbase after its file.
    static func baseName(_ file: String) -> String {
        ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// How many values of each kind were replaced in `file` ("PERSON": 2).
    func counts(file: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for finding in findings where finding.file == file { counts[finding.kind.rawValue, default: 0] += 1 }
        return counts
    }

    /// Where a free text sits in a concept, to put its scrubbed value back.
    private enum Slot {
        case definition, note, field(Int), languageField(Int), termSource(Int), termUsage(Int), termField(Int, Int)
    }

    /// `concept` with personal data replaced in its free texts and its id; the findings are kept.
    ///
    /// The id is scrubbed as a memory unit's id is (`PersonalDataScrubber`, identifier rules:
    /// `_`, `-`, `.` read as spaces), last, so a value found in a text and in the id gets one
    /// placeholder: tools mint concept ids from the author's address (TBX `<conceptEntry
    /// id="jane.doe@mfa.gov.kh-17">`, a CSV `id` column), and the id is stored, printed by
    /// `lookup` (`from: FILE#ID`) and exported. Findings in it name the field `id`.
    func scrub(_ concept: Concept, file: String, position: Int) -> Concept {
        var slots: [(slot: Slot, name: String, language: LanguageTag?)] = []
        var properties: [Property] = []
        func add(_ slot: Slot, _ text: String?, name: String, language: LanguageTag?, responsibility: Bool = false) {
            guard let text, !text.isEmpty else { return }
            // A unique type per text maps findings back; a responsibility field takes the type
            // the scrubber reads as an author's name.
            properties.append(Property(type: responsibility ? Self.responsibilityType : "x-glossary-\(slots.count)", value: text))
            slots.append((slot, name, language))
        }
        add(.definition, concept.definition, name: "definition", language: nil)
        add(.note, concept.note, name: "note", language: nil)
        for (index, field) in concept.fields.enumerated() where Self.isFreeText(field) {
            add(.field(index), field.value, name: Self.name(field), language: nil, responsibility: Self.isResponsibility(field))
        }
        for (index, item) in concept.languageFields.enumerated() where Self.isFreeText(item.field) {
            add(.languageField(index), item.field.value, name: Self.name(item.field), language: item.language,
                responsibility: Self.isResponsibility(item.field))
        }
        for (termIndex, term) in concept.terms.enumerated() {
            add(.termSource(termIndex), term.source, name: "term \(termIndex + 1) source", language: term.language)
            add(.termUsage(termIndex), term.usageNote, name: "term \(termIndex + 1) usage note", language: term.language)
            for (index, field) in term.fields.enumerated() where Self.isFreeText(field) {
                add(.termField(termIndex, index), field.value, name: "term \(termIndex + 1) \(Self.name(field))", language: term.language,
                    responsibility: Self.isResponsibility(field))
            }
        }
        let unit = TranslationUnit(id: concept.id, variants: [], metadata: UnitMetadata(properties: properties))
        let (scrubbed, found) = scrubber.scrub(unit, file: file, position: position)
        guard !found.isEmpty else { return concept }
        var result = concept
        if let id = scrubbed.id, !id.isEmpty { result.id = id }
        for (index, property) in scrubbed.metadata.properties.enumerated() where index < slots.count {
            let value = property.value
            switch slots[index].slot {
            case .definition: result.definition = value
            case .note: result.note = value
            case let .field(i): result.fields[i].value = value
            case let .languageField(i): result.languageFields[i].field.value = value
            case let .termSource(t): result.terms[t].source = value
            case let .termUsage(t): result.terms[t].usageNote = value
            case let .termField(t, i): result.terms[t].fields[i].value = value
            }
        }
        for var finding in found {
            // `property:TYPE` → the text's place in the concept, for the report.
            let type = finding.field.map { $0.hasPrefix("property:") ? String($0.dropFirst("property:".count)) : $0 }
            let index = type.flatMap { type in
                type == Self.responsibilityType
                    ? properties.firstIndex { $0.type == type }
                    : type.hasPrefix("x-glossary-") ? Int(type.dropFirst("x-glossary-".count)) : nil
            }
            if let index, index < slots.count {
                finding.field = slots[index].name
                finding.language = slots[index].language?.description ?? ""
            }
            finding.unitID = concept.id
            findings.append(finding)
        }
        return result
    }

    /// The property type the scrubber reads as a person's role (`Author`): a TBX
    /// `responsibility` field names who entered or changed the entry, often without a title.
    static let responsibilityType = "x-author"

    /// Data categories holding free text a person may have written: notes, descriptions
    /// (definition, context, explanation; not the subject field, a code), administrative data
    /// (source, responsibility) and transaction notes. Term notes (part of speech, term type,
    /// status…), dates and cross-references are codes and stay as they are.
    static func isFreeText(_ field: TermField) -> Bool {
        switch field.element {
        case "note", "admin", "transacNote": true
        case "descrip": field.type != "subjectField"
        default: false
        }
    }

    static func isResponsibility(_ field: TermField) -> Bool {
        field.type?.lowercased().hasPrefix("responsib") ?? false
    }

    /// `descrip:definition`, `note`: how the report names a field.
    static func name(_ field: TermField) -> String {
        field.type.map { "\(field.element):\($0)" } ?? field.element
    }
}
