import VerbaleCore

/// A terminology problem found by `ConsistencyCheck`.
public struct ConsistencyIssue: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        /// A source term whose termbase equivalent does not appear in the target segment.
        case missingEquivalent = "missing-equivalent"
        /// A term the termbase marks deprecated is used.
        case deprecatedTerm = "deprecated-term"
        /// One source concept is rendered with different target terms across the document.
        case inconsistentRendering = "inconsistent-rendering"
        /// The two sides do not have the same number of segments.
        case segmentCount = "segment-count"
    }

    public var kind: Kind
    /// 1-based segment (line) numbers concerned.
    public var lines: [Int]
    public var concept: String?
    public var language: String?
    /// The term as it appears (source term for missing equivalents, the deprecated term…).
    public var term: String?
    /// What the termbase expects instead (preferred equivalents), or the renderings found.
    public var expected: [String]
    public var message: String
}

/// Checks a translation against the termbase, segment by segment (segments aligned by line).
///
/// Reports (1) source terms whose target equivalent is missing from the aligned target
/// segment, (2) deprecated terms on either side, (3) a source concept rendered with different
/// target terms in different segments. Cost: one recognition pass per side, O(text).
public enum ConsistencyCheck {
    public static func run(source: [String], sourceLanguage: LanguageTag, target: [String], targetLanguage: LanguageTag,
                           termbase: Termbase) -> [ConsistencyIssue] {
        var issues: [ConsistencyIssue] = []
        if source.count != target.count {
            issues.append(ConsistencyIssue(kind: .segmentCount, lines: [], concept: nil, language: nil, term: nil, expected: [],
                                           message: "the source has \(source.count) segments and the target \(target.count); only the first \(min(source.count, target.count)) are compared"))
        }
        /// concept id → target rendering (loose key) → (surface text, lines)
        var renderings: [String: [(text: String, lines: [Int])]] = [:]
        var renderingKeys: [String: [String]] = [:]
        for index in 0..<min(source.count, target.count) {
            let line = index + 1
            let found = termbase.recognize(source[index], language: sourceLanguage)
            let foundTarget = termbase.recognize(target[index], language: targetLanguage)
            for occurrence in found + foundTarget where occurrence.term.status == .deprecated {
                let language = occurrence.term.language
                let preferred = occurrence.concept.terms(in: language).filter { $0.status != .deprecated }.map(\.text)
                issues.append(ConsistencyIssue(kind: .deprecatedTerm, lines: [line], concept: occurrence.concept.id, language: language.description,
                                               term: occurrence.text, expected: preferred,
                                               message: "\"\(occurrence.text)\" is deprecated" + (preferred.isEmpty ? "" : "; use \"\(preferred[0])\"")))
            }
            var targetByConcept: [String: TermOccurrence] = [:]
            for occurrence in foundTarget where targetByConcept[occurrence.concept.id] == nil {
                targetByConcept[occurrence.concept.id] = occurrence
            }
            for occurrence in found {
                let equivalents = occurrence.equivalents(in: targetLanguage)
                guard !equivalents.isEmpty else { continue }
                if let rendered = targetByConcept[occurrence.concept.id] {
                    let key = termbase.keyer.key(rendered.text, language: TermKeyer.language(for: targetLanguage, text: rendered.text))
                    var keys = renderingKeys[occurrence.concept.id, default: []]
                    var list = renderings[occurrence.concept.id, default: []]
                    if let at = keys.firstIndex(of: key) { list[at].lines.append(line) } else {
                        keys.append(key)
                        list.append((rendered.text, [line]))
                    }
                    renderingKeys[occurrence.concept.id] = keys
                    renderings[occurrence.concept.id] = list
                } else {
                    let review = equivalents[0].review == .unreviewed ? " [unreviewed]" : ""
                    issues.append(ConsistencyIssue(kind: .missingEquivalent, lines: [line], concept: occurrence.concept.id,
                                                   language: targetLanguage.description, term: occurrence.text, expected: equivalents.map(\.text),
                                                   message: "\"\(occurrence.text)\" has no equivalent in the target; expected \"\(equivalents[0].text)\"\(review)"))
                }
            }
        }
        for (concept, list) in renderings.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            let lines = list.flatMap(\.lines).sorted()
            issues.append(ConsistencyIssue(kind: .inconsistentRendering, lines: lines, concept: concept, language: targetLanguage.description,
                                           term: nil, expected: list.map(\.text),
                                           message: "rendered in \(list.count) ways: " + list.map { "\"\($0.text)\" (line\($0.lines.count > 1 ? "s" : "") \($0.lines.map(String.init).joined(separator: ", ")))" }.joined(separator: ", ")))
        }
        return issues
    }
}
