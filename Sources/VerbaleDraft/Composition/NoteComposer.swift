import VerbaleCore

/// What a new note is for, who sends it, to whom, and its reference, place and date.
public struct NoteRequest: Sendable, Hashable, Codable {
    public var sender: String
    public var recipient: String
    public var purpose: String
    public var reference: String?
    public var place: String?
    public var date: NoteDate?
    /// `highest` (default) or `high`: the courtesy of the closing formula.
    public var courtesy: String

    public init(sender: String, recipient: String, purpose: String, reference: String? = nil, place: String? = nil,
                date: NoteDate? = nil, courtesy: String = "highest") {
        self.sender = sender
        self.recipient = recipient
        self.purpose = purpose
        self.reference = reference
        self.place = place
        self.date = date
        self.courtesy = courtesy
    }
}

/// A skeleton note in one language: its lines in order, each saying what it is.
public struct DraftNote: Sendable, Hashable, Codable {
    public struct Line: Sendable, Hashable, Codable {
        /// `letterhead`, `reference`, `opening`, `body`, `closing`, `place-date`, `recipient`.
        public var kind: String
        public var text: String
        /// Ids of the memory formulas used.
        public var formulas: [String]
        /// True when a wording on the line has no attested source: every Khmer formula, and
        /// every line holding Khmer that Verbale supplies itself (placeholders, "ធ្វើនៅ", city
        /// names, glue words of the reply formula) — those are curated here, not attested.
        /// Shown as "[unreviewed]" in text and as this field in `--json`.
        public var unreviewed: Bool
        /// Parts of names kept in English because no translation is known.
        public var untranslated: [String]
        /// The source note for the names on the line (Khmer): each part and what attests it,
        /// or that nothing does ("… composed by Verbale …", "framing word …: no source").
        public var sources: [String] = []
        /// True when Verbale could not render the line in this language and kept it exactly as
        /// the drafter typed it (a `--ref` holding words that are neither label, identifier nor
        /// connective: "12 (draft)", "No. 12 bis"). Shown as "[as typed]" in text and as this
        /// field in `--json`.
        public var asTyped: Bool = false
        /// The typed words Verbale could not render (empty unless `asTyped`).
        public var unrendered: [String] = []

        /// For a line of several text lines (the recipient's name, then its city), whether each
        /// holds a wording no source attests; nil when the line is one part. Why: the mark must
        /// sit on the text line a reader copies — on the city alone, the unattested Khmer
        /// ministry name above it looked attested (review 30 Nov b, m5).
        public var unreviewedParts: [Bool]? = nil

        /// The line as shown: lines kept as typed end with "[as typed]", unreviewed lines with
        /// "[unreviewed]" — each text line of a several-part line that holds an unattested part.
        public var display: String {
            let typed = asTyped ? " [as typed]" : ""
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let marks = unreviewedParts, marks.count == parts.count, parts.count > 1 else {
                return text + typed + (unreviewed ? " [unreviewed]" : "")
            }
            return zip(parts, marks).map { $0 + ($1 ? " [unreviewed]" : "") }.joined(separator: "\n") + typed
        }
    }

    public var language: Language
    public var lines: [Line]

    /// The note as plain text, blank lines between parts.
    public var text: String { lines.map(\.display).joined(separator: "\n\n") }
}

/// Composes skeleton notes from the stock-phrase memory: the template (order of the parts) is
/// code, every formula comes from the memory by role and purpose, names from `InstitutionNamer`.
///
/// Why formulas are not strings in Swift: the memory carries their provenance and review
/// status, and a ministry can change its house style by editing the TMX. Cost: microseconds.
public struct NoteComposer: Sendable {
    public var book: StockPhraseBook
    public var namer: InstitutionNamer

    public init(book: StockPhraseBook, namer: InstitutionNamer = InstitutionNamer()) {
        self.book = book
        self.namer = namer
    }

    /// Purposes this composer accepts: the memory's purpose formulas plus `reply` and `refer`.
    public var purposes: [String] {
        var all = book.purposes
        for extra in ["reply", "circular"] where !all.contains(extra) { all.append(extra) }
        return all
    }

    /// Whether a value holds nothing but spaces, newlines and U+200B (Khmer's invisible word space).
    static func isBlank(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" }
    }

    public func compose(_ request: NoteRequest, in language: Language) throws(DraftError) -> DraftNote {
        guard !request.sender.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyName("--from") }
        guard !request.recipient.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyName("--to") }
        // An optional value that is given but blank is a mistake in the call (an empty shell
        // variable), not a wish to leave it out: refused like an empty --from, rather than an
        // empty reference line or ", 1 January 2024" (review 1201a m7). Leaving the option out
        // keeps the placeholder.
        if let reference = request.reference, Self.isBlank(reference) { throw .emptyName("--ref") }
        if let place = request.place, Self.isBlank(place) { throw .emptyName("--place") }
        guard purposes.contains(request.purpose) else { throw .unknownPurpose(request.purpose, known: purposes) }
        let sender = namer.name(request.sender, in: language)
        let recipient = namer.name(request.recipient, in: language)
        var lines: [DraftNote.Line] = []
        func formula(_ role: String, purpose: String? = nil, level: String? = nil) throws(DraftError) -> (String, StockPhrase) {
            guard let phrase = book.phrase(role: role, purpose: purpose, level: level), let text = phrase.text(language) else {
                throw .missingFormula("\(role)\(purpose.map { " (\($0))" } ?? "")\(level.map { " (\($0))" } ?? "") in \(language.englishName)")
            }
            return (text, phrase)
        }
        func unreviewed(_ phrases: [StockPhrase]) -> Bool { phrases.contains { $0.wordings[language]?.isUnreviewed ?? true } }

        lines.append(.init(kind: "letterhead", text: sender.text, formulas: [], unreviewed: sender.isUnreviewed, untranslated: sender.untranslated,
                           sources: sender.sources))
        if let reference = request.reference {
            // The typed reference in this language's form (label and digits, `NoteReference`);
            // a Khmer label Verbale writes itself has no attested source.
            // Khmer label and connective Verbale writes itself have no attested source; a line
            // holding words Verbale cannot render is kept as typed and says so.
            let line = try NoteReference().line(reference, in: language)
            let sources = (line.khmerLabel.map { ["\($0) (label of the reference \"\(reference)\"): Verbale's label, no source (unreviewed)"] } ?? [])
                + (line.khmerConnective.map { ["\($0) (connective of the reference \"\(reference)\"): Verbale's word for \"and\", no source in a note (unreviewed)"] } ?? [])
            lines.append(.init(kind: "reference", text: line.text, formulas: [], unreviewed: line.khmerLabel != nil || line.khmerConnective != nil,
                               untranslated: [], sources: sources, asTyped: !line.unrendered.isEmpty, unrendered: line.unrendered))
        }

        // Opening: sender + compliments + recipient + conjunction + purpose + subject.
        let compliments = try formula("compliments", purpose: request.purpose == "circular" ? "circular" : nil)
        let and = try formula("conjunction")
        var used = [compliments.1, and.1]
        let purposeText: String
        let subject = Self.placeholder("subject", language)
        switch request.purpose {
        case "reply":
            let reference = try formula("reference", purpose: nil)
            let inform = try formula("purpose", purpose: "inform")
            used += [reference.1, inform.1]
            purposeText = switch language {
            case .english: "\(and.0), \(reference.0) the \(recipient.head)'s Note No. [number] dated [date], \(inform.0) the \(recipient.head) that \(subject)"
            case .french: "\(and.0), \(reference.0) la note n° [numéro] \(Self.frenchShort(recipient).genitive) en date du [date], \(inform.0) \(Self.frenchShort(recipient).withArticle()) que \(subject)"
            case .khmer: "\(and.0)\(reference.0)កំណត់ទូតលេខ [លេខ] ចុះ [កាលបរិច្ឆេទ] \(inform.0)ថា \(subject)"
            }
        case "circular":
            let purpose = try formula("purpose", purpose: "inform")
            used.append(purpose.1)
            purposeText = "\(and.0) \(purpose.0) \(subject)"
        default:
            let purpose = try formula("purpose", purpose: request.purpose)
            used.append(purpose.1)
            purposeText = language == .khmer ? "\(and.0)\(purpose.0) \(subject)" : "\(and.0) \(purpose.0) \(subject)"
        }
        let opening: String
        if request.purpose == "circular" {
            opening = "\(sender.withArticle(capitalized: true)) \(compliments.0) \(purposeText)"
        } else {
            opening = "\(sender.withArticle(capitalized: true)) \(Self.attach(compliments.0, to: recipient)) \(purposeText)"
        }
        lines.append(.init(kind: "opening", text: Self.endSentence(opening, language), formulas: used.map(\.id),
                           // Khmer: the subject placeholder (and the reply's glue words) are ours, unattested.
                           unreviewed: unreviewed(used) || sender.isUnreviewed || recipient.isUnreviewed || language == .khmer,
                           untranslated: sender.untranslated + recipient.untranslated))
        lines.append(.init(kind: "body", text: Self.placeholder("body", language), formulas: [], unreviewed: language == .khmer, untranslated: []))

        // Closing: sender + renew + recipient + courtesy.
        let renew = try formula("renew")
        let courtesy = try formula("courtesy", level: request.courtesy)
        let closingRecipient = request.purpose == "circular" ? nil : recipient
        let closingText: String
        if let closingRecipient {
            closingText = "\(sender.withArticle(capitalized: true)) \(Self.attach(renew.0, to: closingRecipient)) \(courtesy.0)"
        } else {
            closingText = "\(sender.withArticle(capitalized: true)) \(renew.0.replacingOccurrences(of: " to", with: "")) \(courtesy.0)"
        }
        lines.append(.init(kind: "closing", text: Self.endSentence(closingText, language), formulas: [renew.1.id, courtesy.1.id],
                           unreviewed: unreviewed([renew.1, courtesy.1]) || sender.isUnreviewed || recipient.isUnreviewed,
                           untranslated: sender.untranslated + recipient.untranslated))

        if request.place != nil || request.date != nil {
            let name = request.place.map { PlaceNames.name($0, in: language) }
            let place = name?.text ?? Self.placeholder("place", language)
            let text = request.date.map { $0.placeAndDate(place, in: language) } ?? "\(place), \(Self.placeholder("date", language))"
            // Khmer: "ធ្វើនៅ" ("done at") and the date's "ថ្ងៃទី … ខែ … ឆ្នាំ" have no attested
            // source (the month names are CLDR's), so the Khmer line stays unreviewed.
            lines.append(.init(kind: "place-date", text: text, formulas: [], unreviewed: language == .khmer,
                               untranslated: name?.untranslated ?? [], sources: name?.sources ?? []))
        }
        var recipientLine = recipient.text
        let place = request.place.map { PlaceNames.name($0, in: language) }
        if let place { recipientLine += "\n" + place.text }
        // Khmer: the city is CLDR's, the framing word before it (ទីក្រុង, រាជធានី) is ours.
        var recipientEntry = DraftNote.Line(kind: "recipient", text: recipientLine, formulas: [],
                                            unreviewed: recipient.isUnreviewed || (place?.isUnreviewed ?? false),
                                            untranslated: recipient.untranslated + (place?.untranslated ?? []),
                                            sources: recipient.sources + (place?.sources ?? []))
        if let place, !recipient.text.contains("\n") {
            recipientEntry.unreviewedParts = [recipient.isUnreviewed, place.isUnreviewed]
        }
        lines.append(recipientEntry)
        return DraftNote(language: language, lines: lines)
    }

    /// Joins a formula ending in a preposition to the name it governs: "compliments to the
    /// Office", "compliments au Ministère" (à + le), "សូមគោរពជូនចំពោះ" + name (no space).
    static func attach(_ formula: String, to name: InstitutionName) -> String {
        switch name.language {
        case .english: "\(formula) \(name.withArticle())"
        case .french:
            formula.hasSuffix(" à") ? "\(formula.dropLast(2)) \(name.dative)" : "\(formula) \(name.withArticle())"
        case .khmer: "\(formula)\(name.text)"
        }
    }

    /// The short French reference to a name ("le Haut-Commissariat", "l'Office").
    static func frenchShort(_ name: InstitutionName) -> InstitutionName {
        var short = name
        short.text = name.head
        return short
    }

    static func endSentence(_ text: String, _ language: Language) -> String {
        language == .khmer ? text + "។" : text + "."
    }

    static func placeholder(_ what: String, _ language: Language) -> String {
        switch (what, language) {
        case ("subject", .english): "[subject]"
        case ("subject", .french): "[objet]"
        case ("subject", .khmer): "[កម្មវត្ថុ]"
        case ("body", .english): "[Body of the note: facts, request, enclosures.]"
        case ("body", .french): "[Corps de la note : faits, demande, pièces jointes.]"
        case ("body", .khmer): "[ខ្លឹមសារនៃកំណត់ទូត]"
        case ("place", .english): "[place]"
        case ("place", .french): "[lieu]"
        case ("place", .khmer): "[ទីកន្លែង]"
        case (_, .english): "[date]"
        case (_, .french): "[date]"
        default: "[កាលបរិច្ឆេទ]"
        }
    }
}
