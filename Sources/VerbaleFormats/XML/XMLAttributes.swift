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
    var count: Int { pairs.count }

    /// Empties the list, keeping its storage (the scanner reuses one list for every tag).
    mutating func removeAll() { pairs.removeAll(keepingCapacity: true) }

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
        if pairs.count == 1 { return [Property(type: pairs[0].name, value: pairs[0].value)] }
        return pairs.sorted { $0.name < $1.name }.map { Property(type: $0.name, value: $0.value) }
    }

    /// `sortedProperties` without the attributes named `first` and `second` (a TMX `<tuv>`'s
    /// language), with no copy of the list: a `<tuv>` with only its language costs nothing.
    func sortedProperties(excluding first: String, _ second: String) -> [Property] {
        var properties: [Property] = []
        for (name, value) in pairs where name != first && name != second {
            properties.append(Property(type: name, value: value))
        }
        if properties.count > 1 { properties.sort { $0.type < $1.type } }
        return properties
    }

    func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { pairs.makeIterator() }
}
