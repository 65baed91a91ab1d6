import Testing
@testable import VerbaleCore

/// `UTF16Text.transcode` reads eight ASCII bytes at a time where it can: these hold it to the
/// standard library's UTF-16 view, with its flags, wherever a non-ASCII scalar falls against
/// the eight-byte steps (every offset, every length of UTF-8 sequence, at the ends).
@Suite("UTF-16 transcoding")
struct UTF16TextTranscodeTests {
    static func check(_ text: String, _ wrong: inout [String]) {
        var buffer: [UInt16] = []
        let (count, surrogates) = UTF16Text.transcode(text, into: &buffer)
        let expected = Array(text.utf16)
        if Array(buffer[0..<count]) != expected || surrogates != expected.contains(where: UTF16.isTrailSurrogate) {
            wrong.append(text)
        }
        var copy = text
        let (khmerCount, mayHoldKhmer) = copy.withUTF8 { UTF16Text.transcodeNotingKhmer(utf8: $0, into: &buffer) }
        let leadE1 = text.unicodeScalars.contains { (0x1000...0x1FFF).contains($0.value) }
        if Array(buffer[0..<khmerCount]) != expected || mayHoldKhmer != leadE1 { wrong.append("noting Khmer: " + text) }
    }

    @Test("Every non-ASCII scalar of one to four bytes at every offset of ASCII runs up to 40 bytes long")
    func everyOffset() {
        let inserts = ["é", "’", "ក", "\u{200B}", "😀", "\u{0301}", "ß", "\u{7F}", "\u{0}"]
        var wrong: [String] = []
        for length in 0...40 {
            let ascii = String((0..<length).map { Character(Unicode.Scalar(UInt8(0x41 + $0 % 26))) })
            Self.check(ascii, &wrong)
            for insert in inserts {
                for offset in 0...length {
                    let index = ascii.index(ascii.startIndex, offsetBy: offset)
                    Self.check(String(ascii[..<index]) + insert + String(ascii[index...]), &wrong)
                    Self.check(String(ascii[..<index]) + insert + insert + String(ascii[index...]) + insert, &wrong)
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("20,000 seeded random strings of ASCII, Latin-1, Khmer, typographic and astral scalars")
    func randomStrings() {
        let pieces = ["The ", "Ministry", " ", "l’", "Ambassade", "présente", "ក្រសួង", "១២", "\u{200B}", "😀", "🇰🇭", "€", "\u{A0}",
                      "abcdefgh", "12345678", "\t", "\n", "Ω", "ﬁ", "x"]
        var state: UInt64 = 0x7E57_0016
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var wrong: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<next(14) { text += pieces[next(pieces.count)] }
            Self.check(text, &wrong)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
