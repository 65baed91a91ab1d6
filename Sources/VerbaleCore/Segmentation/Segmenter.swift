/// Splits text into segments. (Placeholder implementation: ICU sentence breaks plus line
/// breaks; the SRX engine replaces it.)
public final class Segmenter {
    public let language: Language
    private let sentences: BreakIterator

    public init(language: Language) throws(ICUError) {
        self.language = language
        sentences = try BreakIterator(.sentence, locale: language.rawValue)
    }

    public func segments(of text: String) -> [Segment] {
        let utf16 = Array(text.utf16)
        let offsets = ScalarOffsets(utf16: utf16)
        var result: [Segment] = []
        var start = 0
        for boundary in sentences.boundaries(utf16: utf16) {
            let piece = String(decoding: utf16[start..<boundary.utf16Offset], as: UTF16.self)
            let trimmed = piece.trimmingWhitespace()
            if !trimmed.isEmpty {
                let lead = piece.utf16.count - piece.drop(while: { $0.isWhitespace }).utf16.count
                let s = offsets.scalarOffset(ofUTF16: start + lead)
                result.append(Segment(text: trimmed, range: s..<(s + trimmed.unicodeScalars.count)))
            }
            start = boundary.utf16Offset
        }
        return result
    }
}
