import VerbaleCore

/// The attributes of one start tag, in document order. A small array: elements of memory files
/// have a handful of attributes, and a linear look-up beats hashing them into a dictionary.
struct XMLAttributes: Sequence {
    /// The first `count` entries are the attributes; the rest are left from an earlier tag and
    /// overwritten as the next ones come, so the scanner's list neither empties nor regrows its
    /// storage per tag (`removeAll(keepingCapacity:)` cost about 240 instructions a tag).
    private var storage: [(name: String, value: String)] = []
    private(set) var count = 0
    /// Whether a value over `largeValue` bytes went in since the list was last emptied for
    /// real: the stale entries are then released at once, so memory stays what one tag holds.
    private var holdsLarge = false
    private static let largeValue = 4_096

    init() {}

    init(_ dictionary: [String: String]) {
        storage = dictionary.map { ($0.key, $0.value) }
        count = storage.count
    }

    /// The attributes in document order.
    var pairs: ArraySlice<(name: String, value: String)> { storage[0..<count] }

    var isEmpty: Bool { count == 0 }

    /// Empties the list, keeping its storage (the scanner reuses one list for every tag).
    mutating func removeAll() {
        count = 0
        if holdsLarge {
            storage.removeAll(keepingCapacity: true)
            holdsLarge = false
        }
    }

    subscript(name: String) -> String? {
        get {
            for index in 0..<count where storage[index].name == name { return storage[index].value }
            return nil
        }
        set {
            var kept = Array(storage[0..<count])
            kept.removeAll { $0.name == name }
            if let newValue { kept.append((name, newValue)) }
            storage = kept
            count = kept.count
        }
    }

    /// Adds an attribute; false when the name is already there (not well-formed XML).
    mutating func append(_ name: String, _ value: String) -> Bool {
        for index in 0..<count where storage[index].name == name { return false }
        if value.utf8.count > Self.largeValue { holdsLarge = true }
        if count < storage.count {
            storage[count] = (name, value)
        } else {
            storage.append((name, value))
        }
        count += 1
        return true
    }

    /// As properties sorted by name: XML gives attributes no meaning in their order, and a
    /// stable one makes round trips exact.
    var sortedProperties: [Property] {
        if count == 0 { return [] }
        if count == 1 { return [Property(type: storage[0].name, value: storage[0].value)] }
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

    func makeIterator() -> IndexingIterator<ArraySlice<(name: String, value: String)>> { pairs.makeIterator() }
}
