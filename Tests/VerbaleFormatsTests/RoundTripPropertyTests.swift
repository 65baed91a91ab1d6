import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Random units as the readers produce them (attributes sorted by name, tag content escaped),
/// so `read(write(units)) == units` is the property.
struct UnitGenerator {
    var random: SeededGenerator

    static let words: [Language: [String]] = [
        .english: ["The", "Embassy", "presents", "its", "compliments", "to", "the", "Ministry", "No.", "2021/01/045", "&", "<b>", "\"quoted\"",
                   "H.E.", "Mr.", "Smith", "12", "January", "honour", "a\tb", "line\nbreak", "CR\r\nLF", "back\\slash", "50%", "'apostrophe'"],
        .french: ["L’Ambassade", "présente", "ses", "compliments", "au", "Ministère", "des", "Affaires", "étrangères", "n°", "37.870",
                  "«", "»", "Son", "Excellence", "M.", "Dupont", "12", "janvier", "très", "haute", "considération", "&amp;", "<i>"],
        .khmer: ["ស្ថានទូត\u{200B}នៃ", "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា", "សូម\u{200B}គោរព", "ក្រសួង\u{200B}ការបរទេស", "លេខ", "០១២", "២០២១",
                 "ថ្ងៃ\u{200B}ទី", "១២", "ខែ\u{200B}មករា", "ឯកឧត្តម", "លោក", "៕", "។", "\u{200B}"],
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func text(_ language: Language) -> String {
        let pool = Self.words[language] ?? []
        return (0..<int(1...12)).map { _ in pick(pool) }.joined(separator: language == .khmer && chance(50) ? "" : " ")
    }

    mutating func date() -> Date { Date(timeIntervalSince1970: TimeInterval(int(0...2_000_000_000))) }

    mutating func word() -> String { pick(["alpha", "β", "ស្ថានទូត", "x y", "a&b", "<c>", "\"d\"", "É"]) }

    mutating func properties(_ count: ClosedRange<Int>) -> [Property] {
        (0..<int(count)).map { _ in Property(type: pick(["client", "domain", "x-Context", "project name"]), value: word()) }
    }

    mutating func nativeCode() -> String { pick(["<b>", "</b>", "{\\b ", "}", "<a href=\"x&y\">", "%s", "{0}", "\r\n", "&nbsp;"]) }

    /// TMX-native tags: ph/ut/it/bpt+ept/hi pairs, sorted by position.
    mutating func tmxTags(scalars: Int) -> [InlineTag] {
        var tags: [InlineTag] = []
        for _ in 0..<int(0...3) {
            let position = int(0...scalars)
            let content = XMLText.escaped(nativeCode())
            switch int(0...3) {
            case 0: tags.append(InlineTag(kind: .ph, position: position, attributes: chance(50) ? [Property(type: "x", value: String(int(1...9)))] : [], content: chance(80) ? content : ""))
            case 1: tags.append(InlineTag(kind: .ut, position: position, content: content))
            case 2: tags.append(InlineTag(kind: .it, position: position, attributes: [Property(type: "pos", value: pick(["begin", "end"]))], content: content))
            default:
                let end = int(position...scalars)
                let i = String(int(1...9))
                tags.append(InlineTag(kind: .bpt, position: position, attributes: [Property(type: "i", value: i), Property(type: "type", value: "bold")], content: content))
                tags.append(InlineTag(kind: .ept, position: end, attributes: [Property(type: "i", value: i)], content: XMLText.escaped(nativeCode())))
            }
        }
        if chance(30) {
            let start = int(0...scalars)
            tags.append(InlineTag(kind: .hi, position: start, attributes: [Property(type: "type", value: "x-bold")]))
            tags.append(InlineTag(kind: .hi, position: int(start...scalars), isClosing: true))
        }
        return Self.sortedStably(tags)
    }

    /// XLIFF 2.0-native tags: ph, sc/ec, pc pairs.
    mutating func xliffTags(scalars: Int) -> [InlineTag] {
        var tags: [InlineTag] = []
        var id = 0
        for _ in 0..<int(0...3) {
            id += 1
            let position = int(0...scalars)
            switch int(0...2) {
            case 0: tags.append(InlineTag(kind: .ph, position: position, attributes: [Property(type: "id", value: "p\(id)")], content: chance(80) ? XMLText.escaped(nativeCode()) : ""))
            case 1:
                tags.append(InlineTag(kind: .sc, position: position, attributes: [Property(type: "id", value: "s\(id)")], content: XMLText.escaped(nativeCode())))
                tags.append(InlineTag(kind: .ec, position: int(position...scalars), attributes: [Property(type: "startRef", value: "s\(id)")], content: XMLText.escaped(nativeCode())))
            default:
                break
            }
        }
        if chance(40) {
            id += 1
            let start = int(0...scalars)
            tags.append(InlineTag(kind: .pc, position: start, attributes: [Property(type: "id", value: "c\(id)")], content: XMLText.escaped(nativeCode())))
            tags.append(InlineTag(kind: .pc, position: int(start...scalars), content: XMLText.escaped(nativeCode()), isClosing: true))
        }
        return Self.sortedStably(tags)
    }

    /// Sorts by position, keeping an opening wrapper before what follows it at the same place
    /// and its closing after: the order a reader reports.
    static func sortedStably(_ tags: [InlineTag]) -> [InlineTag] {
        tags.enumerated().sorted { a, b in
            if a.element.position != b.element.position { return a.element.position < b.element.position }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func scalars(_ text: String) -> Int { text.unicodeScalars.count }

    mutating func metadata(review: Bool = true) -> UnitMetadata {
        var metadata = UnitMetadata()
        if chance(70) { metadata.creationDate = date() }
        if chance(50) { metadata.creationUser = pick(["drafter", "MFA\\officer", "ស្រី"]) }
        if chance(50) { metadata.changeDate = date() }
        if chance(40) { metadata.changeUser = pick(["reviewer", "Zoë"]) }
        if chance(50) { metadata.origin = pick(["notes/045.txt:3", "Global Affairs Canada circular", "seed-cambodia-ohchr-2021.txt:12"]) }
        metadata.notes = (0..<int(0...2)).map { _ in word() + " note" }
        metadata.properties = properties(0...2)
        metadata.review = pick(ReviewStatus.allCases)
        if chance(30) { metadata.previousContext = String(int(1...999_999), radix: 16) }
        if chance(30) { metadata.nextContext = String(int(1...999_999), radix: 16) }
        if chance(40) {
            metadata.attributes = [Property(type: "o-tmf", value: pick(["MemoQTM", "TW4Win 2.0 Format"])), Property(type: "usagecount", value: String(int(0...99)))]
        }
        return metadata
    }

    mutating func tmxUnit() -> TranslationUnit {
        var languages: [LanguageTag] = [LanguageTag(.english), LanguageTag(.french, region: "FR"), LanguageTag(.khmer, region: "KH")].shuffled(using: &random)
        languages = Array(languages.prefix(int(1...3)))
        let variants = languages.map { tag -> Variant in
            let text = text(tag.language ?? .english)
            var variant = Variant(language: tag, text: text, tags: chance(50) ? tmxTags(scalars: Self.scalars(text)) : [])
            if chance(30) { variant.notes = [word()] }
            if chance(30) { variant.properties = properties(1...2) }
            if chance(30) { variant.attributes = [Property(type: "changeid", value: "t"), Property(type: "creationdate", value: "20210112T093000Z")] }
            return variant
        }
        return TranslationUnit(id: chance(70) ? "tu-\(int(1...99_999))" : nil, variants: variants, metadata: metadata())
    }

    mutating func xliffUnit(number: Int, source: LanguageTag, target: LanguageTag) -> TranslationUnit {
        var variants: [Variant] = []
        for tag in chance(85) ? [source, target] : [source] {
            let text = text(tag.language ?? .english)
            var variant = Variant(language: tag, text: text, tags: chance(60) ? xliffTags(scalars: Self.scalars(text)) : [])
            if chance(30) { variant.notes = [word()] }
            if chance(30) { variant.properties = properties(1...2) }
            if chance(20) { variant.attributes = [Property(type: "changeid", value: "t")] }
            // A text's own review status (shipped Khmer is unreviewed in a translated unit).
            if chance(25) { variant.properties.append(Property(type: "x-review", value: pick(ReviewStatus.allCases).rawValue)) }
            variants.append(variant)
        }
        return TranslationUnit(id: "u\(number)", variants: variants, metadata: metadata())
    }
}

@Suite("Round trips on random units (write → read = identity)")
struct RoundTripPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 20_210_112, 0xC0FFEE]

    @Test("TMX keeps every field: texts (Khmer with U+200B and Khmer digits), tags, notes, props, dates, review", arguments: seeds)
    func tmx(seed: UInt64) throws {
        var generator = UnitGenerator(random: SeededGenerator(seed: seed))
        let units = (0..<300).map { _ in generator.tmxUnit() }
        let (again, reader) = try read(try write(units, as: .tmx), as: .tmx)
        #expect(reader.warnings.isEmpty)
        #expect(again.count == units.count)
        for (a, b) in zip(again, units) where a != b {
            Issue.record("seed \(seed): \(b) came back as \(a)")
            break
        }
    }

    @Test("XLIFF 2.0 keeps every field of bilingual units", arguments: seeds)
    func xliff20(seed: UInt64) throws {
        var generator = UnitGenerator(random: SeededGenerator(seed: seed))
        let source = LanguageTag(.english), target = LanguageTag(.khmer, region: "KH")
        let units = (0..<300).map { generator.xliffUnit(number: $0, source: $0 % 2 == 0 ? source : source, target: target) }
        let (again, _) = try read(try write(units, as: .xliff, languages: [source, target]), as: .xliff)
        #expect(again.count == units.count)
        for (a, b) in zip(again, units.map(Self.pairedAsTMX)) where a != b {
            Issue.record("seed \(seed): \(b) came back as \(a)")
            break
        }
    }

    /// What the XLIFF reader makes of an `<sc id=X>`…`<ec startRef=X>` pair in one text: TMX's
    /// `bpt`/`ept` with one `i`, numbered by first appearance in the source, then the target,
    /// so the source and target codes with one id share one `i`.
    static func pairedAsTMX(_ unit: TranslationUnit) -> TranslationUnit {
        var unit = unit
        var numbers: [String: Int] = [:]
        for v in unit.variants.indices {
            var tags = unit.variants[v].tags
            var starts: [String: Int] = [:]
            var pairs: [(Int, Int, String)] = []
            for (index, tag) in tags.enumerated() {
                if tag.kind == .sc, let id = tag.attribute("id") { starts[id] = index }
                if tag.kind == .ec, let id = tag.attribute("startRef"), let start = starts.removeValue(forKey: id) { pairs.append((start, index, id)) }
            }
            for (start, end, id) in pairs.sorted(by: { $0.0 < $1.0 }) {
                let i = numbers[id] ?? numbers.count + 1
                numbers[id] = i
                tags[start] = InlineTag(kind: .bpt, position: tags[start].position, attributes: [Property(type: "i", value: String(i))], content: tags[start].content)
                tags[end] = InlineTag(kind: .ept, position: tags[end].position, attributes: [Property(type: "i", value: String(i))], content: tags[end].content)
            }
            unit.variants[v].tags = tags
        }
        return unit
    }

    @Test("TSV keeps texts, notes, origin, review and each text's own review (tags and other metadata have no column)", arguments: seeds)
    func tsv(seed: UInt64) throws {
        var generator = UnitGenerator(random: SeededGenerator(seed: seed))
        let languages = [LanguageTag(.english), LanguageTag(.french), LanguageTag(.khmer)]
        var units = (0..<300).map { _ in generator.tmxUnit() }
        for u in units.indices {
            for v in units[u].variants.indices where generator.chance(40) {
                units[u].variants[v].properties.append(Property(type: "x-review", value: generator.pick(ReviewStatus.allCases).rawValue))
            }
        }
        let (again, _) = try read(try write(units, as: .tsv, languages: languages), as: .tsv)
        let kept = units.map { unit -> TranslationUnit in
            var metadata = UnitMetadata(origin: unit.metadata.origin, review: unit.metadata.review)
            metadata.notes = unit.metadata.notes.isEmpty ? [] : [unit.metadata.notes.joined(separator: "\n")]
            let variants = languages.compactMap { tag in
                unit.variant(for: tag).map { variant in
                    let own = variant.properties.last { $0.type == "x-review" }?.value
                    let kept = own.flatMap { $0 == unit.metadata.review.rawValue ? nil : [Property(type: "x-review", value: $0)] } ?? []
                    return Variant(language: tag, text: variant.text, properties: kept)
                }
            }
            return TranslationUnit(variants: variants, metadata: metadata)
        }
        #expect(again.count == kept.count)
        for (a, b) in zip(again, kept) where a != b {
            Issue.record("seed \(seed): \(b) came back as \(a)")
            break
        }
    }
}
