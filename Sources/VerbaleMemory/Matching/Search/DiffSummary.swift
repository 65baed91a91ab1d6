/// A diff step written as a person reads it — `+not` (in the query only), `−still` (in the
/// memory segment only), `12→13 (placeable)` — without colour, so `search` (which colours it on a
/// terminal) and `draft translate` (which writes it into the note beside a fuzzy match) say the
/// same thing the same way.
///
/// Why here and not in the CLI: `draft translate` must show what a fuzzy match lacks in every
/// output (review 1130c M2: a 94 % match without "not" was pasted unmarked), and VerbaleDraft
/// does not depend on the CLI. Cost: O(length of the step's texts).
extension DiffStep {
    /// The step as text: `+word`, `−word`, `before→after (reason)`; a change only in invisible
    /// characters or white space is named by what changed, not shown twice.
    public var summary: String {
        switch op {
        case "inserted": return "+\(query?.text ?? "")"
        case "deleted": return "−\(source?.text ?? "")"
        default:
            let before = source?.text ?? "", after = query?.text ?? ""
            if reason == "spacing" { return "\(after) (space before it)" }
            if let invisible = Self.invisibleDifference(before, after) { return "\(after) (\(invisible))" }
            return "\(before)→\(after) (\(reason))"
        }
    }

    /// What tells apart two texts that differ only in invisible characters (format characters
    /// such as U+200B, U+200C, U+FEFF) or in which white space they use: "U+200C removed",
    /// "U+00A0 for U+0020"; nil when they differ visibly (or not at all). Review 30 Nov, m13: a
    /// diff `ក្រសួង​ការបរទេស→ក្រសួងការបរទេស (form)` showed the same string twice. O(length).
    public static func invisibleDifference(_ before: String, _ after: String) -> String? {
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
