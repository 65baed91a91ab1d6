import VerbaleMemory

/// Human-readable match and suggestion reports (coloured only on a terminal).
enum MatchReport {
    static func render(_ matches: [FuzzyMatch], indent: String = "") -> String {
        var lines: [String] = []
        for match in matches {
            lines.append("\(indent)\(Colour.score(match.score))  \(Colour.paint("[\(match.band)]", "2"))  \(match.source)\(mark(match.sourceReview))")
            for (tag, text) in match.targets.sorted(by: { $0.key < $1.key }) {
                lines.append("\(indent)      \(tag): \(text)\(mark(match.review[tag]))")
                for missed in match.notCarried where missed.language == tag { lines.append("\(indent)      " + notCarried(missed)) }
            }
            let changes = match.diff.map(describe).joined(separator: "  ")
            if !changes.isEmpty { lines.append("\(indent)      diff: \(changes)") }
            if !match.transferred.isEmpty {
                lines.append("\(indent)      carried over: " + match.transferred.map { replacement in
                    "\(replacement.language) \(replacement.from) → \(replacement.to)" + (replacement.check.map { "  " + Colour.paint("[check: \($0)]", "1;33") } ?? "")
                }.joined(separator: ", "))
            }
            if let origin = match.origin { lines.append("\(indent)      from: \(origin)") }
        }
        return lines.joined(separator: "\n")
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

    static func describe(_ step: DiffStep) -> String {
        switch step.op {
        case "inserted": return Colour.paint("+\(step.query?.text ?? "")", "32")
        case "deleted": return Colour.paint("−\(step.source?.text ?? "")", "31")
        default:
            let before = step.source?.text ?? "", after = step.query?.text ?? ""
            // Two sides that look the same on screen are named by what differs, not shown twice.
            if step.reason == "spacing" { return Colour.paint("\(after) (space before it)", "33") }
            if let invisible = invisibleDifference(before, after) { return Colour.paint("\(after) (\(invisible))", "33") }
            return Colour.paint("\(before)→\(after) (\(step.reason))", "33")
        }
    }

    /// What tells apart two texts that differ only in invisible characters (format characters
    /// such as U+200B, U+200C, U+FEFF) or in which white space they use: "U+200C removed",
    /// "U+00A0 for U+0020"; nil when they differ visibly (or not at all). Review 30 Nov, m13: a
    /// diff `ក្រសួង​ការបរទេស→ក្រសួងការបរទេស (form)` showed the same string twice. O(length).
    static func invisibleDifference(_ before: String, _ after: String) -> String? {
        func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.generalCategory == .format || scalar.properties.isWhitespace
        }
        func visible(_ text: String) -> [Unicode.Scalar] { text.unicodeScalars.filter { !isInvisible($0) } }
        guard before.unicodeScalars.elementsEqual(after.unicodeScalars) == false, visible(before) == visible(after) else { return nil }
        func counts(_ text: String) -> [UInt32: Int] {
            // U+200B and U+FEFF cost nothing (`Normalizer.matchingForm`): not named.
            text.unicodeScalars.filter { isInvisible($0) && $0.value != 0x200B && $0.value != 0xFEFF }.reduce(into: [:]) { $0[$1.value, default: 0] += 1 }
        }
        func name(_ value: UInt32) -> String { "U+" + String(String(value, radix: 16, uppercase: true).reversed()).padding(toLength: 4, withPad: "0", startingAt: 0).reversed() }
        let old = counts(before), new = counts(after)
        var parts: [String] = []
        for value in Set(old.keys).union(new.keys).sorted() {
            let difference = (new[value] ?? 0) - (old[value] ?? 0)
            if difference > 0 { parts.append("\(name(value)) added") } else if difference < 0 { parts.append("\(name(value)) removed") }
        }
        return parts.isEmpty ? "invisible characters moved" : parts.joined(separator: ", ")
    }
}
