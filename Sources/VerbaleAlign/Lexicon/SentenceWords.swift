import VerbaleCore

/// The words of each sentence of one document as small integers, for learning a translation
/// lexicon from the document pair itself.
///
/// Words come from the project's `Tokenizer` (ICU word breaks; for Khmer, which writes no spaces,
/// its dictionary and learned boundary model, U+200B dropped), keyed (case-folded, NFKC); only
/// `.word` tokens count — numbers are anchors already. Each sentence keeps its distinct word ids,
/// sorted. Ids are per document, dense from 0. Cost: one tokenizer pass, O(n).
struct SentenceWords: Sendable {
    /// Per sentence: distinct word ids, sorted.
    var sentences: [[Int32]]
    /// How many distinct words the document has.
    var vocabularySize: Int

    init(_ sentences: [String], language: Language) {
        var vocabulary: [String: Int32] = [:]
        let tokenizer = try? Tokenizer(language: language)
        self.sentences = sentences.map { sentence in
            let words: [String]
            if let tokenizer {
                words = tokenizer.tokenize(sentence).compactMap { $0.kind == .word ? $0.key : nil }
            } else {
                words = AnchorExtractor.words(sentence)
            }
            var ids = Set<Int32>()
            for word in words {
                if let id = vocabulary[word] {
                    ids.insert(id)
                } else {
                    let id = Int32(vocabulary.count)
                    vocabulary[word] = id
                    ids.insert(id)
                }
            }
            return ids.sorted()
        }
        vocabularySize = vocabulary.count
    }
}
