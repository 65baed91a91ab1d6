import Foundation
import VerbaleCore

/// Carries the query's placeable values into a match's translations.
///
/// When a match differs from the query only in placeables (and typography), each differing
/// memory placeable is looked for in the target text — same type, same value (so "1993" in
/// the English source is found as "1993" or "១៩៩៣" in Khmer, a date by its ISO value, a
/// reference by its identifier) — and replaced by the query's value written in the target's
/// form (`PlaceableRendering`). A placeable not found in a target leaves that target unchanged
/// and is not reported as transferred. Cost: one tokenization per target, O(n).
public enum PlaceableTransfer {
    /// A value carried over: which target, what was replaced by what.
    public struct Replacement: Hashable, Sendable, Codable {
        public var language: String
        public var kind: String
        public var from: String
        public var to: String
        /// The review status of the glossary term written (entities only; nil otherwise).
        public var review: String?
        /// What the drafter must check in the value written, when Verbale could not write it in
        /// the target's own form (nil otherwise): a name typed in Khmer script carried into an
        /// English or French note (its Latin spelling is the drafter's to give), or a numeric date
        /// of birth copied as written (`03/04/1975` reads 4 March in the United States).
        public var check: String? = nil
    }

    /// One differing placeable pair from the diff: memory token → query token.
    public struct Change: Sendable {
        public var source: MatchToken
        public var query: MatchToken
    }

    /// The changes if the script differs from the query only in placeables (nil otherwise, and
    /// nil when there is nothing to carry over).
    public static func changes(steps: [TokenAlignment.Step], query: [MatchToken], source: [MatchToken]) -> [Change]? {
        var changes: [Change] = []
        for step in steps {
            switch step {
            case .equal: continue
            case let .substituted(q, s, _):
                let a = query[q], b = source[s]
                if a.classKey == b.classKey, a.value != nil, a.value != b.value {
                    changes.append(Change(source: b, query: a))
                } else if a.classKey != b.classKey {
                    return nil
                }
            case let .inserted(q, _):
                if query[q].isContent { return nil }
            case let .deleted(s, _):
                if source[s].isContent { return nil }
            }
        }
        return changes.isEmpty ? nil : changes
    }

    /// `target` with every change applied that can be found in it, and the changes that could
    /// not be written anywhere in it (`missed`: the old value is not in the target in a form
    /// the tokenizer recognises, the glossary has no name in the target's language, or the
    /// placeholder is ambiguous) — the target still holds the memory's value there, and the
    /// drafter must be told (`UncarriedPlaceable`, review 30 Nov m3).
    public static func apply(_ changes: [Change], to target: String, language: Language, tokenizer: Tokenizer,
                             entities: (any EntityNaming)? = nil) -> (text: String, replacements: [Replacement], missed: [(change: Change, reason: UncarriedPlaceable.Reason)]) {
        let found = entities?.entities(in: target, language: language) ?? []
        // As typed: a value is replaced where it stands, and a reference edited from its own text.
        let tokens = MatchText(text: target, language: language, tokenizer: tokenizer, entities: found).tokensAsTyped
        var used = Set<Int>()
        var edits: [(range: Range<Int>, text: String)] = []
        var replacements: [Replacement] = []
        var missed: [(change: Change, reason: UncarriedPlaceable.Reason)] = []
        // Where the memory names one person twice ("Mr. {PERSON} thanked Mr. {PERSON}") and the
        // query names two, neither can be written everywhere: those placeholders stay.
        var queryValues: [String: Set<String>] = [:]
        for change in changes where change.query.token.placeable?.kind == .placeholder {
            queryValues[change.source.value ?? "", default: []].insert(change.query.token.text)
        }
        for change in changes {
            let placeholder = change.query.token.placeable?.kind == .placeholder
            if placeholder, !isUnambiguous(placeholder: change.source) || (queryValues[change.source.value ?? ""]?.count ?? 0) > 1 {
                missed.append((change, .ambiguousPlaceholder))
                continue
            }
            // A personal-data placeholder is one person (or address, number…) wherever the target
            // repeats it; anything else is filled once per occurrence in the source.
            let indices = tokens.indices.filter { !used.contains($0) && tokens[$0].classKey == change.source.classKey && tokens[$0].value == change.source.value }
            var written = false
            for index in placeholder ? indices : Array(indices.prefix(1)) {
                used.insert(index)
                let found = tokens[index]
                guard let (rendered, review) = render(change, like: found, language: language, tokenizer: tokenizer, entities: entities) else { continue }
                written = true
                edits.append((found.token.range, rendered))
                replacements.append(Replacement(language: language.rawValue, kind: String(change.query.classKey.dropFirst()), from: found.token.text, to: rendered,
                                                review: review, check: check(change, rendered: rendered, language: language)))
            }
            if !written { missed.append((change, indices.isEmpty ? .notFound : .noName)) }
        }
        var scalars = Array(target.unicodeScalars)
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let range = min(edit.range.lowerBound, scalars.count)..<min(edit.range.upperBound, scalars.count)
            scalars.replaceSubrange(range, with: Array(edit.text.unicodeScalars))
        }
        return (String(String.UnicodeScalarView(scalars)), replacements, missed)
    }

    /// What the drafter must check in a personal-data value carried into `language` (see
    /// `Replacement.check`); nil when the value was written in the target's own form.
    static func check(_ change: Change, rendered: String, language: Language) -> String? {
        guard change.query.token.placeable?.kind == .placeholder else { return nil }
        if language != .khmer, rendered.unicodeScalars.contains(where: { (0x1780...0x17FF).contains($0.value) || (0x19E0...0x19FF).contains($0.value) }) {
            return "typed in Khmer script: give its \(language.englishName) spelling"
        }
        if change.source.token.text.hasPrefix("{" + PersonalDataKind.dateOfBirth.rawValue),
           rendered == Digits.ascii(change.query.token.text.replacingOccurrences(of: "\u{200B}", with: "")) || rendered == change.query.token.text,
           rendered.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }),
           !rendered.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            return "a numeric date copied as written: check the order of day and month"
        }
        return nil
    }

    /// Whether the query's value may be written where the memory has this placeholder: only an
    /// unnumbered one (`{PERSON}`), which import writes when every variant of the unit holds one
    /// value of that kind, so it is the same person in every language. A numbered one
    /// (`{PERSON1}`, `{PERSON2}`) is numbered per variant in order of appearance and linked across
    /// variants only when the same spelling recurs; a Khmer variant naming two people in another
    /// order (or script) may number them the other way round, and filling it would give Mr. X the
    /// title of Ms. Y. Those stay as placeholders for the drafter to fill.
    static func isUnambiguous(placeholder source: MatchToken) -> Bool {
        guard let value = source.value, let last = value.unicodeScalars.last else { return false }
        return !(0x30...0x39).contains(last.value)
    }

    static func render(_ change: Change, like found: MatchToken, language: Language, tokenizer: Tokenizer?, entities: (any EntityNaming)?) -> (String, String?)? {
        if change.query.token.placeable?.kind == .entity {
            guard let value = change.query.value, let name = entities?.name(ofConcept: value, in: language, replacing: found.token.text) else { return nil }
            return (name.text, name.review)
        }
        return render(change, like: found, language: language, tokenizer: tokenizer).map { ($0, nil) }
    }

    /// The query's reference identifier written where the target has `found`: the target keeps
    /// its own label ("N° …", "លេខ …", or none where it wrote "លេខយោង ២០២១/០១/០៤៥" with the label
    /// outside the placeable) and the identifier takes the target's digits (Khmer in Khmer, as
    /// `PlaceableRendering` writes numbers and dates). The query's label is never carried: it is
    /// a word of the query's language. Where the old identifier cannot be located in `found`,
    /// the identifier alone. O(length of `found` × length of the identifier).
    static func reference(_ value: String, replacing old: String?, in found: String, language: Language) -> String {
        var identifier = PlaceableRendering.referenceIdentifier(value, in: language)
        if language != .khmer, found.unicodeScalars.contains(where: { (0x17E0...0x17E9).contains($0.value) }) {
            identifier = Digits.khmer(identifier)
        }
        // Digits.ascii maps scalar for scalar, so offsets in its output are offsets in `found`.
        let scalars = Array(found.unicodeScalars)
        let ascii = Array(Digits.ascii(found).unicodeScalars)
        if let old, !old.isEmpty {
            let oldScalars = Array(old.unicodeScalars)
            if ascii.count == scalars.count, ascii.count >= oldScalars.count,
               let start = stride(from: ascii.count - oldScalars.count, through: 0, by: -1).first(where: { Array(ascii[$0..<($0 + oldScalars.count)]) == oldScalars }) {
                var edited = scalars
                edited.replaceSubrange(start..<(start + oldScalars.count), with: Array(identifier.unicodeScalars))
                return String(String.UnicodeScalarView(edited))
            }
        }
        return identifier
    }

    static func render(_ change: Change, like found: MatchToken, language: Language, tokenizer: Tokenizer? = nil) -> String? {
        let value = change.query.value ?? change.query.token.text
        switch change.query.token.placeable?.kind ?? .number {
        case .number:
            // Keep grouping and digits as the target wrote them (`1 000` in French, Khmer digits).
            var rendered = found.token.placeable.map { Placeable(kind: .number, text: $0.text, value: value, range: $0.range).rendered(in: language) }
                ?? PlaceableRendering.number(value, in: language)
            if language != .khmer, found.token.text.unicodeScalars.contains(where: { (0x17E0...0x17E9).contains($0.value) }) {
                rendered = Digits.khmer(rendered)
            }
            return rendered
        case .date:
            return PlaceableRendering.date(value, in: language) ?? change.query.token.text
        case .entity:
            return nil
        case .placeholder:
            // The memory's `{PERSON}` gives way to the query's own value; a date of birth is
            // written as the target language writes dates. Into English or French, Khmer digits
            // become ASCII and U+200B (Khmer's invisible word break) is dropped; a name in
            // Khmer script stays as typed (the drafter's own value, not a translation).
            var text = change.query.token.text
            if let tokenizer, let date = tokenizer.placeables(in: text).first, date.kind == .date, date.range == 0..<text.unicodeScalars.count,
               let rendered = PlaceableRendering.date(date.value, in: language) {
                return rendered
            }
            if language != .khmer {
                text = Digits.ascii(text.replacingOccurrences(of: "\u{200B}", with: ""))
            }
            return text
        case .reference:
            return reference(value, replacing: change.source.value, in: found.token.text, language: language)
        case .email, .url, .tag:
            // Keep the target's wording around the value.
            if let old = change.source.value, !old.isEmpty, found.token.text.contains(old) {
                return found.token.text.replacingOccurrences(of: old, with: value)
            }
            return change.query.token.text
        }
    }
}
