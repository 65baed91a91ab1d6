import VerbaleMemory

/// Human-readable match and suggestion reports (coloured only on a terminal).
enum MatchReport {
    static func render(_ matches: [FuzzyMatch], indent: String = "") -> String {
        var lines: [String] = []
        for match in matches {
            let alternative = match.alternatives > 1
                ? "  " + Colour.paint("[alternative \(match.alternativeNumber) of \(match.alternatives)]", "1;36") : ""
            lines.append("\(indent)\(Colour.score(match.score))  \(Colour.paint("[\(match.band)]", "2"))  \(match.source)\(mark(match.sourceReview))\(alternative)")
            for (tag, text) in match.targets.sorted(by: { $0.key < $1.key }) {
                lines.append("\(indent)      \(tag): \(text)\(mark(match.review[tag]))")
                for missed in match.notCarried where missed.language == tag { lines.append("\(indent)      " + notCarried(missed)) }
            }
            let changes = match.diff.map(describe).joined(separator: "  ")
            if !changes.isEmpty { lines.append("\(indent)      diff: \(changes)") }
            if !match.transferred.isEmpty { lines.append("\(indent)      " + carriedOver(match.transferred)) }
            if let origin = match.origin { lines.append("\(indent)      from: \(origin)") }
        }
        return lines.joined(separator: "\n")
    }

    /// "carried over: fr 12 → 15, km ១២ → ១៥", with what to check in a value written.
    static func carriedOver(_ replacements: [PlaceableTransfer.Replacement]) -> String {
        "carried over: " + replacements.map { replacement in
            "\(replacement.language) \(replacement.from) → \(replacement.to)" + (replacement.check.map { "  " + Colour.paint("[check: \($0)]", "1;33") } ?? "")
        }.joined(separator: ", ")
    }

    /// The warning under a translation that still holds the memory's value where the query has
    /// another: `fr: not carried: 7 March 2022 — check (write 7 mars 2022)`.
    static func notCarried(_ missed: UncarriedPlaceable) -> String {
        let write = missed.suggestion.map { " (write \($0))" } ?? ""
        return Colour.paint("\(missed.language): not carried: \(missed.value) — check\(write)", "1;33")
    }

    /// "  [unreviewed]" for translations no reviewer confirmed; empty otherwise.
    static func mark(_ review: String?) -> String {
        review == "unreviewed" ? "  " + Colour.paint("[unreviewed]", "1;35") : ""
    }

    /// The step as `DiffStep.summary` writes it, coloured by kind (added green, removed red,
    /// changed yellow) on a terminal.
    static func describe(_ step: DiffStep) -> String {
        Colour.paint(step.summary, step.op == "inserted" ? "32" : step.op == "deleted" ? "31" : "33")
    }
}
