import VerbaleCore

/// The words of each sentence of one document as small integers, for learning a translation
/// lexicon from the documents being aligned.
///
/// Words come from the project's `Tokenizer` (ICU word breaks; for Khmer, which writes no spaces,
/// its dictionary and learned boundary model, U+200B dropped), keyed (case-folded, NFKC); only
/// `.word` tokens count — numbers are anchors already. Each sentence keeps its distinct word ids,
/// sorted. Ids come from a `WordVocabulary`, which an archive shares across its documents so
/// that one lexicon serves them all. Cost: one tokenizer pass, O(n).
struct SentenceWords: Sendable {
    /// Per sentence: distinct word ids, sorted.
    var sentences: [[Int32]]

    init(_ sentences: [String], vocabulary: inout WordVocabulary) {
        self.sentences = sentences.map { vocabulary.ids(of: $0) }
    }

    /// The words of one document on their own (ids dense from 0).
    init(_ sentences: [String], language: Language) {
        var vocabulary = WordVocabulary(language: language)
        self.init(sentences, vocabulary: &vocabulary)
    }
}

/// Word ids for one language, dense from 0, shared by every document of that language in an
/// archive. Holds one `Tokenizer` (opening it loads ICU data: once per archive, not per
/// document). O(1) amortised per word.
struct WordVocabulary {
    let language: Language
    private let tokenizer: Tokenizer?
    private var table: [String: Int32] = [:]

    init(language: Language) {
        self.language = language
        tokenizer = try? Tokenizer(language: language)
    }

    /// How many distinct words have ids.
    var count: Int { table.count }

    /// The distinct word ids of `sentence`, sorted; new words get new ids.
    mutating func ids(of sentence: String) -> [Int32] {
        let words: [String]
        if let tokenizer {
            words = tokenizer.tokenize(sentence).compactMap { $0.kind == .word ? $0.key : nil }
        } else {
            words = AnchorExtractor.words(sentence)
        }
        var ids = Set<Int32>()
        for word in words {
            if let id = table[word] {
                ids.insert(id)
            } else {
                let id = Int32(table.count)
                table[word] = id
                ids.insert(id)
            }
        }
        return ids.sorted()
    }
}
