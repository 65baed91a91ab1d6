/// How much one unit (a TMX `<tu>`, an XLIFF `<unit>`, or a header) may hold while it is read.
///
/// Why: the scanner bounds each token, but a unit is many tokens, and a builder keeps them all
/// until the unit ends. Without a budget, a `<seg>` of 200 MB cut by `<ph/>`s, a `<tu>` with a
/// million `<prop>`s or a corrupt file that never closes its `<seg>` would grow without bound.
/// Each stored text costs its UTF-8 length and each element inside the unit `elementCost`
/// bytes (about what an `InlineTag` or `Property` costs) plus the UTF-8 length of its attributes'
/// names and values (they are stored, and one value alone may reach the scanner's 64 MB token
/// limit), against `limit` (64 MB).
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

    /// Spends the cost of one element: `elementCost` plus its attributes' names and values.
    mutating func spendElement(_ attributes: XMLAttributes, file: String) throws(FormatError) {
        try spend(Self.elementCost + Self.bytes(of: attributes), file: file)
    }

    /// Spends only the attributes of the element that starts the unit (its own `elementCost`
    /// is the unit's, not something it holds).
    mutating func spendAttributes(_ attributes: XMLAttributes, file: String) throws(FormatError) {
        try spend(Self.bytes(of: attributes), file: file)
    }

    private static func bytes(of attributes: XMLAttributes) -> Int {
        var bytes = 0
        for (name, value) in attributes { bytes += name.utf8.count + value.utf8.count }
        return bytes
    }
}
