import VerbaleCore

extension PhraseFinder {
    /// A text's tokens as phrase search compares them with a phrase's, where token equality is
    /// not what a drafter means (review 1130e m4):
    ///
    /// - **French contractions**: « au », « aux » hold « à », « du », « des » hold « de » (+ the
    ///   article), so « présente ses compliments au Ministère » is the stock phrase « présente
    ///   ses compliments à » in full (it scored 75), and « accuser réception du » is « … de ».
    ///   Only the preposition itself is matched so (same key): « au » does not come near the
    ///   verb « a ».
    /// - **The word the text ends inside** (completions only): a French elision typed last
    ///   (« …l'honneur d' ») — which the tokenizer splits off only before a letter, so the text
    ///   is analysed with one letter added and that letter's token dropped — and a half-typed
    ///   last word ("…to inf") in a language written with spaces, which costs nothing against a
    ///   phrase word it begins ("inform"). Khmer is left as it was: it is written without
    ///   spaces, so a half-typed Khmer word is cut into other words and no last token is
    ///   "unfinished".
    ///
    /// Cost: one more tokenization of the text when it ends in an apostrophe (French), one
    /// tokenization of « à de », and one class-name lookup per phrase token on the last row.
    struct QueryTokens {
        var text: MatchText
        var ids: [TokenIDs]
        let aligner: TokenAlignment
        /// Per text token, the ids of the preposition a French contraction holds, else nil.
        private var contracted: [TokenIDs?]
        /// The last word as typed when the text may end inside it ("d'", "inf"); nil when the
        /// text ends on punctuation, is Khmer, or was built for phrase search.
        private(set) var unfinished: String?
        /// Whether `unfinished` is an elision, glued to the word after it (« d'informer »).
        private var elision = false
        /// `unfinished`'s scoped class key ("1\u{1}w:inf"), the prefix a phrase word it begins has.
        private var unfinishedClass = ""
        private let classes: StringTable

        /// `partialLastWord`: read the text's end as possibly unfinished (completions).
        init(_ text: MatchText, finder: PhraseFinder, partialLastWord: Bool) {
            let vocabulary = finder.matcher.index.vocabulary
            let language = MatchVocabulary.languageIndex(text.language)
            var text = text
            if partialLastWord, text.language == .french, let last = text.text.unicodeScalars.last, last == "'" || last == "\u{2019}",
               let probe = try? finder.matcher.analyse(text.text + "x", language: .french), probe.tokens.count >= 2 {
                let elided = probe.tokens[probe.tokens.count - 2]
                if elided.token.kind == .word, elided.token.range.upperBound == text.text.unicodeScalars.count,
                   let apostrophe = elided.token.text.unicodeScalars.last, apostrophe == "'" || apostrophe == "\u{2019}" {
                    text.tokens = Array(probe.tokens.dropLast())
                    elision = true
                }
            }
            self.text = text
            ids = PhraseFinder.unspaced(text.tokens.map { vocabulary.ids(of: $0, language: language) })
            aligner = TokenAlignment(model: finder.matcher.model)
            classes = vocabulary.classes
            contracted = Array(repeating: nil, count: text.tokens.count)
            if text.language == .french, let prepositions = try? finder.matcher.analyse("à de", language: .french), prepositions.tokens.count == 2 {
                let prepositionIDs = PhraseFinder.unspaced(prepositions.tokens.map { vocabulary.ids(of: $0, language: language) })
                let (to, of) = (prepositionIDs[0], prepositionIDs[1])
                for (i, token) in text.tokens.enumerated() where token.token.kind == .word {
                    switch token.token.key {
                    case "au", "aux": contracted[i] = to
                    case "du", "des": contracted[i] = of
                    default: break
                    }
                }
            }
            if partialLastWord, text.language != .khmer, let last = text.tokens.last, last.token.kind == .word,
               last.token.range.upperBound == text.text.unicodeScalars.count {
                unfinished = last.token.text
                unfinishedClass = MatchVocabulary.scoped(language, last.classKey)
            }
        }

        /// The price of text token `i` for `phrase` token: the cost model's, but nothing for a
        /// contraction against its preposition or for the unfinished last word against a phrase
        /// word it begins.
        func substitutionCost(_ i: Int, _ phrase: TokenIDs) -> Int {
            let cost = aligner.substitutionCost(ids[i], phrase)
            guard cost > 0 else { return 0 }
            if i == ids.count - 1, finishes(phrase) == true { return 0 }
            if let preposition = contracted[i], preposition.key == phrase.key { return min(cost, aligner.substitutionCost(preposition, phrase)) }
            return cost
        }

        /// How the unfinished last word stands to the phrase word aligned with it: true when
        /// the completion repeats it (an elision equal to it, a half-typed word it begins:
        /// "inf" / "inform"), false when the word is the phrase word whole and the completion
        /// follows it, nil when it is neither (or nothing is unfinished).
        func finishes(_ phrase: TokenIDs) -> Bool? {
            guard unfinished != nil, !phrase.isPunctuation, Int(phrase.cls) < classes.count else { return nil }
            let phraseClass = classes.string(at: Int(phrase.cls))
            if phraseClass == unfinishedClass { return elision }
            return !elision && phraseClass.hasPrefix(unfinishedClass) ? true : nil
        }
    }
}
