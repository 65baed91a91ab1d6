import Foundation

extension Tokenizer {
    /// Names what `tokenize` returns. Bump it with every change that can alter a text's tokens,
    /// keys, kinds or placeables (word-break rules, Khmer rules, French elision, placeable
    /// patterns, keying): anything derived from tokens and kept on disk (the match index's
    /// recorded glossary entities and merged tokens) is then no longer trusted.
    /// History: "tokens-2026-11-29" (Latin fast path); "tokens-2026-11-29b" (matcher forms
    /// composed to NFC, `Normalizer.composed`); "tokens-2026-11-29c" (personal-data
    /// placeholders `{PERSON}`… one placeable each); "tokens-2026-11-29d" (the identity records
    /// the ICU version: tokens are unchanged, but a Verbale that records no ICU must see a
    /// memory stamped by one as newer and leave it alone — with the old version it would read
    /// the new stamp as older and rewrite it, and the two would take turns on a shared memory);
    /// "tokens-2026-11-29e" (U+200B and U+FEFF between Khmer characters are taken out before
    /// Khmer words are found, `KhmerInvisibleBreaks`: Khmer typed with U+200B gets the tokens of
    /// the same Khmer typed without it, where each U+200B used to cut the text in two);
    /// "tokens-2026-11-29f" (Khmer words the boundary model cut in two joined again,
    /// `KhmerCompounds`: `ស្ថានទូត`, `កិត្តិយស`, `ការបរទេស`, `រដ្ឋទូត`, `ការទូត`, `ជាតិ`).
    /// "tokens-2026-11-29g" (references: `លេខយោង`, `លេខ៖`, `№`, `N°s` labels; `12/2021` and
    /// `AL KHM 10/2020` one bare reference; `N° 1 234` one identifier).
    /// "tokens-2026-11-30a" (Khmer subscripts keyed in Unicode's order, COENG RO last, so
    /// `ស្រ្តី` and `ស្ត្រី` give one token, `KhmerClusterOrder`; and the concordance's Khmer
    /// words also list the parts of compounds — a U+200B inside a word, a `KhmerCompounds`
    /// join — `Tokenizer.tokenizeWithParts`).
    /// "tokens-2026-11-30b" (matching forms without U+200B and U+FEFF, `Normalizer.matchingForm`,
    /// and a space between two Khmer words not counted as spacing, `KhmerWordGap`: Khmer differing
    /// only in invisible breaks or word spaces scores 100).
    /// "tokens-2026-11-30c" (a Khmer date's `ថ្ងៃ` and `ទី` are part of the date placeable when
    /// a U+200B or a space separates them, `ថ្ងៃ​ទី​៥ ខែ​ឧសភា`, as they were when glued; review
    /// 1130b M3).
    /// "tokens-2026-11-30d" (a space between two Khmer words is taken out before Khmer words are
    /// found, as U+200B is, `KhmerInvisibleBreaks`: `ខែ មករា` gets the tokens of `ខែមករា`, one
    /// word, where the space used to cut it in two; review 1130f m1. Texts without Khmer keep
    /// their tokens: the space must have a Khmer letter, sign or digit on both sides).
    /// Any change to what `analysisIdentity` holds, or how, needs a bump too.
    public static let analysisVersion = "tokens-2026-11-30d"

    /// `analysisVersion`, the ICU version linked (`icu 72.1`: ICU's word-break rules and its
    /// Khmer dictionary change between releases, and with them Khmer tokens and Latin word
    /// breaks, without any change to Verbale), and the identity of the Khmer boundary model this
    /// process uses (a hash of the shipped weights file's bytes, or "none" when the model is
    /// missing and Khmer falls back to ICU and the rules): the model changes Khmer tokens
    /// without any code change. Shape: `tokens-…; icu X.Y; khmer-model …`. The file's bytes are hashed, not the model loaded: tokens are a function of the
    /// code and those bytes (a malformed file always falls back the same way), so the hash is
    /// identity enough, and an English-only search does not pay for parsing the Khmer weights.
    /// Cost: the weights file (≈ 0.7 MB) read and hashed once per process, on first use.
    public static let analysisIdentity: String = {
        var identity = analysisVersion + "; icu " + ICU.version + "; khmer-model "
        guard let url = ShippedResource.core.url(KhmerBoundaryModel.relativePath),
              let bytes = try? Data(contentsOf: url) else { return identity + "none" }
        // FNV-1a, 64 bits: the same in every process (unlike `Hasher`).
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        bytes.withUnsafeBytes { raw in
            for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        identity += String(hash, radix: 16) + " (\(bytes.count) bytes)"
        return identity
    }()
}
