/// How much one unit (a TMX `<tu>`, an XLIFF `<unit>`, or a header) may hold while it is read.
///
/// Why: the scanner bounds each token, but a unit is many tokens, and a builder keeps them all
/// until the unit ends. Without a budget, a `<seg>` of 200 MB cut by `<ph/>`s, a `<tu>` with a
/// million `<prop>`s or a corrupt file that never closes its `<seg>` would grow without bound.
/// Each stored text costs its UTF-8 length and each element inside the unit `elementCost`
/// bytes (about what an `InlineTag` or `Property` costs), against `limit` (64 MB).
/// Past it the read fails with `FormatError.Reason.tooLarge` at the unit's own line and column.
/// Cost: one addition and one comparison per event.
struct UnitBudget {
    static let limit = 64 << 20
    static let elementCost = 256

    private var used = 0
    private var start = XMLPosition(line: 0, column: 0)
    private var element = ""

    /// A new unit (or header) starts at `position`: the budget is full again.
    mutating func begin(_ element: String, at position: XMLPosition) {
        used = 0
        start = position
        self.element = element
    }

    /// Spends `bytes`; throws once the unit has used more than `limit`.
    mutating func spend(_ bytes: Int, file: String) throws(FormatError) {
        used += bytes
        guard used > Self.limit else { return }
        throw FormatError(file: file, line: start.line, column: start.column, reason: .tooLarge(
            "the <\(element)> starting here holds over \(Self.limit >> 20) MB of text and markup (the per-unit limit); refused so that memory stays bounded (is the file corrupt, or one unit holding a whole document?)"))
    }

    /// Spends the cost of one element.
    mutating func spendElement(file: String) throws(FormatError) {
        try spend(Self.elementCost, file: file)
    }
}
