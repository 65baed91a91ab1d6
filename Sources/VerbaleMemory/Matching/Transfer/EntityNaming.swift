import VerbaleCore

/// Gives the target-language name of a glossary entity (a concept id, e.g. "Kingdom of
/// Thailand" → "Royaume de Thaïlande"). The glossary implements it; the matcher only asks, so
/// matching does not depend on the glossary module.
public protocol EntityNaming: Sendable {
    func name(ofConcept concept: String, in language: Language) -> String?
}
