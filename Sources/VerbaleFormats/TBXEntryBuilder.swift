import Foundation
import VerbaleCore

/// The state machine behind `TBXReader`: turns the scanner's events into concepts, one
/// `termEntry`/`conceptEntry` at a time, and checks TBX's structure (a language on every
/// language section, terms inside a term section, unique ids, no empty terms or entries).
///
/// A TBX rule broken or `each` refusing a concept sets `error` and throws a `FormatError` only
/// to stop the scan; `TBXReader` then reports `error`. Positions are where the scanner stood:
/// the start of the tag. Cost: O(1) per event, memory one entry.
struct TBXEntryBuilder: XMLEventHandler {
    let name: String
    let each: (Concept) throws -> Void
    private(set) var error: TBXError?
    private(set) var header = TBXHeader(version: .v2)
    private(set) var sawRoot = false

    private var concept: Concept?
    private var conceptLine = 0
    /// The open entry's element, its `id` as written (nil without one) and where its tag starts.
    private var openEntry: (element: String, id: String?, line: Int, column: Int) = ("termEntry", nil, 0, 0)
    private var seenIDs: [String: Int] = [:]
    private var entryCount = 0
    private var language: LanguageTag?
    private var term: Term?
    private var termPosition = XMLPosition(line: 0, column: 0)
    /// Open data-category element: its element name, attributes and collected text.
    private var field: (element: String, type: String?, attributes: [Property])?
    private var text = ""
    private var capturing = false
    private var sawStatus = false, sawReview = false
    private var group: (number: Int, element: String)?
    private var groupCounter = 0
    private var inHeader = false, inSourceDesc = false
    private var headerElement: String?

    private static let dataCategories: Set<String> = ["descrip", "admin", "termNote", "note", "transac", "date", "ref", "xref", "transacNote"]
    private static let groups: Set<String> = ["descripGrp", "adminGrp", "transacGrp", "termNoteGrp"]

    init(name: String, each: @escaping (Concept) throws -> Void) {
        self.name = name
        self.each = each
    }

    /// Records `failure` and stops the scan.
    private mutating func fail(_ failure: TBXError, at position: XMLPosition) -> FormatError {
        if error == nil { error = failure }
        return FormatError(file: name, line: position.line, column: position.column, reason: .malformedXML("\(failure)"))
    }

    mutating func didStart(_ element: String, attributes: XMLAttributes, at position: XMLPosition) throws(FormatError) {
        let line = position.line, column = position.column
        if !sawRoot {
            sawRoot = true
            switch element {
            case "martif": header.version = .v2
            case "tbx": header.version = .v3
            default: throw fail(.notTBX(file: name, root: element), at: position)
            }
            header.dialect = attributes["type"]
            header.language = attributes["xml:lang"]
            return
        }
        switch element {
        case "martifHeader", "tbxHeader":
            inHeader = true
        case "sourceDesc":
            inSourceDesc = true
        case "p" where inSourceDesc, "title" where inHeader:
            headerElement = element
            text = ""
            capturing = true
        case "termEntry", "conceptEntry":
            guard concept == nil else {
                // The entry before lacks its end tag: say so, with where it opened.
                throw fail(.unclosedEntry(file: name, line: line, column: column, element: element, open: openEntry.element, id: openEntry.id,
                                          openLine: openEntry.line, openColumn: openEntry.column), at: position)
            }
            entryCount += 1
            let givenID = attributes["id"].flatMap { $0.isEmpty ? nil : $0 }
            openEntry = (element, givenID, line, column)
            let id = givenID ?? "entry-\(entryCount)"
            if let first = seenIDs[id] {
                throw fail(.duplicateConcept(file: name, line: line, column: column, concept: id, firstLine: first), at: position)
            }
            seenIDs[id] = line
            concept = Concept(id: id)
            conceptLine = line
        case "langSet", "langSec":
            guard concept != nil else {
                throw fail(.misplaced(file: name, line: line, column: column, element: element, expected: "a termEntry/conceptEntry"), at: position)
            }
            guard let tag = attributes["xml:lang"] ?? attributes["lang"], !tag.isEmpty else {
                throw fail(.missingLanguage(file: name, line: line, column: column, element: element), at: position)
            }
            do { language = try LanguageTag(parsing: tag) } catch {
                throw fail(.badLanguage(file: name, line: line, column: column, tag: tag, reason: error.description), at: position)
            }
            if let language {
                LanguageLocation.adding(LanguageLocation(tag: language, line: line, column: column, place: "<\(element)>"), to: &header.languageSections)
            }
        case "tig", "ntig", "termSec":
            guard let language else { throw fail(.missingLanguage(file: name, line: line, column: column, element: element), at: position) }
            term = Term(language: language, text: "")
            sawStatus = false
            sawReview = false
            termPosition = position
        case "term":
            guard term != nil else {
                throw fail(.misplaced(file: name, line: line, column: column, element: element, expected: "a tig/ntig/termSec inside a langSet/langSec"), at: position)
            }
            text = ""
            capturing = true
        case _ where Self.groups.contains(element):
            groupCounter += 1
            group = (groupCounter, element)
        case _ where Self.dataCategories.contains(element):
            guard concept != nil else { return }
            var others: [Property] = []
            for (key, value) in attributes where key != "type" { others.append(Property(type: key, value: value)) }
            others.sort { $0.type < $1.type }
            field = (element, attributes["type"], others)
            text = ""
            capturing = true
        default:
            break
        }
    }

    mutating func characters(_ string: String) throws(FormatError) {
        if capturing { text += string }
    }

    mutating func didEnd(_ element: String, at position: XMLPosition) throws(FormatError) {
        let line = position.line, column = position.column
        switch element {
        case "martifHeader", "tbxHeader":
            inHeader = false
        case "sourceDesc":
            inSourceDesc = false
        case "p" where inHeader && headerElement == "p":
            header.sourceDescriptions.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            capturing = false
            headerElement = nil
        case "title" where inHeader && headerElement == "title":
            header.title = text.trimmingCharacters(in: .whitespacesAndNewlines)
            capturing = false
            headerElement = nil
        case "term":
            capturing = false
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw fail(.emptyTerm(file: name, line: line, column: column, concept: concept?.id ?? "?"), at: position) }
            term?.text = value
        case "tig", "ntig", "termSec":
            guard let finished = term else { return }
            if finished.text.isEmpty {
                throw fail(.emptyTerm(file: name, line: termPosition.line, column: termPosition.column, concept: concept?.id ?? "?"), at: termPosition)
            }
            concept?.terms.append(finished)
            term = nil
        case "langSet", "langSec":
            language = nil
        case _ where Self.groups.contains(element):
            group = nil
        case _ where Self.dataCategories.contains(element):
            guard let open = field, open.element == element else { return }
            field = nil
            capturing = false
            store(TermField(element: open.element, type: open.type, value: text.trimmingCharacters(in: .whitespacesAndNewlines),
                            attributes: open.attributes, group: group?.number, groupElement: group?.element))
        case "termEntry", "conceptEntry":
            guard let finished = concept else { return }
            concept = nil
            if finished.terms.isEmpty {
                throw fail(.emptyConcept(file: name, line: conceptLine, column: 1, concept: finished.id), at: position)
            }
            do { try each(finished) } catch {
                throw fail(.rejected(file: name, line: line, column: column, reason: "\(error)"), at: position)
            }
        default:
            break
        }
    }

    mutating func didFinish() throws(FormatError) {}

    /// Puts a data category where it belongs: a typed property of the term or concept when
    /// Verbale models it (and it is not part of a group), else a kept field.
    private mutating func store(_ field: TermField) {
        if term != nil {
            if field.group == nil, field.attributes.isEmpty {
                switch (field.element, field.type) {
                case ("termNote", "partOfSpeech") where term?.partOfSpeech == nil: term?.partOfSpeech = field.value; return
                case ("termNote", "termType") where term?.termType == nil: term?.termType = field.value; return
                case ("termNote", "usageNote") where term?.usageNote == nil: term?.usageNote = field.value; return
                case ("admin", "source") where term?.source == nil: term?.source = field.value; return
                case ("admin", "x-review") where !sawReview:
                    sawReview = true
                    if let review = ReviewStatus(rawValue: field.value) { term?.review = review; return }
                case ("termNote", "administrativeStatus") where !sawStatus, ("termNote", "normativeAuthorization") where !sawStatus:
                    sawStatus = true
                    if let status = TermStatus(tbx: field.value) { term?.status = status; return }
                default: break
                }
            }
            term?.fields.append(field)
        } else if let language {
            concept?.languageFields.append(LanguageField(language: language, field: field))
        } else {
            if field.group == nil, field.attributes.isEmpty {
                switch (field.element, field.type) {
                case ("descrip", "subjectField") where concept?.domain == nil: concept?.domain = field.value; return
                case ("descrip", "definition") where concept?.definition == nil: concept?.definition = field.value; return
                case ("note", nil) where concept?.note == nil: concept?.note = field.value; return
                default: break
                }
            }
            concept?.fields.append(field)
        }
    }
}
