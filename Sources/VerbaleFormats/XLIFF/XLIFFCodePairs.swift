import VerbaleCore

/// Reads XLIFF 2.0 start/end code pairs as TMX's paired codes.
///
/// An `<sc id="X"/>` … `<ec startRef="X"/>` pair inside one segment is one paired code: it
/// becomes `bpt`/`ept` with one TMX `i`, and the source and target codes with the same XLIFF id
/// (the same code, in XLIFF 2.0) get the same `i`, so a TMX → XLIFF → TMX round trip keeps
/// paired tags paired and matched across languages. An `sc`/`ec` whose partner is not in the
/// segment (`isolated="yes"`, or split across segments) stays as it is: TMX writes it `<it>`.
/// Cost: O(tags) per segment.
enum XLIFFCodePairs {
    static func pair(source: inout [InlineTag], target: inout [InlineTag]) {
        var numbers: [String: Int] = [:]
        relabel(&source, numbers: &numbers)
        relabel(&target, numbers: &numbers)
    }

    /// Attributes that only say how XLIFF pairs codes: TMX's `i` says it instead.
    private static let pairingAttributes: Set<String> = ["id", "startRef", "isolated"]

    private static func relabel(_ tags: inout [InlineTag], numbers: inout [String: Int]) {
        var open: [String: [Int]] = [:]
        var pairs: [(start: Int, end: Int, id: String)] = []
        for (index, tag) in tags.enumerated() {
            switch tag.kind {
            case .sc where tag.attribute("isolated") != "yes":
                if let id = tag.attribute("id") { open[id, default: []].append(index) }
            case .ec where tag.attribute("isolated") != "yes":
                if let id = tag.attribute("startRef"), let start = open[id]?.popLast() { pairs.append((start, index, id)) }
            default:
                break
            }
        }
        for pair in pairs.sorted(by: { $0.start < $1.start }) {
            let i: Int
            if let known = numbers[pair.id] {
                i = known
            } else {
                i = numbers.count + 1
                numbers[pair.id] = i
            }
            tags[pair.start] = code(.bpt, from: tags[pair.start], i: i)
            tags[pair.end] = code(.ept, from: tags[pair.end], i: i)
        }
    }

    private static func code(_ kind: InlineTag.Kind, from tag: InlineTag, i: Int) -> InlineTag {
        var attributes = tag.attributes.filter { !pairingAttributes.contains($0.type) }
        attributes.append(Property(type: "i", value: String(i)))
        attributes.sort { $0.type < $1.type }
        return InlineTag(kind: kind, position: tag.position, attributes: attributes, content: tag.content)
    }
}
