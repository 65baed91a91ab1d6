import VerbaleCore

/// The attributes of one start tag, in document order. A small array: elements of memory files
/// have a handful of attributes, and a linear look-up beats hashing them into a dictionary.
struct XMLAttributes: Sequence {
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    init(_ dictionary: [String: String]) {
        pairs = dictionary.map { ($0.key, $0.value) }
    }

    var isEmpty: Bool { pairs.isEmpty }

    subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            pairs.removeAll { $0.name == name }
            if let newValue { pairs.append((name, newValue)) }
        }
    }

    /// Adds an attribute; false when the name is already there (not well-formed XML).
    mutating func append(_ name: String, _ value: String) -> Bool {
        if pairs.contains(where: { $0.name == name }) { return false }
        pairs.append((name, value))
        return true
    }

    /// As properties sorted by name: XML gives attributes no meaning in their order, and a
    /// stable one makes round trips exact.
    var sortedProperties: [Property] {
        if pairs.isEmpty { return [] }
        return pairs.sorted { $0.name < $1.name }.map { Property(type: $0.name, value: $0.value) }
    }

    func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { pairs.makeIterator() }
}
