import Testing
@testable import VerbaleCore

/// The parts of Khmer compound words, for the concordance (review finding M9).
@Suite("Khmer compound parts: the boundaries a U+200B or KhmerCompounds gives inside a word")
struct KhmerCompoundPartsTests {
    func parts(_ text: String) throws -> (tokens: [String], parts: [String]) {
        let (tokens, parts) = try Tokenizer(language: .khmer).tokenizeWithParts(text)
        return (tokens.map(\.key), parts.map(\.key))
    }

    @Test("ជន​បរទេស (a U+200B inside the dictionary word) stays one token and has the parts ជន, បរទេស")
    func zeroWidthSpaceInside() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        let (tokens, parts) = tokenizer.tokenizeWithParts("ជន\u{200B}បរទេស\u{200B}ត្រូវ\u{200B}មាន\u{200B}ទិដ្ឋាការ។")
        // The tokens are tokenize's, unchanged: matching keeps whole words.
        #expect(tokens == tokenizer.tokenize("ជន\u{200B}បរទេស\u{200B}ត្រូវ\u{200B}មាន\u{200B}ទិដ្ឋាការ។"))
        #expect(tokens.first?.key == "ជនបរទេស")
        #expect(parts.map(\.key) == ["ជន", "បរទេស"])
        // Ranges in scalars of the text: បរទេស starts after ជន and the U+200B.
        #expect(parts.map(\.range) == [0..<2, 3..<8])
        // Without the U+200B the text gives no boundary inside the dictionary word: no parts.
        #expect(try self.parts("ជនបរទេសត្រូវមានទិដ្ឋាការ។").parts.isEmpty)
    }

    @Test("Words KhmerCompounds joined that are two words have those as parts: ការបរទេស, ស្ថានទូត, រដ្ឋទូត; not កិត្តិយស, ជាតិ")
    func joinedCompounds() throws {
        let ministry = try parts("ក្រសួងការបរទេស")
        #expect(ministry.tokens == ["ក្រសួង", "ការបរទេស"])
        #expect(ministry.parts == ["ការ", "បរទេស"])
        #expect(try parts("ក្រសួង\u{200B}ការបរទេស").parts == ["ការ", "បរទេស"])
        #expect(try parts("ស្ថានទូតបារាំង").parts.prefix(2) == ["ស្ថាន", "ទូត"])
        #expect(try parts("ឯកអគ្គរដ្ឋទូត").parts == ["រដ្ឋ", "ទូត"])
        // Listed words whose model cut is not a word have no parts (ជា "is" is not in ជាតិ).
        #expect(try parts("មានកិត្តិយសសូមជម្រាបជូន").parts.isEmpty)
        #expect(try parts("ជាតិ សាសនា ព្រះមហាក្សត្រ").parts.isEmpty)
        // A word with no boundary inside has none; Latin text has none.
        #expect(try parts("សូមគោរព").parts.isEmpty)
        #expect(try Tokenizer(language: .english).tokenizeWithParts("The Ministry of Foreign Affairs").parts.isEmpty)
    }

    @Test("Parts of a text typed with COENG RO first are keyed in Unicode's order too")
    func partsReordered() throws {
        let roFirst = "\u{179F}\u{17D2}\u{179A}\u{17D2}\u{178F}\u{17B8}", roLast = "\u{179F}\u{17D2}\u{178F}\u{17D2}\u{179A}\u{17B8}"
        let first = try parts("សិទ្ធិ\u{200B}\(roFirst)"), last = try parts("សិទ្ធិ\u{200B}\(roLast)")
        #expect(first.tokens == last.tokens)
        #expect(first.parts == last.parts)
    }
}
