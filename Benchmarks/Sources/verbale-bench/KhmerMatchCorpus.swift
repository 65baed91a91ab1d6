import Foundation
import VerbaleCore
import VerbaleFormats

/// Real Khmer for the matcher benchmark, read in place: the khPOS sample's sentences (its word
/// boundaries known, `~ ^ _` marks removed) and the Khmer messages of the gettext catalogues
/// under /usr/share/locale/km (their English `msgid` kept as the unit's English variant).
/// Units and queries are varied reproducibly (SplitMix64 per number): a word replaced or
/// dropped, or a number in Khmer digits added; words are joined as Khmer is written (no
/// spaces; gettext messages keep their U+200B).
struct KhmerMatchCorpus {
    struct Sentence { var words: [String]; var separator: String; var english: String? }
    var sentences: [Sentence]
    var vocabulary: [String]

    static func load() throws -> KhmerMatchCorpus {
        var sentences: [Sentence] = []
        if let khpos = SharedData.file("khmer/khpos-train-sample.word") {
            for line in try String(contentsOf: khpos, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ").map { String($0.filter { !"~^_".contains($0) }) }.filter { !$0.isEmpty }
                if words.count >= 2 { sentences.append(Sentence(words: words, separator: "", english: nil)) }
            }
        }
        let catalogues = URL(fileURLWithPath: "/usr/share/locale/km/LC_MESSAGES")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: catalogues.path))?.sorted() ?? [] where name.hasSuffix(".mo") {
            guard let catalogue = try? MOCatalog(contentsOf: catalogues.appendingPathComponent(name)) else { continue }
            for message in catalogue.messages where !message.original.isEmpty && message.translation.count >= 4 {
                let words = message.translation.split(whereSeparator: { $0 == "\u{200B}" || $0 == " " }).map(String.init)
                if words.count >= 2 { sentences.append(Sentence(words: words, separator: "\u{200B}", english: message.original)) }
            }
        }
        guard !sentences.isEmpty else { throw MatchBenchmarkError("no Khmer text found (../shared/data/khmer, /usr/share/locale/km)") }
        return KhmerMatchCorpus(sentences: sentences, vocabulary: Array(Set(sentences.flatMap(\.words))).sorted())
    }

    static func khmerDigits(_ value: Int) -> String {
        String(String(value).unicodeScalars.map { Character(Unicode.Scalar(0x17E0 + ($0.value - 0x30)) ?? "0") })
    }

    /// Unit `number`: a sentence, lightly varied, in Khmer (and English for gettext messages).
    func unit(_ number: Int) -> TranslationUnit {
        var random = SeededGenerator(seed: (0x4B4D_0000 &+ UInt64(number)) &* 0x9E37_79B9_7F4A_7C15)
        let sentence = sentences[random.below(sentences.count)]
        var words = sentence.words
        switch random.below(4) {
        case 1: words[random.below(words.count)] = vocabulary[random.below(vocabulary.count)]
        case 2: if words.count > 2 { words.remove(at: random.below(words.count)) }
        case 3: words.insert(Self.khmerDigits(1 + random.below(2000)), at: words.count - 1)
        default: break
        }
        var variants = [Variant(language: LanguageTag(.khmer), text: words.joined(separator: sentence.separator))]
        if let english = sentence.english { variants.append(Variant(language: LanguageTag(.english), text: english)) }
        return TranslationUnit(id: "km-\(number)", variants: variants, metadata: UnitMetadata(origin: "khmer benchmark (generated #\(number))"))
    }

    /// Query `number`: a window of 2–40 words of consecutive sentences, with up to two edits.
    func query(_ number: Int) -> String {
        var random = SeededGenerator(seed: (0x4B51_0000 &+ UInt64(number)) &* 0x9E37_79B9_7F4A_7C15)
        let length = 2 + random.below(39)
        let window = MatchBenchmark.window(length: length, sentences: sentences.count, words: { sentences[$0].words },
                                           vocabulary: vocabulary, random: &random)
        return window.joined()
    }
}
